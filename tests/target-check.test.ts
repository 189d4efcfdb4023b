/**
 * npm run target:check without a browser: the suggested profile made of findings (one candidate → prepended,
 * ambiguous or several → unchanged, a read title → appended, always a valid profile the suite loads), the
 * alternatives a candidate is offered as, and the one-screen output (verdict first, problems before the rest,
 * at most about 40 lines, never a cookie's value). The browser work: tests/integration/target-check.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { counts, exitCodeOf, type Finding, type TargetCheckResult } from '../scripts/target-check/findings.ts';
import { describeSeen, formatMarkdown, formatScreen, verdict } from '../scripts/target-check/format.ts';
import { alternativesFor, suggestProfile } from '../scripts/target-check/suggest.ts';
import { loadProfile, type TargetProfile, TargetProfileSchema } from '../support/target-profile.ts';

const reference = (): TargetProfile => structuredClone(loadProfile('reference'));

/** §3.3's block of a profile (sections."3.3-logout"). */
const logoutBlock = (profile: TargetProfile) => profile.sections['3.3-logout'] as Record<string, unknown>;

const LOGOUT_BUTTON = { role: 'button', tag: 'button', name: 'ログアウト', path: 'form.inline-form > button.btn.logout', top: 11, visible: true } as const;

const missing = (entry: string, fixes: Finding['fixes'], candidates: Finding['candidates'], extra: Partial<Finding> = {}): Finding => ({
  entry,
  where: 'PC「求職者マイページホーム」',
  status: 'missing',
  summary: '一致する要素がありません',
  searched: 'CSS #no-such',
  matches: [],
  candidates,
  ...(fixes ? { fixes } : {}),
  ...extra,
});

const screenFinding = (name: string, read: string[], extra: Partial<Finding> = {}): Finding => ({
  entry: `screens.${name}`,
  where: `PC「${name}」`,
  status: 'missing',
  summary: `画面名${read.map((t) => `「${t}」`).join('')}は設定と一致しません`,
  matches: [],
  candidates: [],
  screen: { name, url: `http://x/${name}`, httpStatus: 200, read, titles: ['受信箱'], setting: `プロファイル x の screens.${name}`, fromProfile: true },
  ...extra,
});

