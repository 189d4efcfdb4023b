/**
 * The sensitivity run's Playwright configuration: the suite against the reference app with each deviation, in each
 * markup (and, for deviations whose proof must not lean on the app's records, with the suite configured as a
 * target), all in one Playwright run and ONE reference-app process serving every variant on its own ports
 * (REFERENCE_INSTANCES). The projects are the everyday device projects; each variant's scenarios are tests in its own
 * folder (features.ts), so that a worker goes from one variant to the next without restarting. Made from the everyday configuration by
 * playwright.sensitivity.config.ts (Playwright resolves a configuration's paths from its folder: the root); run by
 * run.ts; not for everyday runs.
 *
 * Its settings (validated in support/config.ts, described in .env.example):
 *   SENSITIVITY_DEVIATIONS      comma-separated ids (default: all)
 *   SENSITIVITY_SETTINGS        bundled,hellowork,target (default: all three)
 *   SENSITIVITY_PROJECTS        base projects to run (default: pc-chromium,sp-android)
 *   SENSITIVITY_FULL=1          every scenario (npm run sensitivity:full), not only expected reds + the green sample
 *   SENSITIVITY_WORKERS         parallel workers (default: the machine's cores + 1)
 *   SENSITIVITY_EXPECT_TIMEOUT  ms a web-first check waits (default 1000)
 *   SENSITIVITY_JSON            where the JSON report goes (default: test-results/sensitivity.json)
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
import { defaultJobSeeker } from '../../reference-app/src/accounts.ts';
import { BDD_STEPS } from '../../fixtures/bdd.ts';
import type { Options, WorkerOptions } from '../../fixtures/test.ts';
import { type DeviationId, deviationOf } from '../../reference-app/src/deviations.ts';
import { orStop } from '../../support/cannot-start.ts';
import { bundledOrigins, loadSensitivitySettings } from '../../support/config.ts';
import { freePortsSync } from '../../support/ports.ts';
import { SENSITIVITY_FEATURES, SENSITIVITY_TESTS } from './features.ts';
import { asTarget, redTags, scenarioGrep, type VariantSetting, variantDir, variants } from './plan.ts';

/** The sensitivity run's configuration, from the everyday one (whose start-up loaded .env). */
export function sensitivityConfig(base: PlaywrightTestConfig<Options, WorkerOptions>): PlaywrightTestConfig<Options, WorkerOptions> {
  const sensitivity = orStop(() => loadSensitivitySettings());
  const { SENSITIVITY_DEVIATIONS: deviations, SENSITIVITY_SETTINGS: settings, SENSITIVITY_PROJECTS: baseProjects, SENSITIVITY_FULL: full } = sensitivity;
  const plan = variants(deviations, settings, full);

  // Ports are chosen once, in the main process, and handed to the workers through the environment.
  const ports =
    sensitivity.SENSITIVITY_PORTS ??
    (() => {
      const free = freePortsSync(plan.length * 2);
      const chosen = Object.fromEntries(plan.map((v, i) => [v.key, [free[2 * i] ?? 0, free[2 * i + 1] ?? 0] as [number, number]]));
      process.env.SENSITIVITY_PORTS = JSON.stringify(chosen);
      return chosen;
    })();
  const portsOf = (key: string) => ports[key] ?? [0, 0];

  /** The settings that point one project at its variant's app. */
  function suiteEnv(key: string, setting: VariantSetting, deviation: DeviationId): Record<string, string> {
    const [hw, mp] = portsOf(key);
    // Only a deviation whose effect comes late needs watching for it; the full run watches every variant (default).
    const settle: Record<string, string> = full || deviationOf(deviation).late ? {} : { NOTE_SETTLE_MS: '0' };
    if (setting !== 'target') {
      return { HELLOWORK_PORT: String(hw), MYNAPORTAL_PORT: String(mp), REFERENCE_MARKUP: setting, ...settle };
    }
    // A configured target: the bundled app in the markup the catalogue runs it as a target in, and its accounts, but nothing
    // the suite knows only of the bundled app (in the hellowork markup, no TARGET_TOP_URL: the top origin is derived).
    const seeker = defaultJobSeeker();
    const markup = asTarget(deviation) ?? 'bundled';
    return {
      TARGET_URL: bundledOrigins(markup, hw).myPage,
      TARGET_PROFILE: markup === 'hellowork' ? 'hellowork' : 'reference',
      LOGIN_ID: seeker.loginId,
      LOGIN_PASSWORD: seeker.password,
      MYNAPORTAL_URL: `http://mynaportal.localhost:${mp}`,
      MYNAPORTAL_USER_ID: seeker.mynaportal.userId,
      MYNAPORTAL_PIN: seeker.mynaportal.pin,
      ...settle,
    };
  }

  // Each variant's settings and expected reds, by its folder; the fixtures pick them by the test file's folder.
  const byDir = (device: 'pc' | 'sp') =>
    Object.fromEntries(
      plan.map(({ key, deviation, setting }) => [variantDir(key), { env: suiteEnv(key, setting, deviation), expectRed: redTags(deviation, device) }]),
    );
  const projects = (base.projects ?? [])
    .filter((p) => p.name && baseProjects.includes(p.name))
    .map((p) => {
      const device = p.use?.deviceClass ?? 'pc';
      return {
        ...p,
        // One pattern per variant: its folder, its device class's tag, and its expected reds and green sample.
        grep: plan.map(({ key, deviation }) => scenarioGrep(deviation, device, full, variantDir(key))),
        // Scenarios expected red are marked test.fail() (fixtures/test.ts): Playwright then keeps the worker. No baseURL:
        // each variant's app has its own (the page objects open the addresses of the variant's settings).
        use: { ...p.use, baseURL: undefined, variants: byDir(device) },
      };
    });

  const instances = plan.map(({ key, deviation, setting }) => {
    const [hw, mp] = portsOf(key);
    const markup = setting === 'target' ? (asTarget(deviation) ?? 'bundled') : setting;
    return { helloworkPort: hw, mynaportalPort: mp, deviations: deviation, markup };
  });
  const last = instances.at(-1);

  const testDir = defineBddConfig({
    features: `${SENSITIVITY_FEATURES}/**/*.feature`,
    outputDir: SENSITIVITY_TESTS,
    featuresRoot: SENSITIVITY_FEATURES,
    ...BDD_STEPS,
  });

  return defineConfig<Options, WorkerOptions>({
    ...base,
    testDir,
    workers: sensitivity.SENSITIVITY_WORKERS,
    fullyParallel: true,
    retries: 0,
    // The reference apps answer in milliseconds; a red scenario should not wait long to be red.
    expect: { timeout: sensitivity.SENSITIVITY_EXPECT_TIMEOUT },
    reporter: [['json', { outputFile: sensitivity.SENSITIVITY_JSON }], ['dot']],
    outputDir: 'test-results/sensitivity',
    use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
    projects,
    // One process serves every variant, each on its own ports; the last one answering means all are up.
    webServer: last
      ? {
          command: 'node --import tsx reference-app/src/main.ts',
          url: `http://127.0.0.1:${last.helloworkPort}/healthz`,
          env: { REFERENCE_INSTANCES: JSON.stringify(instances), DEVIATIONS: '', REFERENCE_MARKUP: '' },
          reuseExistingServer: false,
          stdout: 'ignore' as const,
          stderr: 'pipe' as const,
          timeout: 60_000,
        }
      : undefined,
  });
}
