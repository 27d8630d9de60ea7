import { describe, expect, it } from 'vitest';
import { describeFailure, planBackend, threadCount } from './backend-choice';

describe('planBackend', () => {
  it('uses WebGPU for auto only on a hardware adapter', () => {
    expect(planBackend('auto', 'hardware')).toEqual({ first: 'webgpu' });
    expect(planBackend('auto', 'fallback')).toEqual({ first: 'wasm' });
    expect(planBackend('auto', 'none')).toEqual({ first: 'wasm' });
  });

  it('honours an explicit wasm even with an adapter', () => {
    expect(planBackend('wasm', 'hardware')).toEqual({ first: 'wasm' });
  });

  it('tries an explicit webgpu on any adapter, and says why not without one', () => {
    expect(planBackend('webgpu', 'hardware')).toEqual({ first: 'webgpu' });
    expect(planBackend('webgpu', 'fallback')).toEqual({ first: 'webgpu' });
    const plan = planBackend('webgpu', 'none');
    expect(plan.first).toBe('wasm');
    expect(plan.fallbackReason).toMatch(/no adapter/);
  });
});

describe('threadCount', () => {
  it('is 1 without cross-origin isolation (no SharedArrayBuffer)', () => {
    expect(threadCount(false, 16)).toBe(1);
  });

  it('uses the cores when isolated, at most maxThreads', () => {
    expect(threadCount(true, 2)).toBe(2);
    expect(threadCount(true, 16)).toBe(4);
    expect(threadCount(true, 16, { maxThreads: 8 })).toBe(8);
    expect(threadCount(true, undefined)).toBe(1);
  });
});

describe('describeFailure', () => {
  it('keeps the first line of an error message, prefixed with the stage', () => {
    expect(describeFailure('WebGPU failed', new Error('no backend\nstack…'))).toBe('WebGPU failed: no backend');
    expect(describeFailure('WebGPU failed', 'lost')).toBe('WebGPU failed: lost');
  });
});
