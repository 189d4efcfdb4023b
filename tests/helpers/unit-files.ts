/**
 * Registers unit test files in this process (tests/unit.ts): each file's tests become a suite named after the file, so
 * that a file's top-level before/after hooks (a browser, a scratch working directory) hold for its own tests only, as
 * they did in a process of their own.
 */
import { describe } from 'node:test';

export const UNIT_DIR = new URL('../', import.meta.url);

export function registerUnitFiles(files: readonly string[]): void {
  for (const file of files) {
    // node:test waits for the promise the suite's function returns: the file's tests and hooks register into the suite.
    describe(file, () => import(new URL(file, UNIT_DIR).href));
  }
}
