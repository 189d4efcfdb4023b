/**
 * Figure drift against deviations that change only looks (the catalogue, reference-app/src/sections/<section>/deviations.json, concerns 'looks'):
 * every scenario stays green, and exactly the published figures the catalogue lists (manual step × device)
 * are "changed" against the approved set committed in the section folder; a change inside a mask changes none.
 * Runs the procedure features' home-screen row (the published figures' scenario) on pc-chromium and sp-android.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Deviation, DEVIATIONS, type DeviationId, deviationOf } from '../../reference-app/src/deviations.ts';
import { readDriftRecords } from '../../support/figures/book.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

const PROJECTS = { pc: ['pc-chromium'], sp: ['sp-android'], all: ['pc-chromium', 'sp-android'] } as const;
const LOOKS = (Object.keys(DEVIATIONS) as DeviationId[]).filter((id) => deviationOf(id).concerns === 'looks');

let sandbox: Sandbox;
before(() => {
  sandbox = makeSandbox('figure-drift');
  const gen = sandbox.run('npx', ['bddgen']);
  assert.equal(gen.status, 0, gen.stderr);
});
after(() => sandbox.remove());

test('the catalogue has looks-only deviations for a colour, a moved section, a relabelled control, and one inside a mask', () => {
  assert.deepEqual(LOOKS, ['header-colour', 'top-sections-reordered', 'logout-label-halfwidth', 'message-count-changed']);
});

for (const id of LOOKS) {
  const deviation: Deviation = deviationOf(id);
  const expected = (deviation.drift ?? []).flatMap((f) => PROJECTS[f.devices].map((p) => `${f.figure} ${p}`)).sort();
  test(`${id}: green, and drift on exactly ${expected.length > 0 ? expected.join(', ') : 'no figure (the change is masked)'}`, () => {
    const run = sandbox.run(
      'npx',
      ['playwright', 'test', '--grep', '「求職者マイページホーム」画面から', '--project', 'pc-chromium', '--project', 'sp-android'],
      { DEVIATIONS: id, STEP_SCREENSHOTS: 'false', CI: '1' },
      300_000,
    );
    const output = run.stdout + run.stderr;
    assert.equal(run.status, 0, `every scenario stays green:\n${output.slice(-3000)}`);
    const records = readDriftRecords(sandbox.path('reports', 'figures', 'drift'));
    // 3.3(1)①② on the PC, 3.3(2)①②③ on the smart device: every published figure was compared.
    assert.equal(records.length, 5, records.map((r) => `${r.manualId} ${r.project}`).join(', '));
    const changed = records
      .filter((r) => r.status === 'changed')
      .map((r) => `${r.manualId} ${r.project}`)
      .sort();
    assert.deepEqual(changed, expected, records.map((r) => `${r.manualId} ${r.project}: ${r.status} ${r.ratio}`).join('\n'));
    assert.ok(records.every((r) => r.status !== 'no-approved'));
    for (const r of records.filter((x) => x.status === 'changed')) {
      assert.ok(r.sideBySide && existsSync(sandbox.path(r.sideBySide)), `a side-by-side image for ${r.manualId} ${r.project}`);
    }
    const report = readFileSync(sandbox.path('reports', 'figures', 'drift.md'), 'utf8');
    const signoff = readFileSync(sandbox.path('reports', 'signoff', 'index.html'), 'utf8');
    // A run with a deviation says so before anything else; a run of part of the manual (one row, two devices) is no 不合格.
    const head = signoff.slice(0, signoff.indexOf('</header>'));
    assert.match(head, new RegExp(`data-banner="deviations">試験用の実行です（本番の確認ではありません）: 参照アプリにわざと入れた逸脱 ${id}`));
    assert.match(head, /data-verdict="partial"[\s\S]*?<div class="word">一部のみ確認/);
    if (id === 'logout-label-halfwidth') {
      // 「ﾛｸﾞｱｳﾄ」 is 「ログアウト」 after NFKC: green, with a note for the manual's writer in the sign-off, drift.md and the console.
      for (const ref of ['3.3(1)①', '3.3(2)②']) {
        assert.match(
          signoff,
          new RegExp(
            `data-note-ref="${ref.replace(/[()]/g, '\\$&')}"><strong>[^<]+</strong> 画面の表記は「ﾛｸﾞｱｳﾄ」で、マニュアルの「ログアウト」とは字形が違います`,
          ),
        );
        assert.ok(report.includes(`- ${ref}: 画面の表記は「ﾛｸﾞｱｳﾄ」`), report);
        assert.ok(output.includes(`マニュアルへの注記: ${ref}: 画面の表記は「ﾛｸﾞｱｳﾄ」`), output.slice(-3000));
      }
    } else {
      assert.doesNotMatch(signoff, /data-note-ref=/);
    }
    if (expected.length === 0) {
      assert.match(output, /図の比較: 5 枚すべてが承認済みの図と一致しました。/);
      assert.match(signoff, /data-drift="0">図の比較: 5 枚すべてが承認済みの図と一致しました。/);
    } else {
      assert.match(report, new RegExp(`更新が必要 ${expected.length} 枚`));
      assert.match(signoff, /<h2>図の更新が必要な箇所<\/h2>/);
      for (const e of expected) {
        const [figure, project] = e.split(' ');
        assert.ok(signoff.includes(`data-id="${figure}" data-project="${project}" data-status="changed"`), `the sign-off names ${e}`);
      }
    }
  });
}

test('FIGURE_DRIFT=fail: a changed figure fails its scenario, naming the figure', () => {
  const run = sandbox.run(
    'npx',
    ['playwright', 'test', '--grep', '「求職者マイページホーム」画面から', '--project', 'pc-chromium'],
    { DEVIATIONS: 'header-colour', FIGURE_DRIFT: 'fail', STEP_SCREENSHOTS: 'false', CI: '1' },
    300_000,
  );
  const output = run.stdout + run.stderr;
  assert.notEqual(run.status, 0, output.slice(-2000));
  assert.match(output, /図 3\.3\(1\)①（pc-chromium）が承認済みの図と [\d.]+% 違います/);
  assert.match(output, /FIGURE_DRIFT=fail/);
});
