/**
 * The conformance suite under Playwright Test (playwright-bdd): every feature in features/, on every device profile.
 * Without TARGET_URL it starts the bundled reference app on free ports.
 */
import { defineConfig, devices, type PlaywrightTestOptions, type PlaywrightWorkerOptions, type Project, type ReporterDescription } from '@playwright/test';
import { cucumberReporter, defineBddConfig } from 'playwright-bdd';
import { availableExtraBrowsers, bareMachine, type Device, describeBrowserAndFont, resolveChromium, scenarioContextOptions } from './support/browser.ts';
import { orStop, stopOn } from './support/cannot-start.ts';
import { ConfigError, describeOrigins } from './support/config.ts';
import { CHROMIUM_PROFILES } from './support/devices.ts';
import { commitOf, type RunFacts, suiteOf, targetOf } from './support/reporters/signoff/facts.ts';
import { startUp } from './support/startup.ts';
import { FIGURES_DIR } from './support/figures/capture.ts';
import { driftDirOf } from './support/figures/book.ts';
import { BDD_STEPS } from './fixtures/bdd.ts';
import type { Options } from './fixtures/test.ts';
import { allureResultsDir, blobDir, isMergeReports, ownOutputDirs, testResultsDir } from './support/scale-out.ts';

// A bad setting or no browser stops the run with its message alone: a throw here would make Playwright print the
// error object with its stack (support/cannot-start.ts).
const { suite, merging, shard, remote, chromium } = orStop(() => {
  // .env, free ports for the bundled app, the validated settings; --shard on the command line wins over SHARD.
  const suite = startUp({ argv: process.argv });
  // Scale-out (README "Sharding and merged reports", "Remote browser"): SHARD=1/2 or --shard=1/2 runs one shard, which
  // writes a blob report and its own Allure results; `playwright merge-reports -c playwright.config.ts` builds the usual
  // reports from the shards' blobs (scripts/merge-reports.ts); with PW_TEST_CONNECT_WS_ENDPOINT the browsers are remote,
  // so no local Chromium is resolved or launched (its path and flags would be meaningless on the remote side).
  const merging = isMergeReports();
  const shard = merging ? undefined : suite.run.shard;
  const remote = suite.run.remote;
  const chromium = remote || merging ? undefined : resolveChromium();
  return { suite, merging, shard, remote, chromium };
});
// Only the runner's main process prints and reports: its workers load this file too, and so does bddgen (`npm run
// conformance` runs it first). TEST_WORKER_INDEX is Playwright's own (set in its workers only), not a setting of the suite's.
const reporting = !process.env.TEST_WORKER_INDEX && !/bddgen/.test(process.argv[1] ?? '');
// What only the reports need is read there alone, and once: Playwright loads the config more than once in its main
// process, so it is kept on the process's global object. The browser's version starts the browser; the commit asks git.
const FACTS = Symbol.for('hellowork-manual-conformance.report-facts');
/** The sign-off's run facts that Allure's overview shows too, and the browser and font the run's first line names. */
type ReportFacts = Pick<RunFacts, 'suite' | 'commit'> & { readonly used: ReturnType<typeof describeBrowserAndFont> | undefined };
const marks = globalThis as { [FACTS]?: ReportFacts };
const facts = reporting ? (marks[FACTS] ?? readReportFacts()) : undefined;
/** Reads them, and prints which browser and Japanese font (support/browser.ts), and where the app is: the run's first lines. */
function readReportFacts(): ReportFacts {
  const used = chromium ? describeBrowserAndFont(chromium) : undefined;
  if (used) {
    console.error(`Browser: ${used.browser}; Japanese font: ${used.font}`);
    console.error(describeOrigins(suite));
  }
  marks[FACTS] = { used, commit: commitOf('.'), suite: suiteOf('.') };
  return marks[FACTS];
}
const used = facts?.used;
// slowMo goes into each project's launchOptions: a project's launchOptions replace the top-level ones wholesale.
const launchOptions = { ...(chromium?.launchOptions ?? {}), ...(suite.slowMo > 0 ? { slowMo: suite.slowMo } : {}) };
const extra = availableExtraBrowsers();

const testDir = defineBddConfig({
  features: 'features/**/*.feature',
  outputDir: '.features-gen',
  featuresRoot: 'features',
  ...BDD_STEPS,
});

/** Tags are whole words: @pc must not match @pc-foo. */
const tag = (name: string) => new RegExp(`${name}(?![\\w-])`);
const PC = tag('@pc');
const SP = tag('@sp');

