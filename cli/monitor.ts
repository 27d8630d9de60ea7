/**
 * `npm run -s monitor -- query-log.json [--reference other.json]`: what a device's query log
 * (exported from the Monitoring view) says, in the terminal: the totals, the per-day figures and
 * the drift verdicts, computed by the same code as the view (src/monitoring/report.ts). A file
 * that is not an export is refused with what is wrong (exit 1).
 */
import { readFile } from 'node:fs/promises';
import { fromExportJson } from '../src/monitoring/export';
import { monitorReport } from '../src/monitoring/report';
import { defineCommand, readCommandLine } from './command-line';

const { flags, positionals } = readCommandLine(
  defineCommand({
    usage: 'npm run -s monitor -- EXPORT.json [--reference REFERENCE.json]',
    description: "A query log exported from the page's Monitoring view: totals, per-day figures and drift.",
    flags: {
      reference: { type: 'string', value: 'FILE', help: 'another export to compare with, instead of the log’s first week: e.g. public/monitoring/reference-profile.json, what the model was measured on' },
    },
    positionals: { min: 1, max: 1, name: 'EXPORT.json' },
  }),
);

async function readExport(path: string) {
  try {
    return fromExportJson(await readFile(path, 'utf8'));
  } catch (error) {
    console.error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const records = await readExport(positionals[0]!);
const reference = flags.reference === undefined ? undefined : await readExport(flags.reference);
console.log(monitorReport(records, { ...(reference && { reference }) }));
