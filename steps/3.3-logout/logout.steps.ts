/**
 * Manual §3.3 (1) and (2): logging out of 求職者マイページ.
 * Each step quotes the manual sentence verbatim; the checks live in procedures.ts.
 */
import { Then, When } from '../define.ts';
import { clickLogoutButton, logOutByDeviceProcedure, MYPAGE_LOGOUT, seeTopPage, tapMenu, tapMenuLogout, topPageId } from './procedures.ts';
import { mynaPortalTrafficOf } from './state.ts';

// 3.3(1)①
When('求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。', async (ctx) => clickLogoutButton(ctx));

// 3.3(2)①
When('求職者マイページの画面上部にあるメニューをタップします。', async (ctx) => tapMenu(ctx));

// 3.3(2)②
When('表示されたメニューから「ログアウト」をタップします。', async (ctx) => tapMenuLogout(ctx));

// 3.3(1)② and 3.3(2)③ (which one follows from the device class)
Then('ハローワークインターネットサービスのトップ画面が表示されます。', async (ctx) => seeTopPage(ctx, topPageId(ctx.deviceClass)));

// The whole procedure of this device class (3.3(1) on a PC, 3.3(2) on a smart device), in one sentence,
// for scenarios whose subject is what happens after the logout (注意, security). Requests to マイナポータル are recorded.
When('求職者マイページを、この端末の操作手順でログアウトする', async (ctx) => {
  await mynaPortalTrafficOf(ctx).during(MYPAGE_LOGOUT, () => logOutByDeviceProcedure({ ...ctx, figures: ctx.figures.disabled() }, ctx.deviceClass));
});
