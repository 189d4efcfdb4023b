/**
 * Manual §3.3 注意: after logging in from マイナポータル, each side needs its own logout.
 * Behaviour first (what the job seeker sees), then, where observable, the mechanism
 * (no end-session request from the My Page logout; no back-channel logout delivered).
 */
import { expect } from '../../checks/matchers.ts';
import { formatRequests } from '../../checks/traffic.ts';
import { mynaPortalEntry } from '../../pages/3.3-logout/MynaPortalPage.ts';
import { HOME_SCREEN } from '../../pages/MyPage.ts';
import { Given, skipScenarios, Then, When } from '../define.ts';
import { MYNA_PORTAL } from './manual-text.ts';
import { MYPAGE_LOGOUT } from './procedures.ts';
import { MYNAPORTAL_SKIP_REASON, mynaPortalOf, mynaPortalTrafficOf } from './state.ts';

// Without マイナポータル settings its scenarios are skipped, each with this printed reason.
skipScenarios({ tags: '@mynaportal', reason: ({ suite }) => (suite.mynaportal ? undefined : MYNAPORTAL_SKIP_REASON) });

Given('マイナポータルから求職者マイページにログインしている', async (ctx) => {
  const { loginPage, myPage, suite, manual, page } = ctx;
  const mynaPortal = mynaPortalOf(ctx);
  const entry = mynaPortalEntry(page, suite.hellowork.profile);
  await loginPage.goto();
  await manual.verify({ expected: `ログイン画面に「${MYNA_PORTAL.loginEntry}」がある`, observe: () => myPage.describe() }, () => expect(entry).toBeVisible());
  await entry.click();
  // マイナポータル asks for its own login unless it already has a session (single sign-on).
  await expect(mynaPortal.userIdField.or(myPage.screenTitle(HOME_SCREEN))).toBeVisible();
  if (await mynaPortal.userIdField.isVisible()) {
    const myna = suite.mynaportal;
    if (!myna) throw new Error(MYNAPORTAL_SKIP_REASON);
    await mynaPortal.logIn(myna);
  }
  await manual.verify({ expected: `マイナポータルでログインした後、求職者マイページの「${HOME_SCREEN}」が表示される`, observe: () => myPage.describe() }, () =>
    expect(myPage.screenTitle(HOME_SCREEN)).toBeVisible(),
  );
});

When('マイナポータルのメニューから「ログアウト」を選ぶ', async (ctx) => {
  const { manual } = ctx;
  const mynaPortal = mynaPortalOf(ctx);
  await mynaPortal.gotoHome();
  await manual.verify({ expected: `${MYNA_PORTAL.name}にログインしていて、画面上部にメニューがある`, observe: () => mynaPortal.describe() }, () =>
    expect(mynaPortal.menuButton).toBeVisible(),
  );
  await mynaPortal.openMenu();
  await manual.verify({ expected: `${MYNA_PORTAL.name}のメニューに「${MYNA_PORTAL.logout}」がある`, observe: () => mynaPortal.describe() }, () =>
    expect(mynaPortal.menuLogout).toBeVisible(),
  );
  await mynaPortal.chooseMenuLogout();
});

When('確認画面で「ログアウト」を選ぶ', async (ctx) => {
  const { manual } = ctx;
  const mynaPortal = mynaPortalOf(ctx);
  await manual.verify(
    { expected: `${MYNA_PORTAL.name}のログアウト確認画面に「ログアウト」と「キャンセル」がある`, observe: () => mynaPortal.describe() },
    async () => {
      await expect(mynaPortal.confirmLogout).toBeVisible();
      await expect(mynaPortal.cancelLogout).toBeVisible();
    },
  );
  await mynaPortal.confirm();
});

Then('マイナポータルはログアウトされている', async (ctx) => {
  const { manual } = ctx;
  const mynaPortal = mynaPortalOf(ctx);
  await mynaPortal.gotoHome();
  await manual.verify(
    {
      manualId: '3.3(注意)③',
      expected: `${MYNA_PORTAL.name}のトップを開き直すと、ログインしていない状態で表示される`,
      observe: () => mynaPortal.describe(),
    },
    async () => {
      await expect(mynaPortal.loggedOutNotice).toBeVisible();
      await expect(mynaPortal.menuButton).toBeHidden();
    },
  );
});

