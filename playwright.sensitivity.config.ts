/**
 * The sensitivity run (`npm run sensitivity`, scripts/sensitivity/): the everyday configuration made into one
 * project per deviation variant and device (scripts/sensitivity/config.ts). It stays here, beside
 * playwright.config.ts, because Playwright and playwright-bdd resolve a configuration's paths from its folder.
 */
import type { PlaywrightTestConfig } from '@playwright/test';
import type { Options, WorkerOptions } from './fixtures/test.ts';
import base from './playwright.config.ts';
import { sensitivityConfig } from './scripts/sensitivity/config.ts';

export default sensitivityConfig(base as PlaywrightTestConfig<Options, WorkerOptions>);
