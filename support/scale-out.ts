/**
 * Scale-out settings shared by playwright.config.ts, scripts/merge-reports.ts, the tests and
 * .github/workflows/conformance.yml: which shard this run is, where a shard's outputs go, whether
 * Playwright is merging reports, and whether the browsers are remote. Pure functions of a setting's
 * text and the command line; SHARD and PW_TEST_CONNECT_WS_ENDPOINT are read through the suite's
 * schema (support/config.ts) with these parsers (README: "Sharding and merged reports", "Remote browser").
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

/**
 * The folders a run writes and may rewrite afterwards (to mask secrets): a whole run or a merge owns reports/ and
 * test-results/; a shard only its own, since shards may share a checkout and run side by side.
 */
export const ownOutputDirs = (shard: Shard | undefined): string[] =>
  shard ? [testResultsDir(shard), blobDir(shard), allureResultsDir(shard)] : ['reports', 'test-results'];

/** A bad SHARD, --shard or PW_TEST_CONNECT_WS_ENDPOINT: the run cannot start (support/cannot-start.ts prints it without a stack). */
export class ScaleOutSettingError extends Error {
  override name = 'ScaleOutSettingError';
}

/** What a shard looks like, for error messages. */
export const SHARD_FORMAT = 'expected <current>/<total> with 1 ≤ current ≤ total, e.g. 1/2';

/** "2/3" → { current: 2, total: 3 }; empty → undefined; anything else throws, naming the variable. */
export function parseShard(text: string | undefined, source = 'SHARD'): Shard | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const current = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || current < 1 || current > total) {
    throw new ScaleOutSettingError(`${source}=${value}: ${SHARD_FORMAT}`);
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
 * Playwright's --shard on the command line overrides SHARD (as in Playwright): written to env.SHARD, so that the
 * suite's configuration and Playwright's workers, which load the config again without the command line, agree
 * with the main process (same test-results folder). Called by support/startup.ts before the settings are read.
 */
export function applyShardArgument(env: NodeJS.ProcessEnv, argv: readonly string[]): void {
  const fromArgv = shardArgument(argv);
  if (fromArgv === undefined) return;
  const shard = parseShard(fromArgv, '--shard');
  if (shard) env.SHARD = `${shard.current}/${shard.total}`;
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

/** PW_TEST_CONNECT_WS_ENDPOINT, which Playwright's own `connectOptions` fixture reads: the browsers run there. Empty → undefined. */
export function parseRemoteBrowser(text: string | undefined): RemoteBrowser | undefined {
  const wsEndpoint = text?.trim();
  if (!wsEndpoint) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(wsEndpoint);
  } catch {
    url = undefined;
  }
  // "localhost:3000" parses too, as a URL of scheme localhost:.
  if (!url || !['ws:', 'wss:'].includes(url.protocol) || !url.host) {
    throw new ScaleOutSettingError(`PW_TEST_CONNECT_WS_ENDPOINT=${wsEndpoint}: expected a ws:// or wss:// URL of a Playwright browser server`);
  }
  return { wsEndpoint, origin: `${url.protocol}//${url.host}` };
}
