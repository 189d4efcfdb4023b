/**
 * Approves figures: copies this run's published figures over the approved ones in their section folders
 * (manual/<section>/figures/<target profile>/<manual id>/<project>.png), after a person looked at them.
 * Reads the drift records of the last run (reports/figures/drift/), so run `npm run conformance` (or
 * `npm run figures`) first.
 *
 *   npm run figures:approve -- all            every figure the last run compared
 *   npm run figures:approve -- '<manual id>'  one manual step, e.g. the id of a numbered step in a transcript (every device profile)
 *   npm run figures:approve -- '<manual id>' --project pc-chromium
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readDriftRecords } from '../support/figures/book.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { project: { type: 'string', multiple: true } } });
const wanted = positionals[0];
if (!wanted) {
  console.error('使い方: npm run figures:approve -- <手順の ID|all> [--project <名前>]');
  process.exit(2);
}
const records = readDriftRecords().filter((r) => (wanted === 'all' || r.manualId === wanted) && (!values.project || values.project.includes(r.project)));
if (records.length === 0) {
  console.error(
    `承認する図がありません: ${wanted}${values.project ? `（${values.project.join(', ')}）` : ''}。先に npm run conformance か npm run figures を実行してください。`,
  );
  process.exit(1);
}
for (const r of records) {
  mkdirSync(dirname(r.approved), { recursive: true });
  copyFileSync(r.fresh, r.approved);
  console.log(`承認: ${r.manualId} ${r.project}（${r.status === 'unchanged' ? '変更なし' : r.status === 'changed' ? '変更あり' : '新規'}）→ ${r.approved}`);
}
console.log(`${records.length} 枚を承認しました。git diff で確かめてからコミットしてください。`);
