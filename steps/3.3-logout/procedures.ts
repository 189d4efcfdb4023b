/**
 * The manual's procedures as plain functions of the step context, so that a verbatim manual step and a 注意
 * scenario's "log out by this device's procedure" step run exactly the same checks. Each check names its manual id;
 * the presses and the waits for the next screen are checks too (checks/controls.ts).
 */
import { checkAtTop, checkNamed, checkNotCovered, percent, pressToNextScreen } from '../../checks/controls.ts';
import { expect } from '../../checks/matchers.ts';
import { everyScreenRefuses } from '../../checks/session.ts';
import { SessionProbe } from '../../pages/SessionProbe.ts';
import { entryName, textMatcher } from '../../support/target-profile.ts';
import type { DeviceClass, StepContext } from '../context.ts';
import { LOGOUT_PROCEDURE, MY_PAGE_HOME, TOP_PAGE } from './manual-text.ts';
import { logoutState } from './state.ts';

/** Notes what the session was just before the press: the top-page check replays its cookies and counts new tabs. */
async function noteBeforeLogout(ctx: StepContext) {
  const state = logoutState(ctx);
  state.cookiesBeforeLogout = await ctx.context.cookies();
  state.tabsBeforeLogout = ctx.context.pages();
}

/** 3.3(1)① 求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。 */
export async function clickLogoutButton(ctx: StepContext, manualId: string = LOGOUT_PROCEDURE.pc.click) {
  const { controls } = logoutState(ctx);
  const button = controls.button;
  const proves = { manualId };
  await checkAtTop(ctx, proves, button, {
    name: MY_PAGE_HOME.logout,
    expected: `画面上部（スクロールせずに見える最初の画面の上 ${percent(ctx.suite.topAreaRatio)}）に「${MY_PAGE_HOME.logout}」という名前のボタンが表示されている`,
  });
  await checkNamed(ctx, proves, button, MY_PAGE_HOME.logout, '画面上部のログアウトのボタン');
  await checkNotCovered(ctx, proves, button);
  await ctx.figures.save(manualId, '画面上部の「ログアウト」ボタン', [button.locator]);
  await noteBeforeLogout(ctx);
  await pressToNextScreen(ctx, proves, button, () => controls.pressLogout());
}

/** 3.3(2)① 求職者マイページの画面上部にあるメニューをタップします。 */
export async function tapMenu(ctx: StepContext, manualId: string = LOGOUT_PROCEDURE.sp.menu) {
  const { controls } = logoutState(ctx);
  const { manual, figures } = ctx;
  const proves = { manualId };
  await checkAtTop(ctx, proves, controls.menuButton, {
    expected: `画面上部（最初の画面の上 ${percent(ctx.suite.topAreaRatio)}）に「メニュー」ボタンが表示されている`,
  });
  await checkNotCovered(ctx, proves, controls.menuButton);
  await figures.save(manualId, '画面上部のメニュー', [controls.menuButton.locator]);
  await manual.verify(
    {
      manualId,
      expected: 'メニューをタップすると、メニューが開く',
      observe: async (error) =>
        `${error instanceof Error && !/toBeVisible/.test(error.message) ? `タップできませんでした（${error.message.split('\n')[0]}）。` : 'タップしてもメニューが表示されません。'}${await ctx.describe()}（メニューとして探したもの: ${controls.menuLookedFor}）`,
    },
    async () => {
      await controls.openMenu();
      await expect(controls.menu).toBeVisible();
    },
  );
}

/** 3.3(2)② 表示されたメニューから「ログアウト」をタップします。 */
export async function tapMenuLogout(ctx: StepContext, manualId: string = LOGOUT_PROCEDURE.sp.menuLogout) {
  const { controls } = logoutState(ctx);
  const { manual, figures } = ctx;
  const item = controls.menuLogout;
  const proves = { manualId };
  await manual.verify(
    {
      manualId,
      expected: 'メニューが表示され、その中に「ログアウト」がある',
      observe: async () =>
        (await controls.menu.isVisible())
          ? `メニューは表示されていますが、項目は: ${(await controls.menuItems()).map((t) => `「${t}」`).join('') || 'ありません'}`
          : `メニューが表示されていません。${await ctx.describe()}`,
    },
    () => expect(item.locator).toBeVisible(),
  );
  await checkNamed(ctx, proves, item, MY_PAGE_HOME.logout, 'メニューのログアウトの項目');
  await item.locator.scrollIntoViewIfNeeded();
  await checkNotCovered(ctx, proves, item);
  await figures.save(manualId, 'メニューの「ログアウト」', [item.locator]);
  await noteBeforeLogout(ctx);
  await pressToNextScreen(ctx, proves, item, () => controls.pressMenuLogout());
}