test('one candidate: its alternative is prepended to the entry, the result is a valid profile named <name>-suggested, the original is untouched', () => {
  const profile = reference();
  logoutBlock(profile).logout = [{ css: '#no-such' }];
  const before = structuredClone(profile);
  const alt = { role: 'button', name: 'ログアウト' } as const;
  const { profile: next, changes } = suggestProfile(profile, [
    missing('sections.3.3-logout.logout', 'sections.3.3-logout.logout', [{ ...LOGOUT_BUTTON, alternative: alt }]),
  ]);
  assert.deepEqual(logoutBlock(next).logout, [alt, { css: '#no-such' }]);
  assert.equal(next.name, 'reference-suggested');
  assert.deepEqual(
    changes.map((c) => c.entry),
    ['sections.3.3-logout.logout'],
  );
  assert.deepEqual(profile, before, 'the profile given is not changed');
  // Everything else as loaded.
  assert.deepEqual(
    { ...next, name: before.name, sections: { ...next.sections, '3.3-logout': { ...logoutBlock(next), logout: logoutBlock(before).logout } } },
    before,
  );
  // As a file, it loads as any profile does (the suite's own loader).
  const dir = mkdtempSync(join(tmpdir(), 'target-check-unit-'));
  try {
    const file = join(dir, 'profile.suggested.json');
    writeFileSync(file, JSON.stringify(next, null, 2));
    assert.deepEqual(logoutBlock(loadProfile(file)).logout, [alt, { css: '#no-such' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A suggested profile suggested again keeps one suffix.
  assert.equal(suggestProfile(next, []).profile.name, 'reference-suggested');
});

test('nothing changes for an ambiguous entry, an entry with several candidates, or a candidate no alternative reaches', () => {
  const profile = reference();
  const alt = { role: 'button', name: 'ログアウト' } as const;
  const findings: Finding[] = [
    { ...missing('sections.3.3-logout.logout', 'sections.3.3-logout.logout', [{ ...LOGOUT_BUTTON, alternative: alt }]), status: 'ambiguous' },
    missing('sections.3.3-logout.menuLogout', 'sections.3.3-logout.menuLogout', [
      { ...LOGOUT_BUTTON, alternative: alt },
      { ...LOGOUT_BUTTON, top: 300, alternative: { css: 'nav > button' } },
    ]),
    missing('sections.3.3-logout.menuButton', 'sections.3.3-logout.menuButton', [{ ...LOGOUT_BUTTON, name: 'メニュー' }]),
    { ...screenFinding('メッセージ', ['メッセージ']), status: 'ambiguous' },
    screenFinding('求人情報検索', ['求人情報検索', '検索条件']),
  ];
  const { profile: next, changes } = suggestProfile(profile, findings);
  assert.deepEqual(changes, []);
  assert.deepEqual({ ...next, name: profile.name }, profile);
});

test("a title read unambiguously but not configured is appended (the manual's stays first); a screen set by TARGET_MYPAGE_SCREENS is not the profile's to change", () => {
  const profile = reference();
  profile.screens.メッセージ = { path: '/mypage/messages', title: '受信箱' };
  profile.screens.応募中の求人 = { path: '/mypage/applications', title: ['応募中の求人', '応募一覧'] };
  const { profile: next, changes } = suggestProfile(profile, [
    screenFinding('メッセージ', ['メッセージ', 'メッセージ']),
    screenFinding('応募中の求人', ['応募状況']),
    screenFinding('求人情報検索', ['求人検索'], {
      screen: {
        name: '求人情報検索',
        url: 'x',
        read: ['求人検索'],
        titles: ['求人情報検索'],
        setting: 'TARGET_MYPAGE_SCREENS の 求人情報検索',
        fromProfile: false,
      },
    }),
  ]);
  assert.deepEqual(next.screens.メッセージ?.title, ['受信箱', 'メッセージ']);
  assert.deepEqual(next.screens.応募中の求人?.title, ['応募中の求人', '応募一覧', '応募状況']);
  assert.equal(next.screens.求人情報検索?.title, '求人情報検索');
  assert.deepEqual(
    changes.map((c) => c.entry),
    ['screens.メッセージ.title', 'screens.応募中の求人.title'],
  );
  assert.ok(TargetProfileSchema.safeParse(JSON.parse(JSON.stringify(next))).success);
});

test('screenTitle asked by several screens: added once when they agree, not at all when they differ; the cookie scope follows the one cookie path', () => {
  const divTitle = { role: 'div', tag: 'div', name: 'メッセージ一覧', path: 'div#ID_ID_container > div.page_title', top: 126, visible: true };
  const alt = { css: 'div#ID_ID_container > div.page_title' } as const;
  const agree = [
    screenFinding('メッセージ', [], { fixes: 'screenTitle', candidates: [{ ...divTitle, alternative: alt }] }),
    screenFinding('求人情報検索', [], { fixes: 'screenTitle', candidates: [{ ...divTitle, name: '求人情報検索', alternative: alt }] }),
    missing('paths.cookieScope', undefined, [], { cookiePath: '/kyushoku' }),
  ];
  const { profile: next, changes } = suggestProfile(reference(), agree);
  assert.deepEqual(next.screenTitle, [alt, { role: 'heading', level: 1 }]);
  assert.equal(next.paths.cookieScope, '/kyushoku');
  // The candidate's text is the title the suite must read whole, so it joins the titles too.
  assert.deepEqual(next.screens.メッセージ?.title, ['メッセージ', 'メッセージ一覧']);
  assert.deepEqual(changes.map((c) => c.entry).sort(), ['paths.cookieScope', 'screenTitle', 'screens.メッセージ.title'].sort());

  const differ = [
    agree[0] as Finding,
    screenFinding('求人情報検索', [], { fixes: 'screenTitle', candidates: [{ ...divTitle, alternative: { css: 'h2.title' } }] }),
  ];
  assert.deepEqual(suggestProfile(reference(), differ).changes, []);
});

test('the alternatives offered for a candidate: <summary> by its text, role and name, a heading by level for a title, else the CSS path (inside a shadow root: the inner path)', () => {
  assert.deepEqual(alternativesFor(LOGOUT_BUTTON), [{ role: 'button', name: 'ログアウト' }, { css: 'form.inline-form > button.btn.logout' }]);
  assert.deepEqual(
    alternativesFor({ role: 'summary', tag: 'summary', name: '≡ メニュー', path: 'details.sp > summary', visible: true }, { word: 'メニュー' }),
    [{ css: "summary:has-text('メニュー')" }, { css: 'details.sp > summary' }],
  );
  assert.deepEqual(alternativesFor({ role: 'heading', tag: 'h1', name: '求人情報検索', path: 'main > h1', visible: true, level: 1 }, { named: false }), [
    { role: 'heading', level: 1 },
    { css: 'main > h1' },
  ]);
  // A role the schema does not know (a <div>): its path only.
  assert.deepEqual(alternativesFor({ role: 'div', tag: 'div', name: 'メッセージ一覧', path: 'div#c > div.page_title', visible: true }), [
    { css: 'div#c > div.page_title' },
  ]);
  assert.deepEqual(alternativesFor({ ...LOGOUT_BUTTON, path: 'hw-header >>> form.inline-form > button.btn.logout' })[1], {
    css: 'form.inline-form > button.btn.logout',
  });
});

const found = (entry: string, name = entry): Finding => ({
  entry,
  where: 'PC',
  status: 'found',
  summary: describeSeen({ role: 'button', tag: 'button', name, path: `#${entry}`, top: 10, visible: true }),
  matches: [],
  candidates: [],
});

const result = (findings: Finding[]): TargetCheckResult => ({
  target: '同梱の参照アプリ',
  origins: 'Top page: http://hellowork.localhost:1 (the bundled app); My Page and login: http://hellowork.localhost:1 (the bundled app)',
  topOrigin: 'http://hellowork.localhost:1',
  topOriginSource: 'the bundled app',
  profileName: 'reference',
  profileSource: 'reference（既定）',
  findings,
  cookies: [
    // A value where a careless formatter would find one: it must never be printed.
    {
      name: 'HW_SESSION',
      domain: 'hellowork.localhost',
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
      value: 'SECRET-SESSION-ID',
    } as TargetCheckResult['cookies'][number],
  ],
});

const FILES = { report: 'reports/target-check/report.md', suggested: 'reports/target-check/profile.suggested.json' };

test('the one screen: the verdict first, then only the problems with their candidates and the fix, then the found entries, cookies without values, the top origin and the files', () => {
  const alt = { role: 'button', name: 'ログアウト' } as const;
  const findings = [
    found('login.id'),
    found('login.submit', 'ログイン'),
    { ...found('login.error'), status: 'info' as const, summary: '表示されていません' },
    missing('sections.3.3-logout.logout', 'sections.3.3-logout.logout', [{ ...LOGOUT_BUTTON, alternative: alt }]),
    {
      ...found('sections.3.3-logout.menuButton'),
      status: 'ambiguous' as const,
      summary: '2 個が表示されています',
      matches: [
        { ...LOGOUT_BUTTON, name: 'メニュー' },
        { ...LOGOUT_BUTTON, name: 'メニュー', top: 600 },
      ],
    },
  ];
  const broken = reference();
  logoutBlock(broken).logout = [{ css: '#no-such' }];
  const { changes } = suggestProfile(broken, findings);
  const screen = formatScreen(result(findings), changes, FILES);
  const lines = screen.split('\n');
  assert.equal(lines[0], 'プロファイル reference: 4 項目中 2 見つかりました、1 見つかりません、1 複数あります');
  assert.equal(lines[0], verdict(result(findings)));
  const problemsAt = lines.indexOf('■ 問題のある項目（2）');
  const foundAt = lines.indexOf('■ 見つかった項目（2）');
  assert.ok(problemsAt === 1 && foundAt > problemsAt, screen);
  const problemBlock = lines.slice(problemsAt, foundAt).join('\n');
  assert.match(problemBlock, /✗ sections\.3\.3-logout\.logout \[PC「求職者マイページホーム」\] 見つかりません: 一致する要素がありません/);
  assert.match(problemBlock, /候補: ボタン「ログアウト」 form\.inline-form > button\.btn\.logout 上端 11px → \{"role":"button","name":"ログアウト"\}/);
  assert.match(problemBlock, /→ 提案（sections\.3\.3-logout\.logout）: 先頭に \{"role":"button","name":"ログアウト"\} を追加/);
  assert.match(problemBlock, /⚠ sections\.3\.3-logout\.menuButton .* 複数あります/);
  assert.match(problemBlock, /一致: ボタン「メニュー」 .* 上端 600px/);
  assert.doesNotMatch(problemBlock, /login\.id/);
  assert.match(lines.slice(foundAt).join('\n'), /✓ login\.id ボタン「login\.id」 #login\.id 上端 10px\n✓ login\.submit/);
  assert.match(screen, /クッキー（ログイン後、値は表示しません）: HW_SESSION（path=\/、domain=hellowork\.localhost、HttpOnly、SameSite=Lax）/);
  assert.match(screen, /トップ画面のオリジン: http:\/\/hellowork\.localhost:1（the bundled app）/);
  assert.match(screen, /提案プロファイル: reports\/target-check\/profile\.suggested\.json（1 か所: sections\.3\.3-logout\.logout）/);
  assert.match(screen, /TARGET_PROFILE=reports\/target-check\/profile\.suggested\.json npm run target:check/);
  const markdown = formatMarkdown(result(findings), changes, FILES);
  for (const text of [screen, markdown]) assert.doesNotMatch(text, /SECRET-SESSION-ID/);
  // report.md: one table row per entry (info included), the cookie table apart.
  const rows = markdown.split('\n').filter((l) => /^\| (login|sections)\./.test(l));
  assert.equal(rows.length, findings.length);
  assert.match(
    markdown,
    /\| sections\.3\.3-logout\.logout \| .* \| ✗ 見つかりません \| .*`\{"role":"button","name":"ログアウト"\}`.* \| sections\.3\.3-logout\.logout: 先頭に/,
  );
});

test('the one screen stays about 40 lines however many entries there are; info is not counted; the exit code is 1 on any problem', () => {
  const many = Array.from({ length: 30 }, (_, i) => found(`screens.画面${i}`));
  const problems = Array.from({ length: 12 }, (_, i) =>
    missing(`myPage.entry${i}`, undefined, [LOGOUT_BUTTON, { ...LOGOUT_BUTTON, top: 20 }, { ...LOGOUT_BUTTON, top: 30 }, { ...LOGOUT_BUTTON, top: 40 }]),
  );
  const all = result([...problems, ...many, { ...found('login.error'), status: 'info' }]);
  const screen = formatScreen(all, [], FILES);
  assert.ok(screen.split('\n').length <= 42, `${screen.split('\n').length} lines:\n${screen}`);
  assert.match(screen, /…ほか \d+ 項目は reports\/target-check\/report\.md に/);
  assert.match(screen, /screens\.画面29/, 'every found entry is still named');
  assert.equal(counts(all.findings).total, 42);
  assert.equal(exitCodeOf(all), 1);
  assert.equal(exitCodeOf(result(many)), 0);
  const clean = formatScreen(result(many.slice(0, 5)), [], FILES);
  assert.doesNotMatch(clean, /■ 問題/);
  assert.match(clean, /^プロファイル reference: 5 項目中 5 見つかりました\n■ 見つかった項目（5）/);
  assert.match(clean, /提案プロファイル: .*（変更なし）/);
});

test('entries that could not be looked at are said in one line per reason, not one line each', () => {
  const why = 'ログインが拒否されました';
  const refused: Finding = {
    entry: 'login.error',
    where: 'PC ログインの後',
    status: 'wrong',
    summary: `${why}: 「パスワードが正しくありません。」`,
    matches: [],
    candidates: [],
  };
  const unchecked = ['screens.メッセージ', 'sections.3.3-logout.logout', 'userName'].map(
    (entry): Finding => ({ entry, where: 'PC', status: 'unchecked', summary: why, matches: [], candidates: [] }),
  );
  const screen = formatScreen(result([found('login.id'), refused, ...unchecked]), [], FILES);
  assert.match(screen, /^プロファイル reference: 5 項目中 1 見つかりました、1 問題があります、3 確認できませんでした\n■ 問題のある項目（4）\n/);
  // The cause first, then what it left unchecked.
  assert.match(
    screen,
    /\n✗ login\.error \[PC ログインの後\] 問題があります: ログインが拒否されました: 「パスワードが正しくありません。」\n\? 確認できませんでした（3）: screens\.メッセージ、sections\.3\.3-logout\.logout、userName — ログインが拒否されました\n/,
  );
  assert.equal(screen.match(/確認できませんでした/g)?.length, 2, screen);
});
