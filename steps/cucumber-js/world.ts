/**
 * cucumber-js runner: Playwright used as a library. One browser per process, one
 * device profile per process (DEVICE_PROFILE, default pc-chromium; the profile's
 * tag picks the scenarios, see cucumber.mjs), a fresh browser context per scenario.
 * The World builds the same StepContext as the playwright-bdd fixture does
 * (steps/context.ts), so the step bodies in steps/*.steps.ts run unchanged.
 *
 * Settings, browser context and browser as in the other runners: support/startup.ts,
 * support/browser.ts. Without TARGET_URL the process starts the bundled reference app itself,
 * unless REFERENCE_APP_RUNNING=1 says that whoever started it (scripts/conformance-cucumber.ts)
 * already did, on HELLOWORK_PORT / MYNAPORTAL_PORT.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  BeforeStep,
  setDefaultTimeout,
  setWorldConstructor,
  Status,
  World,
} from '@cucumber/cucumber';
import type { Browser, BrowserContext } from '@playwright/test';
import { figureSlug } from '../../checks/figures.ts';
import { setExpectTimeout } from '../../checks/matchers.ts';
import { stepScreenshot } from '../../support/step-screenshot.ts';
import { launchSuiteChromium, newScenarioContext } from '../../support/browser.ts';
import { orStop } from '../../support/cannot-start.ts';
import { describeOrigins } from '../../support/config.ts';
import { FACT_MEDIA_TYPE, FACT_NAME } from '../../support/failure-fact.ts';
import { loadManualIndex } from '../../support/manual.ts';
import preflight from '../../support/preflight.ts';
import { chromiumProfile } from '../../support/profiles.ts';
import { type RunningReferenceApp, startReferenceApp } from '../../support/reference-app.ts';
import { startUp } from '../../support/startup.ts';
import { createStepContext, type StepContext } from '../context.ts';
import { checkProfileBlocks } from '../define.ts';

// A bad setting stops the process with its message alone (support/cannot-start.ts).
export const suite = orStop(() => startUp());
export const profile = chromiumProfile(suite.run.deviceProfile);
const manualIndex = loadManualIndex();
/** Where this process writes what the reports link to (failure traces). */
export const OUTPUT_DIR = join('reports', 'cucumber-js', profile.name);

setDefaultTimeout(suite.timeouts.test);
setExpectTimeout(suite.timeouts.expect);

let browser: Browser;
let app: RunningReferenceApp | undefined;

export class ConformanceWorld extends World {
  #ctx: (StepContext & { dispose(): void }) | undefined;
  context: BrowserContext | undefined;
  /** The text of the step being run (the manual sentence it quotes, for a manual step). */
  stepText = '';


  get stepContext(): StepContext {
    if (!this.#ctx) throw new Error('the scenario has no browser context (the Before hook did not run)');
    return this.#ctx;
  }

  async open(pickle: { name: string; tags: readonly { name: string }[] }): Promise<void> {
    this.context = await newScenarioContext(browser, profile.use, suite);
    // As playwright.config.ts's trace (retain-on-failure, DOM snapshots, no screencast): recorded for every scenario, kept for red ones.
    await this.context.tracing.start({ screenshots: false, snapshots: true, sources: true, title: pickle.name });
    const page = await this.context.newPage();
    this.#ctx = createStepContext({
      page,
      browser,
      suite,
      deviceClass: profile.deviceClass,
      hasTouch: Boolean(profile.use.hasTouch),
      manualIndex,
      tags: () => pickle.tags.map((t) => t.name),
      stepText: () => this.stepText,
      evidence: {
        scenarioTitle: pickle.name,
        project: profile.name,
        attach: async (name, file) => this.attach(readFileSync(file.path), { mediaType: file.contentType, fileName: name }),
        fact: async (fact) => this.attach(JSON.stringify(fact, null, 2), { mediaType: FACT_MEDIA_TYPE, fileName: FACT_NAME }),
        note: (type, description) => this.log(`${type}: ${description}`),
      },
    });
  }

  async close(failed: boolean, scenario: { name: string; id: string }): Promise<void> {
    this.#ctx?.dispose();
    if (!this.context) return;
    if (failed) {
      const path = join(OUTPUT_DIR, 'traces', `${figureSlug(scenario.name)}-${scenario.id.slice(0, 8)}.zip`);
      await this.context.tracing.stop({ path });
      this.log(`トレース: ${path}（npx playwright show-trace ${path}）`);
    } else {
      await this.context.tracing.stop();
    }
    await this.context.close();
  }
}

setWorldConstructor(ConformanceWorld);

BeforeAll({ timeout: 60_000 }, async () => {
  // Plain `npx cucumber-js` says which origins it checks, as the other runners do (scripts/conformance-cucumber.ts said it once for all).
  if (!suite.run.referenceAppRunning) console.log(describeOrigins(suite));
  orStop(() => checkProfileBlocks(suite.hellowork.profile));
  await preflight();
  if (suite.bundled && !suite.run.referenceAppRunning) {
    app = await startReferenceApp({ ...suite.bundled, deviations: suite.run.deviations.join(',') });
  }
  browser = await launchSuiteChromium(suite);
});

AfterAll(async () => {
  await browser?.close();
  await app?.stop();
});

Before(async function (this: ConformanceWorld, { pickle }) {
  await this.open(pickle);
});

BeforeStep(function (this: ConformanceWorld, { pickleStep }) {
  this.stepText = pickleStep.text;
});

AfterStep(async function (this: ConformanceWorld, { pickleStep, result }) {
  const page = this.context?.pages()[0];
  if (!page || page.isClosed()) return;
  // A picture of the page after each step (the sign-off report shows them), and after a failure in any case.
  if (!suite.stepScreenshots && result.status !== Status.FAILED) return;
  // As under playwright-bdd (steps/playwright-bdd/hooks.ts): JPEG at CSS pixels, bounded waits.
  const body = await stepScreenshot(page);
  if (body) this.attach(body, { mediaType: 'image/jpeg', fileName: `画面: ${pickleStep.text}` });
});

After(async function (this: ConformanceWorld, { pickle, result }) {
  await this.close(result?.status === Status.FAILED, pickle);
});
