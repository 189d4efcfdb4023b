/**
 * The last Chromium fallback, needing only the npm registry: the Chromium build shipped inside the
 * @sparticuz/chromium package (a headless-shell build for serverless Linux, brotli-compressed, with the NSS
 * libraries it links to). Only its files are used, never its code.
 *
 * How it gets here: its `engines` asks for Node ^22.17 || >=24, so as a dependency `npm ci` on Node 20 warns
 * (EBADENGINE) and as an optional dependency npm skips it (measured, npm 11.19). So the project's own
 * postinstall (scripts/postinstall.ts) fetches the pinned tarball with `npm pack` (the npm cache and registry,
 * integrity checked against NPM_CHROMIUM.integrity) into node_modules/.cache/. On first use, ensureNpmChromium()
 * unpacks it (support/unpack-npm-chromium.mjs) into a folder keyed by the package version, once: the unpack goes
 * to a private temporary folder that is renamed into place, so Playwright workers resolving at once never see a
 * half-written binary, and the loser of a race uses the winner's folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NPM_CHROMIUM = {
  name: '@sparticuz/chromium',
  version: '153.0.0',
  /** dist.integrity of the tarball on the npm registry. */
  integrity: 'sha512-jiGWqSvPMdu4+P9TilYqAR7yEGPEHINx+lCvE/NqNO/EHYzF/x1hUiI5T6ioVIt7dEy7n88byyT0vk+dnsgQwA==',
} as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UNPACKER = join(ROOT, 'support', 'unpack-npm-chromium.mjs');

/**
 * The suite's cache: node_modules/.cache/hellowork-manual-conformance (npm ci empties it with node_modules), or
 * SUITE_CACHE_DIR (tests point it at an empty folder).
 */
export function cacheDir(): string {
  return process.env.SUITE_CACHE_DIR?.trim() || join(ROOT, 'node_modules', '.cache', 'hellowork-manual-conformance');
}

export interface NpmChromiumPaths {
  /** The package tarball that postinstall fetched. */
  readonly tarball: string;
  /** The unpacked folder: chromium and lib/. */
  readonly dir: string;
}

export function npmChromiumPaths(cache = cacheDir(), pkg: { version: string } = NPM_CHROMIUM): NpmChromiumPaths {
  return { tarball: join(cache, `sparticuz-chromium-${pkg.version}.tgz`), dir: join(cache, `sparticuz-chromium-${pkg.version}`) };
}

export interface NpmChromium {
  readonly executablePath: string;
  readonly libDir: string;
  /** e.g. "@sparticuz/chromium 153.0.0". */
  readonly package: string;
  /** True when this call unpacked it (false: an earlier run or another worker had). */
  readonly unpacked: boolean;
}

export class NpmChromiumUnpackError extends Error {
  override name = 'NpmChromiumUnpackError';
}

export function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * The unpacked Chromium of the npm package, unpacking it first if needed; undefined when its tarball was never
 * fetched (postinstall skipped, e.g. `npm ci --ignore-scripts`).
 */
export function ensureNpmChromium(
  paths: NpmChromiumPaths = npmChromiumPaths(),
  pkg: { name: string; version: string } = NPM_CHROMIUM,
): NpmChromium | undefined {
  const found = (unpacked: boolean): NpmChromium => ({
    executablePath: join(paths.dir, 'chromium'),
    libDir: join(paths.dir, 'lib'),
    package: `${pkg.name} ${pkg.version}`,
    unpacked,
  });
  if (existsSync(join(paths.dir, 'chromium'))) return found(false);
  if (!existsSync(paths.tarball)) return undefined;

  mkdirSync(dirname(paths.dir), { recursive: true });
  const tmp = `${paths.dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    const run = spawnSync(process.execPath, [UNPACKER, paths.tarball, tmp], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) {
      throw new NpmChromiumUnpackError(
        `Could not unpack ${pkg.name} ${pkg.version} from ${paths.tarball}: ${run.stderr?.trim() || run.error?.message || `exit ${run.status}`}`,
      );
    }
    try {
      renameSync(tmp, paths.dir);
    } catch (error) {
      // Another worker renamed its copy first: use that one (an existing non-empty folder refuses the rename).
      if (!existsSync(join(paths.dir, 'chromium'))) throw error;
      return found(false);
    }
    return found(true);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Left-over temporary folders of interrupted unpacks (for tests and tidy-ups). */
export function strayUnpacks(paths: NpmChromiumPaths): string[] {
  const parent = dirname(paths.dir);
  if (!existsSync(parent)) return [];
  const prefix = `${paths.dir.slice(parent.length + 1)}.tmp-`;
  return readdirSync(parent).filter((n) => n.startsWith(prefix));
}
