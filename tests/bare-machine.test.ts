/**
 * The bare-machine fallbacks (support/browser.ts, support/npm-chromium.ts, support/fonts.ts) and the cannot-start
 * output: resolution order with and without SUITE_BARE_MACHINE, the unpack cache, the fontconfig file, and no
 * stack trace when a run cannot start.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { test } from 'node:test';
import { brotliCompressSync, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { BareMachineFlagError, NoChromiumError, resolveChromium, type Lookups } from '../support/browser.ts';
import { fontChoice, fontconfigXml, type ResolvedFont, resolveFont, writeFontconfig } from '../support/fonts.ts';
import { ensureNpmChromium, npmChromiumPaths, strayUnpacks } from '../support/npm-chromium.ts';

const systemFont: ResolvedFont = { source: 'system', family: 'IPAGothic', from: '/usr/share/fonts/ipag.ttf' };
const npmFont: ResolvedFont = { source: 'npm-package', family: 'Noto Sans JP', from: '@embedpdf/fonts-jp 1.0.0', fontconfigFile: '/cache/fonts.conf' };
const npm = { executablePath: '/cache/chromium', libDir: '/cache/lib', package: '@sparticuz/chromium 153.0.0', unpacked: false };

/** Every source present: which one wins, with the flag on or off. */
function lookups(over: Partial<Lookups> = {}): Partial<Lookups> {
  return { playwrightExecutable: () => '/pw/chrome', npmChromium: () => npm, font: (bare) => (bare ? npmFont : systemFont), ...over };
}

test('resolution order: Playwright build, CHROMIUM_PATH, system Chromium, then the npm package', () => {
  const all = () => true;
  const env = { CHROMIUM_PATH: '/opt/chrome' };
  assert.equal(resolveChromium(env, all, lookups()).source, 'playwright');
  assert.equal(resolveChromium(env, all, lookups({ playwrightExecutable: () => undefined })).source, 'CHROMIUM_PATH');
  const system = resolveChromium({}, (p) => p === '/usr/bin/chromium', lookups({ playwrightExecutable: () => undefined }));
  assert.deepEqual([system.source, system.executablePath], ['system', '/usr/bin/chromium']);
  const last = resolveChromium({}, () => false, lookups({ playwrightExecutable: () => undefined }));
  assert.deepEqual([last.source, last.executablePath, last.package], ['npm-package', '/cache/chromium', '@sparticuz/chromium 153.0.0']);
  assert.equal(last.launchOptions.executablePath, '/cache/chromium');
  assert.equal(last.launchOptions.env?.LD_LIBRARY_PATH, '/cache/lib', 'the unpacked NSS libraries');
  assert.equal(system.launchOptions.env, undefined, 'a system browser with a system font keeps the environment as it is');
});

test('SUITE_BARE_MACHINE=1 skips every system location: the npm Chromium and the npm font, whatever the machine has', () => {
  const r = resolveChromium({ SUITE_BARE_MACHINE: '1', CHROMIUM_PATH: '/opt/chrome', LOGIN_PASSWORD: 'secret!', HOME: '/root' }, () => true, lookups());
  assert.equal(r.source, 'npm-package');
  assert.equal(r.font.source, 'npm-package');
  assert.equal(r.launchOptions.env?.FONTCONFIG_FILE, '/cache/fonts.conf');
  assert.equal(r.launchOptions.env?.HOME, '/root', 'the rest of the environment is inherited');
  assert.equal(r.launchOptions.env?.LOGIN_PASSWORD, undefined, 'but no secret goes into launch options');
  assert.throws(
    () => resolveChromium({ SUITE_BARE_MACHINE: '1' }, () => true, lookups({ npmChromium: () => undefined })),
    (e: unknown) => e instanceof NoChromiumError && /SUITE_BARE_MACHINE/.test(e.message) && /npm ci/.test(e.message),
  );
  assert.throws(() => resolveChromium({ SUITE_BARE_MACHINE: 'maybe' }, () => true, lookups()), BareMachineFlagError);
  assert.equal(resolveChromium({ SUITE_BARE_MACHINE: '0' }, () => true, lookups()).source, 'playwright');
});

