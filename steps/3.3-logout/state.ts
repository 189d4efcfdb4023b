/** What §3.3's steps keep between them in one scenario (steps/context.ts, scenarioState). */
import type { Cookie, Page } from '@playwright/test';
import { OriginTraffic } from '../../checks/traffic.ts';
import { MynaPortalPage } from '../../pages/3.3-logout/MynaPortalPage.ts';
import { MyPageLogout } from '../../pages/3.3-logout/MyPageLogout.ts';
import { scenarioState } from '../context.ts';

/** The reason printed when the マイナポータル scenarios cannot run. */
export const MYNAPORTAL_SKIP_REASON =
  'マイナポータルの設定がありません（MYNAPORTAL_URL・MYNAPORTAL_USER_ID・MYNAPORTAL_PIN）。マイナポータルを使うシナリオは実行しません。.env.example を参照してください。';

export interface LogoutState {
  /** The logout controls of My Page (PC button, smart-device menu). */
  readonly controls: MyPageLogout;
  /** Every cookie of the browser just before the logout control was pressed (replayed by the session checks). */
  cookiesBeforeLogout: Cookie[];
  /** The tabs open just before the logout control was pressed: any other tab was opened by the logout. */
  tabsBeforeLogout: Page[];
}

export const logoutState = scenarioState<LogoutState>((ctx) => ({
  controls: new MyPageLogout(ctx.page, ctx.suite.hellowork.profile, ctx.touch, ctx.suite.timeouts.action, ctx.dialogs),
  cookiesBeforeLogout: [],
  tabsBeforeLogout: [],
}));

/** マイナポータル; throws (with the reason) when it is not configured: its scenarios are skipped then. */
export const mynaPortalOf = scenarioState((ctx) => {
  const myna = ctx.suite.mynaportal;
  if (!myna) throw new Error(MYNAPORTAL_SKIP_REASON);
  return new MynaPortalPage(ctx.page, myna.baseURL, myna.homePath, ctx.touch, ctx.suite.timeouts.action);
});

/** The browser's requests to マイナポータル, by phase of the scenario (recording from the first use on). */
export const mynaPortalTrafficOf = scenarioState(
  // Without マイナポータル settings there is nothing to watch (the 注意 scenarios are skipped then).
  (ctx) => new OriginTraffic(ctx.context, ctx.suite.mynaportal ? new URL(ctx.suite.mynaportal.baseURL).origin : 'null'),
  (traffic) => traffic.dispose(),
);
