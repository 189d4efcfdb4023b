/** Prints, at the end of a run, where each report was written. */
import type { FullConfig, FullResult, Reporter } from '@playwright/test/reporter';

const REPORTS = [
  ['Playwright HTML', 'reports/playwright-html/index.html'],
  ['Cucumber HTML', 'reports/cucumber/report.html'],
  ['Cucumber JSON', 'reports/cucumber/report.json'],
  ['JUnit XML', 'reports/cucumber/junit.xml'],
  ['Allure results', 'reports/allure-results/'],
  ['Sign-off HTML', 'reports/signoff/index.html'],
  ['Sign-off PDF', 'reports/signoff/signoff.pdf'],
] as const;

export default class WhereReports implements Reporter {
  #config: FullConfig | undefined;

  onBegin(config: FullConfig): void {
    this.#config = config;
  }

  printsToStdio(): boolean {
    return true;
  }

  onEnd(result: FullResult): void {
    if (!this.#config) return;
    const width = Math.max(...REPORTS.map(([label]) => label.length));
    const lines = REPORTS.map(([label, path]) => `  ${label.padEnd(width)}  ${path}`);
    console.log(`\nConformance run ${result.status}. Reports:\n${lines.join('\n')}`);
  }
}
