/**
 * The one place that decides which browser binaries the suite launches.
 *
 * Chromium, the first found of: Playwright's own build (`npx playwright install chromium`); CHROMIUM_PATH; a
 * system Chromium; the Chromium shipped in the @sparticuz/chromium npm package, fetched by `npm ci` (its
 * postinstall) and unpacked on first use (support/npm-chromium.ts). Always with the flags that keep Chromium off
 * the network it would otherwise call home to. A Japanese font: the npm package's Noto Sans JP, the same on every
 * machine (SUITE_FONT=system: the machine's own; support/fonts.ts). SUITE_BARE_MACHINE=1 ignores everything the machine brings (Playwright's build,
 * CHROMIUM_PATH, system Chromium, system fonts) to prove that `npm ci` alone suffices.
 * Firefox/WebKit: only where Playwright's builds exist. And the browser context every scenario gets, in every runner.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { type Browser, type BrowserContext, chromium, type devices, firefox, type LaunchOptions, webkit } from '@playwright/test';
import type { SuiteConfig } from './config.ts';
import { type ResolvedFont, resolveFont } from './fonts.ts';
import { ensureNpmChromium, type NpmChromium, NPM_CHROMIUM } from './npm-chromium.ts';

const CHROMIUM_FLAGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-default-apps'] as const;

const SYSTEM_CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'] as const;

/** The test flag: behave as on a bare machine (only what `npm ci` brought). */
export const BARE_MACHINE_FLAG = 'SUITE_BARE_MACHINE';

/** Variables never handed to the browser's environment (they would sit in launch options that reports copy). */
const SECRET_VARIABLES = new Set(['LOGIN_PASSWORD', 'MYNAPORTAL_PIN']);

export class NoChromiumError extends Error {
  constructor(detail: string) {
    super(
      `No Chromium found to run the conformance suite (${detail}).\n` +
        `\`npm ci\` normally brings one (${NPM_CHROMIUM.name} ${NPM_CHROMIUM.version}, fetched by its postinstall): run it again ` +
        'without --ignore-scripts, or install one of these and run again:\n' +
        "  • Playwright's own build:  npx playwright install chromium\n" +
        '  • Debian/Ubuntu package:    apt-get install chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
    this.name = 'NoChromiumError';
  }
}

export class BareMachineFlagError extends Error {
  constructor(value: string) {
    super(`${BARE_MACHINE_FLAG}=${value} is not a flag: use 1 (or true/yes) to ignore system browsers and fonts, 0 or nothing otherwise.`);
    this.name = 'BareMachineFlagError';
  }
}

export function bareMachine(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[BARE_MACHINE_FLAG]?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new BareMachineFlagError(env[BARE_MACHINE_FLAG] ?? '');
}

/** An executable file (an empty or non-executable file where a browser was, as when one is hidden, does not count). */
function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function installedExecutable(get: () => string): string | undefined {
  try {
    const path = get();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export type ChromiumSource = 'playwright' | 'CHROMIUM_PATH' | 'system' | 'npm-package';

export interface ResolvedChromium {
  /** Where the binary comes from, for run reports. */
  readonly source: ChromiumSource;
  readonly executablePath: string;
  /** npm-package: e.g. "@sparticuz/chromium 153.0.0". */
  readonly package?: string;
  /** The Japanese font Chromium renders with. */
  readonly font: ResolvedFont;
  readonly launchOptions: LaunchOptions;
}

/** What resolveChromium looks at, replaceable in tests. */
export interface Lookups {
  readonly playwrightExecutable: () => string | undefined;
  readonly npmChromium: () => NpmChromium | undefined;
  readonly font: (bare: boolean) => ResolvedFont;
}

const LOOKUPS: Lookups = {
  playwrightExecutable: () => installedExecutable(() => chromium.executablePath()),
  npmChromium: () => ensureNpmChromium(),
  font: (bare) => resolveFont(bare),
};

export function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = isExecutable,
  lookups: Partial<Lookups> = {},
): ResolvedChromium {
  const look = { ...LOOKUPS, ...lookups };
  const bare = bareMachine(env);
  const args = [...CHROMIUM_FLAGS];
  const font = look.font(bare);
  // The browser's environment, only where something must be added to it (Playwright's env replaces the whole).
  const launchEnv = (extra: Record<string, string>) => {
    const all: Record<string, string> = { ...extra };
    if (font.fontconfigFile) all.FONTCONFIG_FILE = font.fontconfigFile;
    if (Object.keys(all).length === 0) return {};
    const inherited = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && !SECRET_VARIABLES.has(k))) as Record<string, string>;
    return { env: { ...inherited, ...all } };
  };
  const found = (source: ChromiumSource, executablePath: string, ownBuild = false, extra: Record<string, string> = {}, pkg?: string): ResolvedChromium => ({
    source,
    executablePath,
    ...(pkg ? { package: pkg } : {}),
    font,
    launchOptions: { ...(ownBuild ? {} : { executablePath }), args, ...launchEnv(extra) },
  });

