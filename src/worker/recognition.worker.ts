/**
 * The recognition Web Worker: exposes the EngineApi (engine-api.ts) with comlink. Create it
 * through engine-client.ts, never directly.
 */
import { expose } from 'comlink';
import manifest from '../../models/manifest.json';
import type { ModelManifest } from '../engine';
import { createEngineHost } from './engine-host';

expose(createEngineHost({ manifest: manifest as ModelManifest }));
