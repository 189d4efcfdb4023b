/**
 * The benchmark's floor (npm run bench, (c)): the suite's browser work with no test runner.
 * As many lanes side by side as the runner has workers (WORKERS, default 2; --concurrency N), each with its own
 * browser; every scenario × device profile goes into one queue the lanes take from, as the runner's workers do; per
 * scenario a fresh context and page, and the scenario's steps run through the very same step bodies
 * (steps/*.steps.ts), so the navigations, clicks and waits are those of the real runs; settings, browser and context
 * as in the other runners (support/startup.ts, support/browser.ts). Nothing else: no reporters, no traces, no step
 * screenshots, no figures, no per-test fixtures or worker processes. --concurrency 1 is the sequential floor.
 *
 *   node --import tsx scripts/bench/floor.ts [--profiles pc-chromium,sp-android] [--repeat 1] [--concurrency 2] [--login-comparison]
 *
 * Prints one JSON line: {"scenarios":33,"failed":0,"ms":…,"appStartMs":…,"launchMs":…}. With --login-comparison,
 * a second line: {"login":{"uiMs":…,"httpMs":…,"samples":…},"steps":{"<step text>":total ms,…}}: the browser work by
 * step, and logging in through the form against a session made over HTTP (POST /login in the context's cookie jar).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { Pickle } from '@cucumber/messages';
import parseTagExpression from '@cucumber/tag-expressions';
import type { Browser } from '@playwright/test';
import { toLoopback } from '../../reference-app/src/shared/loopback-fetch.ts';
import { countOfOneOrMore } from '../../reference-app/src/shared/whole-number.ts';
import { setExpectTimeout } from '../../checks/matchers.ts';
import { LoginPage } from '../../pages/LoginPage.ts';
import { HOME_SCREEN, MyPage } from '../../pages/MyPage.ts';
import { createStepContext } from '../../steps/context.ts';
import type { StepDefinition } from '../../steps/define.ts';
import { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from '../../steps/index.ts';
import { launchSuiteChromium, newScenarioContext } from '../../support/browser.ts';
import { CANNOT_START } from '../../support/cannot-start.ts';
import type { SuiteConfig } from '../../support/config.ts';
import { loadManualIndex, loadPickles } from '../../support/manual.ts';
import { CHROMIUM_PROFILES, chromiumProfile, type DeviceProfile } from '../../support/devices.ts';
import { type RunningReferenceApp, startReferenceApp } from '../../support/reference-app.ts';
import { startUp } from '../../support/startup.ts';
import { runMain } from '../run-main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let matchers: (StepDefinition & { matcher: CucumberExpression })[] | undefined;

/** Each step of a pickle matched to its definition and arguments, as a runner would. */
export function matchSteps(pickle: Pickle) {
  matchers ??= (() => {
    const registry = new ParameterTypeRegistry();
    for (const t of PARAMETER_TYPES) registry.defineParameterType(new ParameterType(t.name, t.regexp, null, t.transformer));
    return STEP_DEFINITIONS.map((d) => ({ ...d, matcher: new CucumberExpression(d.expression, registry) }));
  })();
  const definitions = matchers;
  return pickle.steps.map((step) => {
    const found = definitions.flatMap((d) => {
      const args = d.matcher.match(step.text);
      return args ? [{ body: d.body, args: args.map((a) => a.getValue(null)) }] : [];
    });
    if (found.length !== 1) throw new Error(`${found.length === 0 ? 'undefined' : 'ambiguous'} step: ${step.text}`);
    return { text: step.text, ...(found[0] as (typeof found)[number]) };
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      profiles: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      concurrency: { type: 'string' },
      'login-comparison': { type: 'boolean', default: false },
    },
  });
  const env = startUp();
  // The floor does the browser work only: no figures.
  const suite = { ...env, figures: false };
  const profiles = (values.profiles?.split(',') ?? env.projects ?? CHROMIUM_PROFILES.map((p) => p.name)).map(chromiumProfile);
  const repeat = Number(values.repeat);
  const manualIndex = loadManualIndex(ROOT);
  setExpectTimeout(suite.timeouts.expect);

  const started = performance.now();
  let app: RunningReferenceApp | undefined;
  if (suite.bundled && !suite.run.referenceAppRunning) app = await startReferenceApp({ ...suite.bundled, deviations: suite.run.deviations.join(',') });
  const appStartMs = performance.now() - started;
  // As many lanes as (a) has workers (WORKERS, default 2), each with its own browser as a Playwright worker has: the
  // scenarios are shared out as the runner shares them, so that (a)/(c) measures the runner and not the parallelism.
  const lanes = values.concurrency === undefined ? suite.workers : countOfOneOrMore('--concurrency', values.concurrency);
  const browsers = await Promise.all(Array.from({ length: lanes }, () => launchSuiteChromium(suite)));
  const launchMs = performance.now() - started - appStartMs;
  const pickles = loadPickles().map((pickle) => ({ pickle, steps: matchSteps(pickle) }));
  const skipRules = SKIP_RULES.map((rule) => ({ ...rule, tagged: parseTagExpression(rule.tags) }));
  // Every scenario × device profile (× repeat), in the order the runner lists them; the lanes take the next one when free.
  const jobs = profiles.flatMap((profile) => {
    const tagged = parseTagExpression(profile.tag);
    return Array.from({ length: repeat }, () =>
      pickles
        .map(({ pickle, steps }) => ({ profile, pickle, steps, tags: pickle.tags.map((t) => t.name) }))
        .filter(({ tags }) => tagged.evaluate(tags) && !skipRules.some((rule) => rule.tagged.evaluate(tags) && rule.reason({ suite }))),
    ).flat();
  });
  const scenarios = jobs.length;
  const failures: string[] = [];
  /** Total time per step text (screen names folded into 「…」), for the profile. */
  const stepMs: Record<string, number> = {};
  let login: { uiMs: number; httpMs: number; samples: number } | undefined;
  const lane = async (browser: Browser) => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const { profile, pickle, steps, tags } = job;
      const context = await newScenarioContext(browser, profile.use, suite);
      let stepText = '';
      const ctx = createStepContext({
        page: await context.newPage(),
        browser,
        suite,
        deviceClass: profile.deviceClass,
        hasTouch: Boolean(profile.use.hasTouch),
        manualIndex,
        tags: () => tags,
        stepText: () => stepText,
        evidence: {
          scenarioTitle: pickle.name,
          project: profile.name,
          attach: async () => {},
          fact: async () => {},
          note: () => {},
          writerNote: async () => {},
        },
      });
      try {
        for (const step of steps) {
          stepText = step.text;
          const t = performance.now();
          await step.body(ctx, ...step.args);
          const key = step.text.replace(/「[^」]*」画面/, '「…」画面');
          stepMs[key] = (stepMs[key] ?? 0) + (performance.now() - t);
        }
      } catch (error) {
        failures.push(`[${profile.name}] ${pickle.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      } finally {
        ctx.dispose();
        await context.close();
      }
    }
  };
  try {
    await Promise.all(browsers.map(lane));
    if (values['login-comparison']) login = await compareLogins(browsers[0] as Browser, suite, profiles[0] ?? chromiumProfile('pc-chromium'));
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await app?.stop();
  }
  for (const f of failures) console.error(f);
  if (login) {
    const steps = Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [k, Math.round(v)]));
    console.log(JSON.stringify({ login, steps }));
  }
  console.log(
    JSON.stringify({
      scenarios,
      failed: failures.length,
      ms: Math.round(performance.now() - started),
      appStartMs: Math.round(appStartMs),
      launchMs: Math.round(launchMs),
    }),
  );
  return failures.length === 0 ? 0 : 1;
}

/** Median time to reach My Page: through the login form, and with a session made over HTTP. */
async function compareLogins(browser: Browser, suite: SuiteConfig, profile: DeviceProfile, samples = 15) {
  const ui: number[] = [];
  const http: number[] = [];
  const home = suite.hellowork.screens[HOME_SCREEN]?.url ?? suite.hellowork.baseURL;
  for (let i = 0; i < samples; i++) {
    for (const way of ['ui', 'http'] as const) {
      const context = await newScenarioContext(browser, profile.use, suite);
      const page = await context.newPage();
      const myPage = new MyPage(page, suite.hellowork);
      const t = performance.now();
      if (way === 'ui') {
        const loginPage = new LoginPage(page, suite.hellowork);
        await loginPage.goto();
        await loginPage.fill(suite.account);
        await loginPage.submitAndWait(suite.timeouts.action);
      } else {
        // From Node, which cannot resolve *.localhost: to loopback with the site's Host, then the cookie into the jar.
        const { url, host } = toLoopback(suite.hellowork.loginURL);
        const res = await fetch(url, {
          method: 'POST',
          headers: { host },
          body: new URLSearchParams({ loginId: suite.account.loginId, password: suite.account.password, next: home }),
          redirect: 'manual',
        });
        const domain = new URL(suite.hellowork.baseURL).hostname;
        await context.addCookies(
          res.headers.getSetCookie().map((c) => {
            const [name = '', ...value] = (c.split(';')[0] ?? '').split('=');
            return { name, value: value.join('='), domain, path: '/' };
          }),
        );
        await page.goto(home);
      }
      await myPage.screenTitle(HOME_SCREEN).waitFor();
      (way === 'ui' ? ui : http).push(performance.now() - t);
      await context.close();
    }
  }
  const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN);
  return { uiMs: med(ui), httpMs: med(http), samples };
}

runMain(import.meta, main, CANNOT_START);