Then('マイナポータルはログアウトされていない', async (ctx) => {
  const { manual, account } = ctx;
  const mynaPortal = mynaPortalOf(ctx);
  const mynaPortalTraffic = mynaPortalTrafficOf(ctx);
  const requests = mynaPortalTraffic.requests(MYPAGE_LOGOUT);
  await mynaPortal.gotoHome();
  await manual.verify(
    {
      manualId: '3.3(注意)③',
      expected: `求職者マイページをログアウトした後も、${MYNA_PORTAL.name}はログインしたまま（トップにメニューと利用者名が表示される）`,
      observe: async () =>
        `${await mynaPortal.describe()}。求職者マイページのログアウト中にブラウザが${MYNA_PORTAL.name}へ送った要求: ${formatRequests(requests)}`,
    },
    async () => {
      await expect(mynaPortal.menuButton).toBeVisible();
      if (account.name) await expect(mynaPortal.greeting(account.name)).toBeVisible();
    },
  );
  // Mechanism: the My Page logout must not involve マイナポータル at all (no RP-initiated logout / end-session).
  await manual.verify(
    {
      manualId: '3.3(注意)③',
      expected: `求職者マイページのログアウト中に、ブラウザが${MYNA_PORTAL.name}（${mynaPortalTraffic.origin}）へ要求を送らない（ログアウトの連携をしない）`,
      observe: async () => `送られた要求: ${formatRequests(requests)}`,
    },
    async () => expect(requests).toEqual([]),
  );
});

Then('求職者マイページはログアウトされていない', async ({ page, myPage, manual, account, suite, scenario, notChecked }) => {
  const home = HOME_SCREEN;
  await myPage.open(home);
  await page.reload();
  await manual.verify(
    {
      manualId: '3.3(注意)②',
      expected: `${MYNA_PORTAL.name}をログアウトした後も、求職者マイページを開き直すと「${HOME_SCREEN}」${account.name ? `と「${account.name}様」` : ''}が表示される`,
      observe: () => myPage.describe(),
    },
    async () => {
      await expect(myPage.screenTitle(home)).toBeVisible();
      if (account.name) await expect(myPage.userName(account.name)).toBeVisible();
    },
  );
  // Not merely looked too early: My Page is opened again and again over a settle window (NOTE_SETTLE_MS), so that a
  // single logout that arrives a few seconds late is seen on screen, on any target (no records of the app needed).
  const settle = suite.noteSettleMs;
  const started = Date.now();
  let checks = 0;
  let loggedOutAfter: number | undefined;
  const state = async () => {
    checks++;
    await myPage.open(home).catch(() => null);
    const inside = await myPage.screenTitle(home).isVisible();
    if (!inside) loggedOutAfter ??= Date.now() - started;
    return inside ? 'logged-in' : 'logged-out';
  };
  const sawLogout =
    settle > 0 &&
    (await expect
      .poll(state, { timeout: settle, intervals: [500] })
      .toBe('logged-out')
      .then(
        () => true,
        () => false,
      ));
  await manual.verify(
    {
      manualId: '3.3(注意)②',
      expected: `${MYNA_PORTAL.name}をログアウトした後 ${settle / 1000} 秒のあいだ、求職者マイページを開き直しても「${home}」が表示され続ける（遅れて届く一斉ログアウトもない）`,
      observe: async () =>
        `${MYNA_PORTAL.name}のログアウトから約 ${((loggedOutAfter ?? 0) / 1000).toFixed(1)} 秒後（${checks} 回目の確認）に、求職者マイページがログアウトされていました。${await myPage.describe()}`,
    },
    async () => expect(sawLogout ? 'logged-out' : 'logged-in').toBe('logged-in'),
  );
  // Mechanism: マイナポータル delivered no back-channel logout to HelloWork (only the reference app records this).
  const records = suite.mynaportal?.recordsURL;
  if (!records) {
    const reason = 'バックチャネルログアウトの配信記録は同梱の参照アプリにしかないため、この確認は行いません（画面での確認は済んでいます）。';
    notChecked(reason);
    return;
  }
  const deliveries = await fetchDeliveries(records, scenario.startedAt);
  await manual.verify(
    {
      manualId: '3.3(注意)①',
      expected: `${MYNA_PORTAL.name}のログアウトで、求職者マイページへ一斉ログアウト（バックチャネルログアウト）が送られていない`,
      observe: async () => `送られた一斉ログアウト: ${JSON.stringify(deliveries)}`,
    },
    async () => expect(deliveries).toEqual([]),
  );
});

Then('求職者マイページはログアウトされている', async ({ myPage, manual }) => {
  await myPage.open(HOME_SCREEN);
  await manual.verify(
    {
      manualId: '3.3(注意)②',
      expected: `求職者マイページからログアウトした後は、「${HOME_SCREEN}」を開き直すとログインしていない画面になる`,
      observe: () => myPage.describe(),
    },
    async () => {
      await expect(myPage.screenTitle(HOME_SCREEN)).toBeHidden();
      await expect(myPage.loggedOut).toBeVisible();
    },
  );
});

/**
 * Back-channel logouts the reference マイナポータル delivered since `since` (this scenario). Its only relying party is
 * HelloWork, so every delivery is one to 求職者マイページ (the records name the client).
 */
async function fetchDeliveries(recordsURL: string, since: Date) {
  const res = await fetch(`${recordsURL}/backchannel-logouts`);
  if (!res.ok) throw new Error(`reference app records: ${res.status} ${res.statusText}`);
  const body = (await res.json()) as { deliveries: { clientId: string; at: string }[] };
  return body.deliveries.filter((d) => new Date(d.at) >= since);
}
