/** Figure drift (support/figures/compare.ts): unchanged within tolerance, changed with a readable diff, masks ignored. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { DRIFT_DIR, driftDirOf, loadFigurePlans, runDriftRecords } from '../support/figures/book.ts';
import { ManualIndex, parseManual } from '../support/manual.ts';
import { compareFigures, readPng, writePng } from '../support/figures/compare.ts';

/** A white image with one dark rectangle (a stand-in for a button) at x. */
function figure(width: number, height: number, rect: { x: number; y: number; w: number; h: number; colour?: [number, number, number] }): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  const [r, g, b] = rect.colour ?? [20, 40, 160];
  for (let y = rect.y; y < rect.y + rect.h; y++) for (let x = rect.x; x < rect.x + rect.w; x++) png.data.set([r, g, b, 255], (y * width + x) * 4);
  return writePng(png);
}

test('the same figure is unchanged; its diff has no changed pixel', () => {
  const a = figure(100, 50, { x: 10, y: 10, w: 30, h: 10 });
  const r = compareFigures(a, a, { tolerance: 0 });
  assert.equal(r.status, 'unchanged');
  assert.equal(r.changedPixels, 0);
  assert.equal(r.changedArea, undefined);
  assert.equal(r.images, undefined, 'no images for an unchanged figure');
});

test('a moved control is changed: share of pixels, the changed area, and approved | fresh | diff side by side', () => {
  const approved = figure(100, 50, { x: 10, y: 10, w: 30, h: 10 });
  const fresh = figure(100, 50, { x: 60, y: 10, w: 30, h: 10 });
  const r = compareFigures(approved, fresh, { tolerance: 0.01 });
  assert.equal(r.status, 'changed');
  assert.equal(r.changedPixels, 600);
  assert.equal(r.ratio, 600 / 5000);
  assert.deepEqual(r.changedArea, { x: 10, y: 10, width: 80, height: 10 });
  assert.ok(r.images);
  const side = readPng(r.images.sideBySide);
  assert.equal(side.width, 100 * 3 + 12 * 2);
  assert.equal(side.height, 50);
});

test('a colour change is changed; a small one within the tolerance is not', () => {
  const approved = figure(100, 50, { x: 10, y: 10, w: 30, h: 10 });
  assert.equal(compareFigures(approved, figure(100, 50, { x: 10, y: 10, w: 30, h: 10, colour: [200, 30, 30] }), { tolerance: 0.01 }).status, 'changed');
  assert.equal(compareFigures(approved, figure(100, 50, { x: 10, y: 10, w: 30, h: 10, colour: [200, 30, 30] }), { tolerance: 0.1 }).status, 'unchanged');
});

test('a change inside a masked area does not count', () => {
  const approved = figure(100, 50, { x: 10, y: 10, w: 30, h: 10 });
  const fresh = figure(100, 50, { x: 12, y: 12, w: 30, h: 10 });
  assert.equal(compareFigures(approved, fresh, { tolerance: 0 }).status, 'changed');
  const masked = compareFigures(approved, fresh, { tolerance: 0, masks: [{ x: 5, y: 5, width: 45, height: 25 }] });
  assert.equal(masked.status, 'unchanged');
  assert.equal(masked.changedPixels, 0);
});

test('figures of different sizes are changed, with both sizes', () => {
  const r = compareFigures(figure(100, 50, { x: 0, y: 0, w: 1, h: 1 }), figure(100, 60, { x: 0, y: 0, w: 1, h: 1 }), { tolerance: 0.5 });
  assert.equal(r.status, 'changed');
  assert.deepEqual(r.sizes, { approved: '100×50', fresh: '100×60' });
});

