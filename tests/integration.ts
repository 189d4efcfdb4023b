/**
 * `npm run test:integration`: every tests/integration/*.test.ts, each in a process of its own (they start whole suite
 * runs, servers and browsers, and change directory), as many side by side as the machine has cores (or --concurrency N),
 * the longest first, so that no core waits at the end while one long file still runs (README "Benchmark").
 *
 *   node --import tsx tests/integration.ts [--concurrency N] [name-filter …]    e.g. `npm run test:integration -- shards`
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countOfOneOrMore } from '../reference-app/src/shared/whole-number.ts';
import { runTestFiles } from './helpers/run-files.ts';

/**
 * The files that take longest, longest first (alone, on the 2-core machine of README "Benchmark", 2026-12-08: 179, 110,
 * 108, 80, 67, 37, 24 and 20 s). Files not named here start after them, by name.
 */
const LONGEST_FIRST = ['target-profile', 'add-a-section', 'figure-drift', 'target-check', 'shards', 'cucumber-js', 'remote-browser', 'secrets'];

const { values, positionals: filters } = parseArgs({ options: { concurrency: { type: 'string' } }, allowPositionals: true });
const dir = fileURLToPath(new URL('./integration/', import.meta.url));
const all = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
const unknown = LONGEST_FIRST.filter((name) => !all.includes(`${name}.test.ts`));
if (unknown.length > 0) throw new Error(`tests/integration.ts names files that do not exist: ${unknown.join(', ')} (update LONGEST_FIRST)`);
const rank = (f: string) => {
  const i = LONGEST_FIRST.indexOf(f.replace(/\.test\.ts$/, ''));
  return i === -1 ? LONGEST_FIRST.length : i;
};
const files = all
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((f) => `${dir}${f}`);
if (files.length === 0) throw new Error(`no tests/integration/*.test.ts matches ${filters.join(', ')}`);

const concurrency = values.concurrency === undefined ? availableParallelism() : countOfOneOrMore('--concurrency', values.concurrency);

runTestFiles(files, concurrency);
