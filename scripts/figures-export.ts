/**
 * Writes the manual's figures into one folder, ready to paste into the manual: for every published figure (manual step
 * × device profile) the approved one, else this checkout's last run's (not yet approved), named by step and device,
 * e.g. `<manual id>-sp-android.png`. Lists each with where it came from.
 *
 *   npm run figures:export [-- --out reports/figures/export] [--profile reference]
 *
 * The profile is the target profile whose figures are wanted (approved figures are kept per profile): by default the
 * one the last run compared with, else `reference`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { approvedPath, loadFigurePlans, runDriftRecords } from '../support/figures/book.ts';
import { loadManualIndex } from '../support/manual.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'reports/figures/export' }, profile: { type: 'string' } } });
const records = runDriftRecords();
const profile = values.profile ?? records[0]?.profile ?? 'reference';
const plans = loadFigurePlans(loadManualIndex());

// Every (step, device) with an approved figure for the profile, or a figure from the last run.
const figures = new Map<string, { manualId: string; project: string; file: string; approved: boolean }>();
for (const plan of plans.values()) {
  const dir = join(plan.sectionDir, 'figures', profile, plan.manualId);
  const projects = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];
  for (const project of projects.map((f) => f.replace(/\.png$/, ''))) {
    figures.set(`${plan.manualId}\u0000${project}`, {
      manualId: plan.manualId,
      project,
      file: approvedPath(plan.sectionDir, profile, plan.manualId, project),
      approved: true,
    });
  }
}
for (const r of records.filter((x) => x.profile === profile)) {
  const key = `${r.manualId}\u0000${r.project}`;
  if (!figures.has(key) && existsSync(r.fresh)) figures.set(key, { manualId: r.manualId, project: r.project, file: r.fresh, approved: false });
}

if (figures.size === 0) {
  console.error(`書き出す図がありません（プロファイル ${profile}）。承認済みの図も、直前の実行の図もありません。先に npm run conformance を実行してください。`);
  process.exit(1);
}
rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
const sorted = [...figures.values()].sort((a, b) => a.manualId.localeCompare(b.manualId) || a.project.localeCompare(b.project));
for (const f of sorted) {
  const name = `${f.manualId}-${f.project}.png`;
  copyFileSync(f.file, join(values.out, name));
  console.log(`${name}  ${f.approved ? '承認済み' : '今回の図（未承認）'}: ${relative(process.cwd(), f.file)}`);
}
const pending = sorted.filter((f) => !f.approved).length;
console.log(
  `${sorted.length} 枚を ${values.out} に書き出しました（プロファイル ${profile}${pending > 0 ? `。うち ${pending} 枚は未承認: npm run figures:approve で承認できます` : ''}）。`,
);