// The Chromium device profiles (support/devices.ts, shared with the cucumber-js runner), then Firefox/WebKit where installed.
// Each project's `use` holds the scenario's browser context (support/browser.ts), as the cucumber-js World and the bench floor make it.
const projects: Project<PlaywrightTestOptions & Options, PlaywrightWorkerOptions>[] = CHROMIUM_PROFILES.map((p) => ({
  name: p.name,
  grep: p.tag === '@pc' ? PC : SP,
  use: { ...scenarioContextOptions(p.use, suite), browserName: 'chromium', deviceClass: p.deviceClass, launchOptions },
}));
/** A project on Playwright's own Firefox or WebKit build, with the same scenario context. */
const onOwnBuild = (name: string, device: string, deviceClass: Options['deviceClass'], browserName: 'firefox' | 'webkit') => ({
  name,
  grep: deviceClass === 'pc' ? PC : SP,
  use: { ...scenarioContextOptions(devices[device] as Device, suite), browserName, deviceClass },
});
if (extra.firefox) projects.push(onOwnBuild('pc-firefox', 'Desktop Firefox', 'pc', 'firefox'));
if (extra.webkit) projects.push(onOwnBuild('pc-webkit', 'Desktop Safari', 'pc', 'webkit'), onOwnBuild('sp-iphone-webkit', 'iPhone 14', 'sp', 'webkit'));
// PROJECTS=pc-chromium,sp-android runs only those device profiles / browsers.
if (suite.projects) {
  const known = projects.map((p) => p.name ?? '');
  const unknown = suite.projects.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    stopOn(new ConfigError([`PROJECTS: unknown project(s) ${unknown.join(', ')}; available here: ${known.join(', ')}`]));
  }
  projects.splice(0, projects.length, ...projects.filter((p) => suite.projects?.includes(p.name ?? '')));
}

// Every scenario of every device profile goes into one queue that all workers take from (fullyParallel below, no
// per-project share of the workers): no worker waits while another profile still has scenarios (README "Benchmark").

/** The reporters that apply: `when(false, …)` leaves them out. */
const when = (on: boolean, ...reporters: ReporterDescription[]): ReporterDescription[] => (on ? reporters : []);

/** A readable device profile for reports, e.g. "Pixel 7 412×839 タッチ". */
function deviceName(use: Project<PlaywrightTestOptions & Options, PlaywrightWorkerOptions>['use']): string {
  const named = Object.entries(devices).find(
    ([, d]) => d.userAgent === use?.userAgent && d.viewport?.width === use?.viewport?.width && d.deviceScaleFactor === use?.deviceScaleFactor,
  )?.[0];
  const size = use?.viewport ? `${use.viewport.width}×${use.viewport.height}` : '';
  return [named, size, use?.hasTouch ? 'タッチ' : ''].filter(Boolean).join(' ');
}