  if (!bare) {
    const own = look.playwrightExecutable();
    if (own) return found('playwright', own, true);

    const configured = env.CHROMIUM_PATH?.trim();
    if (configured) {
      if (!exists(configured)) throw new NoChromiumError(`CHROMIUM_PATH=${configured} does not exist`);
      return found('CHROMIUM_PATH', configured);
    }

    const system = SYSTEM_CHROMIUM_CANDIDATES.find((p) => exists(p));
    if (system) return found('system', system);
  }

  const npm = look.npmChromium();
  if (npm) {
    const libraries = [npm.libDir, ...(env.LD_LIBRARY_PATH ? [env.LD_LIBRARY_PATH] : [])].join(':');
    return found('npm-package', npm.executablePath, false, { LD_LIBRARY_PATH: libraries }, npm.package);
  }

  throw new NoChromiumError(
    bare
      ? `${BARE_MACHINE_FLAG} is set, so only the npm package counts, and its tarball is not in node_modules/.cache/`
      : `no Playwright build, CHROMIUM_PATH unset, none of ${SYSTEM_CHROMIUM_CANDIDATES.join(', ')} present, no npm package in node_modules/.cache/`,
  );
}

/** "Chromium 156.0.8078.73", asked of the executable itself (cheap, and exact), in its launch environment. */
function chromiumVersion(resolved: ResolvedChromium): string {
  try {
    const out = execFileSync(resolved.executablePath, ['--version'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: resolved.launchOptions.env ? (resolved.launchOptions.env as NodeJS.ProcessEnv) : process.env,
    }).trim();
    // The npm package's headless shell answers "HeadlessChrome 153.0.8010.0" (or nothing but a version).
    return out.replace(/^(HeadlessChrome|Chrome-headless-shell)\s*/i, 'Chromium ').replace(/^(\d)/, 'Chromium $1') || 'Chromium';
  } catch {
    return 'Chromium';
  }
}

/** "Chromium: … (source: …); Japanese font: … (source: …)", for the run's first line and the reports. */
export function describeBrowserAndFont(resolved: ResolvedChromium): { browser: string; font: string } {
  const where = (p: string) => (p.startsWith(process.cwd()) ? relative(process.cwd(), p) : p);
  const browser = `${chromiumVersion(resolved)} (${resolved.source}${resolved.package ? `: ${resolved.package}` : ''}, ${where(resolved.executablePath)})`;
  const font = `${resolved.font.family} (${resolved.font.source}: ${resolved.font.from})`;
  return { browser, font };
}

/** Firefox and WebKit run only where Playwright's own builds are installed (they cannot be had on every machine). */
export function availableExtraBrowsers(): { firefox: boolean; webkit: boolean } {
  return {
    firefox: installedExecutable(() => firefox.executablePath()) !== undefined,
    webkit: installedExecutable(() => webkit.executablePath()) !== undefined,
  };
}

/** A Playwright device descriptor (support/devices.ts makes the suite's device profiles of them). */
export type Device = (typeof devices)[string];

/**
 * The browser context a scenario gets, the same in every runner: the device (viewport, user agent, touch …), the
 * site's origin as baseURL, Japanese locale and Tokyo time, and the suite's action and navigation timeouts.
 * playwright.config.ts puts it in each project's `use` (Playwright makes the context of it); the cucumber-js World
 * and the bench floor make theirs with newScenarioContext.
 */
export function scenarioContextOptions(device: Device, suite: SuiteConfig) {
  // Which engine renders is the project's browserName or the runner's launch, not a context option.
  const { defaultBrowserType: _engine, ...context } = device;
  return {
    ...context,
    baseURL: suite.hellowork.baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    actionTimeout: suite.timeouts.action,
    navigationTimeout: suite.timeouts.action * 2,
  };
}

/** A new context with scenarioContextOptions, for the runners that create contexts themselves. */
export async function newScenarioContext(browser: Browser, device: Device, suite: SuiteConfig): Promise<BrowserContext> {
  const { actionTimeout, navigationTimeout, ...options } = scenarioContextOptions(device, suite);
  const context = await browser.newContext(options);
  context.setDefaultTimeout(actionTimeout);
  context.setDefaultNavigationTimeout(navigationTimeout);
  return context;
}

/**
 * The browser of the runners that launch their own (the cucumber-js World, the bench floor): the remote browser
 * server when PW_TEST_CONNECT_WS_ENDPOINT is set, else the resolved Chromium, headless and slowed as configured,
 * as playwright.config.ts launches it.
 */
export async function launchSuiteChromium(suite: SuiteConfig): Promise<Browser> {
  if (suite.run.remote) return chromium.connect(suite.run.remote.wsEndpoint);
  return chromium.launch({ ...resolveChromium().launchOptions, headless: suite.headless, ...(suite.slowMo > 0 ? { slowMo: suite.slowMo } : {}) });
}
