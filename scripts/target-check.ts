/**
 * npm run target:check [-- --logout] [-- --out <dir>]
 *
 * The first thing to run against a new site: with the .env of the target (TARGET_URL, LOGIN_ID, LOGIN_PASSWORD,
 * TARGET_PROFILE …, read and validated exactly as the suite reads them: support/startup.ts), it logs in as the suite
 * does, on a PC and on a smart device, visits the top page and every configured My Page screen, and says for every
 * entry of the target profile whether its locator finds what it should: found, not found (with the controls a person
 * would pick instead), or ambiguous. It writes report.md (everything) and profile.suggested.json (the profile with
 * each entry that has exactly one candidate repaired) to reports/target-check/.
 *
 * Without TARGET_URL it checks the bundled reference app, which it starts itself (REFERENCE_MARKUP picks the markup).
 * It never logs out unless --logout is given, submits no form but the login form, writes nothing into the target.
 *
 * Exit code: 0 every entry found; 1 an entry missing, ambiguous or wrong; 2 the check could not run (configuration,
 * preflight, browser).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { launchSuiteChromium } from '../support/browser.ts';
import { CANNOT_START } from '../support/cannot-start.ts';
import { describeOrigins, type SuiteConfig } from '../support/config.ts';
import { checkOrigin } from '../support/preflight.ts';
import { type RunningReferenceApp, startReferenceApp } from '../support/reference-app.ts';
import { startUp } from '../support/startup.ts';
import { checkProfileBlocks } from '../steps/index.ts';
import { checkTarget } from './target-check/check.ts';
import { exitCodeOf, type TargetCheckResult } from './target-check/findings.ts';
import { formatMarkdown, formatScreen } from './target-check/format.ts';
import { suggestProfile } from './target-check/suggest.ts';
import { runMain } from './run-main.ts';

export const DEFAULT_OUT = join('reports', 'target-check');

const HELP = `npm run target:check [-- オプション]

新しいサイトに最初に流すコマンドです。.env（TARGET_URL, LOGIN_ID, LOGIN_PASSWORD, TARGET_PROFILE …）をスイートと
同じように読み、PC とスマートデバイスでログインし、トップ画面と設定したすべての求職者マイページ画面を開いて、
ターゲットプロファイルの項目ごとに「見つかった／見つからない（候補つき）／複数ある」を表示します。
TARGET_URL がなければ同梱の参照アプリを起動して確かめます（REFERENCE_MARKUP で画面の作りを選べます）。

  --logout      最後に PC の手順でログアウトし、表示された URL を報告します（既定ではログアウトしません）
  --out <dir>   report.md と profile.suggested.json の置き場所（既定: ${DEFAULT_OUT}）
  --help        この説明

終了コード: 0 すべて見つかった、1 見つからない・複数ある項目がある、2 設定・事前確認（preflight）の誤りで確かめられない`;

const cannotStart = (error: unknown): error is Error => CANNOT_START.some((E) => error instanceof E);

/** A path as the reader types it: relative to the working directory when inside it. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

function targetOf(suite: SuiteConfig): string {
  if (suite.mode === 'target') return `TARGET_URL=${suite.hellowork.baseURL}`;
  const deviations = suite.run.deviations.length > 0 ? `、DEVIATIONS=${suite.run.deviations.join(',')}` : '';
  return `同梱の参照アプリ（REFERENCE_MARKUP=${suite.hellowork.markup ?? 'bundled'}${deviations}${suite.run.referenceAppRunning ? '、起動済み' : '、このコマンドが起動します'}）`;
}

function profileSourceOf(suite: SuiteConfig, env: NodeJS.ProcessEnv): string {
  const name = suite.hellowork.profile.name;
  const given = env.TARGET_PROFILE?.trim();
  if (given) return `${name}（TARGET_PROFILE=${given}${/^[\w-]+$/.test(given) ? `: profiles/${given}.json` : ''}）`;
  return `${name}（既定: ${suite.mode === 'target' ? 'TARGET_URL のとき' : `REFERENCE_MARKUP=${suite.hellowork.markup ?? 'bundled'} のとき`}、profiles/${name}.json）`;
}

/** The origins that must answer before a browser starts: My Page and login, and the top page's when it is another. */
function preflightOrigins(suite: SuiteConfig): [string, string][] {
  const site = suite.hellowork;
  const myPage = suite.mode === 'target' ? 'TARGET_URL' : 'the bundled app';
  const checks: [string, string][] = [[myPage, site.baseURL]];
  if (site.topOrigin !== site.baseURL) {
    checks.push([site.originSources.top === 'TARGET_TOP_URL' ? 'TARGET_TOP_URL' : `the top page's origin, ${site.originSources.top},`, site.topOrigin]);
  }
  return checks;
}

export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: { logout?: boolean; out?: string; help?: boolean };
  try {
    options = parseArgs({
      args: [...argv],
      options: { logout: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const outDir = resolve(options.out ?? DEFAULT_OUT);
  const started = Date.now();
  let app: RunningReferenceApp | undefined;
  let browser: Browser | undefined;
  try {
    const suite = startUp({ env });
    checkProfileBlocks(suite.hellowork.profile);
    const site = suite.hellowork;
    const profileSource = profileSourceOf(suite, env);
    // First: what is checked, from where, with which profile.
    console.log(`target:check — ${targetOf(suite)}`);
    console.log(describeOrigins(suite));
    console.log(`プロファイル: ${profileSource}`);
    // The bundled app (when it is the target) and the browser start side by side; the preflight waits for the app.
    const launching = launchSuiteChromium(suite);
    try {
      if (suite.bundled && !suite.run.referenceAppRunning) {
        app = await startReferenceApp({
          ...suite.bundled,
          deviations: suite.run.deviations.join(','),
          ...(site.markup ? { markup: site.markup } : {}),
        });
      }
      await Promise.all(preflightOrigins(suite).map(([variable, url]) => checkOrigin(variable, url)));
    } catch (error) {
      await launching.then(
        (b) => b.close(),
        () => {},
      );
      throw error;
    }
    browser = await launching;
    const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\u001b[K${line}`) : () => {};
    const checked = await checkTarget(browser, suite, { logout: Boolean(options.logout), progress });
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
    const result: TargetCheckResult = {
      target: targetOf(suite),
      origins: describeOrigins(suite),
      topOrigin: site.topOrigin,
      topOriginSource: site.originSources.top,
      profileName: site.profile.name,
      profileSource,
      findings: checked.findings,
      cookies: checked.cookies,
      ...(checked.logout ? { logout: checked.logout } : {}),
      seconds: (Date.now() - started) / 1000,
    };
    const suggestion = suggestProfile(site.profile, result.findings);
    mkdirSync(outDir, { recursive: true });
    const files = { report: shown(join(outDir, 'report.md')), suggested: shown(join(outDir, 'profile.suggested.json')) };
    writeFileSync(join(outDir, 'profile.suggested.json'), `${JSON.stringify(suggestion.profile, null, 2)}\n`);
    writeFileSync(join(outDir, 'report.md'), formatMarkdown(result, suggestion.changes, files));
    console.log(`\n${formatScreen(result, suggestion.changes, files)}`);
    return exitCodeOf(result);
  } catch (error) {
    // A bad setting, an unreachable origin, no browser: the message alone (support/cannot-start.ts), exit 2.
    if (cannotStart(error)) console.error(`\n${error.message}\n`);
    else console.error(error);
    return 2;
  } finally {
    await browser?.close().catch(() => {});
    await app?.stop();
  }
}

runMain(import.meta, () => main());
