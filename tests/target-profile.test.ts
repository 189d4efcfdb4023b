import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOGOUT_BLOCK } from '../pages/3.3-logout/profile.ts';
import { ConfigError, describeOrigins, loadConfig } from '../support/config.ts';
import { BUILT_IN_PROFILES, folded, foldedPattern, loadProfile, ProfileError, TargetProfileSchema } from '../support/target-profile.ts';

test('the built-in profiles are valid', () => {
  for (const name of BUILT_IN_PROFILES) assert.equal(loadProfile(name).name, name);
});

test('names match after NFKC folding, and only then: ﾛｸﾞｱｳﾄ reads ログアウト, ログ アウト does not', () => {
  const logout = foldedPattern('ログアウト');
  assert.ok(logout.test('ログアウト'));
  assert.ok(logout.test('ﾛｸﾞｱｳﾄ'));
  assert.ok(logout.test('  ログアウト\n'));
  assert.ok(!logout.test('ログ アウト'));
  assert.ok(!logout.test('サインアウト'));
  assert.ok(!logout.test('ログアウトする'));
  assert.ok(foldedPattern('ID（メールアドレス）').test('ＩＤ（メールアドレス）'));
  assert.equal(folded('ﾛｸﾞｱｳﾄ'), 'ログアウト');
  assert.notEqual(folded('ログ アウト'), folded('ログアウト'));
});

