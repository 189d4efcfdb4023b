/**
 * The manual's procedures as plain functions of the fixtures they use, so that
 * a verbatim manual step and a 注意 scenario's "log out by this device's
 * procedure" step run exactly the same checks. Each check names its manual id.
 */
import type { Page } from '@playwright/test';
import { LOGOUT_PROCEDURE, MY_PAGE_HOME, TOP_PAGE } from '../fixtures/manual-figures.ts';
import type { ManualFigures } from '../fixtures/figures.ts';
import type { ManualCheck } from '../fixtures/manual-check.ts';
import { expect } from '../fixtures/matchers.ts';
import type { DeviceClass } from './context.ts';
import type { MyPage } from '../pages/MyPage.ts';
import { formatControls } from '../pages/observe.ts';
import { SessionProbe } from '../pages/SessionProbe.ts';
import type { TopPage } from '../pages/TopPage.ts';
import type { SuiteConfig } from '../support/config.ts';

export interface ProcedureContext {
  readonly figures: ManualFigures;
  readonly page: Page;
  readonly myPage: MyPage;
  readonly topPage: TopPage;
  readonly manual: ManualCheck;
  readonly suite: SuiteConfig;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** 3.3(1)① 求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。 */
export async function clickLogoutButton({ myPage, manual, suite, figures }: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.pc.click) {
  const ratio = suite.topAreaRatio;
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
            : ` 画面のどこにも「${MY_PAGE_HOME.logout}」という名前のボタン・リンクはありません。`)
        );
      },
    },
    () => expect(myPage.logoutControl).toBeInTopArea(myPage, ratio),
  );
  await figures.save(manualId, '画面上部の「ログアウト」ボタン', [myPage.logoutControl]);
  await myPage.clickLogout();
}

/** 3.3(2)① 求職者マイページの画面上部にあるメニューをタップします。 */
export async function tapMenu({ myPage, manual, suite, figures }: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.sp.menu) {
  const ratio = suite.topAreaRatio;
  await manual.verify(
    {
      manualId,
      expected: `画面上部（最初の画面の上 ${percent(ratio)}）に「メニュー」ボタンが表示されている`,
      observe: async () => {
        const top = await myPage.controlsInTopArea(ratio);
        return `画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}`;
      },
    },
    () => expect(myPage.menuButton).toBeInTopArea(myPage, ratio),
  );
  await figures.save(manualId, '画面上部のメニュー', [myPage.menuButton]);
  await myPage.tapMenu();
}

/** 3.3(2)② 表示されたメニューから「ログアウト」をタップします。 */
export async function tapMenuLogout({ myPage, manual, figures }: ProcedureContext, manualId: string = LOGOUT_PROCEDURE.sp.menuLogout) {
  await manual.verify(
    {
      manualId,
      expected: 'メニューが表示され、その中に「ログアウト」がある',
      observe: async () =>
        (await myPage.menu.first().isVisible())
          ? `メニューは表示されていますが、項目は: ${(await myPage.menu.first().getByRole('link').or(myPage.menu.first().getByRole('button')).allInnerTexts()).map((t) => `「${t.trim()}」`).join('') || 'ありません'}`
          : `メニューが表示されていません。${await myPage.describe()}`,
    },
    () => expect(myPage.menuLogout).toBeVisible(),
  );
  await figures.save(manualId, 'メニューの「ログアウト」', [myPage.menuLogout]);
  await myPage.tapMenuLogout();
}

/** 3.3(1)② / 3.3(2)③ ハローワークインターネットサービスのトップ画面が表示されます。 */
export async function seeTopPage({ topPage, page, suite, manual, figures }: ProcedureContext, manualId: string) {
  const expected = TOP_PAGE.sections.map((heading) => ({ heading, visible: true, loginControls: [expect.stringMatching(/ログイン/)] }));
  await manual.verify(
    {
      manualId,
      expected: `トップ画面（タイトル「ハローワークインターネットサービス」、${TOP_PAGE.sections.map((s) => `「${s}」`).join('')}の三つの区分とそれぞれのログインボタン、「${TOP_PAGE.officeInfo}」）が表示される`,
      observe: () => topPage.describe(),
    },
    async () => {
      await expect(page).toHaveTitle(TOP_PAGE.title);
      await expect.poll(() => topPage.sections(TOP_PAGE.sections)).toEqual(expected);
      await expect(topPage.heading(TOP_PAGE.officeInfo)).toBeVisible();
    },
  );
  await figures.save(manualId, 'トップ画面の三つの区分と「ハローワークなどの所在地情報」', [
    ...TOP_PAGE.sections.map((s) => topPage.section(s)),
    topPage.heading(TOP_PAGE.officeInfo),
  ]);

  // Logged out for real: opening 求職者マイページ again (in another tab of the same browser) asks for a login.
  const home = suite.hellowork.myPageScreens[MY_PAGE_HOME.screen] ?? '/';
  const probe = await SessionProbe.open(page.context(), home, suite.hellowork.loginPath);
  try {
    await manual.verify(
      {
        manualId,
        expected: `ログアウト後に「${MY_PAGE_HOME.screen}」を開き直すとログイン画面になる（セッションが終わっている）`,
        observe: () => probe.describe(),
      },
      () => expect(probe.loginPage.passwordField).toBeVisible(),
    );
  } finally {
    await probe.close();
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
