/**
 * The bench's reporter for (a) (first of the reporters in playwright.config.ts when BENCH_PHASES names a file): when
 * the first scenario started and when the last one ended, in ms since the epoch, so that scripts/bench.ts can tell
 * start-up (config, app, workers, browsers), scenarios, and reports with exit apart in the wall time it measures.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter } from '@playwright/test/reporter';

export interface Phases {
  readonly firstTest: number;
  readonly lastTestEnd: number;
}

export default class PhasesReporter implements Reporter {
  #firstTest = 0;
  #lastTestEnd = 0;
  constructor(private readonly options: { file: string }) {}
  onTestBegin() {
    if (this.#firstTest === 0) this.#firstTest = Date.now();
  }
  onTestEnd() {
    this.#lastTestEnd = Date.now();
  }
  onEnd() {
    const phases: Phases = { firstTest: this.#firstTest, lastTestEnd: this.#lastTestEnd };
    writeFileSync(this.options.file, JSON.stringify(phases));
  }
  printsToStdio() {
    return false;
  }
}
