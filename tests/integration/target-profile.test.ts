/**
 * Markup the suite did not write (issue: "works on markup this project did not write"):
 * - the whole suite passes on the bundled app rendering the real HelloWork site's structure
 *   (REFERENCE_MARKUP=hellowork), checked with the hellowork profile, nothing else changed;
 * - against that app run as a configured target, a login that cannot succeed (a wrong profile
 *   entry, a refused password, a one-time-password screen) stops the login step within the
 *   action timeout with one message naming the profile entry and what the page showed.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { loadAccounts } from '../../reference-app/src/accounts.ts';
import { bundledOrigins } from '../../support/config.ts';
import { freePortsSync } from '../../support/ports.ts';
import { loadProfile } from '../../support/target-profile.ts';
import { type RunningReferenceApp, startReferenceApp } from '../../support/reference-app.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

let sandbox: Sandbox;
before(() => {
  sandbox = makeSandbox('target-profile');
});
after(() => sandbox.remove());

test('npm run conformance passes on the hellowork markup with REFERENCE_MARKUP alone (profile hellowork)', () => {
  const run = sandbox.run('npm', ['run', 'conformance'], { REFERENCE_MARKUP: 'hellowork', CI: '1' }, 600_000);
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 0, output.slice(-4000));
  assert.match(output, /33 passed/);
  const signoff = readFileSync(sandbox.path('reports', 'signoff', 'index.html'), 'utf8');
  assert.match(signoff, /data-verdict="passed"/);
  assert.match(signoff, /シナリオ: 合格 33・不合格 0・スキップ 0/);
});

interface Json {
  suites: { specs?: { tests: { results: { status: string; duration: number; error?: { message?: string } }[] }[] }[]; suites?: Json['suites'] }[];
}
const firstResult = (report: Json) => {
  const walk = (suites: Json['suites']): Json['suites'][number]['specs'] => suites.flatMap((s) => [...(s.specs ?? []), ...(walk(s.suites ?? []) ?? [])]);
  return walk(report.suites)?.[0]?.tests[0]?.results[0];
};

test('against a target, a login that cannot succeed stops within the action timeout, naming the profile entry and what the page showed', async () => {
  const [hw = 0, mp = 0] = freePortsSync(2);
  const app: RunningReferenceApp = await startReferenceApp({ helloworkPort: hw, mynaportalPort: mp, markup: 'hellowork' });
  try {
    const origins = bundledOrigins('hellowork', hw);
    const [seeker, , otp] = loadAccounts();
    assert.ok(seeker && otp?.oneTimePassword, 'reference-app/src/accounts.json has a one-time-password account');
    // As loaded: the generic part and every section's block, in one file of one's own.
    const profile = structuredClone(loadProfile('hellowork'));
    profile.name = 'wrong-id';
    profile.login.id = [{ css: '#ID_mailAddressTxt' }];
    writeFileSync(sandbox.path('wrong-id.json'), JSON.stringify(profile));
    const actionTimeout = 10_000;
    const run = (env: Record<string, string>) => {
      const r = sandbox.run('npx', ['playwright', 'test', '--grep', '@sec-headers', '--reporter=json'], {
        TARGET_URL: origins.myPage,
        TARGET_TOP_URL: origins.top,
        TARGET_PROFILE: 'hellowork',
        LOGIN_ID: seeker.loginId,
        LOGIN_PASSWORD: seeker.password,
        PROJECTS: 'pc-chromium',
        ACTION_TIMEOUT: String(actionTimeout),
        ...env,
      });
      assert.equal(r.status, 1, r.stderr);
      const result = firstResult(JSON.parse(r.stdout) as Json);
      assert.ok(result, r.stdout.slice(0, 2000));
      return { message: result.error?.message ?? '', duration: result.duration };
    };
    const bsx = sandbox.run('npx', ['bddgen'], {});
    assert.equal(bsx.status, 0, bsx.stderr);

    const wrongEntry = run({ TARGET_PROFILE: sandbox.path('wrong-id.json') });
    assert.match(wrongEntry.message, /前提の操作がうまくいきませんでした/);
    assert.match(wrongEntry.message, /プロファイル wrong-id の login\.id（CSS #ID_mailAddressTxt）/);
    assert.match(wrongEntry.message, /見つかりません。利用者のタブ: URL http:\/\/kyushoku\.hellowork\.localhost:\d+\/kyushoku\/GEAA040010\.do/);
    assert.match(wrongEntry.message, /画面名 「求職者マイページログイン」/);
    assert.ok(wrongEntry.duration < actionTimeout, `red after ${wrongEntry.duration} ms`);
    assert.ok(wrongEntry.message.indexOf('前提') < wrongEntry.message.indexOf('Playwright の詳細'), 'the reader sees the manual wording first');

    const refused = run({ LOGIN_PASSWORD: 'not-the-password' });
    assert.match(refused.message, /ログイン後に「求職者マイページホーム」（画面の表示: 「求職者マイページホーム」または「マイページトップ」/);
    assert.match(refused.message, /ログイン画面のメッセージ: 「メールアドレスまたはパスワードが正しくありません。」/);
    assert.ok(refused.duration < actionTimeout * 2, `red after ${refused.duration} ms`);

    const extra = run({ LOGIN_ID: otp.loginId, LOGIN_PASSWORD: otp.password });
    assert.match(extra.message, /ログインの後に「ワンタイムパスワード」の入力画面が表示されました（プロファイル hellowork の login\.extraSteps\[0\]/);
    assert.match(extra.message, /追加の入力に対応していない/);
    assert.ok(extra.duration < actionTimeout, `red after ${extra.duration} ms`);
  } finally {
    await app.stop();
  }
});

test("a site that differs from the profile only in its screens' paths and titles: TARGET_MYPAGE_SCREENS alone makes §3.3 green, a screen left out is skipped saying so", async () => {
  const [hw = 0, mp = 0] = freePortsSync(2);
  const app: RunningReferenceApp = await startReferenceApp({ helloworkPort: hw, mynaportalPort: mp, markup: 'hellowork' });
  try {
    const origins = bundledOrigins('hellowork', hw);
    const [seeker] = loadAccounts();
    assert.ok(seeker);
    // "The profile" is out of date with the site in its screens only: other paths and other on-page titles.
    // As loaded: the generic part and every section's block, in one file of one's own.
    const profile = structuredClone(loadProfile('hellowork'));
    profile.name = 'old-screens';
    const real = { ...profile.screens };
    for (const [name, screen] of Object.entries(profile.screens as Record<string, { path: string; title: unknown }>)) {
      profile.screens[name] = { path: screen.path.replace('.do?', 'X.do?'), title: `${name}（旧）` };
    }
    writeFileSync(sandbox.path('old-screens.json'), JSON.stringify(profile));
    assert.equal(sandbox.run('npx', ['bddgen'], {}).status, 0);
    const run = (screens?: string) =>
      sandbox.run('npx', ['playwright', 'test', '--grep', '@3.3-1(?![\\w-])', '--reporter=json'], {
        TARGET_URL: origins.myPage,
        TARGET_PROFILE: sandbox.path('old-screens.json'),
        LOGIN_ID: seeker.loginId,
        LOGIN_PASSWORD: seeker.password,
        PROJECTS: 'pc-chromium',
        ACTION_TIMEOUT: '5000',
        EXPECT_TIMEOUT: '2000',
        ...(screens ? { TARGET_MYPAGE_SCREENS: screens } : {}),
      });
    assert.equal(run().status, 1, 'with the profile alone, the login lands on a home screen it does not recognise');
    // Before the run, target:check names exactly the entries that differ: the four screens, nothing else.
    const check = (screens?: string) =>
      sandbox.run('npm', ['run', '--silent', 'target:check', '--', '--out', 'reports/target-check-screens'], {
        TARGET_URL: origins.myPage,
        TARGET_PROFILE: sandbox.path('old-screens.json'),
        LOGIN_ID: seeker.loginId,
        LOGIN_PASSWORD: seeker.password,
        ...(screens ? { TARGET_MYPAGE_SCREENS: screens } : {}),
      });
    const before = check();
    assert.equal(before.status, 1, before.stdout + before.stderr);
    const named = [...before.stdout.matchAll(/^[✗⚠?] (\S+) \[/gm)].map((m) => m[1]);
    assert.deepEqual(
      named.sort(),
      ['screens.メッセージ', 'screens.求人情報検索', 'screens.求職者マイページホーム', 'screens.応募中の求人'].sort(),
      before.stdout,
    );
    // The .env: the site's paths and titles (the home screen's as the manual's figure shows it), 求人情報検索 left out.
    const screens = Object.fromEntries(
      Object.entries(real as Record<string, { path: string; title: string | string[] }>)
        .filter(([name]) => name !== '求人情報検索')
        .map(([name, s]) => [name, { path: s.path, title: s.title }]),
    );
    const green = run(JSON.stringify(screens));
    const report = JSON.parse(green.stdout) as { stats: { expected: number; unexpected: number; skipped: number } };
    assert.equal(green.status, 0, green.stdout.slice(0, 3000) + green.stderr.slice(-2000));
    assert.deepEqual({ passed: report.stats.expected, failed: report.stats.unexpected, skipped: report.stats.skipped }, { passed: 2, failed: 0, skipped: 1 });
    assert.match(green.stderr + green.stdout, /「求人情報検索」画面は設定されていないため、この画面から始まるシナリオは実行しません/);
    const after = check(JSON.stringify(screens));
    assert.equal(after.status, 0, after.stdout + after.stderr);
  } finally {
    await app.stop();
  }
});
