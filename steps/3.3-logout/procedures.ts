/**
 * The manual's procedures as plain functions of the fixtures they use, so that
 * a verbatim manual step and a 注意 scenario's "log out by this device's
 * procedure" step run exactly the same checks. Each check names its manual id;
 * the presses and the waits for the next screen are checks too.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import type { ManualFigures } from '../../checks/figures.ts';
import type { ManualCheck } from '../../checks/manual-check.ts';
import { everyScreenRefuses } from '../../checks/session.ts';
import { LOGOUT_PROCEDURE, MY_PAGE_HOME, TOP_PAGE } from './manual-figures.ts';
import { expect } from '../../checks/matchers.ts';
import { NavigationProblem } from '../../pages/interact.ts';
import type { MyPage } from '../../pages/MyPage.ts';
import { formatControls } from '../../pages/observe.ts';
import { SessionProbe } from '../../pages/SessionProbe.ts';
import type { TopPage } from '../../pages/TopPage.ts';
import type { SuiteConfig } from '../../support/config.ts';
import { entryName, textMatcher } from '../../support/target-profile.ts';
import type { DeviceClass, ScenarioState } from '../context.ts';

export interface ProcedureContext {
  readonly figures: ManualFigures;
  readonly page: Page;
  readonly browser: Browser;
  readonly myPage: MyPage;
  readonly topPage: TopPage;
  readonly manual: ManualCheck;
  readonly suite: SuiteConfig;
  readonly scenario: ScenarioState;
  remark(text: string): void;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** What a failed press-and-wait shows: the diagnosis (new tab, nothing happened, no answer …) and the screen. */
const afterPress = (myPage: MyPage) => async (error: unknown) =>
  `${error instanceof NavigationProblem ? `${error.message} ` : ''}${await myPage.describe()}`;

/** The control reads `name` to a person (NFKC folding; a remark when only the folded form matches). */
async function checkName(ctx: ProcedureContext, manualId: string, control: Locator, what: string, name: string, entry: string) {
  const { myPage, manual } = ctx;
  await manual.verify(
    {
      manualId,
      expected: `${what}の名前が「${name}」である（全角・半角の違いは同じとみなす）`,
      observe: async () => {
        const top = await myPage.controlsInTopArea(ctx.suite.topAreaRatio);
        return (
          `${entryName(myPage.profile, entry)} に当たる操作部品の名前は「${(await myPage.accessibleName(control)) ?? '（表示されていません）'}」です。` +
          ` 画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}`
        );
      },
    },
    () => expect(control).toBeNamed(myPage, name),
  );
  const actual = await myPage.accessibleName(control);
  if (actual !== undefined && actual.trim() !== name) {
    ctx.remark(`${manualId}: 画面の表記は「${actual.trim()}」で、マニュアルの「${name}」とは字形が違います（NFKC で同じ文字列になるため一致とみなしました）。`);
  }
}

/** Nothing covers the control: a press lands on it. */
async function checkNotCovered(ctx: ProcedureContext, manualId: string, control: Locator, what: string) {
  const { myPage, manual } = ctx;
  await manual.verify(
    {
      manualId,
      expected: `${what}がほかの要素に覆われておらず、押せる`,
      observe: async () => `${what}の中央には別の要素 ${await myPage.whatIsOnTop(control)} が重なっていて、押すとそちらに当たります。`,
    },
    () => expect(control).toReceivePresses(myPage),
  );
}

/** Presses a control that leads to the next screen: the press and the wait are the manual step's check. */
async function pressToNextScreen(ctx: ProcedureContext, manualId: string, what: string, press: () => Promise<void>) {
  const { myPage, manual, suite, page, scenario } = ctx;
  // The session's cookies as they were: the top-page check replays them after the logout.
  scenario.cookiesBeforeLogout = await page.context().cookies();
  await manual.verify(
    {
      manualId,
      expected: `${what}を押すと、同じタブで ${suite.timeouts.action / 1000} 秒以内に次の画面が表示される`,
      observe: afterPress(myPage),
    },
    press,
  );
}

