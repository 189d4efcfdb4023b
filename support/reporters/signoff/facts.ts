/** The facts of a run that a sign-off names: what was checked, when, with what. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunFacts {
  /** TARGET_URL, or 同梱の参照アプリ. */
  readonly target: string;
  /** The deviations the bundled app was started with (DEVIATIONS): a run to prove the suite, not a sign-off of the site. */
  readonly deviations?: readonly string[];
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  readonly suite: { readonly name: string; readonly version: string };
  readonly commit?: { readonly hash: string; readonly dirty: boolean };
  /** e.g. playwright-bdd 9.2.1 (playwright 1.64.1). */
  readonly runner?: string;
  /** e.g. node.js 20.20.2 / linux 6.1. */
  readonly platform?: string;
  /** The Chromium that printed the PDF (the one the Chromium projects run), and its Japanese font. */
  readonly chromium?: {
    readonly version: string;
    /** support/browser.ts ChromiumSource. */
    readonly source: 'playwright' | 'CHROMIUM_PATH' | 'system' | 'npm-package';
    readonly path: string;
    /** npm-package: e.g. "@sparticuz/chromium 153.0.0". */
    readonly package?: string;
    readonly font?: { readonly family: string; readonly source: 'system' | 'npm-package'; readonly from: string };
  };
}

export const BUNDLED_TARGET = '同梱の参照アプリ';

export function targetOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.TARGET_URL?.trim() || BUNDLED_TARGET;
}

/** The deviations switched on for the bundled app (DEVIATIONS); none when a configured target is checked. */
export function deviationsOf(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.TARGET_URL?.trim()) return [];
  return (env.DEVIATIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A transcript's revision: the first 12 hex digits of its SHA-256, and the line that names the original it transcribes. */
export function manualRevisionOf(file: string): { revision?: string; source?: string } {
  try {
    const text = readFileSync(file, 'utf8');
    const source = /^出典:\s*(.+)$/m.exec(text)?.[1]?.trim();
    return { revision: createHash('sha256').update(text).digest('hex').slice(0, 12), ...(source ? { source } : {}) };
  } catch {
    return {};
  }
}

export function suiteOf(cwd: string): RunFacts['suite'] {
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { name?: string; version?: string };
    return { name: pkg.name ?? '（不明）', version: pkg.version ?? '（不明）' };
  } catch {
    return { name: '（package.json を読めません）', version: '（不明）' };
  }
}

/** The commit checked out, and whether the working tree differs from it; undefined outside git. */
export function commitOf(cwd: string): RunFacts['commit'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  try {
    const hash = git('rev-parse', '--short', 'HEAD');
    let dirty = false;
    try {
      dirty = git('status', '--porcelain').length > 0;
    } catch {
      // the hash alone is still worth reporting
    }
    return { hash, dirty };
  } catch {
    return undefined;
  }
}

const JST = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 2026年11月26日(木) 08:11:49 JST. */
export function formatJst(date: Date): string {
  return `${JST.format(date)} JST`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${s} 秒`;
}
