/**
 * Session termination beyond the manual (features/security/): OWASP WSTG-SESS-06,
 * ASVS 5.0 7.4.1, 7.4.4, 14.3.2 and cookie attributes. Failures name the requirement.
 */

import type { Cookie, Page } from '@playwright/test';
import { checkAtTop, checkNamed, checkNotCovered, checkWithinScreen } from '../../checks/controls.ts';
import { expect } from '../../checks/matchers.ts';
import { everyScreenRefuses } from '../../checks/session.ts';
import { MyPageLogout } from '../../pages/3.3-logout/MyPageLogout.ts';
import { HOME_SCREEN, MyPage } from '../../pages/MyPage.ts';
import { whereDocumentCameFrom } from '../../pages/observe.ts';
import { SessionProbe } from '../../pages/SessionProbe.ts';
import { entryName } from '../../support/target-profile.ts';
import { scenarioState } from '../context.ts';
import { Given, Then, When } from '../define.ts';
import { SECURITY_REQUIREMENTS } from './requirements.ts';

/** What these steps note for later ones: the cookies of the logged-in session, a second tab on My Page. */
const noted = scenarioState((): { savedCookies: Cookie[]; secondTab?: Page } => ({ savedCookies: [] }));

Given('ログイン中のクッキーを控えておく', async (ctx) => {
  const { context, suite, manual } = ctx;
  const scenario = noted(ctx);
  // The cookies the browser would send to My Page: read at the profile's cookie scope (e.g. /kyushoku/), not the site root.
  scenario.savedCookies = await context.cookies(suite.hellowork.cookieURL);
  await manual.verify(
    {
      requirement: SECURITY_REQUIREMENTS['ASVS 7.4.1'],
      expected: `ログイン中は、求職者マイページ（${suite.hellowork.cookieURL}）に送られるクッキーがある`,
      observe: async () =>
        `${suite.hellowork.cookieURL} に送られるクッキーがありません（ブラウザーにあるクッキー: ${(await context.cookies()).map((c) => `${c.name}（${c.domain}${c.path}）`).join('、') || 'なし'}）。プロファイル ${suite.hellowork.profile.name} の paths.cookieScope を確認してください。`,
    },
    async () => expect(scenario.savedCookies.length).toBeGreaterThan(0),
  );
});

Then('控えておいたクッキーを別のブラウザーで使っても、求職者マイページは開けない', async (ctx) => {
  const { browser, suite, manual, myPage } = ctx;
  const scenario = noted(ctx);
  const probe = await SessionProbe.withCookies(browser, scenario.savedCookies, suite.hellowork);
  await everyScreenRefuses({ manual, myPage }, probe, (screen) => ({
    requirement: SECURITY_REQUIREMENTS['ASVS 7.4.1'],
    expected: `ログアウト前のクッキー（${scenario.savedCookies.map((c) => c.name).join('、')}）を別のブラウザーに入れて「${screen}」を開くと、ログインしていない画面になる（${entryName(suite.hellowork.profile, 'loggedOut')}）`,
  }));
});

When('ブラウザーの「戻る」を押す', async ({ page }) => {
  await page.goBack();
});

When('再読み込みする', async ({ page }) => {
  await page.reload();
});

Then('求職者マイページの内容は表示されない', async ({ page, myPage, account, manual }) => {
  await page.waitForLoadState();
  await manual.verify(
    {
      requirement: SECURITY_REQUIREMENTS['ASVS 7.4.1'],
      expected: `ログアウト後は、求職者マイページの画面（見出し・「${account.name ?? '利用者名'}様」）が表示されない`,
      // Whether what reappeared came from the browser's caches or from the server with the old session.
      observe: async () => `${await myPage.describe()}。${(await whereDocumentCameFrom(page)) ?? ''}`,
    },
    async () => {
      await expect(myPage.anyScreenTitle()).toBeHidden();
      if (account.name) await expect(myPage.userName(account.name)).toBeHidden();
    },
  );
});

Given('別のタブでも求職者マイページを開いている', async (ctx) => {
  const { context, suite, manual } = ctx;
  const tab = await context.newPage();
  noted(ctx).secondTab = tab;
  const other = new MyPage(tab, suite.hellowork);
  await other.open(HOME_SCREEN);
  await manual.verify({ expected: `別のタブに「${HOME_SCREEN}」が表示される`, observe: () => other.describe() }, () =>
    expect(other.screenTitle(HOME_SCREEN)).toBeVisible(),
  );
  // The reader goes on in the first tab.
  await context.pages()[0]?.bringToFront();
});