test('a profile that is not valid stops the run naming each bad entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const file = join(dir, 'broken.json');
  const profile = structuredClone(loadProfile('hellowork')) as Record<string, unknown>;
  (profile.login as Record<string, unknown>).id = [];
  delete profile.loggedOut;
  writeFileSync(file, JSON.stringify(profile));
  assert.throws(
    () => loadProfile(file),
    (e: unknown) => e instanceof ProfileError && /login\.id/.test(e.message) && /loggedOut/.test(e.message),
  );
  assert.throws(() => loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', TARGET_PROFILE: file }), ConfigError);
  assert.throws(() => loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', TARGET_PROFILE: 'no-such-profile' }), /no such profile/);
  assert.equal(TargetProfileSchema.safeParse({}).success, false);
});

test("a section's block: taken from profiles/<section>/ for a built-in profile, validated by the section's schema, and a missing one named with where it goes", () => {
  const builtIn = loadProfile('hellowork');
  assert.deepEqual(Object.keys(LOGOUT_BLOCK.of(builtIn)), ['logout', 'menuButton', 'menuPanel', 'menuLogout', 'mynaportalEntry']);
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const wrong = join(dir, 'wrong.json');
  writeFileSync(
    wrong,
    JSON.stringify({ ...builtIn, name: 'mine', sections: { '3.3-logout': { ...LOGOUT_BLOCK.of(builtIn), logout: [{ xpath: '//button' }] } } }),
  );
  assert.throws(
    () => LOGOUT_BLOCK.of(loadProfile(wrong)),
    (e: unknown) => e instanceof ProfileError && /sections\.3\.3-logout\.logout/.test(e.message),
  );
  // A profile file of one's own carries its blocks itself: none is taken from the built-in ones.
  const without = join(dir, 'without.json');
  writeFileSync(without, JSON.stringify({ ...builtIn, name: 'mine', sections: {} }));
  assert.throws(
    () => LOGOUT_BLOCK.of(loadProfile(without)),
    (e: unknown) => e instanceof ProfileError && /sections\.3\.3-logout（logout、menuButton/.test(e.message) && /"sections" に "3\.3-logout"/.test(e.message),
  );
  // A copy named like a built-in profile but kept elsewhere takes no block from profiles/<section>/: the message says to write it in the file.
  const copy = join(dir, 'hellowork.json');
  writeFileSync(copy, JSON.stringify({ ...builtIn, sections: {} }));
  assert.throws(
    () => LOGOUT_BLOCK.of(loadProfile(copy)),
    (e: unknown) =>
      e instanceof ProfileError && /"sections" に "3\.3-logout"/.test(e.message) && !/profiles\/3\.3-logout\/hellowork\.json に書いて/.test(e.message),
  );
});

test('the bundled app is checked with the profile of its markup; the hellowork markup has two hosts', () => {
  const reference = loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001' });
  assert.equal(reference.hellowork.profile.name, 'reference');
  assert.equal(reference.hellowork.topURL, 'http://hellowork.localhost:4000/');
  const hw = loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', REFERENCE_MARKUP: 'hellowork' });
  assert.equal(hw.hellowork.profile.name, 'hellowork');
  assert.equal(hw.hellowork.baseURL, 'http://kyushoku.hellowork.localhost:4000');
  assert.equal(hw.hellowork.topOrigin, 'http://www.hellowork.localhost:4000');
  assert.equal(hw.hellowork.cookieURL, 'http://kyushoku.hellowork.localhost:4000/kyushoku/');
  assert.deepEqual(hw.hellowork.screens.メッセージ, {
    url: 'http://kyushoku.hellowork.localhost:4000/kyushoku/GEAC030010.do?action=initDisp&screenId=GEAC030010',
    titles: ['メッセージ一覧'],
    entry: 'プロファイル hellowork の screens.メッセージ',
    from: 'profile',
  });
  // The home screen's title as the manual's figure for 3.3(1)① shows it, first; the site's older wording allowed.
  assert.deepEqual(hw.hellowork.screens.求職者マイページホーム?.titles, ['求職者マイページホーム', 'マイページトップ']);
});

test("a target is the real site by default: the top page on www. when TARGET_URL is the profile's kyushoku. origin", () => {
  const base = { LOGIN_ID: 'a@example.jp', LOGIN_PASSWORD: 'b' };
  const real = loadConfig({ ...base, TARGET_URL: 'https://kyushoku.hellowork.mhlw.go.jp/' });
  assert.equal(real.hellowork.profile.name, 'hellowork');
  assert.equal(real.hellowork.topURL, 'https://www.hellowork.mhlw.go.jp/');
  assert.equal(real.hellowork.loginURL, 'https://kyushoku.hellowork.mhlw.go.jp/kyushoku/GEAA040010.do?action=initDisp&screenId=GEAA040010');
  const staging = loadConfig({ ...base, TARGET_URL: 'https://kyushoku.staging.example.jp', TARGET_TOP_URL: 'https://www.staging.example.jp' });
  assert.equal(staging.hellowork.topOrigin, 'https://www.staging.example.jp');
  const oneHost = loadConfig({ ...base, TARGET_URL: 'https://staging.example.jp', TARGET_PROFILE: 'reference', TARGET_LOGIN_PATH: '/signin' });
  assert.equal(oneHost.hellowork.topOrigin, 'https://staging.example.jp');
  assert.equal(oneHost.hellowork.loginURL, 'https://staging.example.jp/signin');
});

test("TARGET_MYPAGE_SCREENS replaces the profile's screens: a path, or a path and the on-page title(s)", () => {
  const base = { LOGIN_ID: 'a@example.jp', LOGIN_PASSWORD: 'b', TARGET_URL: 'https://staging.example.jp', TARGET_PROFILE: 'reference' };
  const screens = loadConfig({
    ...base,
    TARGET_MYPAGE_SCREENS: JSON.stringify({
      求職者マイページホーム: { path: '/home', title: ['求職者マイページホーム', 'ホーム'] },
      メッセージ: '/inbox',
      お知らせ: '/news',
    }),
  }).hellowork.screens;
  assert.deepEqual(Object.keys(screens), ['求職者マイページホーム', 'メッセージ', 'お知らせ'], "the profile's 求人情報検索 and 応募中の求人 are left out");
  assert.deepEqual(screens.求職者マイページホーム, {
    url: 'https://staging.example.jp/home',
    titles: ['求職者マイページホーム', 'ホーム'],
    entry: 'TARGET_MYPAGE_SCREENS の 求職者マイページホーム',
    from: 'TARGET_MYPAGE_SCREENS',
  });
  assert.deepEqual(screens.メッセージ?.titles, ['メッセージ'], "a path alone keeps the profile's title");
  assert.deepEqual(screens.お知らせ, {
    url: 'https://staging.example.jp/news',
    titles: ['お知らせ'],
    entry: 'TARGET_MYPAGE_SCREENS の お知らせ',
    from: 'TARGET_MYPAGE_SCREENS',
  });
  for (const bad of ['{"メッセージ":{"title":"x"}}', '{"メッセージ":"inbox"}', '{}', '{"メッセージ":{"path":"/x","extra":1}}']) {
    assert.throws(
      () => loadConfig({ ...base, TARGET_MYPAGE_SCREENS: bad }),
      (e: unknown) => e instanceof ConfigError && /TARGET_MYPAGE_SCREENS/.test(e.message),
      bad,
    );
  }
});

test("the top origin is derived for any host and port where TARGET_URL begins with the profile's My Page label, and said where it came from", () => {
  const base = { LOGIN_ID: 'a@example.jp', LOGIN_PASSWORD: 'b' };
  const staging = loadConfig({ ...base, TARGET_URL: 'https://kyushoku.stg.example.org:8443/kyushoku/' });
  assert.equal(staging.hellowork.topOrigin, 'https://www.stg.example.org:8443');
  assert.equal(staging.hellowork.baseURL, 'https://kyushoku.stg.example.org:8443');
  assert.match(staging.hellowork.originSources.top, /^TARGET_URL からプロファイル hellowork により導出: kyushoku\.… → www\.…/);
  const local = loadConfig({ ...base, TARGET_URL: 'http://kyushoku.hellowork.localhost:41234' });
  assert.equal(local.hellowork.topOrigin, 'http://www.hellowork.localhost:41234');
  assert.match(
    describeOrigins(local),
    /^トップ画面のオリジン: http:\/\/www\.hellowork\.localhost:41234（TARGET_URL から.*）／求職者マイページとログインのオリジン: http:\/\/kyushoku\.hellowork\.localhost:41234（TARGET_URL）$/,
  );
  const given = loadConfig({ ...base, TARGET_URL: 'https://kyushoku.stg.example.org', TARGET_TOP_URL: 'https://portal.example.org/top' });
  assert.equal(given.hellowork.topOrigin, 'https://portal.example.org');
  assert.equal(given.hellowork.originSources.top, 'TARGET_TOP_URL');
  const bundled = loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', REFERENCE_MARKUP: 'hellowork' });
  assert.match(describeOrigins(bundled), /同梱の参照アプリ、REFERENCE_MARKUP=hellowork/);
});

test('a run stops before any browser when the top origin cannot be derived, asking for TARGET_TOP_URL', () => {
  const base = { LOGIN_ID: 'a@example.jp', LOGIN_PASSWORD: 'b' };
  for (const url of ['https://staging.example.jp', 'http://localhost:8080', 'https://mypage.example.jp']) {
    assert.throws(
      () => loadConfig({ ...base, TARGET_URL: url }),
      (e: unknown) =>
        e instanceof ConfigError && /^ {2}• TARGET_TOP_URL: required for TARGET_URL=/m.test(e.message) && /does not begin with "kyushoku\."/.test(e.message),
      url,
    );
  }
});
