/**
 * The small context every step body receives, whichever runner drives it:
 * playwright-bdd (steps/playwright-bdd/, one `ctx` fixture) or cucumber-js
 * (steps/cucumber-js/, the World). Both build it with createStepContext, so the
 * page objects, configuration and manual checks are the same objects in both.
 */
import type { Browser, BrowserContext, Cookie, Page } from '@playwright/test';
import { type Evidence, ManualFigures } from '../checks/figures.ts';
import { ManualCheck } from '../checks/manual-check.ts';
import { OriginTraffic } from '../checks/traffic.ts';
import { loadFigurePlans } from '../support/figure-book.ts';
import { DialogWatch } from '../pages/dialogs.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { MynaPortalPage } from '../pages/MynaPortalPage.ts';
import { MyPage } from '../pages/MyPage.ts';
import { TopPage } from '../pages/TopPage.ts';
import type { SuiteConfig } from '../support/config.ts';
import type { DeviceClass, ManualIndex } from '../support/manual.ts';

export type { DeviceClass } from '../support/manual.ts';

export interface ScenarioState {
  /** When the scenario began: records of the reference app are read from this moment on. */
  readonly startedAt: Date;
  /** Set-Cookie headers that HelloWork sent while the login was submitted. */
  loginSetCookies: string[];
  /** Cookies noted by the security step, to replay afterwards. */
  savedCookies: Cookie[];
  /** Every cookie of the browser just before the logout control was pressed (replayed by the logout checks). */
  cookiesBeforeLogout: Cookie[];
  /** A second tab on My Page, opened before logging out. */
  secondTab?: Page;
}

export interface StepContext {
  /** The scenario's first tab. */
  readonly page: Page;
  /** The scenario's own browser context (cookie jar). */
  readonly context: BrowserContext;
  /** The browser, for steps that need a fresh context (cookie replay). */
  readonly browser: Browser;
  readonly suite: SuiteConfig;
  readonly deviceClass: DeviceClass;
  readonly account: SuiteConfig['account'];
  readonly topPage: TopPage;
  readonly loginPage: LoginPage;
  readonly myPage: MyPage;
  readonly manual: ManualCheck;
  /** マイナポータル; throws (with the reason) when it is not configured: its scenarios are skipped then. */
  readonly mynaPortal: MynaPortalPage;
  /** The browser's requests to マイナポータル, by phase of the scenario. */
  readonly mynaPortalTraffic: OriginTraffic;
  /** What earlier steps of this scenario noted for later ones (cookies, a second tab). */
  readonly scenario: ScenarioState;
  /** Figures like the manual's (the element a step acts on, boxed in red). */
  readonly figures: ManualFigures;
  /** Records, in the reports and on the console, a check this scenario could not make and why. */
  notChecked(reason: string): void;
  /** Records a remark for the reader of the reports (e.g. a name accepted after NFKC folding). */
  remark(text: string): void;
}

/** What a runner supplies; everything else is built here. */
export interface StepContextSource {
  readonly page: Page;
  readonly browser: Browser;
  readonly suite: SuiteConfig;
  readonly deviceClass: DeviceClass;
  readonly hasTouch: boolean;
  readonly manualIndex: ManualIndex;
  /** The scenario's tags (its manual section's tag, @pc / @sp, its own). */
  readonly tags: () => readonly string[];
  /** The text of the step being run. */
  readonly stepText: () => string;
  /** Where figures and notes go in this runner's reports. */
  readonly evidence: Evidence;
}

/** The reason printed when the マイナポータル scenarios cannot run. */
export const MYNAPORTAL_SKIP_REASON =
  'マイナポータルの設定がありません（MYNAPORTAL_URL・MYNAPORTAL_USER_ID・MYNAPORTAL_PIN）。マイナポータルを使うシナリオは実行しません。.env.example を参照してください。';

export function createStepContext(source: StepContextSource): StepContext & { dispose(): void } {
  const { page, browser, suite, deviceClass, hasTouch, evidence } = source;
  const context = page.context();
  // Without マイナポータル settings there is nothing to watch (the 注意 scenarios are skipped then).
  const mynaPortalTraffic = new OriginTraffic(context, suite.mynaportal ? new URL(suite.mynaportal.baseURL).origin : 'null');
  let mynaPortal: MynaPortalPage | undefined;
  const dialogs = new DialogWatch(context, suite.dialogs);
  const remark = (text: string) => evidence.note('remark', text);
  return {
    page,
    context,
    browser,
    suite,
    deviceClass,
    account: suite.account,
    topPage: new TopPage(page, suite.hellowork),
    loginPage: new LoginPage(page, suite.hellowork),
    myPage: new MyPage(page, suite.hellowork, hasTouch, suite.timeouts.action, dialogs),
    manual: new ManualCheck(
      source.manualIndex,
      source.tags,
      source.stepText,
      deviceClass,
      (fact) => evidence.fact(fact),
      () => (page.isClosed() ? undefined : page.url()),
      dialogs,
      remark,
    ),
    get mynaPortal() {
      const myna = suite.mynaportal;
      if (!myna) throw new Error(MYNAPORTAL_SKIP_REASON);
      mynaPortal ??= new MynaPortalPage(page, myna.baseURL, myna.homePath, hasTouch, suite.timeouts.action);
      return mynaPortal;
    },
    mynaPortalTraffic,
    scenario: { startedAt: new Date(), loginSetCookies: [], savedCookies: [], cookiesBeforeLogout: [] },
    figures: new ManualFigures(page, evidence, suite.figures, {
      plans: loadFigurePlans(source.manualIndex),
      profile: suite.hellowork.profile,
      accountName: suite.account.name,
      failOnDrift: suite.figureDrift === 'fail',
    }),
    notChecked(reason: string) {
      evidence.note('not checked', reason);
      console.warn(`[not checked] ${evidence.scenarioTitle}: ${reason}`);
    },
    remark,
    dispose() {
      mynaPortalTraffic.dispose();
      dialogs.dispose();
    },
  };
}
