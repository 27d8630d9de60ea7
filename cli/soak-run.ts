/**
 * One soak run on an open production page (issue #20): recorded queries handed to the file input
 * one after another, each waited for until its transcript is in the box and its place heads the
 * results, and the page's memory sampled every few queries. Shared by `npm run -s soak`
 * (cli/soak.ts, hundreds of queries) and e2e/soak.spec.ts (the short form, in the tests).
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { FIXTURES } from '../e2e/search-by-recording';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import { quantile, type MemorySample, type SoakResult } from './soak-data';

/** Recordings the page hears exactly (e2e/fixtures/README.md), and the place each must find. */
export const SOAK_RECORDINGS: readonly { file: string; place: string }[] = [
  { file: 'tokyo.wav', place: 'Tokyo' },
  { file: 'paris.wav', place: 'Paris' },
  { file: 'london.wav', place: 'London' },
  { file: 'berlin.wav', place: 'Berlin' },
  { file: 'madrid.wav', place: 'Madrid' },
  { file: 'toronto.wav', place: 'Toronto' },
  { file: 'chicago.wav', place: 'Chicago' },
  { file: 'japan.wav', place: 'Japan' },
];

export interface SoakOptions {
  /** Queries to answer. */
  queries: number;
  /** Memory is sampled before the first query and after every this many. */
  sampleEvery: number;
  /** Longest wait for one query's answer before it is counted lost. */
  queryTimeoutMs: number;
  /** Called after each sample (progress on the terminal). */
  onSample?(sample: MemorySample): void;
}

export const DEFAULT_SOAK_OPTIONS: SoakOptions = { queries: 500, sampleEvery: 50, queryTimeoutMs: 60_000 };

/** Runs the soak on `page`, which must have the production app open with its model ready. */
export async function soak(page: Page, options: Partial<SoakOptions> = {}): Promise<Pick<SoakResult, 'queries' | 'answered' | 'lost' | 'latencyMs' | 'loggingCostMs' | 'samples'>> {
  const opts: SoakOptions = { ...DEFAULT_SOAK_OPTIONS, ...options };
  const box = page.getByRole('searchbox', { name: 'Search' });
  const firstResult = page.getByRole('list', { name: 'Results' }).getByRole('listitem').first();
  const input = page.getByLabel('Transcribe an audio file…');
  const recordings = await Promise.all(
    SOAK_RECORDINGS.map(async ({ file, place }) => ({ file, place, buffer: await readFile(`${FIXTURES}${file}`) })),
  );

  const samples: MemorySample[] = [];
  const takeSample = async (queries: number) => {
    const sample = { queries, ...(await memoryOf(page)) };
    samples.push(sample);
    opts.onSample?.(sample);
  };
  const lost: string[] = [];
  const latencies: number[] = [];
  const costs: number[] = [];
  let answered = 0;
  await takeSample(0);
  for (let i = 0; i < opts.queries; i++) {
    const { file, place, buffer } = recordings[i % recordings.length]!;
    await box.fill('');
    const started = Date.now();
    await input.setInputFiles({ name: file, mimeType: 'audio/wav', buffer });
    try {
      await expect(box).toHaveValue(new RegExp(place, 'i'), { timeout: opts.queryTimeoutMs });
      await expect(firstResult).toContainText(place, { timeout: opts.queryTimeoutMs });
      latencies.push(Date.now() - started);
      answered++;
    } catch (error) {
      lost.push(`query ${i + 1} (${file}): ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
    // The page marks every transcript (src/ui/timeline.ts); a soak of thousands would otherwise
    // measure its own marks piling up. The query log's cost marks are read first.
    costs.push(
      ...(await page.evaluate((prefix) => {
        const marks = performance.getEntriesByName(`${prefix}query-logged`, 'mark') as PerformanceMark[];
        for (const name of ['transcript', 'query-logged']) performance.clearMarks(prefix + name);
        return marks.map((m) => (m.detail as { costMs: number }).costMs);
      }, TIMELINE_PREFIX)),
    );
    if ((i + 1) % opts.sampleEvery === 0 || i + 1 === opts.queries) await takeSample(i + 1);
  }
  const loggingCostMs = costs.length ? { median: quantile(costs, 0.5), p95: quantile(costs, 0.95), max: Math.max(...costs) } : undefined;
  return { queries: opts.queries, answered, lost, latencyMs: { median: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) }, ...(loggingCostMs && { loggingCostMs }), samples };
}

const MIB = 1024 * 1024;

/** The renderer's resident memory and peak (/proc), and the page's own measure where Chromium gives it. */
async function memoryOf(page: Page): Promise<Omit<MemorySample, 'queries'>> {
  const renderer = await rendererStatus(page);
  const measured = await page.evaluate(async () => {
    const measure = (performance as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: { bytes: number; types: string[] }[] }> })
      .measureUserAgentSpecificMemory;
    if (!measure || !crossOriginIsolated) return undefined;
    // Chromium answers at its next garbage collection (at once with ForceEagerMeasureMemory); never wait long.
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 30_000));
    const result = await Promise.race([measure.call(performance), timeout]);
    if (!result) return undefined;
    const workers = result.breakdown.filter((b) => b.types.includes('DedicatedWorker')).reduce((sum, b) => sum + b.bytes, 0);
    return { bytes: result.bytes, workers };
  });
  return {
    rendererRssMiB: renderer.rssKiB / 1024,
    rendererHwmMiB: renderer.hwmKiB / 1024,
    ...(measured ? { measuredMiB: measured.bytes / MIB, workersMiB: measured.workers / MIB } : {}),
  };
}

/**
 * VmRSS and VmHWM of the page's renderer: Chromium's renderer processes (CDP SystemInfo), the
 * largest by resident memory being the one running the app and its workers (a spare renderer
 * Chromium keeps ready is a few tens of MiB).
 */
export async function rendererStatus(page: Page): Promise<{ rssKiB: number; hwmKiB: number }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the soak needs a launched browser, to find its renderer');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const statuses = await Promise.all(
      processInfo.filter((p) => p.type === 'renderer').map(async (p) => procStatus(p.id).catch(() => undefined)),
    );
    const best = statuses.filter((s) => s !== undefined).sort((a, b) => b.rssKiB - a.rssKiB)[0];
    if (!best) throw new Error('no renderer process found in /proc');
    return best;
  } finally {
    await cdp.detach();
  }
}

async function procStatus(pid: number): Promise<{ rssKiB: number; hwmKiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}