test('the npm font on every machine (figures look the same everywhere); the system font only when asked for and found, never under the flag', () => {
  const ipa = () => ({ family: 'IPAGothic', file: '/f/ipag.ttf' });
  assert.equal(resolveFont(false, ipa, false).family, 'Noto Sans JP');
  assert.deepEqual(resolveFont(false, ipa, true), { source: 'system', family: 'IPAGothic', from: '/f/ipag.ttf' });
  assert.equal(resolveFont(false, () => undefined, true).family, 'Noto Sans JP');
  let asked = false;
  const bare = resolveFont(
    true,
    () => {
      asked = true;
      return ipa();
    },
    true,
  );
  assert.equal(asked, false, 'under the flag the system is not even asked');
  assert.equal(bare.source, 'npm-package');
  assert.equal(bare.family, 'Noto Sans JP');
  assert.ok(bare.fontconfigFile && existsSync(bare.fontconfigFile));
  const xml = readFileSync(bare.fontconfigFile, 'utf8');
  assert.doesNotMatch(xml, /<include/, 'no system configuration under the flag');
  const dir = /<dir>([^<]+)<\/dir>/.exec(xml)?.[1] ?? '';
  assert.ok(existsSync(join(dir, 'NotoSansJP-Regular.otf')), `the package's fonts are in ${dir}`);
});

test('fontconfig file: includes the system configuration unless bare, prefers the npm family, written once per content', () => {
  const withSystem = fontconfigXml('/fonts', '/cache', true);
  assert.match(withSystem, /<include ignore_missing="yes">\/etc\/fonts\/fonts.conf<\/include>/);
  assert.match(withSystem, /<dir>\/fonts<\/dir>/);
  for (const generic of ['sans-serif', 'serif', 'monospace']) {
    assert.match(withSystem, new RegExp(`<family>${generic}</family><prefer><family>Noto Sans JP</family>`));
  }
  assert.doesNotMatch(fontconfigXml('/fonts', '/cache', false), /<include/);
  const dir = mkdtempSync(join(tmpdir(), 'fontconfig-'));
  try {
    const a = writeFontconfig(withSystem, dir);
    const before = statSync(a).mtimeMs;
    assert.equal(writeFontconfig(withSystem, dir), a);
    assert.equal(statSync(a).mtimeMs, before, 'not rewritten');
    assert.notEqual(writeFontconfig(fontconfigXml('/other', '/cache', true), dir), a);
    // fontconfig itself accepts it (where fc-list exists).
    const fc = spawnSync('fc-list', ['-q', ':lang=ja'], { env: { ...process.env, FONTCONFIG_FILE: a } });
    if (fc.error === undefined) assert.ok(fc.status === 0 || fc.status === 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A stand-in for the npm package's tarball: package/bin/chromium.br (a script) and package/bin/al2023.tar.br. */
async function fakeTarball(file: string): Promise<void> {
  const libs = tar.pack();
  libs.entry({ name: 'lib/libnss3.so', mode: 0o755 }, 'nss');
  libs.entry({ name: 'lib/README', mode: 0o644 }, 'not a library');
  libs.finalize();
  const chunks: Buffer[] = [];
  for await (const c of libs) chunks.push(Buffer.from(c as Uint8Array));
  const pkg = tar.pack();
  pkg.entry({ name: 'package/package.json' }, '{}');
  pkg.entry({ name: 'package/bin/chromium.br', mode: 0o644 }, brotliCompressSync(Buffer.from('#!/bin/sh\necho "HeadlessChrome 153.0.8010.0"\n')));
  pkg.entry({ name: 'package/bin/al2023.tar.br' }, brotliCompressSync(Buffer.concat(chunks)));
  pkg.finalize();
  await pipeline(pkg, createGzip(), createWriteStream(file));
}

test('unpack cache: the first call unpacks (binary and libraries), the next reuses it; no temporary folder is left', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'npm-chromium-'));
  try {
    const paths = npmChromiumPaths(cache, { version: '0.0.0-test' });
    assert.equal(ensureNpmChromium(paths), undefined, 'no tarball fetched: nothing to unpack');
    await fakeTarball(paths.tarball);
    const first = ensureNpmChromium(paths, { name: '@sparticuz/chromium', version: '0.0.0-test' });
    assert.equal(first?.unpacked, true);
    assert.equal(readFileSync(join(paths.dir, 'lib', 'libnss3.so'), 'utf8'), 'nss');
    assert.equal(existsSync(join(paths.dir, 'lib', 'README')), false, 'only libraries');
    assert.ok((statSync(first.executablePath).mode & 0o111) !== 0, 'executable');
    assert.match(spawnSync(first.executablePath, { encoding: 'utf8' }).stdout, /HeadlessChrome 153/);
    const second = ensureNpmChromium(paths);
    assert.equal(second?.unpacked, false);
    assert.equal(second?.executablePath, first.executablePath);
    assert.deepEqual(strayUnpacks(paths), []);
    // A corrupt tarball: a clear error, and still no temporary folder left.
    rmSync(paths.dir, { recursive: true });
    writeFileSync(paths.tarball, 'not a tarball');
    assert.throws(() => ensureNpmChromium(paths), /Could not unpack/);
    assert.deepEqual(strayUnpacks(paths), []);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('unpack cache: concurrent first uses (separate processes) all get one complete binary', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'npm-chromium-'));
  try {
    const paths = npmChromiumPaths(cache, { version: '0.0.0-race' });
    mkdirSync(cache, { recursive: true });
    await fakeTarball(paths.tarball);
    const script = `import { ensureNpmChromium } from ${JSON.stringify(new URL('../support/npm-chromium.ts', import.meta.url).pathname)};
const r = ensureNpmChromium(${JSON.stringify(paths)});
console.log(JSON.stringify(r));`;
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
            let out = '';
            child.stdout.on('data', (c: Buffer) => {
              out += c.toString();
            });
            child.on('exit', () => resolve(out));
          }),
      ),
    );
    const results = runs.map((r) => JSON.parse(r) as { unpacked: boolean; executablePath: string });
    assert.ok(results.filter((r) => r.unpacked).length >= 1);
    assert.equal(new Set(results.map((r) => r.executablePath)).size, 1);
    assert.match(spawnSync(results[0]?.executablePath ?? '', { encoding: 'utf8' }).stdout, /HeadlessChrome 153/);
    assert.deepEqual(strayUnpacks(paths), []);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

