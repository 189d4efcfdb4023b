/**
 * A manual section is a folder (issue 11, item 5): the example section in tests/data/add-a-section/ (a
 * fictional §9.1 「お知らせを確認する」, laid out like the repository) is copied into a copy of the project, and
 * - the copy's git status lists only new files, each in one of the section's own folders (no existing file edited);
 * - the installed section typechecks, `scripts/traceability.ts` passes and names its sentences;
 * - the suite (pc-chromium, sp-android; the bundled app starts by itself and serves the section's route) passes,
 *   with the 9.1 scenarios run and passed on pc-chromium and not run on sp-android;
 * - Allure files them under the transcript's chapter / title / subsection, and the sign-off says 合格 with the
 *   9.1 rows not applicable (―) on sp-android;
 * - its page object finds what it needs through the target profile (its own block in both built-in profiles): the
 *   9.1 scenarios pass on the real site's markup too (REFERENCE_MARKUP=hellowork);
 * - its deviation (reference-app/src/sections/9.1-notice/deviations.json) joins the catalogue, and the sensitivity
 *   run detects it exactly: the 注意 scenario red, naming 9.1(注意)①, nothing else.
 * The list of touched files and the time taken are printed.
 */
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { makeSandbox, ROOT, type Run, type Sandbox } from './helpers/sandbox.ts';

/** The example section, mirroring the repository's paths. */
const TEMPLATE = join(ROOT, 'tests', 'data', 'add-a-section');
const SECTION = '9.1-notice';
/** The folders a manual section owns (README "Add a manual section"). */
const SECTION_FOLDERS = ['manual', 'features', 'steps', 'pages', 'profiles', 'reference-app/src/sections'].map((f) => `${f}/${SECTION}/`);
const PROJECTS = 'pc-chromium,sp-android';
/** What the example's transcript says (the assertions below read it from the copy too). */
const CHAPTER = '9 試験用の章（追加手順の見本）';
const TITLE = '9.1 お知らせを確認する';
const SENTENCES = {
  '9.1(1)①': { text: '求職者マイページのメニューから「お知らせ」をクリックします。', story: '9.1(1) パソコン画面' },
  '9.1(1)②': { text: 'お知らせの一覧が表示されます。', story: '9.1(1) パソコン画面' },
  '9.1(注意)①': { text: 'お知らせは、掲載日の新しいものから順に表示されます。', story: '9.1(注意) お知らせの並び順について' },
} as const;

const started = Date.now();
const phases: string[] = [];
const timed = (name: string, run: Run) => {
  phases.push(`${name} ${run.seconds.toFixed(1)} s`);
  return run;
};
const output = (run: Run) => `${run.stdout}\n${run.stderr}`;

