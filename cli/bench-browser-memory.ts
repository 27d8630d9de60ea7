/**
 * Memory of the Chromium that `npm run -s bench:browser-models` drives, read from /proc on the
 * Node side (Linux only): the resident set of each renderer process started under this Node
 * process, now (VmRSS) and at its peak (VmHWM).
 *
 * Why /proc and not `performance.measureUserAgentSpecificMemory()` in the page: the page API gives
 * one sample, not a peak, resolves only at a later garbage collection (seconds to tens of
 * seconds), and counts memory it can attribute to JavaScript realms; onnxruntime's WebAssembly
 * heap and its threads' stacks are what a model costs. The renderer's peak resident set counts
 * everything the tab held (page, recognition worker, onnxruntime's threads), like the peak RSS
 * (getrusage maxrss) that `npm run -s bench:models` reports for Node.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStatus {
  pid: number;
  ppid: number;
  /** Resident set now and its peak, KiB. */
  rssKb: number;
  peakRssKb: number;
}

export interface RendererMemory {
  pid: number;
  rssMb: number;
  peakRssMb: number;
}

/** Parses /proc/<pid>/status; undefined when a field is missing (e.g. a zombie has no VmRSS). */
export function parseProcStatus(text: string): ProcStatus | undefined {
  const value = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const [pid, ppid, rssKb, peakRssKb] = [value('Pid'), value('PPid'), value('VmRSS'), value('VmHWM')];
  if (pid === undefined || ppid === undefined || rssKb === undefined || peakRssKb === undefined) return undefined;
  return { pid, ppid, rssKb, peakRssKb };
}

/**
 * Whether /proc/<pid>/cmdline is a Chromium renderer process. Arguments are NUL-separated, but
 * Chromium's child processes rewrite theirs into one space-separated string (their process title).
 */
export function isRendererCommandLine(cmdline: string): boolean {
  return cmdline.split(/[\0 ]/).includes('--type=renderer');
}

/** The pids among `processes` that descend from `root` (children, grandchildren, …). */
export function descendants(processes: readonly Pick<ProcStatus, 'pid' | 'ppid'>[], root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const found = new Set<number>();
  const stack = [root];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        stack.push(child);
      }
    }
  }
  return found;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile, or /proc is not there
  }
}

/** Whether this machine has a readable /proc with memory fields (Linux). */
export function procAvailable(): boolean {
  const self = readOrUndefined('/proc/self/status');
  return self !== undefined && parseProcStatus(self) !== undefined;
}

/** Chromium renderer processes under `root` (this Node process by default), largest resident set first. */
export function rendererMemory(root = process.pid): RendererMemory[] {
  const all: ProcStatus[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = readOrUndefined(`/proc/${name}/status`);
    const parsed = status ? parseProcStatus(status) : undefined;
    if (parsed) all.push(parsed);
  }
  const mine = descendants(all, root);
  return all
    .filter((p) => mine.has(p.pid) && isRendererCommandLine(readOrUndefined(`/proc/${p.pid}/cmdline`) ?? ''))
    .map((p) => ({ pid: p.pid, rssMb: p.rssKb / 1024, peakRssMb: p.peakRssKb / 1024 }))
    .sort((a, b) => b.rssMb - a.rssMb);
}

/** Whether process `pid` is still alive (not gone, not a zombie). */
export function processAlive(pid: number): boolean {
  const status = readOrUndefined(`/proc/${pid}/status`);
  return status !== undefined && !/^State:\s+Z/m.test(status);
}
