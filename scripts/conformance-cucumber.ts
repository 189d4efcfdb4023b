/**
 * `npm run conformance:cucumber`: the conformance suite through cucumber-js (the classic runner).
 *
 * Starts the bundled reference app once (without TARGET_URL), runs cucumber-js once per device
 * profile (one browser per process, a context per scenario: fixtures/cucumber-js/world.ts), WORKERS
 * processes at a time (default 2, as Playwright's workers), then
 * writes one sign-off report over all profiles and masks secrets in everything written.
 * Arguments after `--` go to every cucumber-js process (e.g. `-- --tags @security`).
 *
 * Reports: reports/cucumber-js/<profile>/{report.html,report.json,junit.xml,messages.ndjson},
 *          reports/cucumber-js/signoff/{index.html,signoff.pdf}.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { FIGURES_DIR } from '../support/figures/capture.ts';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describeBrowserAndFont, resolveChromium } from '../support/browser.ts';
import { CANNOT_START } from '../support/cannot-start.ts';
import { ConfigError, describeOrigins } from '../support/config.ts';
import { preflight } from '../support/preflight.ts';
import { CHROMIUM_PROFILES } from '../support/devices.ts';
import { type RunningReferenceApp, startReferenceApp } from '../support/reference-app.ts';
import { runDriftRecords } from '../support/figures/book.ts';
import { DRIFT_REPORT, writeFigureReports } from '../support/figures/reporter.ts';
import type { Envelope } from '../support/reporters/signoff/messages.ts';
import { gatherNotes, NOTE_MEDIA_TYPE, readNotes } from '../support/writer-note.ts';
import { REVIEW_PAGE } from '../support/figures/review.tsx';
import { writeMergedSignoff } from '../support/reporters/signoff/merge.ts';
import { redactSuiteSecrets } from '../support/reporters/redact-secrets.ts';
import { startUp } from '../support/startup.ts';
import { runMain } from './run-main.ts';

export const OUT = 'reports/cucumber-js';
export const CUCUMBER_BIN = join(dirname(createRequire(import.meta.url).resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber.js');

/**
 * Runs one cucumber-js process for one device profile; resolves with its exit code. With `buffer`, its output is
 * held and printed in one piece when it ends (profiles running side by side would otherwise interleave).
 */
export function runProfile(profile: string, args: readonly string[], env: NodeJS.ProcessEnv, buffer = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CUCUMBER_BIN, ...args], {
      env: { ...env, DEVICE_PROFILE: profile, CUCUMBER_SIGNOFF: 'merged', REFERENCE_APP_RUNNING: '1' },
      stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (buffer) process.stdout.write(`\n[cucumber-js] ${profile}\n${Buffer.concat(chunks).toString()}`);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Runs the profiles, `workers` at a time (WORKERS: each is one process with its own browser). */
export async function runProfiles(names: readonly string[], workers: number, run: (name: string) => Promise<number>): Promise<Record<string, number>> {
  const codes: Record<string, number> = {};
  const queue = [...names];
  const lane = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) codes[name] = await run(name);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, names.length)) }, lane));
  return codes;
}

async function main(): Promise<number> {
  // .env, free ports for the bundled app (in process.env, so that the profiles' processes use the same), the settings.
  const suite = startUp();
  const names = suite.projects ?? CHROMIUM_PROFILES.map((p) => p.name);
  const other = names.filter((n) => !CHROMIUM_PROFILES.some((p) => p.name === n));
  if (other.length > 0) {
    throw new ConfigError([
      `PROJECTS: the cucumber-js runner has the Chromium device profiles only (${CHROMIUM_PROFILES.map((p) => p.name).join(', ')}); not ${other.join(', ')}`,
    ]);
  }
  // Resolved once here, before the profiles' processes start (each resolves again, finding the same, unpacked once):
  // no browser stops the run with one paragraph; else one line says which browser and font are used.
  const { browser, font } = describeBrowserAndFont(resolveChromium());
  console.log(`Browser: ${browser}; Japanese font: ${font}`);
  console.log(describeOrigins(suite));
  await preflight();
  rmSync(OUT, { recursive: true, force: true });
  // Figures of this run never mix with an earlier run's.
  rmSync(FIGURES_DIR, { recursive: true, force: true });

  const args = process.argv.slice(2);
  let app: RunningReferenceApp | undefined;
  let codes: Record<string, number> = {};
  const side = Math.min(suite.workers, names.length) > 1;
  try {
    if (suite.bundled) app = await startReferenceApp({ ...suite.bundled, deviations: suite.run.deviations.join(',') });
    if (side) console.log(`[cucumber-js] ${names.join(', ')}: ${suite.workers} at a time (WORKERS); each prints when it ends`);
    codes = await runProfiles(names, suite.workers, (profile) => {
      if (!side) console.log(`\n[cucumber-js] ${profile}`);
      return runProfile(profile, args, process.env, side);
    });
  } finally {
    await app?.stop();
  }

  const ran = names.filter((p) => existsSync(join(OUT, p, 'messages.ndjson')));
  // No scenario ran (e.g. `-- --help`, or every process stopped before its first message): no report to sign.
  if (ran.length === 0) return Math.max(0, ...Object.values(codes));
  await writeMergedSignoff(
    ran.map((project) => ({ project, file: join(OUT, project, 'messages.ndjson') })),
    { outputFile: join(OUT, 'signoff', 'index.html'), pdfFile: join(OUT, 'signoff', 'signoff.pdf') },
  );
  redactSuiteSecrets([OUT]);
  // Which published figures no longer match the approved ones, as after the Playwright run.
  const drift = runDriftRecords();
  const notes = gatherNotes(
    ran.flatMap((project) =>
      readFileSync(join(OUT, project, 'messages.ndjson'), 'utf8')
        .split('\n')
        .filter((line) => line.includes(NOTE_MEDIA_TYPE))
        .flatMap((line) => readNotes([(JSON.parse(line) as Envelope).attachment ?? {}]).map((note) => ({ ...note, project }))),
    ),
  );
  const wroteDrift = drift.length > 0 || notes.length > 0;
  writeFigureReports(drift, notes);

  const failed = names.filter((p) => codes[p] !== 0);
  console.log(
    `\ncucumber-js の適合確認が終わりました: ${failed.length === 0 ? 'すべてのシナリオが合格しました' : `不合格のシナリオがあります（${failed.join('、')}）`}。報告書:`,
  );
  console.log(`  サインオフ報告書      ${join(OUT, 'signoff', 'index.html')}、${join(OUT, 'signoff', 'signoff.pdf')}`);
  if (wroteDrift) console.log(`  図の比較              ${DRIFT_REPORT}`);
  if (existsSync(REVIEW_PAGE)) console.log(`  図の確認ページ        ${REVIEW_PAGE}`);
  for (const p of ran) console.log(`  ${p.padEnd(20)}  ${relative('.', join(OUT, p, 'report.html'))}（同じフォルダーに JSON、JUnit、messages）`);
  return failed.length === 0 ? 0 : 1;
}

runMain(import.meta, main, CANNOT_START);
