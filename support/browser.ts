/**
 * The one place that decides which browser binaries the suite launches.
 *
 * Chromium: Playwright's own build when installed; else CHROMIUM_PATH; else a
 * system Chromium. Always with the flags that keep Chromium off the network it
 * would otherwise call home to. Firefox/WebKit: only where Playwright's builds exist.
 */
import { existsSync } from 'node:fs';
import { chromium, firefox, type LaunchOptions, webkit } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
] as const;

export const SYSTEM_CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export class NoChromiumError extends Error {
  constructor(detail: string) {
    super(
      `No Chromium found to run the conformance suite (${detail}).\n` +
        'Install one of these and run again:\n' +
        '  • Playwright\'s own build:  npx playwright install chromium\n' +
        '  • Debian/Ubuntu package:    apt-get install chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
    this.name = 'NoChromiumError';
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

export interface ResolvedChromium {
  /** Where the binary comes from, for run reports. */
  readonly source: 'playwright' | 'CHROMIUM_PATH' | 'system';
  readonly executablePath: string;
  readonly launchOptions: LaunchOptions;
}

export function resolveChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): ResolvedChromium {
  const args = [...CHROMIUM_FLAGS];
  const own = installedExecutable(() => chromium.executablePath());
  if (own) return { source: 'playwright', executablePath: own, launchOptions: { args } };

  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!exists(configured)) throw new NoChromiumError(`CHROMIUM_PATH=${configured} does not exist`);
    return { source: 'CHROMIUM_PATH', executablePath: configured, launchOptions: { executablePath: configured, args } };
  }

  const system = SYSTEM_CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (system) return { source: 'system', executablePath: system, launchOptions: { executablePath: system, args } };

  throw new NoChromiumError(
    `no Playwright build, CHROMIUM_PATH unset, none of ${SYSTEM_CHROMIUM_CANDIDATES.join(', ')} present`,
  );
}

/** Firefox and WebKit run only where Playwright's own builds are installed (they cannot be had on every machine). */
export function availableExtraBrowsers(): { firefox: boolean; webkit: boolean } {
  return {
    firefox: installedExecutable(() => firefox.executablePath()) !== undefined,
    webkit: installedExecutable(() => webkit.executablePath()) !== undefined,
  };
}
