import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../support/config.ts';
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
  (profile.myPage as Record<string, unknown>).logout = [{ xpath: '//button' }];
  writeFileSync(file, JSON.stringify(profile));
  assert.throws(
    () => loadProfile(file),
    (e: unknown) => e instanceof ProfileError && /login\.id/.test(e.message) && /loggedOut/.test(e.message) && /myPage\.logout/.test(e.message),
  );
  assert.throws(() => loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', TARGET_PROFILE: file }), ConfigError);
  assert.throws(() => loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001', TARGET_PROFILE: 'no-such-profile' }), /no such profile/);
  assert.equal(TargetProfileSchema.safeParse({}).success, false);
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
    title: 'メッセージ一覧',
  });
});

test('a target is the real site by default: the top page on www. when TARGET_URL is the profile\'s kyushoku. origin', () => {
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
  const screens = loadConfig({ ...base, TARGET_URL: 'https://staging.example.jp', TARGET_PROFILE: 'reference', TARGET_MYPAGE_SCREENS: '{"メッセージ":"/inbox","お知らせ":"/news"}' });
  assert.equal(screens.hellowork.screens.メッセージ?.url, 'https://staging.example.jp/inbox');
  assert.deepEqual(screens.hellowork.screens.お知らせ, { url: 'https://staging.example.jp/news', title: 'お知らせ' });
});
