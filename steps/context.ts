/**
 * The small context every step body receives, whichever runner drives it:
 * playwright-bdd (fixtures/playwright-bdd/, one `ctx` fixture) or cucumber-js
 * (fixtures/cucumber-js/, the World). Both build it with createStepContext, so the
 * page objects, configuration and manual checks are the same objects in both.
 *
 * What a section keeps between its steps is not here: the section declares it with scenarioState(), typed and
 * held by the module that declares it.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { type Evidence, ManualFigures } from '../support/figures/capture.ts';
import { ManualCheck } from '../checks/manual-check.ts';
import { loadFigurePlans } from '../support/figures/book.ts';
import { DialogWatch } from '../pages/dialogs.ts';
import { LoginPage } from '../pages/LoginPage.ts';
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
  /** The device presses by touch (taps) rather than by mouse. */
  readonly touch: boolean;
  /** The dialogs the site opens during the scenario (answered as the DIALOGS setting says). */
  readonly dialogs: DialogWatch;
  readonly account: SuiteConfig['account'];
  readonly topPage: TopPage;
  readonly loginPage: LoginPage;
  readonly myPage: MyPage;
  readonly manual: ManualCheck;
  /** What earlier steps of this scenario noted for later ones (the login's cookies); sections keep theirs with scenarioState(). */
  readonly scenario: ScenarioState;
  /** Figures like the manual's (the element a step acts on, boxed in red). */
  readonly figures: ManualFigures;
  /** Records, in the reports and on the console, a check this scenario could not make and why. */
  notChecked(reason: string): void;
  /**
   * Records a note for the manual's writer (e.g. a name accepted after NFKC folding): in the reports, the sign-off,
   * drift.md and on the console. `ref`: the manual step or requirement it is about.
   */
  remark(text: string, ref?: string): void;
  /** What the user's tab shows, in words (for what a failed check saw). */
  describe(): Promise<string>;
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

/** What sections keep per scenario: by the scenario's state object (shared by every copy of its context). */
const STATES = new WeakMap<ScenarioState, Map<object, { value: unknown; dispose?: () => void }>>();

/**
 * Something a section keeps between the steps of one scenario (a page object of its own, what it noted before a
 * logout): created on first use from the step context, disposed with the scenario, and reachable only through the
 * accessor returned here, which the declaring module holds (no other section sees it).
 */
export function scenarioState<T>(create: (ctx: StepContext) => T, dispose?: (value: T) => void): (ctx: StepContext) => T {
  const key = {};
  return (ctx) => {
    let states = STATES.get(ctx.scenario);
    if (!states) {
      states = new Map();
      STATES.set(ctx.scenario, states);
    }
    const held = states.get(key);
    if (held) return held.value as T;
    const value = create(ctx);
    states.set(key, { value, ...(dispose ? { dispose: () => dispose(value) } : {}) });
    return value;
  };
}

export function createStepContext(source: StepContextSource): StepContext & { dispose(): void } {
  const { page, browser, suite, deviceClass, hasTouch, evidence } = source;
  const context = page.context();
  const dialogs = new DialogWatch(context, suite.dialogs);
  const remark = (text: string, ref?: string) => {
    evidence.note('remark', ref ? `${ref}: ${text}` : text);
    // The note travels as an attachment of the step; reports are written from the run's messages, after the scenario.
    evidence.writerNote({ version: 1, ...(ref ? { ref } : {}), step: source.stepText(), text }).catch((error: unknown) => {
      console.warn(`[remark] ${evidence.scenarioTitle}: the note could not be attached (${error instanceof Error ? error.message : String(error)}): ${text}`);
    });
  };
  const myPage = new MyPage(page, suite.hellowork);
  const scenario: ScenarioState = { startedAt: new Date(), loginSetCookies: [] };
  return {
    page,
    context,
    browser,
    suite,
    deviceClass,
    touch: hasTouch,
    dialogs,
    account: suite.account,
    topPage: new TopPage(page, suite.hellowork),
    loginPage: new LoginPage(page, suite.hellowork),
    myPage,
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
    scenario,
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
    describe: () => myPage.describe(),
    dispose() {
      for (const held of STATES.get(scenario)?.values() ?? []) held.dispose?.();
      STATES.delete(scenario);
      dialogs.dispose();
    },
  };
}
