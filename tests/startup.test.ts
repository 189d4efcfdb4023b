/**
 * How every runner starts (support/startup.ts): .env, free ports for the bundled app, the validated
 * settings (support/config.ts); and the one browser context a scenario gets in every runner
 * (support/browser.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Browser } from '@playwright/test';
import { CUCUMBER_BIN } from '../scripts/conformance-cucumber.ts';
import { newScenarioContext, scenarioContextOptions } from '../support/browser.ts';
import { ConfigError, loadConfig, loadSensitivitySettings } from '../support/config.ts';
import { CHROMIUM_PROFILES } from '../support/devices.ts';
import { readSettings, startUp } from '../support/startup.ts';

const PORTS = { HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001' };

function withDotenv<T>(text: string, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'startup-'));
  try {
    const file = join(dir, '.env');
    writeFileSync(file, text);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listens(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('startUp', () => {
  test('.env fills what the environment lacks, free ports go to the bundled app, and the settings come back validated', async () => {
    const env: NodeJS.ProcessEnv = { NOTE_SETTLE_MS: '0' };
    const suite = withDotenv('WORKERS=3\nFIGURE_DRIFT=fail\nDEVIATIONS=logout-renamed\nNOTE_SETTLE_MS=1000\n', (file) => startUp({ env, dotenv: file }));
    // From .env; the environment wins over it.
    assert.equal(suite.workers, 3);
    assert.equal(suite.figureDrift, 'fail');
    assert.deepEqual(suite.run.deviations, ['logout-renamed']);
    assert.equal(suite.noteSettleMs, 0);
    // Ports chosen, written back for the app, the workers and child processes, and used by the configuration.
    const hw = Number(env.HELLOWORK_PORT);
    const mp = Number(env.MYNAPORTAL_PORT);
    assert.ok(hw > 0 && mp > 0 && hw !== mp, `ports ${hw}, ${mp}`);
    assert.deepEqual(await Promise.all([listens(hw), listens(mp)]), [true, true]);
    assert.equal(suite.mode, 'bundled');
    assert.deepEqual(suite.bundled, { helloworkPort: hw, mynaportalPort: mp });
    assert.equal(suite.hellowork.baseURL, `http://hellowork.localhost:${hw}`);
    // Called again (Playwright loads its config in every worker), it keeps them.
    assert.deepEqual(startUp({ env, dotenv: false }).bundled, suite.bundled);
  });

  test('against a target it chooses no ports', () => {
    const env: NodeJS.ProcessEnv = { TARGET_URL: 'https://kyushoku.staging.example.jp', LOGIN_ID: 'a', LOGIN_PASSWORD: 'b' };
    assert.equal(startUp({ env, dotenv: false }).mode, 'target');
    assert.equal(env.HELLOWORK_PORT, undefined);
  });

  test('empty values in .env (as .env.example lists them) mean the defaults', () => {
    const text = 'HEADLESS=\nWORKERS=\nACTION_TIMEOUT=\nDEVICE_PROFILE=\nCUCUMBER_SIGNOFF=\nREPORT_LOCALE=\nFIGURE_DRIFT=\nSHARD=\nDEVIATIONS=\n';
    const suite = withDotenv(text, (file) => startUp({ env: { ...PORTS }, dotenv: file }));
    assert.equal(suite.headless, true);
    assert.equal(suite.workers, 2);
    assert.equal(suite.timeouts.action, 10_000);
    assert.equal(suite.figureDrift, 'report');
    assert.deepEqual(suite.run, { deviations: [], deviceProfile: 'pc-chromium', cucumberSignoff: 'per-process', referenceAppRunning: false, ci: false });
  });

  const bad: [string, string, RegExp][] = [
    ['DEVIATIONS', 'logout-renamed,no-such-deviation', /DEVIATIONS: unknown deviation\(s\) no-such-deviation; known: logout-missing-pc, /],
    ['DEVICE_PROFILE', 'tablet', /DEVICE_PROFILE: the cucumber-js runner's device profile: one of pc-chromium, sp-android, sp-iphone/],
    ['CUCUMBER_TAGS', '@security and', /CUCUMBER_TAGS: a cucumber tag expression such as .* \(got "@security and"\)/],
    ['CUCUMBER_SIGNOFF', 'one', /CUCUMBER_SIGNOFF: per-process .* or merged/],
    ['REFERENCE_APP_RUNNING', 'perhaps', /REFERENCE_APP_RUNNING: true or false/],
    ['REPORT_LOCALE', 'fr', /REPORT_LOCALE: ja or en/],
    ['HEADLESS', 'maybe', /HEADLESS: true or false/],
    ['WORKERS', '0', /WORKERS: a whole number of parallel workers, from 1 to 16/],
    ['ACTION_TIMEOUT', '10s', /ACTION_TIMEOUT: milliseconds, a whole number from 0 to 600000/],
    ['SHARD', '1', /SHARD: expected <current>\/<total>/],
    ['PW_TEST_CONNECT_WS_ENDPOINT', 'localhost:3000', /PW_TEST_CONNECT_WS_ENDPOINT: a ws:\/\/ or wss:\/\/ URL/],
  ];
  for (const [name, value, message] of bad) {
    test(`a bad ${name} stops the start-up, naming it`, () => {
      assert.throws(
        () => startUp({ env: { ...PORTS, [name]: value }, dotenv: false }),
        (e: unknown) => e instanceof ConfigError && message.test(e.message) && e.problems.length === 1,
      );
    });
  }

  test('every bad setting is named at once', () => {
    assert.throws(
      () => startUp({ env: { ...PORTS, DEVICE_PROFILE: 'tablet', SHARD: '3/2', REPORT_LOCALE: 'fr' }, dotenv: false }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 3,
    );
  });

  test('readSettings validates only the settings asked for, and chooses no ports', () => {
    const env: NodeJS.ProcessEnv = { REPORT_LOCALE: 'en', WORKERS: 'many' };
    assert.deepEqual(readSettings(['REPORT_LOCALE'], { env, dotenv: false }), { REPORT_LOCALE: 'en' });
    assert.equal(env.HELLOWORK_PORT, undefined);
    assert.throws(() => readSettings(['REPORT_LOCALE', 'WORKERS'], { env, dotenv: false }), /WORKERS: a whole number/);
  });
});

describe('the sensitivity settings', () => {
  test('have their defaults, and a bad one is named', () => {
    const s = loadSensitivitySettings({});
    // One more than the cores (red scenarios wait out timeouts): 3 on a 2-core machine.
    assert.equal(s.SENSITIVITY_WORKERS, Math.min(16, availableParallelism() + 1));
    assert.equal(loadSensitivitySettings({ SENSITIVITY_WORKERS: '2' }).SENSITIVITY_WORKERS, 2);
    assert.equal(s.SENSITIVITY_EXPECT_TIMEOUT, 1000);
    assert.deepEqual(s.SENSITIVITY_SETTINGS, ['bundled', 'hellowork', 'target']);
    assert.deepEqual(s.SENSITIVITY_PROJECTS, ['pc-chromium', 'sp-android']);
    assert.equal(s.SENSITIVITY_FULL, false);
    assert.deepEqual(loadSensitivitySettings({ SENSITIVITY_FULL: '1', SENSITIVITY_PORTS: '{"a":[1,2]}' }).SENSITIVITY_PORTS, { a: [1, 2] });
    assert.throws(
      () => loadSensitivitySettings({ SENSITIVITY_WORKERS: 'two' }),
      (e: unknown) => e instanceof ConfigError && /SENSITIVITY_WORKERS: a whole number/.test(e.message),
    );
    assert.throws(() => loadSensitivitySettings({ SENSITIVITY_SETTINGS: 'bundled,staging' }), /SENSITIVITY_SETTINGS: unknown setting\(s\) staging/);
    assert.throws(() => loadSensitivitySettings({ SENSITIVITY_DEVIATIONS: 'nope' }), /SENSITIVITY_DEVIATIONS: unknown deviation\(s\) nope/);
  });
});

describe('the .mjs config files read their settings through the schema', () => {
  test('cucumber.mjs stops on a bad DEVICE_PROFILE with one paragraph naming it, no stack', () => {
    const run = spawnSync(process.execPath, [CUCUMBER_BIN, '--dry-run'], {
      encoding: 'utf8',
      env: { ...process.env, ...PORTS, DEVICE_PROFILE: 'tablet' },
      timeout: 60_000,
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /DEVICE_PROFILE: the cucumber-js runner's device profile: one of pc-chromium/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});

describe('the browser context of a scenario', () => {
  const suite = loadConfig({ ...PORTS, ACTION_TIMEOUT: '3000' });

  test('is the device profile with the site, Japanese locale, Tokyo time and the suite timeouts', () => {
    for (const profile of CHROMIUM_PROFILES) {
      const options = scenarioContextOptions(profile.use, suite);
      assert.equal(options.viewport?.width, profile.use.viewport.width);
      assert.equal(options.hasTouch, profile.use.hasTouch);
      assert.equal(options.baseURL, 'http://hellowork.localhost:4000');
      assert.equal(options.locale, 'ja-JP');
      assert.equal(options.timezoneId, 'Asia/Tokyo');
      assert.equal(options.actionTimeout, 3000);
      assert.equal(options.navigationTimeout, 6000);
      assert.equal('defaultBrowserType' in options, false);
    }
  });

  test('is what the World and the floor create: those options, with the timeouts as the context defaults', async () => {
    const calls: string[] = [];
    let created: unknown;
    const fakeContext = {
      setDefaultTimeout: (ms: number) => calls.push(`timeout ${ms}`),
      setDefaultNavigationTimeout: (ms: number) => calls.push(`navigation ${ms}`),
    };
    const fakeBrowser = {
      newContext: async (options: unknown) => {
        created = options;
        return fakeContext;
      },
    } as unknown as Browser;
    const profile = CHROMIUM_PROFILES.find((p) => p.name === 'sp-android');
    assert.ok(profile);
    await newScenarioContext(fakeBrowser, profile.use, suite);
    const { actionTimeout: _a, navigationTimeout: _n, ...expected } = scenarioContextOptions(profile.use, suite);
    assert.deepEqual(created, expected);
    assert.deepEqual(calls, ['timeout 3000', 'navigation 6000']);
  });

  test("is each Playwright project's `use` (playwright.config.ts)", () => {
    // In a child process: the config starts up (ports, browser) in the environment it is given.
    const script = `
      const { default: config } = await import('./playwright.config.ts');
      const { scenarioContextOptions } = await import('./support/browser.ts');
      const { loadConfig } = await import('./support/config.ts');
      const { CHROMIUM_PROFILES } = await import('./support/devices.ts');
      const suite = loadConfig();
      console.log(JSON.stringify(CHROMIUM_PROFILES.map((p) => ({
        expected: scenarioContextOptions(p.use, suite),
        use: config.projects.find((project) => project.name === p.name)?.use,
      }))));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, ...PORTS, ACTION_TIMEOUT: '3000', PROJECTS: '' },
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const pairs = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as { expected: Record<string, unknown>; use: Record<string, unknown> }[];
    assert.equal(pairs.length, CHROMIUM_PROFILES.length);
    for (const { expected, use } of pairs) {
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(use[key], value, key);
    }
  });
});
