/**
 * The device profiles the manual's procedures run on, shared by the runners:
 * playwright.config.ts makes a project of each, the cucumber-js runner a process, the bench
 * floor a pass; each scenario's browser context is made of the profile's device descriptor
 * (support/browser.ts scenarioContextOptions).
 * The tag picks the scenarios: @pc for パソコン画面, @sp for スマートデバイス画面.
 */
import { devices } from '@playwright/test';
import type { DeviceClass } from './manual.ts';

export interface DeviceProfile {
  readonly name: string;
  readonly deviceClass: DeviceClass;
  /** The scenarios it runs. */
  readonly tag: '@pc' | '@sp';
  /** Playwright's device descriptor it is made from. */
  readonly device: keyof typeof devices;
  /** The device descriptor, made to render with Chromium where it names another engine. */
  readonly use: (typeof devices)[string];
}

const profile = (name: string, deviceClass: DeviceClass, device: keyof typeof devices): DeviceProfile => ({
  name,
  deviceClass,
  tag: deviceClass === 'pc' ? '@pc' : '@sp',
  device,
  // iPhone-sized screen, touch and user agent, rendered by Chromium (WebKit builds are not available everywhere).
  use: { ...(devices[device] as (typeof devices)[string]), defaultBrowserType: 'chromium' },
});

/** The Chromium profiles, which run everywhere; Firefox/WebKit projects are added by playwright.config.ts where installed. */
export const CHROMIUM_PROFILES: readonly DeviceProfile[] = [
  profile('pc-chromium', 'pc', 'Desktop Chrome'),
  profile('sp-android', 'sp', 'Pixel 7'),
  profile('sp-iphone', 'sp', 'iPhone 14'),
];

export function chromiumProfile(name: string): DeviceProfile {
  const found = CHROMIUM_PROFILES.find((p) => p.name === name);
  if (!found) throw new Error(`unknown device profile "${name}"; available: ${CHROMIUM_PROFILES.map((p) => p.name).join(', ')}`);
  return found;
}
