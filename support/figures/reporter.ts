/**
 * Writes reports/figures/drift.md at the end of a run: per published figure (manual step × device profile),
 * whether it still matches the figure a manual writer approved, from the drift records the run left
 * (support/figures/book.ts). Drift is a finding for the manual writer, not a failed scenario (unless
 * FIGURE_DRIFT=fail, which fails the scenario itself). One summary line on the console. The run's notes for the
 * manual's writer (support/writer-note.ts) follow the figures.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { gatherNotes, type NoteOfRun, noteLine, readNotes, type WriterNote } from '../writer-note.ts';
import { loadManualIndex } from '../manual.ts';
import { type DriftRecord, percent, runDriftRecords } from './book.ts';
import { REVIEW_PAGE, renderReviewPage } from './review.tsx';

export const DRIFT_REPORT = 'reports/figures/drift.md';

const STATUS: Record<DriftRecord['status'], string> = { unchanged: '一致', changed: '**変更あり**', 'no-approved': '承認済みの図なし' };

/** One line for people: how many figures match, changed, lack an approved figure. */
export function driftSummary(records: readonly DriftRecord[]): string {
  if (records.length === 0) return '図の比較: 比較した図はありません（FIGURES=false か、manual/<節>/figures.json のない節だけを実行しました）。';
  const changed = records.filter((r) => r.status === 'changed').length;
  const missing = records.filter((r) => r.status === 'no-approved').length;
  if (changed === 0 && missing === 0) return `図の比較: ${records.length} 枚すべてが承認済みの図と一致しました。`;
  return `図の比較: ${records.length} 枚のうち、更新が必要 ${changed} 枚、承認済みの図なし ${missing} 枚（${DRIFT_REPORT}）。`;
}

/** reports/figures/drift.md: the summary and one row per figure, with links to the images; then the notes for the writer. */
export function driftMarkdown(records: readonly DriftRecord[], file: string = DRIFT_REPORT, notes: readonly NoteOfRun[] = []): string {
  const link = (path: string | undefined, text: string) => (path ? `[${text}](${encodeURI(relative(dirname(file), path).replaceAll('\\', '/'))})` : '—');
  return [
    '# 図の更新が必要な箇所',
    '',
    driftSummary(records),
    '',
    ...(records.some((r) => r.status !== 'unchanged')
      ? ['見比べて承認・却下するには、図の確認ページ [review.html](review.html) を開きます（ダブルクリックで開けます）。', '']
      : []),
    '承認済みの図は `manual/<節>/figures/<ターゲットプロファイル>/<手順>/<プロジェクト>.png`。見比べて今回の図でよければ `npm run figures:approve -- <手順|all>` で置き換えます。',
    '並べた図は左から「承認済み」「今回（変わった範囲を橙色の枠）」「差分（赤が変わった画素）」です。',
    '',
    '| 手順 | 端末 | 結果 | 変わった画素 | 許容 | 承認済み | 今回 | 並べた図 |',
    '|---|---|---|---|---|---|---|---|',
    ...records.map(
      (r) =>
        `| ${r.manualId} ${r.caption} | ${r.project} | ${STATUS[r.status]}${r.sizes ? `（大きさ ${r.sizes.approved} → ${r.sizes.fresh}）` : ''} | ${percent(r.ratio)} | ${percent(r.tolerance)} | ${link(r.status === 'no-approved' ? undefined : r.approved, '承認済み')} | ${link(r.fresh, '今回')} | ${link(r.sideBySide, '並べた図')} |`,
    ),
    '',
    ...(notes.length === 0
      ? []
      : [
          '## マニュアルへの注記',
          '',
          '画面はマニュアルのとおりでしたが、書き添えたほうがよいかもしれない点です（判定には影響しません）。',
          '',
          ...notes.map((n) => `- ${noteLine(n)}（${n.projects.join('、')}）`),
          '',
        ]),
  ].join('\n');
}

/**
 * Writes drift.md and, when a figure needs a decision, the review page (an earlier run's page is removed when none
 * does); prints the summary and where the page is. Both runners call it at the end of a run.
 */
export function writeFigureReports(records: readonly DriftRecord[], notes: readonly NoteOfRun[]): void {
  if (records.length === 0 && notes.length === 0) return;
  mkdirSync(dirname(DRIFT_REPORT), { recursive: true });
  writeFileSync(DRIFT_REPORT, driftMarkdown(records, DRIFT_REPORT, notes));
  const review = renderReviewPage(records, loadManualIndex());
  if (review) writeFileSync(REVIEW_PAGE, review);
  else rmSync(REVIEW_PAGE, { force: true });
  console.log(driftSummary(records));
  if (review) console.log(`図の確認ページ（承認・却下）: ${REVIEW_PAGE}`);
}

export default class FigureDriftReporter implements Reporter {
  readonly #notes: (WriterNote & { project: string })[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    const attachments = result.attachments.map((a) => ({ contentType: a.contentType, body: a.body?.toString('utf8') }));
    for (const note of readNotes(attachments)) this.#notes.push({ ...note, project });
  }

  onEnd(): void {
    writeFigureReports(runDriftRecords(), gatherNotes(this.#notes));
  }

  printsToStdio(): boolean {
    return false;
  }
}
