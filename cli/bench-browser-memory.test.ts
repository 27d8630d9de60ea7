/** Reading Chromium's renderer memory from /proc (the parsing is pure; one check runs on this machine's /proc). */
import { describe, expect, it } from 'vitest';
import { descendants, isRendererCommandLine, parseProcStatus, procAvailable, rendererMemory } from './bench-browser-memory';

const STATUS = [
  'Name:\tchromium',
  'State:\tS (sleeping)',
  'Tgid:\t14976',
  'Pid:\t14976',
  'PPid:\t14888',
  'TracerPid:\t0',
  'VmPeak:\t33419840 kB',
  'VmHWM:\t  832112 kB',
  'VmRSS:\t  612040 kB',
  '',
].join('\n');

describe('parseProcStatus', () => {
  it('reads the pid, the parent and the resident set now and at its peak (KiB)', () => {
    expect(parseProcStatus(STATUS)).toEqual({ pid: 14976, ppid: 14888, rssKb: 612040, peakRssKb: 832112 });
  });

  it('does not take TracerPid for Pid, and gives up without memory fields (a zombie)', () => {
    expect(parseProcStatus(STATUS.replace('Pid:\t14976\n', ''))).toBeUndefined();
    expect(parseProcStatus('Name:\tchromium\nState:\tZ (zombie)\nPid:\t5\nPPid:\t1\n')).toBeUndefined();
  });
});

describe('isRendererCommandLine', () => {
  it('knows a renderer by its --type, NUL-separated or rewritten into one space-separated title', () => {
    expect(isRendererCommandLine('/usr/lib/chromium/chromium\0--type=renderer\0--no-sandbox\0')).toBe(true);
    expect(isRendererCommandLine('/usr/lib/chromium/chromium --type=renderer --crashpad-handler-pid=0 --lang=en-US')).toBe(true);
    expect(isRendererCommandLine('/usr/lib/chromium/chromium --type=gpu-process --no-sandbox')).toBe(false);
    expect(isRendererCommandLine('/usr/lib/chromium/chromium --type=zygote')).toBe(false);
    expect(isRendererCommandLine('/usr/bin/node cli/x.ts --type=renderer-like')).toBe(false);
  });
});

describe('descendants', () => {
  it('finds children and grandchildren of the root only', () => {
    const tree = [
      { pid: 10, ppid: 1 }, // this Node process
      { pid: 11, ppid: 10 }, // chromium
      { pid: 12, ppid: 11 }, // zygote
      { pid: 13, ppid: 12 }, // renderer
      { pid: 20, ppid: 1 }, // someone else's chromium
      { pid: 21, ppid: 20 },
    ];
    expect([...descendants(tree, 10)].sort()).toEqual([11, 12, 13]);
    expect([...descendants(tree, 13)]).toEqual([]);
  });
});

describe.runIf(procAvailable())('rendererMemory on this machine', () => {
  it('finds no renderer under a process that started no browser', () => {
    expect(rendererMemory(process.pid)).toEqual([]);
  });
});
