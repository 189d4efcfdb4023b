/**
 * `npm run test:unit`: every tests/*.test.ts, in as many processes ("lanes") as the machine has cores, not one per
 * file (Node 20 has no --test-isolation=none): the TypeScript loader and the suite's modules load once per lane. The
 * files that start processes of their own (whole runs, the app) are spread over the lanes first, so that the lanes end
 * together. `--lanes 1`: every file in this very process.
 *
 *   node --import tsx tests/unit.ts [--lanes N] [name-filter …]    e.g. `npm run test:unit -- signoff startup`
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countOfOneOrMore } from '../reference-app/src/shared/whole-number.ts';
import { runTestFiles } from './helpers/run-files.ts';
import { registerUnitFiles, UNIT_DIR } from './helpers/unit-files.ts';

/** Seconds a file takes (2026-12-08, this 2-core machine, two lanes), for those that take more than one; the rest count 0.5. */
const SECONDS: Readonly<Record<string, number>> = {
  'bare-machine': 12,
  'mynaportal-login': 10,
  preflight: 10,
  observations: 4.7,
  'figure-capture': 4,
  startup: 3.1,
  traceability: 3,
  signoff: 2.1,
  runners: 1.6,
  'figure-drift': 1.2,
  'reference-app': 1.1,
};

const { values, positionals: filters } = parseArgs({ options: { lanes: { type: 'string' } }, allowPositionals: true });
const files = readdirSync(UNIT_DIR)
  .filter((f) => f.endsWith('.test.ts') && (filters.length === 0 || filters.some((w) => f.includes(w))))
  .sort();
if (files.length === 0) throw new Error(`no tests/*.test.ts matches ${filters.join(', ')}`);
const lanes = Math.min(files.length, values.lanes === undefined ? availableParallelism() : countOfOneOrMore('--lanes', values.lanes));

if (lanes === 1) {
  registerUnitFiles(files);
} else {
  // Longest first, each into the lane with the least so far.
  const weight = (f: string) => SECONDS[f.replace(/\.test\.ts$/, '')] ?? 0.5;
  const plan = Array.from({ length: lanes }, () => ({ seconds: 0, files: [] as string[] }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lane = plan.reduce((least, l) => (l.seconds < least.seconds ? l : least));
    lane.seconds += weight(file);
    lane.files.push(file);
  }
  // Each lane is a test file of node:test's own runner (a process of its own) that registers its share of the files.
  const dir = mkdtempSync(join(tmpdir(), 'unit-lanes-'));
  const register = new URL('./helpers/unit-files.ts', import.meta.url).href;
  const laneFiles = plan.map((lane, i) => {
    const path = join(dir, `lane-${i + 1}.test.mjs`);
    writeFileSync(path, `import { registerUnitFiles } from ${JSON.stringify(register)};\nregisterUnitFiles(${JSON.stringify(lane.files.sort())});\n`);
    return path;
  });
  runTestFiles(laneFiles, lanes).on('close', () => rmSync(dir, { recursive: true, force: true }));
}