Then('別のタブを再読み込みすると、求職者マイページの内容は表示されない', async (ctx) => {
  const { suite, manual } = ctx;
  const tab = noted(ctx).secondTab;
  if (!tab) throw new Error('別のタブが開かれていません（前提の手順が抜けています）');
  await tab.bringToFront();
  await tab.reload();
  const other = new MyPage(tab, suite.hellowork);
  await manual.verify(
    {
      requirement: SECURITY_REQUIREMENTS['ASVS 7.4.1'],
      expected: `一つのタブでログアウトした後、別のタブの「${HOME_SCREEN}」を再読み込みすると、ログインしていない画面になる`,
      observe: () => other.describe(),
    },
    async () => {
      await expect(other.screenTitle(HOME_SCREEN)).toBeHidden();
      await expect(other.loggedOut).toBeVisible();
    },
  );
});

Then('求職者マイページのどの画面の応答にも「Cache-Control: no-store」が付いている', async ({ myPage, manual }) => {
  const seen: Record<string, string> = {};
  for (const screen of myPage.screenNames()) {
    const response = await myPage.open(screen);
    seen[screen] = (await response?.headerValue('cache-control')) ?? '（なし）';
  }
  const expected = Object.fromEntries(Object.keys(seen).map((screen) => [screen, expect.stringMatching(/(^|,)\s*no-store\s*(,|$)/i)]));
  await manual.verify(
    {
      requirement: SECURITY_REQUIREMENTS['ASVS 14.3.2'],
      expected: `求職者マイページの各画面（${Object.keys(seen).join('、')}）の応答に Cache-Control: no-store が付いている`,
      observe: async () =>
        Object.entries(seen)
          .map(([screen, value]) => `「${screen}」Cache-Control: ${value}`)
          .join('、'),
    },
    async () => expect(seen).toEqual(expected),
  );
});

Then('ログインで受け取ったクッキーには HttpOnly と SameSite が付いている', async ({ scenario, manual }) => {
  const cookies = scenario.loginSetCookies.map((header) => {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const names = attributes.map((a) => (a.split('=')[0] ?? '').toLowerCase());
    const sameSite = attributes.find((a) => a.toLowerCase().startsWith('samesite='))?.split('=')[1];
    // A cookie being deleted (Max-Age=0 or an Expires in 1970) is not one the browser keeps.
    const deleted = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=.*\b1970\b/i.test(a));
    return { name: pair.split('=')[0] ?? '', httpOnly: names.includes('httponly'), sameSite: sameSite ?? '（なし）', deleted };
  });
  const live = cookies.filter((c) => !c.deleted).map(({ deleted: _deleted, ...c }) => c);
  await manual.verify(
    {
      requirement: SECURITY_REQUIREMENTS['ASVS V3.3'],
      expected: 'ログインのときに受け取ったクッキーのすべてに HttpOnly と SameSite（Lax または Strict）が付いている',
      observe: async () =>
        live.map((c) => `${c.name}（HttpOnly: ${c.httpOnly ? 'あり' : 'なし'}、SameSite: ${c.sameSite}）`).join('、') ||
        'ログインでクッキーを受け取っていません',
    },
    async () => {
      expect(live.length).toBeGreaterThan(0);
      for (const c of live) expect(c).toEqual({ name: c.name, httpOnly: true, sameSite: expect.stringMatching(/^(lax|strict)$/i) });
    },
  );
});

Then('求職者マイページのどの画面でも、この端末のログアウトの操作が画面上部にある', async (ctx) => {
  const { myPage, suite, deviceClass } = ctx;
  // §3.3's page object: this requirement is about the controls its procedures press.
  const controls = new MyPageLogout(ctx.page, suite.hellowork.profile, ctx.touch, suite.timeouts.action, ctx.dialogs);
  for (const screen of myPage.screenNames()) {
    await myPage.open(screen);
    // The screen as opened: an HTTP error names the setting of its address instead of calling it the screen.
    const proves = { requirement: SECURITY_REQUIREMENTS['ASVS 7.4.4'], screen: () => myPage.describeOpened(screen) };
    if (deviceClass === 'pc') {
      await checkAtTop(ctx, proves, controls.button, { name: 'ログアウト', expected: `「${screen}」画面の上部に「ログアウト」ボタンがある` });
      await checkNamed(ctx, proves, controls.button, 'ログアウト');
      // Usable, not merely shown: nothing (a banner, an overlay) lies on top of it.
      await checkNotCovered(ctx, proves, controls.button);
    } else {
      await checkAtTop(ctx, proves, controls.menuButton, { expected: `「${screen}」画面の上部にメニューがある` });
      await controls.openMenu();
      const opened = {
        ...proves,
        screen: async () =>
          `「${screen}」画面でメニューを開いたところ（メニューの項目: ${(await controls.menuItems()).map((t) => `「${t}」`).join('') || 'なし'}）`,
      };
      await checkNamed(ctx, opened, controls.menuLogout, 'ログアウト');
      await checkWithinScreen(
        ctx,
        opened,
        controls.menuLogout,
        `「${screen}」画面のメニューを開くと、「ログアウト」がスクロールせずに見える（画面の中に収まっている）`,
      );
      await controls.closeMenu();
    }
  }
});