/** Every file under dir, as paths relative to it (with /). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'))
    .sort();
}

let sandbox: Sandbox;
let touched: string[] = [];
const git = (...args: string[]) => {
  const r = sandbox.run('git', args, {
    GIT_AUTHOR_NAME: 'sandbox',
    GIT_AUTHOR_EMAIL: 'sandbox@example.invalid',
    GIT_COMMITTER_NAME: 'sandbox',
    GIT_COMMITTER_EMAIL: 'sandbox@example.invalid',
  });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

before(() => {
  sandbox = makeSandbox('add-a-section');
  // The copy as a repository of its own: its status then shows what adding the section changed.
  git('init', '-q');
  appendFileSync(sandbox.path('.git', 'info', 'exclude'), 'node_modules\n'); // the link to this checkout's (`node_modules/` ignores folders only)
  git('add', '-A');
  git('commit', '-q', '-m', 'the project as it is');
  for (const file of filesUnder(TEMPLATE)) {
    mkdirSync(dirname(sandbox.path(file)), { recursive: true });
    copyFileSync(join(TEMPLATE, file), sandbox.path(file));
  }
  touched = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
  console.log(`Adding the example section ${SECTION} (tests/data/add-a-section/) touched:\n${touched.map((l) => `  ${l}`).join('\n')}`);
});

after(() => {
  console.log(`add-a-section: ${((Date.now() - started) / 1000).toFixed(1)} s in all (${phases.join(', ')})`);
  sandbox.remove();
});

test('the example lives only as a template: none of its files is in the project itself', () => {
  const files = filesUnder(TEMPLATE);
  assert.ok(files.length >= 6, files.join('\n'));
  for (const file of files) assert.ok(!existsSync(join(ROOT, file)), `${file} is installed in the project; the example must stay in tests/data/add-a-section/`);
});

test('adding a section adds files in its own folders and edits none', () => {
  assert.ok(touched.length > 0, 'the template added nothing');
  for (const line of touched) {
    const status = line.slice(0, 2);
    const path = line.slice(3);
    assert.ok(status === '??' || status === 'A ', `not a new file: ${line}`);
    assert.ok(
      SECTION_FOLDERS.some((folder) => path.startsWith(folder)),
      `${path} is outside the section's folders (${SECTION_FOLDERS.join(', ')})`,
    );
  }
  // One of each: transcript, feature, steps, page object, profile blocks, routes.
  for (const folder of SECTION_FOLDERS)
    assert.ok(
      touched.some((l) => l.slice(3).startsWith(folder)),
      `nothing added in ${folder}`,
    );
});

test('the installed section typechecks with the project', () => {
  const run = timed('tsc', sandbox.run('npx', ['tsc', '--noEmit', '-p', '.']));
  assert.equal(run.status, 0, output(run));
});

test('trace: every 9.1 sentence is quoted by a feature with its tag, no drift', () => {
  const run = timed('trace', sandbox.run('node', ['--import', 'tsx', 'scripts/traceability.ts']));
  assert.equal(run.status, 0, output(run));
  assert.match(run.stdout, /食い違い 0 件/);
  const report = readFileSync(sandbox.path('reports', 'traceability.md'), 'utf8');
  for (const [id, { text }] of Object.entries(SENTENCES)) {
    const row = report.split('\n').find((l) => l.startsWith(`| ${id}<br>`));
    assert.ok(row, `${id} has no row in reports/traceability.md`);
    assert.ok(row.includes(text), row);
    assert.match(row, /features\/9\.1-notice\/[\w.-]+\.feature:\d+/, `${id} is quoted by no scenario: ${row}`);
  }
});

interface AllureResult {
  readonly name: string;
  readonly status: string;
  readonly labels: readonly { readonly name: string; readonly value: string }[];
  readonly parameters?: readonly { readonly name: string; readonly value: string }[];
}

test(`the suite (${PROJECTS}) passes with the section: 9.1 on the PC only, filed and signed off as the transcript says`, async (t) => {
  const gen = timed('bddgen', sandbox.run('npx', ['bddgen']));
  assert.equal(gen.status, 0, output(gen));
  const run = timed(
    'playwright',
    // Quick: no step screenshots, and the 3.3 注意's watch for a late logout (5 s; none happens without deviations) at 1 s.
    sandbox.run('npx', ['playwright', 'test'], { PROJECTS, STEP_SCREENSHOTS: 'false', NOTE_SETTLE_MS: '1000', CI: '1' }, 600_000),
  );
  assert.equal(run.status, 0, output(run).slice(-6000));
  assert.match(run.stdout, /\d+ passed/);

  await t.test('the 9.1 scenarios ran and passed on pc-chromium, and did not run on sp-android', () => {
    const dir = sandbox.path('reports', 'allure-results');
    const results = readdirSync(dir)
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult);
    const label = (r: AllureResult, name: string) => r.labels.find((l) => l.name === name)?.value;
    const project = (r: AllureResult) => r.parameters?.find((p) => p.name === '端末')?.value;
    const ours = results.filter((r) => r.labels.some((l) => l.name === 'tag' && /^@?9\.1-/.test(l.value)));
    assert.deepEqual(
      ours.map((r) => `${project(r)} ${label(r, 'story')} ${r.status}`).sort(),
      [`pc-chromium ${SENTENCES['9.1(1)①'].story} passed`, `pc-chromium ${SENTENCES['9.1(注意)①'].story} passed`],
      'one scenario per 9.1 feature, on pc-chromium only',
    );
    // Allure grouping: the transcript's 章 line / title / the subsection's id and title.
    for (const r of ours) {
      assert.equal(label(r, 'epic'), CHAPTER, r.name);
      assert.equal(label(r, 'feature'), TITLE, r.name);
    }
    // The 3.3 scenarios still ran on both devices.
    assert.ok(results.some((r) => project(r) === 'sp-android' && label(r, 'epic') === '3 求職者マイページ'));
  });

  await t.test('the sign-off says 合格, with the 9.1 rows passed on pc-chromium and not applicable on sp-android', () => {
    const html = readFileSync(sandbox.path('reports', 'signoff', 'index.html'), 'utf8');
    // 合格, and it names any published figure the section's additions to My Page changed (図の更新 n 枚).
    assert.match(html, /data-verdict="passed"[\s\S]*?<div class="word">合格(?:（図の更新 \d+ 枚）)?<\/div>/);
    const mark = (id: string, project: string) =>
      new RegExp(`data-id="${id.replace(/[()]/g, '\\$&')}" data-project="${project}" data-mark="([a-z]+)"`).exec(html)?.[1];
    for (const id of Object.keys(SENTENCES)) {
      assert.equal(mark(id, 'pc-chromium'), 'passed', `${id} on pc-chromium`);
      assert.equal(mark(id, 'sp-android'), 'na', `${id} on sp-android (対象外, not 未確認 △)`);
    }
  });

  await t.test('trace after the run: 成功 on pc-chromium, 対象外 on sp-android', () => {
    const trace = timed('trace', sandbox.run('node', ['--import', 'tsx', 'scripts/traceability.ts']));
    assert.equal(trace.status, 0, output(trace));
    const report = readFileSync(sandbox.path('reports', 'traceability.md'), 'utf8');
    for (const id of Object.keys(SENTENCES)) {
      const row = report.split('\n').find((l) => l.startsWith(`| ${id}<br>`)) ?? '';
      assert.match(row, /\| 成功 \| 対象外 \|$/, row);
    }
  });

  await t.test('the runs changed no file of the project (only ignored reports)', () => {
    assert.deepEqual(git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean), touched);
  });
});

test("its page object runs through the profile: the 9.1 scenarios pass on the other bundled markup (REFERENCE_MARKUP=hellowork), with the section's block of the hellowork profile", () => {
  const run = timed(
    'playwright (hellowork markup)',
    sandbox.run(
      'npx',
      ['playwright', 'test', '--grep', '@9\\.1-'],
      { PROJECTS: 'pc-chromium', REFERENCE_MARKUP: 'hellowork', STEP_SCREENSHOTS: 'false', CI: '1' },
      600_000,
    ),
  );
  assert.equal(run.status, 0, output(run).slice(-6000));
  assert.match(run.stdout, /\b2 passed\b/);
  assert.doesNotMatch(run.stdout, /skipped|failed/);
});

test('its deviation joins the catalogue and is detected exactly: npm run sensitivity with notice-order-reversed', () => {
  const run = timed(
    'sensitivity (notice-order-reversed)',
    sandbox.run(
      'npm',
      ['run', '--silent', 'sensitivity', '--', '--deviations', 'notice-order-reversed', '--settings', 'bundled', '--projects', 'pc-chromium'],
      { CI: '1' },
      600_000,
    ),
  );
  assert.equal(run.status, 0, output(run).slice(-6000));
  assert.match(run.stdout, /1\/1 variants? .*detected exactly/);
  const matrix = readFileSync(sandbox.path('reports', 'sensitivity.md'), 'utf8');
  assert.match(matrix, /\| `notice-order-reversed` \| .* \| 9\.1\(注意\)① \| .* \| 検出 \|/);
});
