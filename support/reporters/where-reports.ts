/** Prints, at the end of a run, in Japanese, how it ended and where each report was written: the writer's first. */
import { existsSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter } from '@playwright/test/reporter';

/** The reports, for the people who read them: sign-off and figures first, the engineers' reports after. */
const REPORTS = [
  ['サインオフ報告書（HTML）', 'reports/signoff/index.html'],
  ['サインオフ報告書（PDF）', 'reports/signoff/signoff.pdf'],
  ['図の比較', 'reports/figures/drift.md'],
  ['図の確認ページ（承認・却下）', 'reports/figures/review.html'],
  ['Playwright HTML', 'reports/playwright-html/index.html'],
  ['Cucumber HTML', 'reports/cucumber/report.html'],
  ['Cucumber JSON', 'reports/cucumber/report.json'],
  ['JUnit XML', 'reports/cucumber/junit.xml'],
  ['Allure の結果', 'reports/allure-results/'],
] as const;

const ENDED: Record<FullResult['status'], string> = {
  passed: 'すべてのシナリオが合格しました',
  failed: '不合格のシナリオがあります',
  timedout: '時間切れで終わりました',
  interrupted: '中断されました',
};

/** A label padded to a width in display columns (full-width characters count two). */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));
const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

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
    // drift.md and the review page exist only when this run compared figures (or made notes) and a figure needs a decision.
    const written = REPORTS.filter(([, path]) => !path.startsWith('reports/figures/') || existsSync(path));
    const width = Math.max(...written.map(([label]) => columns(label)));
    const lines = written.map(([label, path]) => `  ${pad(label, width)}  ${path}`);
    console.log(
      `\n適合確認の実行が終わりました: ${ENDED[result.status]}（シナリオの判定。サインオフ報告書の総合判定も見てください）。報告書:\n${lines.join('\n')}`,
    );
  }
}
