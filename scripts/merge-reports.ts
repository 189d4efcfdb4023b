/**
 * Merges the reports of a sharded run (SHARD=<n>/<total> npm run conformance on each machine) into the
 * reports of one whole run, at the usual places under reports/:
 *
 *   1. checks the shards: every blob report's own metadata names its shard (n of total); all of 1..total
 *      must be there, once, each with its Allure results — a merged sign-off of part of the suite would
 *      read as a complete one;
 *   2. gathers the blob reports (reports/blob/shard-<n>/report-<n>.zip) into reports/blob-all/;
 *   3. `npx bddgen`: playwright-bdd's Cucumber reporters read the generated test files while merging;
 *   4. `npx playwright merge-reports --config playwright.config.ts reports/blob-all`: the config, loaded by
 *      merge-reports, keeps the reports of a whole run — Playwright HTML, Cucumber HTML / JSON / JUnit and
 *      the sign-off HTML + PDF — and masks secrets last (playwright.config.ts, support/scale-out.ts);
 *   5. `npx allure generate reports/allure-results/shard-1 … shard-<total>`: one Allure report;
 *   6. scripts/traceability.ts: the traceability table, with the merged results.
 *
 *   node --import tsx scripts/merge-reports.ts [--blobs reports/blob] [--allure reports/allure-results] [--allow-incomplete]
 *
 * Exit status 0 when every step succeeded. Failed scenarios do not fail the merge (the shards' own exit
 * status says that, and the merged reports show which).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';
import { ALLURE_RESULTS, BLOB_ALL, BLOB_ROOT, type Shard } from '../support/scale-out.ts';

const TAG = '[merge-reports]';

export interface BlobReport {
  readonly file: string;
  /** From the blob's metadata; undefined for a blob of an unsharded run. */
  readonly shard: Shard | undefined;
}

function* zips(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* zips(path);
    else if (name.endsWith('.zip')) yield path;
  }
}

/** The shard a blob report says it holds: the first line of its report.jsonl is Playwright's onBlobReportMetadata. */
export function blobShard(file: string): Shard | undefined {
  const entry = new AdmZip(file).getEntry('report.jsonl');
  if (!entry) throw new Error(`${file}: not a Playwright blob report (no report.jsonl)`);
  const text = entry.getData().toString('utf8');
  const newline = text.indexOf('\n');
  const first = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as { method?: string; params?: { shard?: Shard | null } };
  if (first.method !== 'onBlobReportMetadata') throw new Error(`${file}: not a Playwright blob report (no metadata)`);
  return first.params?.shard ?? undefined;
}

/** What is wrong with a set of blob reports as the shards of one run (empty: nothing). */
export function shardProblems(blobs: readonly BlobReport[], allureDirs: ReadonlySet<number>): string[] {
  if (blobs.length === 0) return ['no blob reports found'];
  const unsharded = blobs.filter((b) => !b.shard);
  if (unsharded.length > 0) return unsharded.map((b) => `${b.file}: a blob report of an unsharded run (SHARD was not set)`);
  const totals = new Set(blobs.map((b) => b.shard?.total));
  if (totals.size > 1) return [`the blob reports come from differently sharded runs (totals ${[...totals].join(', ')})`];
  const total = blobs[0]?.shard?.total ?? 0;
  const problems: string[] = [];
  for (let n = 1; n <= total; n++) {
    const found = blobs.filter((b) => b.shard?.current === n);
    if (found.length === 0) problems.push(`shard ${n}/${total}: no blob report`);
    if (found.length > 1) problems.push(`shard ${n}/${total}: ${found.length} blob reports (${found.map((b) => b.file).join(', ')})`);
    if (!allureDirs.has(n)) problems.push(`shard ${n}/${total}: no Allure results (shard-${n} under the Allure results folder)`);
  }
  return problems;
}

function step(title: string, command: string, args: readonly string[]): boolean {
  console.log(`${TAG} ${title}: ${[command, ...args].join(' ')}`);
  const res = spawnSync(command, args, { stdio: 'inherit' });
  if (res.status !== 0) console.error(`${TAG} ${title} failed (exit ${res.status ?? res.signal}).`);
  return res.status === 0;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      blobs: { type: 'string', default: BLOB_ROOT },
      allure: { type: 'string', default: ALLURE_RESULTS },
      'allow-incomplete': { type: 'boolean', default: false },
    },
  });
  if (!existsSync(values.blobs)) {
    console.error(`${TAG} ${values.blobs} does not exist: run the shards first (SHARD=1/2 npm run conformance, …) or download their artifacts.`);
    return 2;
  }
  const blobs: BlobReport[] = [...zips(values.blobs)].map((file) => ({ file, shard: blobShard(file) }));
  const allureShards = existsSync(values.allure)
    ? readdirSync(values.allure)
        .map((name) => /^shard-(\d+)$/.exec(name))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ n: Number(m[1]), dir: join(values.allure, m[0]) }))
        .sort((a, b) => a.n - b.n)
    : [];
  const problems = shardProblems(blobs, new Set(allureShards.map((s) => s.n)));
  if (problems.length > 0) {
    const message = `${TAG} the shards are incomplete:\n${problems.map((p) => `  • ${p}`).join('\n')}`;
    if (!values['allow-incomplete'] || blobs.length === 0) {
      console.error(`${message}\nNothing merged. (--allow-incomplete merges what there is; its sign-off then covers part of the suite.)`);
      return 2;
    }
    console.warn(`${message}\nMerging what there is (--allow-incomplete).`);
  }
  console.log(`${TAG} ${blobs.length} shard(s): ${blobs.map((b) => `${b.shard?.current}/${b.shard?.total} ${relative('.', b.file)}`).join(', ')}`);

  // merge-reports reads the zips of one folder (not its sub-folders) and unpacks them there: a fresh folder each time.
  rmSync(BLOB_ALL, { recursive: true, force: true });
  mkdirSync(BLOB_ALL, { recursive: true });
  for (const { file } of blobs) {
    const target = join(BLOB_ALL, basename(file));
    if (existsSync(target)) {
      console.error(`${TAG} two blob reports are named ${basename(file)}`);
      return 2;
    }
    copyFileSync(file, target);
  }

  // The figure comparison of this run: the drift records of its shards only (support/figures/book.ts runDriftRecords).
  process.env.DRIFT_SHARDS = String(blobs[0]?.shard?.total ?? 0);
  let ok = step('generating the BDD test files', 'npx', ['bddgen']);
  ok =
    step('merging the Playwright, Cucumber and sign-off reports', 'npx', ['playwright', 'merge-reports', '--config', 'playwright.config.ts', BLOB_ALL]) && ok;
  ok = step('building one Allure report from every shard', 'npx', ['allure', 'generate', ...allureShards.map((s) => s.dir), '--config', 'allurerc.mjs']) && ok;
  ok = step('refreshing the traceability table', process.execPath, ['--import', 'tsx', 'scripts/traceability.ts']) && ok;
  console.log(`${TAG} ${ok ? 'done' : 'finished with errors (above)'}. Allure report: reports/allure-report/index.html`);
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
