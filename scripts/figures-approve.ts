/**
 * Approves figures: copies this run's published figures over the approved ones in their section folders
 * (manual/<section>/figures/<target profile>/<manual id>/<project>.png) and records who approved each, when, against
 * which manual revision (approvals.json beside them, support/figures/approvals.ts). Reads the drift records of the
 * last run (reports/figures/drift/): run `npm run conformance` (or `npm run figures`) first; nothing is re-run.
 *
 *   npm run figures:approve -- --from figure-decisions.json   the decisions saved on the review page (review.html):
 *                                                            exactly the approved figures, as the reviewer saw them
 *   npm run figures:approve -- all --by <name>                every figure the last run compared
 *   npm run figures:approve -- '<manual id>' --by <name> [--project pc-chromium]
 *
 * Without --by, the name is git's user.name.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DecisionsSchema, fileHash, recordApproval } from '../support/figures/approvals.ts';
import { type DriftRecord, loadFigurePlans, runDriftRecords } from '../support/figures/book.ts';
import { loadManualIndex } from '../support/manual.ts';
import { manualRevisionOf } from '../support/reporters/signoff/facts.ts';

const REJECTED_REPORT = 'reports/figures/rejected.md';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { project: { type: 'string', multiple: true }, from: { type: 'string' }, by: { type: 'string' } },
});
const records = runDriftRecords();
const index = loadManualIndex();
const plans = loadFigurePlans(index);

/** The revision of the transcript a figure belongs to. */
function revisionOf(manualId: string): string | undefined {
  const plan = plans.get(manualId);
  const manual = plan && index.manuals.find((m) => dirname(m.file) === plan.sectionDir);
  return manual ? manualRevisionOf(manual.file).revision : undefined;
}

function approve(r: DriftRecord, by: string, comment?: string): void {
  mkdirSync(dirname(r.approved), { recursive: true });
  copyFileSync(r.fresh, r.approved);
  const revision = revisionOf(r.manualId);
  recordApproval(r.approved, r.manualId, r.project, {
    approvedBy: by,
    approvedAt: new Date().toISOString(),
    ...(revision ? { manualRevision: revision } : {}),
    ...(r.ratio !== undefined && r.status !== 'no-approved' ? { ratio: r.ratio } : {}),
    ...(comment ? { comment } : {}),
    figure: fileHash(r.approved),
  });
  console.log(
    `承認: ${r.manualId} ${r.project}（${r.status === 'unchanged' ? '変更なし' : r.status === 'changed' ? '変更あり' : '新規'}）→ ${r.approved}（${by}）`,
  );
}

function gitUser(): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

if (values.from) {
  const file = values.from;
  const parsed = DecisionsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.error(`${file}: 図の確認ページが保存した決定のファイルではありません: ${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const { reviewer, decisions } = parsed.data;
  // Every decision must name a figure of the last run, unchanged since the reviewer saw it: else nothing is applied.
  const problems: string[] = [];
  const found = decisions.map((d) => {
    const r = records.find((x) => x.manualId === d.manualId && x.project === d.project && x.profile === d.profile);
    if (!r || !existsSync(r.fresh)) problems.push(`${d.manualId} ${d.project}: 直前の実行にこの図がありません（別の実行の決定ですか）`);
    else if (fileHash(r.fresh) !== d.figure)
      problems.push(`${d.manualId} ${d.project}: 確認したあとで図が変わっています（もう一度実行しましたか）。図の確認ページを開き直してください`);
    return { d, r };
  });
  if (problems.length > 0) {
    console.error(`${file} の決定を反映できません。何も変えていません:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  const rejected = found.filter(({ d }) => d.decision === 'reject');
  for (const { d, r } of found) if (d.decision === 'approve' && r) approve(r, reviewer, d.comment);
  if (rejected.length > 0) {
    const lines = rejected.map(({ d, r }) => `- ${d.manualId} ${d.project}: ${r?.caption ?? ''}${d.comment ? `（${d.comment}）` : ''}`);
    mkdirSync(dirname(REJECTED_REPORT), { recursive: true });
    writeFileSync(
      REJECTED_REPORT,
      [
        '# 却下された図（サイトが変わり、マニュアルと合っていません）',
        '',
        `${reviewer} が図の確認ページで却下しました。サイトかマニュアルのどちらを直すかを決めてください（承認済みの図はそのままです）。`,
        '',
        ...lines,
        '',
      ].join('\n'),
    );
    console.log(`却下（サイトが変わり、マニュアルと合っていません。QA へ）:\n${lines.map((l) => `  ${l.slice(2)}`).join('\n')}\n→ ${REJECTED_REPORT}`);
  }
  const approved = found.length - rejected.length;
  console.log(
    `${approved} 枚を承認し、${rejected.length} 枚を却下しました（${reviewer}）。承認した図と ${join('manual', '<節>', 'figures', '<プロファイル>', 'approvals.json')} をコミットしてください。`,
  );
  process.exit(0);
}

const wanted = positionals[0];
if (!wanted) {
  console.error(
    '使い方: npm run figures:approve -- --from <図の確認ページで保存したファイル>　または　npm run figures:approve -- <手順の ID|all> [--project <名前>] [--by <名前>]',
  );
  process.exit(2);
}
const by = values.by ?? gitUser();
if (!by) {
  console.error('承認者の名前がありません: --by <名前> を付けてください（git の user.name もありません）。');
  process.exit(2);
}
const chosen = records.filter((r) => (wanted === 'all' || r.manualId === wanted) && (!values.project || values.project.includes(r.project)));
if (chosen.length === 0) {
  console.error(
    `承認する図がありません: ${wanted}${values.project ? `（${values.project.join(', ')}）` : ''}。先に npm run conformance か npm run figures を実行してください。`,
  );
  process.exit(1);
}
for (const r of chosen) approve(r, by);
console.log(`${chosen.length} 枚を承認しました（${by}）。承認した図と approvals.json をコミットしてください。`);
