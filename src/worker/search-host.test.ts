// The page's search worker and the command line answer a spoken query with the same code: the
// host the worker exposes (search-host.ts) and cli/spoken-pipeline.ts (npm run -s search,
// accuracy, the sweeps) give identical answers for the same transcript and n-best.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpokenPipeline, type SpokenPipeline } from '../../cli/spoken-pipeline';
import { realCatalogue, realCatalogueFiles } from '../../scripts/catalogue/real-catalogue';
import { DEFAULT_PIPELINE_OPTIONS, type HeardUtterance } from '../query';
import { createSearchHost } from './search-host';
import type { SearchApi } from './search-api';

const utterances: HeardUtterance[] = [
  { text: 'Hotel Minkin Sharser.', noSpeech: false, alternatives: [{ text: 'Hotel Minkin Sharser.', sumLogprob: -4.1 }, { text: 'Hotel in Kinshasa.', sumLogprob: -5.0 }] },
  { text: 'Whether in Jebel Pour.', noSpeech: false },
  { text: 'Restaurants in Lucknow India', noSpeech: false, alternatives: [{ text: 'Restaurants in Lucknow India', sumLogprob: -3 }, { text: 'Rest runs in Lucknow', sumLogprob: -3.2 }] },
  { text: '', noSpeech: true },
];

describe('the spoken-query pipeline behind the search worker and the command line', () => {
  let host: SearchApi;
  let cli: SpokenPipeline;
  beforeAll(async () => {
    const { text } = realCatalogue();
    const path = join(await mkdtemp(join(tmpdir(), 'catalogue-')), 'places.json');
    await writeFile(path, text);
    host = createSearchHost({ readCatalogue: async () => JSON.parse(text) });
    cli = await loadSpokenPipeline(path);
    await host.correctionReady();
  }, 120_000);

  it.each([
    ['the app\u2019s steps', {}],
    ['without correction', { correction: false }],
    ['without the catalogue', { rescoring: false, correction: false }],
  ])('gives identical answers with %s', async (_, steps) => {
    for (const utterance of utterances) {
      const fromWorker = await host.answer(utterance, steps, 10);
      const fromCli = cli.answer(utterance, { ...DEFAULT_PIPELINE_OPTIONS, ...steps }, 10);
      expect(fromWorker).toEqual(fromCli);
    }
  });

  it('answers the examples as the pipeline should: a place chosen, a place corrected, silence turned away', async () => {
    const [kinshasa, jabalpur, , silence] = await Promise.all(utterances.map((u) => host.answer(u, {}, 3)));
    expect(kinshasa).toMatchObject({ accepted: true, chosen: 1, query: 'Hotel in Kinshasa' });
    expect(kinshasa!.accepted && kinshasa!.hits[0]!.place.name).toBe('Kinshasa');
    expect(jabalpur).toMatchObject({ accepted: true, query: 'Whether in Jabalpur' });
    expect(silence).toEqual({ accepted: false, reason: 'no-speech' });
  });

  it('searches a spoken query as the pipeline does, a typed one by prefix', async () => {
    const spoken = await host.search('Toront', { limit: 3, spoken: true });
    const typed = await host.search('Toront', { limit: 3, spoken: false });
    expect(typed[0]!.place.name).toBe('Toronto');
    expect(spoken.map((h) => h.place.id)).toEqual(cli.catalogue.places.search('Toront', { prefix: false, limit: 3 }).map((h) => h.place.id));
  });
});

describe('a search host whose catalogue fails to load', () => {
  it('rejects every call with the reason, instead of hanging', async () => {
    const host = createSearchHost({ readCatalogue: () => Promise.reject(new Error('could not load the place catalogue /catalogue/places.json: HTTP 404')) });
    await expect(host.ready()).rejects.toThrow('HTTP 404');
    await expect(host.answer({ text: 'Paris', noSpeech: false }, {}, 3)).rejects.toThrow('HTTP 404');
    await expect(host.suggest('Pariss')).rejects.toThrow('HTTP 404');
  });

  it('names a catalogue that is not one', async () => {
    const host = createSearchHost({ readCatalogue: async () => ({ places: 'nope' }) });
    await expect(host.ready()).rejects.toThrow();
  });
});

describe('the place index from the stored name index', () => {
  const hostWith = (text: string, readNameIndex?: () => Promise<ArrayBuffer>) => createSearchHost({ readCatalogue: async () => JSON.parse(text), readNameIndex });
  const bytesOf = (file: Uint8Array) => async () => file.slice().buffer;
  const queries = ['paris', 'weather in san fransisco', 'hotels in köln germany', 'new yo'];
  const answers = async (host: SearchApi) => Promise.all(queries.map((q) => host.search(q, { limit: 5, spoken: false })));
  let expected: Awaited<ReturnType<typeof answers>>;
  beforeAll(async () => {
    expected = await answers(hostWith(realCatalogue().text));
  }, 120_000);

  it('reads the index the catalogue names, and searches as a built one', async () => {
    const { text, nameIndex } = realCatalogueFiles();
    const host = hostWith(text, bytesOf(nameIndex));
    expect((await host.ready()).names).toEqual({ stored: true });
    expect(await answers(host)).toEqual(expected);
  });

  it('refuses a damaged copy by its hash, builds the index instead and says why', async () => {
    const { text, nameIndex } = realCatalogueFiles();
    const damaged = nameIndex.slice();
    damaged[damaged.length - 10]! ^= 0xff;
    const host = hostWith(text, bytesOf(damaged));
    const { names } = await host.ready();
    expect(names).toMatchObject({ stored: false, problem: expect.stringMatching(/SHA-256 is [0-9a-f]{64}, the catalogue names [0-9a-f]{64}/) });
    expect(await answers(host)).toEqual(expected);
  });

  it('builds the index when the stored one cannot be read or is cut short', async () => {
    const { text, nameIndex } = realCatalogueFiles();
    const missing = hostWith(text, async () => Promise.reject(new Error('/catalogue/places.names.bin: HTTP 404')));
    expect((await missing.ready()).names).toEqual({ stored: false, problem: 'could not read the stored name index: /catalogue/places.names.bin: HTTP 404' });
    expect(await answers(missing)).toEqual(expected);
    const short = hostWith(text, bytesOf(nameIndex.subarray(0, 1000)));
    expect((await short.ready()).names).toMatchObject({ stored: false, problem: expect.stringContaining('has 1000 bytes, the catalogue names') });
  });

  it('is staged as this code builds it (public/catalogue/, written by `npm run stage`)', async () => {
    // A stale staged index would still match its catalogue's hash; this catches a change to the
    // tokenising code that the catalogue stamp (scripts/catalogue/catalogue-builder.ts) missed.
    const staged = await readFile(new URL('../../public/catalogue/places.names.bin', import.meta.url));
    expect(staged.equals(Buffer.from(realCatalogueFiles().nameIndex))).toBe(true);
  });

  it('builds the index for a catalogue that names none', async () => {
    const host = hostWith(realCatalogue().text, bytesOf(realCatalogueFiles().nameIndex));
    expect((await host.ready()).names).toEqual({ stored: false, problem: 'the catalogue names no stored name index' });
  });
});
