/**
 * Figure drift against deviations that change only looks (the catalogue, reference-app/src/sections/<section>/deviations.json, concerns 'looks'):
 * every scenario stays green, and exactly the published figures the catalogue lists (manual step × device)
 * are "changed" against the approved set committed in the section folder; a change inside a mask changes none.
 * Runs the procedure features' home-screen row (the published figures' scenario) on pc-chromium and sp-android.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { type Deviation, DEVIATIONS, type DeviationId, deviationOf } from '../../reference-app/src/deviations.ts';
import { expect } from '@playwright/test';
import { launchSuiteChromium } from '../../support/browser.ts';
import { loadConfig } from '../../support/config.ts';
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

test('the review page: a writer approves one changed figure and rejects another; applied, exactly the approved one is replaced and recorded; the next run shows it', async () => {
  const env = { DEVIATIONS: 'header-colour', STEP_SCREENSHOTS: 'false', CI: '1' };
  const args = ['playwright', 'test', '--grep', '「求職者マイページホーム」画面から', '--project', 'pc-chromium', '--project', 'sp-android'];
  const first = sandbox.run('npx', args, env, 300_000);
  assert.equal(first.status, 0, (first.stdout + first.stderr).slice(-3000));
  assert.match(first.stdout, /図の確認ページ（承認・却下）: reports\/figures\/review\.html/);
  const approvedPc = sandbox.path('manual', '3.3-logout', 'figures', 'reference', '3.3(1)①', 'pc-chromium.png');
  const approvedSp = sandbox.path('manual', '3.3-logout', 'figures', 'reference', '3.3(2)①', 'sp-android.png');
  const before = { pc: readFileSync(approvedPc), sp: readFileSync(approvedSp) };
  const freshPc = readDriftRecords(sandbox.path('reports', 'figures', 'drift')).find((r) => r.manualId === '3.3(1)①' && r.project === 'pc-chromium');
  assert.equal(freshPc?.status, 'changed');

  // In a real browser, as a writer would: the page from the disk, a name, one 承認, one 却下 with a comment, 決定を保存.
  const browser = await launchSuiteChromium(loadConfig({ HELLOWORK_PORT: '1', MYNAPORTAL_PORT: '2' }));
  const decisions = sandbox.path('figure-decisions.json');
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(pathToFileURL(sandbox.path('reports', 'figures', 'review.html')).href);
    await page.getByLabel('確認者の名前').fill('書き手 花子');
    const pc = page.locator('article[data-id="3.3(1)①"][data-project="pc-chromium"]');
    const sp = page.locator('article[data-id="3.3(2)①"][data-project="sp-android"]');
    await expect(pc.getByText('マニュアルの記述: 「求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。」')).toBeVisible();
    for (const label of ['承認済み', '今回', '差分（赤が変わった画素）']) await expect(pc.getByText(label, { exact: true })).toBeVisible();
    await pc.getByLabel('承認（今回の図をマニュアルの図にする）').check();
    await sp.getByLabel('却下（サイトが変わり、マニュアルと合っていない）').check();
    await sp.getByLabel('コメント 3.3(2)① sp-android').fill('ヘッダーの色がマニュアルと違う');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '決定を保存' }).click()]);
    assert.equal(download.suggestedFilename(), 'figure-decisions.json');
    await download.saveAs(decisions);
    await expect(page.getByRole('status')).toContainText('2 件の決定を figure-decisions.json に保存しました');
  } finally {
    await browser.close();
  }

  const applied = sandbox.run('node', ['--import', 'tsx', 'scripts/figures-approve.ts', '--from', decisions]);
  assert.equal(applied.status, 0, applied.stdout + applied.stderr);
  assert.match(applied.stdout, /1 枚を承認し、1 枚を却下しました（書き手 花子）/);
  assert.match(applied.stdout, /却下（サイトが変わり、マニュアルと合っていません。QA へ）:\n {2}3\.3\(2\)① sp-android: .*（ヘッダーの色がマニュアルと違う）/);
  // Exactly the approved figure replaced, by the image the writer saw.
  assert.ok(readFileSync(approvedPc).equals(readFileSync(sandbox.path(freshPc.fresh))));
  assert.ok(!readFileSync(approvedPc).equals(before.pc));
  assert.ok(readFileSync(approvedSp).equals(before.sp), 'the rejected figure stays as approved before');
  const approvals = JSON.parse(readFileSync(sandbox.path('manual', '3.3-logout', 'figures', 'reference', 'approvals.json'), 'utf8')) as {
    approvals: Record<string, { approvedBy: string; approvedAt: string; manualRevision?: string; ratio?: number }>;
  };
  assert.deepEqual(Object.keys(approvals.approvals), ['3.3(1)① pc-chromium']);
  const approval = approvals.approvals['3.3(1)① pc-chromium'];
  assert.equal(approval?.approvedBy, '書き手 花子');
  assert.ok(Math.abs(Date.parse(approval?.approvedAt ?? '') - Date.now()) < 10 * 60_000, approval?.approvedAt);
  const transcript = readFileSync(sandbox.path('manual', '3.3-logout', 'transcript.md'));
  assert.equal(approval?.manualRevision, createHash('sha256').update(transcript).digest('hex').slice(0, 12));
  assert.match(readFileSync(sandbox.path('reports', 'figures', 'rejected.md'), 'utf8'), /3\.3\(2\)① sp-android/);

  const second = sandbox.run('npx', args, env, 300_000);
  assert.equal(second.status, 0, (second.stdout + second.stderr).slice(-3000));
  const records = readDriftRecords(sandbox.path('reports', 'figures', 'drift'));
  const status = (id: string, project: string) => records.find((r) => r.manualId === id && r.project === project)?.status;
  assert.equal(status('3.3(1)①', 'pc-chromium'), 'unchanged');
  assert.equal(status('3.3(2)①', 'sp-android'), 'changed');
  const signoff = readFileSync(sandbox.path('reports', 'signoff', 'index.html'), 'utf8');
  assert.match(signoff, /data-approval="3\.3\(1\)① pc-chromium">[\s\S]*?承認済み: 書き手 花子（\d{4}年/);
  assert.match(signoff, /data-approval="3\.3\(2\)① sp-android">[\s\S]*?承認待ち（今回の図は承認済みの図と違います）/);
});