/** 3.3(1)② / 3.3(2)③ ハローワークインターネットサービスのトップ画面が表示されます。 */
export async function seeTopPage(ctx: StepContext, manualId: string) {
  const { topPage, page, suite, manual, figures } = ctx;
  const site = suite.hellowork;
  // The tab the user started in shows it: the logout left no other tab or window open.
  const before = logoutState(ctx).tabsBeforeLogout;
  const others = page
    .context()
    .pages()
    .filter((p) => p !== page && !before.includes(p));
  await manual.verify(
    {
      manualId,
      expected: 'ログアウトした後、利用者が操作していたタブのほかに開いたタブ・ウィンドウがない',
      observe: async () => `ほかに開いているタブ: ${others.map((p) => p.url()).join('、')}`,
    },
    async () => expect(others.map((p) => p.url())).toEqual([]),
  );
  const expectedSections = TOP_PAGE.sections.map((heading) => ({ heading, visible: true, loginControls: [expect.stringMatching(/ログイン/)] }));
  await manual.verify(
    {
      manualId,
      expected: `${site.topOrigin} のトップ画面（タイトル「ハローワークインターネットサービス」、${TOP_PAGE.sections.map((s) => `「${s}」`).join('')}の三つの区分とそれぞれのログインボタン、「${TOP_PAGE.officeInfo}」）が表示される`,
      observe: async () =>
        `${await topPage.describe()}。区分: ${(await topPage.sections(TOP_PAGE.sections))
          .map((s) => `「${s.heading}」${s.visible ? `あり（ログイン: ${s.loginControls.map((c) => `「${c}」`).join('') || 'なし'}）` : 'なし'}`)
          .join('、')}`,
    },
    async () => {
      await expect(page).toHaveTitle(textMatcher(site.profile.top.title));
      await expect.poll(() => topPage.sections(TOP_PAGE.sections)).toEqual(expectedSections);
      await expect(topPage.heading(TOP_PAGE.officeInfo)).toBeVisible();
    },
  );
  // The same page on another host is not the top page of the service the manual documents.
  await manual.verify(
    {
      manualId,
      expected: `表示されたトップ画面が ${site.topOrigin} のものである（トップ画面のオリジン: ${site.originSources.top}。別のサイトに同じ画面があっても、それはハローワークインターネットサービスではありません）`,
      observe: async () => `利用者のタブに表示されたのは ${topPage.origin()} のページです（URL ${page.url()}）`,
    },
    async () => expect(topPage.origin()).toBe(site.topOrigin),
  );
  await figures.save(manualId, 'トップ画面の三つの区分と「ハローワークなどの所在地情報」', [
    ...TOP_PAGE.sections.map((s) => topPage.section(s)),
    topPage.heading(TOP_PAGE.officeInfo),
  ]);
  await checkSessionEnded(ctx, manualId);
}

/**
 * Logged out for real: every configured My Page screen refuses the session, both in another tab of the
 * same browser and in a fresh browser given the cookies the session had before the logout.
 */
async function checkSessionEnded(ctx: StepContext, manualId: string) {
  const { page, browser, suite, manual, myPage } = ctx;
  const site = suite.hellowork;
  const { cookiesBeforeLogout } = logoutState(ctx);
  const probes: { how: string; open: () => Promise<SessionProbe> }[] = [
    { how: '同じブラウザーの別のタブ', open: () => SessionProbe.inContext(page.context(), site) },
    ...(cookiesBeforeLogout.length > 0
      ? [{ how: 'ログアウト前のクッキーを入れた別のブラウザー', open: () => SessionProbe.withCookies(browser, cookiesBeforeLogout, site) }]
      : []),
  ];
  for (const { how, open } of probes) {
    await everyScreenRefuses({ manual, myPage }, await open(), (screen) => ({
      manualId,
      expected: `ログアウト後に${how}で「${screen}」（${myPage.urlOf(screen)}）を開くと、ログインしていない画面になる（セッションが終わっている: ${entryName(site.profile, 'loggedOut', site.profile.loggedOut)}）`,
    }));
  }
}

/** The whole logout procedure of the device class, up to (not including) the top page check. */
export async function logOutByDeviceProcedure(ctx: StepContext, deviceClass: DeviceClass) {
  if (deviceClass === 'pc') {
    await clickLogoutButton(ctx);
  } else {
    await tapMenu(ctx);
    await tapMenuLogout(ctx);
  }
}

/** The phase name under which the browser's requests during the My Page logout are recorded. */
export const MYPAGE_LOGOUT = 'mypage-logout';

export const topPageId = (deviceClass: DeviceClass) => (deviceClass === 'pc' ? LOGOUT_PROCEDURE.pc.topPage : LOGOUT_PROCEDURE.sp.topPage);