export default defineConfig<Options>({
  testDir,
  // Per shard, so that shards sharing a checkout do not empty each other's folder (SHARD reaches the workers too).
  outputDir: testResultsDir(shard),
  shard: shard ?? null,
  snapshotPathTemplate: '{testDir}/../reports/snapshots/{testFilePath}/{arg}-{projectName}{ext}',
  // The profile's section blocks and the configured targets are checked before any browser starts.
  globalSetup: './fixtures/global-setup.ts',
  // Scenarios are independent (each logs in afresh): any worker may take any of them (see the queue above).
  fullyParallel: true,
  forbidOnly: suite.run.ci,
  retries: 0,
  // WORKERS (default 2): on 2 cores a second worker was measured faster (npm run bench, 'Where the time goes').
  workers: suite.workers,
  timeout: suite.timeouts.test,
  expect: { timeout: suite.timeouts.expect },
  // `--list` only lists: it must not overwrite the last run's reports with empty ones.
  reporter: process.argv.includes('--list')
    ? [['list']]
    : [
        // npm run bench only: when the scenarios began and ended, to split the wall time into phases (scripts/bench/phases.ts).
        ...when(!!suite.run.benchPhases, ['./scripts/bench/phases.ts', { file: suite.run.benchPhases }]),
        // A shard empties only its own Allure results; merge-reports leaves the shards' results alone (allure generate reads them).
        // Figures of this run never mix with an earlier run's (a shard leaves them: shards may share one reports/ folder).
        ...when(!merging, ['./support/reporters/fresh-results.ts', { dirs: [allureResultsDir(shard), shard ? driftDirOf(`${shard.current}`) : FIGURES_DIR] }]),
        [suite.run.ci ? 'line' : 'list'],
        // A shard writes a blob report instead of the reports below: merge-reports builds them for the whole run
        // (a shard's own sign-off would look complete while covering part of the suite). Its traces are masked
        // before the blob packs them (support/reporters/redact-before-blob.ts).
        ...when(
          !!shard,
          ['./support/reporters/redact-before-blob.ts', { dirs: [testResultsDir(shard)] }],
          ['blob', { outputDir: shard ? blobDir(shard) : undefined }],
        ),
        ...when(
          !shard,
          ['html', { outputFolder: 'reports/playwright-html', open: 'never' }],
          // Traces stay out of the Cucumber reports (they are in the Playwright report); screenshots stay in.
          cucumberReporter('html', { outputFile: 'reports/cucumber/report.html', skipAttachments: ['video/webm', 'application/zip'] }),
          // Step screenshots go into the JSON too (embeddings); traces and videos stay out to keep it readable.
          cucumberReporter('json', { outputFile: 'reports/cucumber/report.json', skipAttachments: ['video/webm', 'application/zip'] }),
          cucumberReporter('junit', { outputFile: 'reports/cucumber/junit.xml', suiteName: 'manual-conformance' }),
          // The signable acceptance report (HTML + PDF), built from the Cucumber messages of the whole run.
          cucumberReporter('./support/reporters/signoff/formatter.ts', {
            outputFile: 'reports/signoff/index.html',
            projects: projects.map(({ name, use }) => ({ name, use })),
          }),
        ),
        ...when(!merging, [
          'allure-playwright',
          {
            resultsDir: allureResultsDir(shard),
            detail: false,
            suiteTitle: false,
            // Shown on the report's overview: what was checked, with what (the main process's reporters only).
            environmentInfo: facts && {
              対象: suite.mode === 'bundled' ? `${targetOf({})}（${suite.hellowork.baseURL}）` : suite.hellowork.baseURL,
              マイナポータル: suite.mynaportal?.baseURL ?? '未設定（マイナポータルのシナリオは省略）',
              ブラウザー: used ? used.browser : `リモートのブラウザー（${remote?.origin}、PW_TEST_CONNECT_WS_ENDPOINT）`,
              日本語フォント: used ? used.font : 'リモートのブラウザー側のフォント',
              ...(chromium && bareMachine() ? { 試験用フラグ: 'SUITE_BARE_MACHINE=1（システムのブラウザーとフォントを使わない）' } : {}),
              端末: projects.map((p) => `${p.name}: ${deviceName(p.use)}`).join(' / '),
              スイート: `${facts.suite.name} ${facts.suite.version}`,
              コミット: facts.commit ? `${facts.commit.hash}${facts.commit.dirty ? '（コミットしていない変更あり）' : ''}` : '不明',
            },
          },
        ]),
        ...when(
          !shard,
          // Which published figures no longer match the approved ones: reports/figures/drift.md (support/figures/book.ts).
          // A shard sees only its own figures' records (others may still be running): the merge writes it for the whole run.
          ['./support/figures/reporter.ts'],
          ['./support/reporters/where-reports.ts'],
        ),
        // Last: masks passwords and PINs in everything the run wrote, traces included (support/redact.ts); a shard, only in
        // its own folders (shards sharing a checkout must not touch each other's half-written blob zip).
        ['./support/reporters/redact-secrets.ts', { dirs: ownOutputDirs(shard) }],
      ],
  // The browser context (device, baseURL, locale, timezone, timeouts) is each project's (above); here what concerns the run.
  use: {
    headless: suite.headless,
    // DOM snapshots of every action, kept for red scenarios; no screencast frames (the failure screenshot and the step
    // screenshots show the screen, and the frames cost about as much as the rest of the trace).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    // Only slowMo at the top: the Chromium path and flags belong to the Chromium projects, not to Firefox/WebKit ones.
    launchOptions: suite.slowMo > 0 ? { slowMo: suite.slowMo } : {},
  },
  projects,
  webServer: suite.bundled
    ? {
        command: 'node --import tsx reference-app/src/main.ts',
        url: `http://127.0.0.1:${suite.bundled.helloworkPort}/healthz`,
        env: {
          HELLOWORK_PORT: String(suite.bundled.helloworkPort),
          MYNAPORTAL_PORT: String(suite.bundled.mynaportalPort),
          // Deliberate deviations from the manual, to prove the suite catches them (reference-app/src/deviations.ts).
          DEVIATIONS: suite.run.deviations.join(','),
          // Which markup it renders: its own, or the real HelloWork site's structure (profiles/hellowork.json).
          REFERENCE_MARKUP: suite.hellowork.markup ?? 'bundled',
        },
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 30_000,
      }
    : undefined,
});
