/**
 * The top-level folders are floors: a file imports only from its own folder or from floors below, so no arrow runs
 * upward and no two folders import each other (no cycle). From the bottom: the bundled reference app (stand-alone:
 * it imports nothing of the suite), support (configuration, browser, manual index, reports), pages (page objects and
 * observations), checks (the checks and their messages), steps (step definitions), fixtures (the runners' adapters:
 * Playwright fixtures and the cucumber-js World), scripts (commands), and the configuration files at the root.
 * tests/ may import anything.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

export const FLOORS = ['reference-app', 'support', 'pages', 'checks', 'steps', 'fixtures', 'scripts', '(root)'] as const;

export interface Arrow {
  readonly from: string;
  readonly to: string;
}

const topOf = (path: string) => (path.includes('/') ? (path.split('/')[0] ?? path) : '(root)');

/** The relative imports of a file's source (static, re-exports, side-effect imports, import() and tsImport() of a literal). */
export function importsOf(file: string, source: string): Arrow[] {
  const pattern = /(?:\bfrom\s+|\bimport\s+|\bimport\(\s*|\btsImport\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => ({ from: file, to: normalize(join(dirname(file), m[1] ?? '')) }));
}

/** Arrows between top-level folders that do not point to a lower floor, in words. */
export function upward(arrows: readonly Arrow[]): string[] {
  const floor = (path: string) => FLOORS.indexOf(topOf(path) as (typeof FLOORS)[number]);
  return arrows
    .filter((a) => topOf(a.from) !== topOf(a.to))
    .filter((a) => floor(a.from) >= 0 && floor(a.from) <= floor(a.to))
    .map((a) => `${a.from} → ${a.to} (${topOf(a.from)} is not above ${topOf(a.to)})`);
}

test('the checker sees an upward arrow and a cycle, and lets a downward one pass', () => {
  assert.deepEqual(upward(importsOf('support/x.ts', "import type { A } from '../steps/context.ts';")), [
    'support/x.ts → steps/context.ts (support is not above steps)',
  ]);
  const cycle = [...importsOf('fixtures/test.ts', "import '../steps/a.ts';"), ...importsOf('steps/a.ts', "export { t } from '../fixtures/test.ts';")];
  assert.equal(upward(cycle).length, 1, 'one of the two arrows of a cycle runs upward');
  assert.deepEqual(upward(importsOf('steps/a.ts', "const m = await import('../pages/b.ts'); import { c } from './c.ts';")), []);
});

test('no file imports from a floor above its own (no upward arrow, no cycle between top-level folders)', () => {
  const files = spawnSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.js'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f && !f.startsWith('tests/'));
  assert.ok(files.length > 50);
  const arrows = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));
  assert.ok(
    arrows.some((a) => topOf(a.from) !== topOf(a.to)),
    'the scan found imports between folders',
  );
  const outside = [...new Set(files.map(topOf))].filter((t) => !(FLOORS as readonly string[]).includes(t));
  assert.deepEqual(outside, [], 'every top-level folder with code has a floor');
  assert.deepEqual(upward(arrows), []);
});