/** Runs `npx playwright test --list` with `env` added; returns everything it printed and its exit code. */
function listWith(env: NodeJS.ProcessEnv): { out: string; status: number | null } {
  const run = spawnSync('npx', ['playwright', 'test', '--list'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { out: `${run.stdout}\n${run.stderr}`, status: run.status };
}

const STACK_LINE = /^\s{2,}at .+/m;

test('cannot start: a bad setting prints its message and no stack trace (npx playwright test --list)', () => {
  const bad = listWith({ WORKERS: 'abc' });
  assert.equal(bad.status, 1);
  assert.match(bad.out, /Invalid suite configuration \(\.env or environment\):\n\s+• WORKERS: /);
  assert.doesNotMatch(bad.out, STACK_LINE, bad.out);
  assert.doesNotMatch(bad.out, /ConfigError:/);
  const flag = listWith({ SUITE_BARE_MACHINE: 'maybe' });
  assert.equal(flag.status, 1);
  assert.match(flag.out, /SUITE_BARE_MACHINE=maybe is not a flag/);
  assert.doesNotMatch(flag.out, STACK_LINE, flag.out);
});

test('cannot start: no browser at all prints one paragraph and no stack trace (the cucumber-js runner)', () => {
  // An empty cache folder: the npm package's tarball is "not fetched", and the flag hides everything else.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/conformance-cucumber.ts'], {
    encoding: 'utf8',
    env: { ...process.env, SUITE_BARE_MACHINE: '1', SUITE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'empty-cache-')) },
    timeout: 60_000,
  });
  const out = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.status, 1, out);
  assert.match(out, /No Chromium found to run the conformance suite/);
  assert.doesNotMatch(out, STACK_LINE, out);
});

test('SUITE_FONT: npm by default, system when asked; anything else is named', () => {
  assert.equal(fontChoice({}), 'npm');
  assert.equal(fontChoice({ SUITE_FONT: 'System' }), 'system');
  assert.throws(() => fontChoice({ SUITE_FONT: 'ipa' }), /SUITE_FONT=ipa is not a font choice/);
});
