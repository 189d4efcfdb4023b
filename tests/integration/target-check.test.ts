/**
 * npm run target:check, as a QA engineer runs it first against a new site, here against the bundled app:
 * - in the app's own markup (profile reference) and in the real site's structure (REFERENCE_MARKUP=hellowork,
 *   profile hellowork), the command starts the app itself and finds every entry: exit 0;
 * - with a deliberately broken profile (myPage.logout and one screen title wrong) it exits 1 naming exactly those
 *   entries, and the profile it suggests repairs them: target:check passes with it, and so does the suite's 3.3(1).
 * Runs in a sandbox copy of the project (its reports/ stay apart), without the project's .env.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { freePortsSync } from '../../support/ports.ts';
import { type RunningReferenceApp, startReferenceApp } from '../../support/reference-app.ts';
import { loadProfile, type TargetProfile, TargetProfileSchema } from '../../support/target-profile.ts';
import { makeSandbox, type Run, type Sandbox } from './helpers/sandbox.ts';

/** §3.3's block of a profile (sections."3.3-logout"). */
const logoutBlock = (profile: TargetProfile) => profile.sections['3.3-logout'] as Record<string, unknown>;

let sandbox: Sandbox;
before(() => {
  sandbox = makeSandbox('target-check');
});
after(() => sandbox.remove());

/** Every entry the check reports for a profile with four screens (login.error is reported apart, as 参考). */
const ENTRIES = [
  'login.id',
  'login.password',
  'login.submit',
  'sections.3.3-logout.mynaportalEntry',
  'top.title',
  'top.blockTitle',
  'top.section',
  'top.sectionLogin',
  'screens.求職者マイページホーム',
  'screens.求人情報検索',
  'screens.メッセージ',
  'screens.応募中の求人',
  'sections.3.3-logout.logout',
  'userName',
  'loggedOut',
  'paths.cookieScope',
  'sections.3.3-logout.menuButton',
  'sections.3.3-logout.menuPanel',
  'sections.3.3-logout.menuLogout',
];

const targetCheck = (env: Record<string, string>, out: string): Promise<Run> =>
  sandbox.start('npm', ['run', '--silent', 'target:check', '--', '--out', out], { CI: '1', ...env }, 120_000);

