/**
 * `npm ci` / `npm install` run this (package.json "postinstall"): brings the last-resort Chromium of
 * support/npm-chromium.ts, the @sparticuz/chromium package tarball, into node_modules/.cache/ with `npm pack`
 * (the npm cache, else the registry), and checks its integrity against the pinned one. Not a dependency because
 * its `engines` (Node ^22.17 || >=24) makes `npm ci` on Node 20 warn, or skip it when optional. It is unpacked
 * only if a run needs it (no Playwright build, CHROMIUM_PATH or system Chromium; or SUITE_BARE_MACHINE=1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { integrityOf, NPM_CHROMIUM, npmChromiumPaths } from '../support/npm-chromium.ts';
import { runMain } from './run-main.ts';

class FetchError extends Error {}

async function main(): Promise<number> {
  const { tarball } = npmChromiumPaths();
  const spec = `${NPM_CHROMIUM.name}@${NPM_CHROMIUM.version}`;
  if (existsSync(tarball) && integrityOf(tarball) === NPM_CHROMIUM.integrity) return 0;

  const dir = join(dirname(tarball), `pack-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    // Inside npm's lifecycle, npm_execpath is the npm that runs us; else the one on PATH.
    const npm = process.env.npm_execpath;
    const args = ['pack', spec, '--pack-destination', dir, '--json', '--loglevel=error'];
    const run =
      npm && /\.[cm]?js$/.test(npm) ? spawnSync(process.execPath, [npm, ...args], { encoding: 'utf8' }) : spawnSync('npm', args, { encoding: 'utf8' });
    const packed = join(dir, `sparticuz-chromium-${NPM_CHROMIUM.version}.tgz`);
    if (run.status !== 0 || !existsSync(packed)) {
      throw new FetchError(
        `postinstall: could not fetch ${spec} (the Chromium used when no other is installed): ${(run.stderr || run.error?.message || '').trim()}\n` +
          'Check that the npm registry is reachable and run `npm ci` again.',
      );
    }
    const got = integrityOf(packed);
    if (got !== NPM_CHROMIUM.integrity) {
      throw new FetchError(`postinstall: ${spec} has integrity ${got}, expected ${NPM_CHROMIUM.integrity}; not used.`);
    }
    renameSync(packed, tarball);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`postinstall: ${spec} (fallback Chromium) ready in ${relative(process.cwd(), tarball)}`);
  return 0;
}

runMain(import.meta, main, [FetchError]);
