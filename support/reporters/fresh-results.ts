/**
 * Listed before allure-playwright: empties its results folder when the run starts.
 * allure-playwright never cleans it, so stale results of earlier runs would mix in.
 * (A globalSetup is too late: reporters open their writers before it runs.)
 */
import { rmSync } from 'node:fs';
import type { Reporter } from '@playwright/test/reporter';

export default class FreshResults implements Reporter {
  constructor(options: { dirs: readonly string[] }) {
    for (const dir of options.dirs) rmSync(dir, { recursive: true, force: true });
  }

  printsToStdio(): boolean {
    return false;
  }
}
