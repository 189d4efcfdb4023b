/**
 * Scale-out settings shared by playwright.config.ts, scripts/merge-reports.ts, the tests and
 * .github/workflows/conformance.yml: which shard this run is, where a shard's outputs go, whether
 * Playwright is merging reports, and whether the browsers are remote. Pure functions of the
 * environment and the command line (README: "Sharding and merged reports", "Remote browser").
 */

export interface Shard {
  readonly current: number;
  readonly total: number;
}

/** The blob reports of the shards: reports/blob/shard-<n>/report-<n>.zip (Playwright names the zip). */
export const BLOB_ROOT = 'reports/blob';
/** Where scripts/merge-reports.ts gathers every shard's zip for `playwright merge-reports`. */
export const BLOB_ALL = 'reports/blob-all';
/** allure-playwright's results; a shard writes its own sub-folder, shard-<n>, merged by `allure generate`. */
export const ALLURE_RESULTS = 'reports/allure-results';

export const blobDir = (shard: Shard): string => `${BLOB_ROOT}/shard-${shard.current}`;
export const allureResultsDir = (shard: Shard | undefined): string => (shard ? `${ALLURE_RESULTS}/shard-${shard.current}` : ALLURE_RESULTS);
export const testResultsDir = (shard: Shard | undefined): string => (shard ? `test-results/shard-${shard.current}` : 'test-results');

/** A bad SHARD or PW_TEST_CONNECT_WS_ENDPOINT: the run cannot start (support/cannot-start.ts prints it without a stack). */
export class ScaleOutSettingError extends Error {
  override name = 'ScaleOutSettingError';
}

/** "2/3" → { current: 2, total: 3 }; empty → undefined; anything else throws, naming the variable. */
export function parseShard(text: string | undefined, source = 'SHARD'): Shard | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const current = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || current < 1 || current > total) {
    throw new ScaleOutSettingError(`${source}=${value}: expected <current>/<total> with 1 ≤ current ≤ total, e.g. 1/2`);
  }
  return { current, total };
}

/** The value of Playwright's --shard option on a command line (`--shard=1/2` or `--shard 1/2`). */
export function shardArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--shard=')) return arg.slice('--shard='.length);
    if (arg === '--shard') return argv[i + 1];
  }
  return undefined;
}

/**
 * This run's shard: --shard on the command line (it overrides the config, as in Playwright), else SHARD.
 * Writes the answer back to env.SHARD, so that Playwright's workers, which load the config again
 * without the command line, agree with the main process (same test-results folder).
 */
export function resolveShard(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Shard | undefined {
  const fromArgv = shardArgument(argv);
  const shard = fromArgv !== undefined ? parseShard(fromArgv, '--shard') : parseShard(env.SHARD);
  if (shard) env.SHARD = `${shard.current}/${shard.total}`;
  return shard;
}

/** True when the config is loaded by `playwright merge-reports` (its command, not an option's value; only its main process loads it). */
export function isMergeReports(argv: readonly string[] = process.argv): boolean {
  return argv.slice(2).find((arg) => !arg.startsWith('-')) === 'merge-reports';
}

export interface RemoteBrowser {
  readonly wsEndpoint: string;
  /** scheme://host:port only: endpoints often carry a token in the path or query, which reports must not show. */
  readonly origin: string;
}

/** PW_TEST_CONNECT_WS_ENDPOINT, which Playwright's own `connectOptions` fixture reads: the browsers run there. */
export function remoteBrowser(env: NodeJS.ProcessEnv = process.env): RemoteBrowser | undefined {
  const wsEndpoint = env.PW_TEST_CONNECT_WS_ENDPOINT?.trim();
  if (!wsEndpoint) return undefined;
  let origin: string;
  try {
    const url = new URL(wsEndpoint);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    throw new ScaleOutSettingError(`PW_TEST_CONNECT_WS_ENDPOINT=${wsEndpoint}: expected a ws:// or wss:// URL of a Playwright browser server`);
  }
  return { wsEndpoint, origin };
}
