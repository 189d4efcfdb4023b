/**
 * Runs test files with node:test's own runner, each in a process of its own, `concurrency` at a time (tests/unit.ts'
 * lanes, tests/integration.ts), printing as `node --test` does: spec on a terminal, TAP otherwise (CI logs). Any failed
 * test but a todo makes the exit code 1, as `node --test` does (a file that cannot load counts as a failed test).
 */
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

export function runTestFiles(files: readonly string[], concurrency: number): ReturnType<typeof run> {
  const stream = run({ files: [...files], concurrency: Math.max(1, Math.min(concurrency, files.length)) });
  stream.on('test:fail', (failed: { todo?: unknown }) => {
    if (failed.todo === undefined || failed.todo === false) process.exitCode = 1;
  });
  stream.compose(process.stdout.isTTY ? new spec() : tap).pipe(process.stdout);
  return stream;
}
