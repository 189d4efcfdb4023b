import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { diffChars, featureTexts, formatDiff, readRunResults, trace } from '../support/traceability.ts';

const STEP_1_1 = '求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。';
const STEP_2_2 = '表示されたメニューから「ログアウト」をタップします。';
const NOTE_2 =
  'マイナポータルをログアウトしても、求職者マイページはログアウトされませんので、求職者マイページのご利用を終了する場合は、求職者マイページからログアウトしてください。';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A temp copy of manual/ and features/, with `file` (relative) edited by `edit`. */
function copyWith(file: string, edit: (source: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'trace-'));
  temps.push(root);
  cpSync('manual', join(root, 'manual'), { recursive: true });
  cpSync('features', join(root, 'features'), { recursive: true });
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const changed = edit(before);
  assert.notEqual(changed, before, `the edit must change ${file}`);
  writeFileSync(path, changed);
  return root;
}

const traceIn = (root: string) => trace({ manualDir: join(root, 'manual'), featuresDir: join(root, 'features') });

test('trace: the manual and the features agree', () => {
  const { problems, links } = trace({ manualDir: 'manual', featuresDir: 'features' });
  assert.deepEqual(
    problems.map((p) => p.message),
    [],
  );
  for (const link of links) assert.ok(link.scenarios.length > 0, `${link.sentence.id} is quoted by some scenario`);
  // The 注意 scenario quotes 3.3(1)② / 3.3(2)③ through its device tags.
  const topPage = links.find((l) => l.sentence.id === '3.3(1)②');
  assert.ok(topPage?.scenarios.some((s) => s.file.endsWith('3.3-note-mynaportal.feature')));
});

test('trace: one word changed in manual step 3.3(1)① is named, with both places and a diff', () => {
  const root = copyWith('manual/3.3-logout/transcript.md', (s) => s.replaceAll(STEP_1_1, STEP_1_1.replace('クリック', 'タップ')));
  const { problems } = traceIn(root);
  assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n\n'));
  const [p] = problems;
  assert.equal(p?.kind, 'mismatch');
  assert.equal(p?.manual?.id, '3.3(1)①');
  assert.match(p?.feature?.file ?? '', /3\.3-1-pc\.feature$/);
  assert.match(p?.message ?? '', /3\.3\(1\)①/);
  assert.match(p?.message ?? '', /manual\/3\.3-logout\/transcript\.md:\d+/);
  assert.match(p?.message ?? '', /3\.3-1-pc\.feature:\d+/);
  assert.match(p?.message ?? '', /「ログアウト」ボタンを\[-タップ-\]\{\+クリック\+\}します。/);
});

test('trace: one word changed in a feature step is named, with the manual step it should quote', () => {
  const root = copyWith('features/3.3-logout/3.3-2-smart-device.feature', (s) => s.replace(STEP_2_2, STEP_2_2.replace('タップ', 'クリック')));
  const { problems } = traceIn(root);
  assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n\n'));
  assert.equal(problems[0]?.manual?.id, '3.3(2)②');
  assert.match(problems[0]?.feature?.text ?? '', /「ログアウト」をクリックします。/);
});

test('trace: a feature step ending with 。 that quotes no sentence of its sections is reported', () => {
  const root = copyWith('features/3.3-logout/3.3-1-pc.feature', (s) =>
    s.replace('    ならば ハローワーク', '    かつ 求職者マイページの画面が閉じます。\n    ならば ハローワーク'),
  );
  const { problems } = traceIn(root);
  assert.deepEqual(
    problems.map((p) => [p.kind, p.feature?.text]),
    [['unknown-step', '求職者マイページの画面が閉じます。']],
  );
});

test('trace: a 注意 sentence missing from the feature description is named', () => {
  const root = copyWith('features/3.3-logout/3.3-note-mynaportal.feature', (s) => s.replace(`  ${NOTE_2}\n`, ''));
  const { problems } = traceIn(root);
  assert.deepEqual(
    problems.map((p) => [p.kind, p.manual?.id]),
    [['unquoted', '3.3(注意)②']],
  );
});

test('trace CLI: exit 1 naming the step on drift, 0 and a Japanese HTML report otherwise', () => {
  const run = (root: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/traceability.ts', '--root', root], { encoding: 'utf8' });
  const clean = copyWith('features/3.3-logout/3.3-1-pc.feature', (s) => `${s}\n`);
  const ok = run(clean);
  assert.equal(ok.status, 0, ok.stderr);
  const page = readFileSync(join(clean, 'reports', 'traceability.html'), 'utf8');
  assert.match(page, /<html lang="ja">/);
  assert.match(page, /未実行/, 'no report.json: the results say 未実行');
  assert.match(readFileSync(join(clean, 'reports', 'traceability.md'), 'utf8'), /\| 3\.3\(1\)①/);
  const drift = run(copyWith('manual/3.3-logout/transcript.md', (s) => s.replaceAll(STEP_1_1, STEP_1_1.replace('画面上部', '画面下部'))));
  assert.equal(drift.status, 1);
  assert.match(drift.stdout, /マニュアル 3\.3\(1\)①/);
});

test('run results: the project comes from the feature id; an outline sums its Examples rows', () => {
  const source = '# language: ja\n@3.3-1 @pc\n機能: F\n  シナリオアウトライン: S <x>\n    前提 a\n    例:\n      | x |\n      | 1 |\n      | 2 |\n';
  const scenarios = featureTexts(source, 'features/f.feature').flatMap((t) => t.scenarios);
  const steps = (status: string) => [
    { keyword: 'Before', hidden: true, result: { status: 'passed' } },
    { name: 'a', result: { status } },
  ];
  const json = JSON.stringify([
    { id: 'pc-chromium-›-f', uri: 'features/f.feature', name: 'F', elements: [8, 9].map((line, i) => ({ line, steps: steps(i ? 'failed' : 'passed') })) },
    { id: 'f', uri: 'features/f.feature', name: 'F', metadata: { Project: 'pc-firefox' }, elements: [{ line: 8, steps: steps('passed') }] },
  ]);
  const results = readRunResults(json, scenarios).get('features/f.feature:4');
  assert.deepEqual(results?.get('pc-chromium'), { status: 'failed', passed: 1, runs: 2 });
  assert.deepEqual(results?.get('pc-firefox'), { status: 'passed', passed: 1, runs: 1 });
});

test('diff: character-level, manual-only text first', () => {
  assert.equal(formatDiff(diffChars('「ログアウト」ボタン', '「サインアウト」ボタン')), '「[-ログ-]{+サイン+}アウト」ボタン');
  assert.equal(formatDiff(diffChars('同じ', '同じ')), '同じ');
});
