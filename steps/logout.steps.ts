/**
 * Manual §3.3 (1) and (2): logging out of 求職者マイページ.
 * Each step quotes the manual sentence verbatim; its manual id comes from the
 * scenario's section tag (see manual/3.3-logout.md).
 */
import { formatControls } from '../pages/observe.ts';
import { SessionProbe } from '../pages/SessionProbe.ts';
import { MY_PAGE_HOME, TOP_PAGE } from '../fixtures/manual-figures.ts';
import { expect, Then, When } from '../fixtures/test.ts';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

// 3.3(1)①
When('求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。', async ({ myPage, manual, suite }) => {
  const ratio = suite.topAreaRatio;
  await manual.verify(
    {
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
  await myPage.clickLogout();
});

// 3.3(2)①
When('求職者マイページの画面上部にあるメニューをタップします。', async ({ myPage, manual, suite }) => {
  const ratio = suite.topAreaRatio;
  await manual.verify(
    {
      expected: `画面上部（最初の画面の上 ${percent(ratio)}）に「メニュー」ボタンが表示されている`,
      observe: async () => {
        const top = await myPage.controlsInTopArea(ratio);
        return `画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}`;
      },
    },
    () => expect(myPage.menuButton).toBeInTopArea(myPage, ratio),
  );
  await myPage.tapMenu();
});

// 3.3(2)②
When('表示されたメニューから「ログアウト」をタップします。', async ({ myPage, manual }) => {
  await manual.verify(
    {
      expected: 'メニューが表示され、その中に「ログアウト」がある',
      observe: async () =>
        (await myPage.menu.first().isVisible())
          ? `メニューは表示されていますが、項目は: ${(await myPage.menu.first().getByRole('link').or(myPage.menu.first().getByRole('button')).allInnerTexts()).map((t) => `「${t.trim()}」`).join('') || 'ありません'}`
          : `メニューが表示されていません。${await myPage.describe()}`,
    },
    () => expect(myPage.menuLogout).toBeVisible(),
  );
  await myPage.tapMenuLogout();
});

// 3.3(1)② and 3.3(2)③
Then('ハローワークインターネットサービスのトップ画面が表示されます。', async ({ topPage, page, suite, manual }) => {
  const expected = TOP_PAGE.sections.map((heading) => ({ heading, visible: true, loginControls: [expect.stringMatching(/ログイン/)] }));
  await manual.verify(
    {
      expected: `トップ画面（タイトル「ハローワークインターネットサービス」、${TOP_PAGE.sections.map((s) => `「${s}」`).join('')}の三つの区分とそれぞれのログインボタン、「${TOP_PAGE.officeInfo}」）が表示される`,
      observe: () => topPage.describe(),
    },
    async () => {
      await expect(page).toHaveTitle(TOP_PAGE.title);
      await expect.poll(() => topPage.sections(TOP_PAGE.sections)).toEqual(expected);
      await expect(topPage.heading(TOP_PAGE.officeInfo)).toBeVisible();
    },
  );

  // Logged out for real: opening 求職者マイページ again (in another tab of the same browser) asks for a login.
  const home = suite.hellowork.myPageScreens[MY_PAGE_HOME.screen] ?? '/';
  const probe = await SessionProbe.open(page.context(), home, suite.hellowork.loginPath);
  try {
    await manual.verify(
      {
        expected: `ログアウト後に「${MY_PAGE_HOME.screen}」を開き直すとログイン画面になる（セッションが終わっている）`,
        observe: () => probe.describe(),
      },
      () => expect(probe.loginPage.passwordField).toBeVisible(),
    );
  } finally {
    await probe.close();
  }
});