/** 3.3(1)① 求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。 */
export async function clickLogoutButton(ctx: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.pc.click) {
  const { myPage, manual, suite, figures } = ctx;
  const ratio = suite.topAreaRatio;
  const control = myPage.logoutControl;
  await manual.verify(
    {
      manualId,
      expected: `画面上部（スクロールせずに見える最初の画面の上 ${percent(ratio)}）に「${MY_PAGE_HOME.logout}」という名前のボタンが表示されている`,
      observe: async () => {
        const top = await myPage.controlsInTopArea(ratio);
        const elsewhere = await myPage.controlsNamed(MY_PAGE_HOME.logout);
        return (
          `画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}。` +
          (elsewhere.length > 0
            ? ` 「${MY_PAGE_HOME.logout}」は画面上部の外にあります: ${formatControls(elsewhere)}。`
            : ` 画面のどこにも「${MY_PAGE_HOME.logout}」という名前のボタン・リンクはありません。`) +
          `（探したもの: ${entryName(myPage.profile, 'myPage.logout', myPage.profile.myPage.logout)}）`
        );
      },
    },
    () => expect(control).toBeInTopArea(myPage, ratio),
  );
  await checkName(ctx, manualId, control, '画面上部のログアウトのボタン', MY_PAGE_HOME.logout, 'myPage.logout');
  await checkNotCovered(ctx, manualId, control, `「${MY_PAGE_HOME.logout}」ボタン`);
  await figures.save(manualId, '画面上部の「ログアウト」ボタン', [control]);
  await pressToNextScreen(ctx, manualId, `「${MY_PAGE_HOME.logout}」ボタン`, () => myPage.clickLogout());
}

/** 3.3(2)① 求職者マイページの画面上部にあるメニューをタップします。 */
export async function tapMenu(ctx: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.sp.menu) {
  const { myPage, manual, suite, figures } = ctx;
  const ratio = suite.topAreaRatio;
  await manual.verify(
    {
      manualId,
      expected: `画面上部（最初の画面の上 ${percent(ratio)}）に「メニュー」ボタンが表示されている`,
      observe: async () => {
        const top = await myPage.controlsInTopArea(ratio);
        return `画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}（探したもの: ${entryName(myPage.profile, 'myPage.menuButton', myPage.profile.myPage.menuButton)}）`;
      },
    },
    () => expect(myPage.menuButton).toBeInTopArea(myPage, ratio),
  );
  await checkNotCovered(ctx, manualId, myPage.menuButton, 'メニュー');
  await figures.save(manualId, '画面上部のメニュー', [myPage.menuButton]);
  await manual.verify(
    {
      manualId,
      expected: 'メニューをタップすると、メニューが開く',
      observe: async (error) =>
        `${error instanceof Error && !/toBeVisible/.test(error.message) ? `タップできませんでした（${error.message.split('\n')[0]}）。` : 'タップしてもメニューが表示されません。'}${await myPage.describe()}（メニューとして探したもの: ${entryName(myPage.profile, 'myPage.menuPanel', myPage.profile.myPage.menuPanel)}）`,
    },
    async () => {
      await myPage.tapMenu();
      await expect(myPage.menu).toBeVisible();
    },
  );
}

/** 3.3(2)② 表示されたメニューから「ログアウト」をタップします。 */
export async function tapMenuLogout(ctx: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.sp.menuLogout) {
  const { myPage, manual, figures } = ctx;
  await manual.verify(
    {
      manualId,
      expected: 'メニューが表示され、その中に「ログアウト」がある',
      observe: async () =>
        (await myPage.menu.isVisible())
          ? `メニューは表示されていますが、項目は: ${(await myPage.menuItems()).map((t) => `「${t}」`).join('') || 'ありません'}`
          : `メニューが表示されていません。${await myPage.describe()}`,
    },
    () => expect(myPage.menuLogout).toBeVisible(),
  );
  await checkName(ctx, manualId, myPage.menuLogout, 'メニューのログアウトの項目', MY_PAGE_HOME.logout, 'myPage.menuLogout');
  await myPage.menuLogout.scrollIntoViewIfNeeded();
  await checkNotCovered(ctx, manualId, myPage.menuLogout, 'メニューの「ログアウト」');
  await figures.save(manualId, 'メニューの「ログアウト」', [myPage.menuLogout]);
  await pressToNextScreen(ctx, manualId, 'メニューの「ログアウト」', () => myPage.tapMenuLogout());
}

/** 3.3(1)② / 3.3(2)③ ハローワークインターネットサービスのトップ画面が表示されます。 */
export async function seeTopPage(ctx: ProcedureContext, manualId: string) {
  const { topPage, page, suite, manual, figures } = ctx;
  const site = suite.hellowork;
  // The tab the user started in shows it: no other window was left open by the logout.
  const others = page.context().pages().filter((p) => p !== page && p !== ctx.scenario.secondTab);
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
async function checkSessionEnded(ctx: ProcedureContext, manualId: string) {
  const { page, browser, suite, manual, myPage, scenario } = ctx;
  const site = suite.hellowork;
  const probes: { how: string; open: () => Promise<SessionProbe> }[] = [
    { how: '同じブラウザーの別のタブ', open: () => SessionProbe.inContext(page.context(), site) },
    ...(scenario.cookiesBeforeLogout.length > 0
      ? [{ how: 'ログアウト前のクッキーを入れた別のブラウザー', open: () => SessionProbe.withCookies(browser, scenario.cookiesBeforeLogout, site) }]
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
export async function logOutByDeviceProcedure(ctx: ProcedureContext, deviceClass: DeviceClass) {
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