test('figure plans: read from each section folder, defaults filled in; a bad figures.json names the file and the entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'figure-plans-'));
  try {
    mkdirSync(join(dir, '9.9-x'));
    const file = join(dir, '9.9-x', 'transcript.md');
    const index = () => new ManualIndex([parseManual('# 9.9 見本\n## 9.9(1) パソコン画面 · タグ: `@9.9-1`\n- **9.9(1)①** 手順です。\n', file)]);
    const spec = (figures: object) => writeFileSync(join(dir, '9.9-x', 'figures.json'), JSON.stringify({ defaults: { tolerance: 0.001 }, figures }));
    spec({
      '9.9(1)①': {
        scenario: '見本',
        crop: { x: 0, y: 0, width: 400, height: 120 },
        masks: [{ of: 'userName', sample: '明日 勇気' }, { of: [{ css: '.date' }] }],
      },
    });
    const plan = loadFigurePlans(index()).get('9.9(1)①');
    assert.deepEqual(
      { scenario: plan?.scenario, crop: plan?.crop, masks: plan?.masks.length, tolerance: plan?.tolerance, threshold: plan?.threshold },
      { scenario: '見本', crop: { x: 0, y: 0, width: 400, height: 120 }, masks: 2, tolerance: 0.001, threshold: 0.1 },
    );
    spec({ '9.9(1)⑨': { scenario: '見本' } });
    assert.throws(() => loadFigurePlans(index()), /figures\.json: 9\.9\(1\)⑨ is not a manual id/);
    spec({ '9.9(1)①': { scenario: '見本', crop: 'somewhere' } });
    assert.throws(() => loadFigurePlans(index()), /figures\.json[\s\S]*crop/);
    // A published figure must never show the test account's own name: userName needs the manual's sample.
    spec({ '9.9(1)①': { scenario: '見本', masks: [{ of: 'userName' }] } });
    assert.throws(() => loadFigurePlans(index()), /figures\.json[\s\S]*a userName mask needs a sample/);
    // Masks are never painted: the old bare form (painted over) is refused, naming the entry.
    spec({ '9.9(1)①': { scenario: '見本', masks: ['userName'] } });
    assert.throws(() => loadFigurePlans(index()), /figures\.json[\s\S]*masks/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('figures:export writes the approved figures into one folder, named by manual step and device', () => {
  const out = mkdtempSync(join(tmpdir(), 'figures-export-'));
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/figures-export.ts', '--profile', 'reference', '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const approved = join('manual', '3.3-logout', 'figures', 'reference');
    const expected = readdirSync(approved).flatMap((id) => readdirSync(join(approved, id)).map((png) => `${id}-${png}`));
    assert.ok(expected.length >= 8, expected.join(', '));
    assert.deepEqual(readdirSync(out).sort(), expected.sort());
    assert.ok(readdirSync(out).includes('3.3(2)②-sp-android.png'));
    for (const name of expected) {
      const [id, png] = [name.slice(0, name.indexOf('-')), name.slice(name.indexOf('-') + 1)];
      assert.ok(readFileSync(join(out, name)).equals(readFileSync(join(approved, id, png))), name);
    }
    assert.match(run.stdout, /3\.3\(2\)②-sp-android\.png {2}承認済み/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("a run's drift records: a shard's own folder, a merge's shards of this run only, an unsharded run's without any shard's", () => {
  const dir = mkdtempSync(join(tmpdir(), 'drift-shards-'));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    const record = (manualId: string) => ({
      manualId,
      project: 'pc-chromium',
      profile: 'reference',
      caption: 'c',
      scenario: 's',
      status: 'unchanged',
      ratio: 0,
      tolerance: 0.002,
      approved: 'a',
      fresh: 'f',
    });
    const put = (folder: string, manualId: string) => {
      mkdirSync(join(DRIFT_DIR, folder), { recursive: true });
      writeFileSync(join(DRIFT_DIR, folder, `${manualId}.json`), JSON.stringify(record(manualId)));
    };
    put('shard-1', '1.1(1)①');
    put('shard-2', '1.1(1)②');
    put('shard-3', '1.1(1)③'); // left by an earlier run with three shards
    const ids = (env: NodeJS.ProcessEnv) => runDriftRecords(env).map((r) => r.manualId);
    assert.deepEqual(ids({ SHARD: '2/2' }), ['1.1(1)②']);
    assert.deepEqual(ids({ DRIFT_SHARDS: '2' }), ['1.1(1)①', '1.1(1)②']);
    // Only shards' records in the checkout: the merged shards are the last run.
    assert.deepEqual(ids({}), ['1.1(1)①', '1.1(1)②', '1.1(1)③']);
    // An unsharded run's own records: no shard's among them.
    put('', '1.1(1)④');
    assert.deepEqual(ids({}), ['1.1(1)④']);
    assert.equal(driftDirOf('2/3'), `${DRIFT_DIR}/shard-2`);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});
