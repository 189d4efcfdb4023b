/**
 * `npm run test:unit`: every tests/*.test.ts in ONE process (Node 20 has no --test-isolation=none): the TypeScript
 * loader and the suite's modules load once instead of once per file. Each file's tests are a suite named after the
 * file, so that a file's top-level before/after hooks (a browser, a scratch working directory) hold for its own tests
 * only, as they did in a process of their own.
 *
 *   node --import tsx tests/unit.ts [name-filter …]    e.g. `npm run test:unit -- signoff startup`
 */
import { readdirSync } from 'node:fs';
import { describe } from 'node:test';

const here = new URL('./', import.meta.url);
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts') && (filters.length === 0 || filters.some((w) => f.includes(w))))
  .sort();
if (files.length === 0) throw new Error(`no tests/*.test.ts matches ${filters.join(', ')}`);
for (const file of files) {
  // node:test waits for the promise the suite's function returns: the file's tests and hooks register into the suite.
  describe(file, () => import(new URL(file, here).href));
}