/** The entries the one screen lists as problems (✗ missing or wrong, ⚠ ambiguous, ? unchecked). */
const problems = (stdout: string) => [...stdout.matchAll(/^[✗⚠?] (\S+) \[/gm)].map((m) => m[1]);
const found = (stdout: string) => [...stdout.matchAll(/^✓ (\S+) /gm)].map((m) => m[1]);
/** The one screen: from the verdict line to the end. */
const summaryOf = (stdout: string) => stdout.slice(stdout.indexOf('プロファイル ', stdout.indexOf('\n\n')));

const readProfile = (...path: string[]): TargetProfile => TargetProfileSchema.parse(JSON.parse(readFileSync(sandbox.path(...path), 'utf8')));

test('the bundled app in each markup, checked with its own profile: the command starts the app itself and finds every entry (exit 0)', {
  concurrency: true,
}, async (t) => {
  const markups = [
    {
      markup: 'bundled',
      profile: 'reference',
      host: 'http://hellowork.localhost:',
      cookie: /HW_SESSION（path=\/、domain=hellowork\.localhost、HttpOnly、SameSite=Lax）/,
    },
    {
      markup: 'hellowork',
      profile: 'hellowork',
      host: 'http://www.hellowork.localhost:',
      cookie: /JSESSIONID（path=\/kyushoku、domain=kyushoku\.hellowork\.localhost、HttpOnly、SameSite=Lax）/,
    },
  ] as const;
  await Promise.all(
    markups.map((m) =>
      t.test(`REFERENCE_MARKUP=${m.markup} (profile ${m.profile})`, async () => {
        const out = `reports/target-check-${m.markup}`;
        const run = await targetCheck({ REFERENCE_MARKUP: m.markup }, out);
        const output = `${run.stdout}\n${run.stderr}`;
        assert.equal(run.status, 0, output);
        const [first, origins, profile] = run.stdout.split('\n');
        assert.match(first ?? '', new RegExp(`^target:check — 同梱の参照アプリ（REFERENCE_MARKUP=${m.markup}、このコマンドが起動します）`));
        // describeOrigins(suite), whatever its wording: both origins, where each came from.
        assert.ok(origins?.includes(`${m.host}`) && origins.includes(`REFERENCE_MARKUP=${m.markup}`), origins);
        assert.match(profile ?? '', new RegExp(`^プロファイル: ${m.profile}（既定`));
        const summary = summaryOf(run.stdout);
        assert.match(summary, new RegExp(`^プロファイル ${m.profile}: ${ENTRIES.length} 項目中 ${ENTRIES.length} 見つかりました\n`));
        assert.deepEqual(problems(summary), []);
        assert.deepEqual(found(summary), ENTRIES);
        assert.ok(summary.trimEnd().split('\n').length <= 40, `${summary.split('\n').length} lines`);
        assert.match(summary, m.cookie);
        assert.match(summary, new RegExp(`トップ画面のオリジン: ${m.host}\\d+`));
        assert.match(summary, new RegExp(`提案プロファイル: ${out}/profile\\.suggested\\.json（変更なし）`));
        const report = readFileSync(sandbox.path(out, 'report.md'), 'utf8');
        for (const entry of [...ENTRIES, 'login.error']) assert.match(report, new RegExp(`^\\| ${entry.replace(/\./g, '\\.')} \\|`, 'm'), entry);
        const suggested = readProfile(out, 'profile.suggested.json');
        assert.equal(suggested.name, `${m.profile}-suggested`);
        // A copy of the profile as loaded: nothing but its name changed.
        const original = loadProfile(m.profile);
        assert.deepEqual({ ...suggested, name: original.name }, original);
        console.log(`target:check REFERENCE_MARKUP=${m.markup}: ${run.seconds.toFixed(1)} s`);
      }),
    ),
  );
});

test('a broken profile: exit 1 naming exactly the broken entries; the suggested profile repairs them for target:check and for the suite', async () => {
  // As loaded: the generic part and every section's block (profiles/<section>/reference.json), in one file of one's own.
  const broken = structuredClone(loadProfile('reference')) as TargetProfile;
  broken.name = 'broken';
  logoutBlock(broken).logout = [{ css: '#no-such' }];
  broken.screens.メッセージ = { path: broken.screens.メッセージ?.path ?? '', title: '受信箱' };
  writeFileSync(sandbox.path('broken.json'), JSON.stringify(broken, null, 2));
  // Both checks share one app (the suite's run starts its own, as always).
  const [helloworkPort = 0, mynaportalPort = 0] = freePortsSync(2);
  const app: RunningReferenceApp = await startReferenceApp({ helloworkPort, mynaportalPort, markup: 'bundled' });
  const shared = { REFERENCE_APP_RUNNING: '1', HELLOWORK_PORT: String(helloworkPort), MYNAPORTAL_PORT: String(mynaportalPort) };
  const out = 'reports/target-check-broken';
  try {
    const run = await targetCheck({ ...shared, TARGET_PROFILE: 'broken.json' }, out);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    const summary = summaryOf(run.stdout);
    console.log(`target:check with the broken profile (${run.seconds.toFixed(1)} s):\n${summary}`);
    assert.match(summary, new RegExp(`^プロファイル broken: ${ENTRIES.length} 項目中 ${ENTRIES.length - 2} 見つかりました、2 見つかりません\n`));
    assert.deepEqual(problems(summary).sort(), ['sections.3.3-logout.logout', 'screens.メッセージ'].sort());
    assert.match(summary, /✗ screens\.メッセージ \[PC「メッセージ」\] 見つかりません: 画面名「メッセージ」は設定の「受信箱」と一致しません（HTTP 200）/);
    assert.match(
      summary,
      /✗ sections\.3\.3-logout\.logout \[PC「求職者マイページホーム」\] 見つかりません: 一致する要素がありません\n {4}探したもの: CSS #no-such\n {4}候補: ボタン「ログアウト」 form\.inline-form > button\.btn\.logout 上端 \d+px → \{"role":"button","name":"ログアウト"\}/,
    );
    assert.match(summary, /提案プロファイル: reports\/target-check-broken\/profile\.suggested\.json（2 か所: /);

    const suggested = readProfile(out, 'profile.suggested.json');
    assert.equal(suggested.name, 'broken-suggested');
    assert.deepEqual(logoutBlock(suggested).logout, [{ role: 'button', name: 'ログアウト' }, { css: '#no-such' }]);
    assert.deepEqual(suggested.screens.メッセージ?.title, ['受信箱', 'メッセージ']);
    const expected = TargetProfileSchema.parse(broken);
    assert.deepEqual(
      {
        ...suggested,
        name: expected.name,
        sections: { ...suggested.sections, '3.3-logout': { ...logoutBlock(suggested), logout: logoutBlock(expected).logout } },
        screens: { ...suggested.screens, メッセージ: expected.screens.メッセージ },
      },
      expected,
      'nothing else changed',
    );

    const again = await targetCheck({ ...shared, TARGET_PROFILE: `${out}/profile.suggested.json` }, 'reports/target-check-again');
    assert.equal(again.status, 0, `${again.stdout}\n${again.stderr}`);
    assert.match(summaryOf(again.stdout), new RegExp(`^プロファイル broken-suggested: ${ENTRIES.length} 項目中 ${ENTRIES.length} 見つかりました\n`));
    console.log(`target:check with the suggested profile: ${again.seconds.toFixed(1)} s`);
  } finally {
    await app.stop();
  }

  // The suite itself accepts the repaired profile: 3.3(1) on a PC, from every screen of its Examples (メッセージ included).
  const gen = sandbox.run('npx', ['bddgen'], {});
  assert.equal(gen.status, 0, gen.stderr);
  const suite = await sandbox.start(
    'npx',
    ['playwright', 'test', '--project=pc-chromium', '--grep', '@3.3-1(?![\\w-])', '--reporter=line'],
    { CI: '1', TARGET_PROFILE: `${out}/profile.suggested.json` },
    180_000,
  );
  assert.equal(suite.status, 0, `${suite.stdout.slice(-3000)}\n${suite.stderr.slice(-2000)}`);
  assert.match(suite.stdout, /3 passed/);
  console.log(`bddgen ${gen.seconds.toFixed(1)} s, suite 3.3(1) with the suggested profile: ${suite.seconds.toFixed(1)} s`);
});

test("a configuration it cannot use, a profile without a section's block, or a target that does not answer: exit 2 with the message alone, before any browser work", async () => {
  const [closed = 0] = freePortsSync(1);
  // A profile of one's own that lacks §3.3's block (as a copy of profiles/reference.json alone would).
  writeFileSync(sandbox.path('no-blocks.json'), JSON.stringify({ ...loadProfile('reference'), name: 'no-blocks', sections: {} }));
  const [badEnv, unreachable, noBlock] = await Promise.all([
    targetCheck({ TARGET_URL: 'not a url', LOGIN_ID: 'someone', LOGIN_PASSWORD: 'x' }, 'reports/target-check-bad'),
    targetCheck(
      { TARGET_URL: `http://127.0.0.1:${closed}`, TARGET_PROFILE: 'reference', LOGIN_ID: 'someone', LOGIN_PASSWORD: 'x' },
      'reports/target-check-bad',
    ),
    targetCheck(
      { TARGET_URL: `http://127.0.0.1:${closed}`, TARGET_PROFILE: 'no-blocks.json', LOGIN_ID: 'someone', LOGIN_PASSWORD: 'x' },
      'reports/target-check-bad',
    ),
  ]);
  assert.equal(noBlock.status, 2, noBlock.stdout + noBlock.stderr);
  assert.match(
    noBlock.stderr,
    /プロファイル no-blocks には、マニュアルの節 3\.3-logout が使うブロック sections\.3\.3-logout（logout、menuButton、menuPanel、menuLogout、mynaportalEntry）がありません/,
  );
  assert.doesNotMatch(noBlock.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(badEnv.status, 2, badEnv.stdout + badEnv.stderr);
  assert.match(badEnv.stderr, /TARGET_URL: an absolute http\(s\) URL/);
  assert.doesNotMatch(badEnv.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(unreachable.status, 2, unreachable.stdout + unreachable.stderr);
  assert.match(unreachable.stderr, new RegExp(`Preflight: TARGET_URL=http://127\\.0\\.0\\.1:${closed} is not reachable`));
  assert.doesNotMatch(unreachable.stdout, /見つかりました/);
  assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace');
});
