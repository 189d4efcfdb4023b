/**
 * Preflight (Playwright globalSetup): before any browser starts, check that every
 * configured origin answers. An unreachable target fails the whole run at once with
 * one clear line, instead of one timeout per scenario.
 */
import { toLoopback } from '../reference-app/src/shared/loopback-fetch.ts';
import { ConfigError, loadConfig } from './config.ts';

const TIMEOUT_MS = 5000;

export class UnreachableTargetError extends Error {
  override name = 'UnreachableTargetError';
}

/** Answers (any HTTP status) or throws naming the variable, the URL and why. */
export async function checkOrigin(variable: string, url: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  // Node cannot resolve *.localhost (browsers do): ask loopback for those, as the browser will.
  const { url: reachable, host } = toLoopback(url);
  try {
    await fetch(reachable, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { host } });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : cause;
    throw new UnreachableTargetError(`Preflight: ${variable}=${url} is not reachable (${why}). Check the URL, VPN or proxy; no scenario was run.`);
  }
}

export async function preflight(): Promise<void> {
  const suite = loadConfig();
  if (suite.mode !== 'target') return; // the bundled app is started and checked by Playwright's webServer
  const site = suite.hellowork;
  const checks: [string, string][] = [['TARGET_URL', site.baseURL]];
  // The top page logging out must show: on its own host, it must answer too (a derived one is named with its source).
  if (site.topOrigin !== site.baseURL) {
    checks.push([site.originSources.top === 'TARGET_TOP_URL' ? 'TARGET_TOP_URL' : `the top page's origin, ${site.originSources.top},`, site.topOrigin]);
  }
  if (suite.mynaportal) checks.push(['MYNAPORTAL_URL', suite.mynaportal.baseURL]);
  await Promise.all(checks.map(([variable, url]) => checkOrigin(variable, url)));
}

/**
 * Playwright's globalSetup. A throw here makes Playwright print a stack and a code frame under the message: a
 * target that does not answer is the user's to fix, so its message is printed alone and the run stops (exit 1).
 */
export default async function globalSetup(): Promise<void> {
  try {
    await preflight();
  } catch (error) {
    if (!(error instanceof UnreachableTargetError || error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
