/**
 * The CPU's name as the benchmarks print it. Virtual machines often name only the vendor line
 * ("AMD EPYC"), which hides that two runs were on different hardware (this project's figures
 * moved by a factor of two between sessions on "2 × AMD EPYC"), so on Linux the family, model and
 * the vector extensions onnxruntime's kernels use are added from /proc/cpuinfo:
 * "AMD EPYC (family 26 model 2, AVX2, AVX-512, VNNI)".
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Vector extensions worth naming: the kernels onnxruntime (native and WASM SIMD via V8) can pick. */
const EXTENSIONS: readonly [flag: string, name: string][] = [
  ['avx2', 'AVX2'],
  ['avx512f', 'AVX-512'],
  ['avx512_vnni', 'VNNI'],
  ['avx_vnni', 'VNNI'],
];

/** Pure: the description from a model name and /proc/cpuinfo's text (empty where there is none). */
export function describeCpu(modelName: string, cpuinfo: string): string {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(cpuinfo)?.[1]?.trim();
  const family = field('cpu family');
  const model = field('model');
  const flags = new Set((field('flags') ?? '').split(/\s+/));
  const extensions = [...new Set(EXTENSIONS.filter(([flag]) => flags.has(flag)).map(([, name]) => name))];
  const details = [family !== undefined && model !== undefined ? `family ${family} model ${model}` : undefined, ...extensions].filter(Boolean);
  return details.length ? `${modelName} (${details.join(', ')})` : modelName;
}

export function cpuName(): string {
  const modelName = cpus()[0]?.model?.trim() || 'unknown CPU';
  let cpuinfo = '';
  try {
    cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // Not Linux: the model name is all there is.
  }
  return describeCpu(modelName, cpuinfo);
}
