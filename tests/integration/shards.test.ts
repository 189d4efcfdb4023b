/**
 * Sharding and merged reports (README "Sharding and merged reports"). In a sandbox copy of the working
 * tree, two shards of the suite run side by side, each with its own reference app — shard 1 through
 * Playwright's --shard=1/2, shard 2 through SHARD=2/2 as the workflow does — then scripts/merge-reports.ts
 * merges them. Every (project, scenario) of an unsharded listing must appear exactly once in each merged
 * report: Playwright's (as JSON), Cucumber JSON / JUnit, the sign-off, and the Allure results and report.
 *
 * Restricted to --project pc-chromium (11 scenarios), to keep it short: the configuration is fullyParallel, so
 * Playwright shards by scenario and one project already spreads over both shards. Traces are on,
 * to check that no shard's blob carries a password in clear.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AdmZip from 'adm-zip';
import { defaultJobSeeker } from '../../reference-app/src/accounts.ts';
import { DRIFT_DIR, readDriftRecords } from '../../support/figures/book.ts';
import { makeSandbox, type Run } from './helpers/sandbox.ts';

const PROJECT = ['--project', 'pc-chromium'];

interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { projectName: string }[] }[];
  suites?: JsonSuite[];
}

interface Scenario {
  readonly project: string;
  /** Relative to the generated test folder, e.g. 3.3-logout/3.3-1-pc.feature.spec.js. */
  readonly file: string;
  readonly title: string;
}

const key = (s: Scenario) => `${s.project} › ${s.file} › ${s.title}`;

/** Every test of a Playwright JSON report (a listing or a merged run), once per project it ran in. */
function playwrightScenarios(json: string): Scenario[] {
  const report = JSON.parse(json) as { suites: JsonSuite[]; errors: unknown[] };
  assert.deepEqual(report.errors, []);
  const found: Scenario[] = [];
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) found.push({ project: t.projectName, file: spec.file, title: spec.title });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return found;
}

/** The same scenario as the Cucumber reports name it: the feature file and the scenario's name. */
const featureOf = (file: string) => `features/${file.replace(/\.spec\.js$/, '')}`;

function sorted(keys: Iterable<string>): string[] {
  return [...keys].sort();
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const ok = (run: Run, what: string) =>
  assert.equal(run.status, 0, `${what} failed (exit ${run.status}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);

describe('two shards, merged', () => {
  const sb = makeSandbox('shards');
  let expected: Scenario[] = [];
  const timings: string[] = [];
  let mergeOutput = '';
  let shardOutputs = { one: '', two: '' };

  before(async () => {
    ok(sb.run('npx', ['bddgen']), 'bddgen');
    ok(
      sb.run('npx', ['playwright', 'test', '--list', '--reporter=json', ...PROJECT], { PLAYWRIGHT_JSON_OUTPUT_FILE: sb.path('listing.json') }),
      'the unsharded listing',
    );
    expected = playwrightScenarios(readFileSync(sb.path('listing.json'), 'utf8'));
    assert.ok(expected.length >= 2, `expected scenarios to list, found ${expected.length}`);
    assert.equal(new Set(expected.map(key)).size, expected.length, 'the listing names each scenario once');

    const started = Date.now();
    const [one, two] = await Promise.all([
      sb.start('npx', ['playwright', 'test', ...PROJECT, '--trace', 'on', '--shard=1/2']),
      sb.start('npx', ['playwright', 'test', ...PROJECT, '--trace', 'on'], { SHARD: '2/2' }),
    ]);
    timings.push(`shards side by side ${((Date.now() - started) / 1000).toFixed(1)} s (1/2: ${one.seconds.toFixed(1)} s, 2/2: ${two.seconds.toFixed(1)} s)`);
    ok(one, 'shard 1/2');
    ok(two, 'shard 2/2');
    shardOutputs = { one: one.stdout + one.stderr, two: two.stdout + two.stderr };
    assert.match(one.stdout, /shard 1 of 2/);
    assert.match(two.stdout, /shard 2 of 2/);
    // A shard leaves the reports of a whole run to the merge.
    for (const partial of ['reports/playwright-html', 'reports/cucumber', 'reports/signoff'])
      assert.ok(!existsSync(sb.path(partial)), `a shard wrote ${partial}`);

    const merge = sb.run(process.execPath, ['--import', 'tsx', 'scripts/merge-reports.ts']);
    timings.push(`merge ${merge.seconds.toFixed(1)} s`);
    ok(merge, 'scripts/merge-reports.ts');
    mergeOutput = merge.stdout + merge.stderr;
  });

  after(() => {
    console.log(`timings: ${timings.join(', ')}`);
    sb.remove();
  });

  test('each shard wrote its own blob report and Allure results, and both shards ran something', () => {
    for (const n of [1, 2]) {
      const blobs = readdirSync(sb.path(`reports/blob/shard-${n}`)).filter((f) => f.endsWith('.zip'));
      assert.equal(blobs.length, 1, `shard ${n}: ${blobs.join(', ')}`);
      const results = readdirSync(sb.path(`reports/allure-results/shard-${n}`)).filter((f) => f.endsWith('-result.json'));
      assert.ok(results.length > 0, `shard ${n} ran no scenario`);
    }
  });

  test('the merged Playwright report holds every scenario of the unsharded listing exactly once', () => {
    assert.ok(existsSync(sb.path('reports/playwright-html/index.html')));
    // The same blobs, merged once more into Playwright's JSON, to count the tests. (To a file: merge-reports
    // exits without waiting for a piped stdout to drain, which cuts a large JSON short.)
    const file = sb.path('merged.json');
    ok(
      sb.run('npx', ['playwright', 'merge-reports', '--reporter=json', 'reports/blob-all'], { PLAYWRIGHT_JSON_OUTPUT_FILE: file }),
      'merge-reports --reporter=json',
    );
    const merged = playwrightScenarios(readFileSync(file, 'utf8'));
    assert.deepEqual(sorted(merged.map(key)), sorted(expected.map(key)));
  });

  test('the merged Cucumber JSON and JUnit hold every scenario exactly once', () => {
    const features = JSON.parse(readFileSync(sb.path('reports/cucumber/report.json'), 'utf8')) as {
      id: string;
      uri: string;
      elements: { name: string; type: string }[];
    }[];
    // playwright-bdd prefixes the feature's id with the project: "pc-chromium-›-3.3(1)-…".
    const merged = features.flatMap((f) =>
      f.elements.filter((e) => e.type === 'scenario').map((e) => `${f.id.slice(0, f.id.indexOf('-›-'))} › ${f.uri} › ${e.name}`),
    );
    assert.deepEqual(sorted(merged), sorted(expected.map((s) => `${s.project} › ${featureOf(s.file)} › ${s.title}`)));
    const junit = readFileSync(sb.path('reports/cucumber/junit.xml'), 'utf8');
    assert.equal(junit.match(/<testcase /g)?.length, expected.length);
    assert.ok(existsSync(sb.path('reports/cucumber/report.html')));
  });

  test('the sign-off report is built from the merged run: every scenario, once, and its PDF', () => {
    const html = readFileSync(sb.path('reports/signoff/index.html'), 'utf8');
    const text = html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`シナリオ: 合格 ${expected.length}・不合格 0・スキップ 0（全 ${expected.length} 件）`));
    // One project of three was run (--project pc-chromium): nothing failed, part of the configuration was not run.
    assert.match(text, /総合判定 一部のみ確認/);
    assert.match(text, /設定にある端末のうち 2 台（sp-android、sp-iphone）では実行していません/);
    for (const s of expected) assert.ok(html.includes(s.title), `the sign-off does not name ${s.title}`);
    assert.ok(statSync(sb.path('reports/signoff/signoff.pdf')).size > 10_000, 'no PDF of the sign-off');
  });

  test('one Allure report from both shards: every scenario exactly once', () => {
    const results = [1, 2].flatMap((n) =>
      readdirSync(sb.path(`reports/allure-results/shard-${n}`))
        .filter((f) => f.endsWith('-result.json'))
        .map(
          (f) =>
            JSON.parse(readFileSync(sb.path(`reports/allure-results/shard-${n}`, f), 'utf8')) as {
              name: string;
              fullName: string;
              labels: { name: string; value: string }[];
            },
        ),
    );
    const merged = results.map((r) => `${r.labels.find((l) => l.name === 'parentSuite')?.value} › ${r.fullName.split(' › ')[0]} › ${r.name}`);
    assert.deepEqual(sorted(merged), sorted(expected.map(key)));
    assert.ok(existsSync(sb.path('reports/allure-report/index.html')));
    const summary = JSON.parse(readFileSync(sb.path('reports/allure-report/summary.json'), 'utf8')) as { stats: { total: number; passed: number } };
    assert.deepEqual(summary.stats, { total: expected.length, passed: expected.length });
    const inReport = Object.values(
      (JSON.parse(readFileSync(sb.path('reports/allure-report/test-results.json'), 'utf8')) as { byId: Record<string, { name: string }> }).byId,
    ).map((t) => t.name);
    assert.deepEqual(sorted(inReport), sorted(expected.map((s) => s.title)));
  });

  test("the figure comparison is written once, by the merge, from both shards' figures", () => {
    // A shard sees only its own figures (the other may still be running): it leaves drift.md to the merge.
    for (const run of [shardOutputs.one, shardOutputs.two]) assert.doesNotMatch(run, /図の比較/, 'a shard wrote the figure comparison');
    const records = readDriftRecords(sb.path(DRIFT_DIR));
    assert.ok(records.length > 0, 'the shards compared no figure');
    assert.match(mergeOutput, new RegExp(`図の比較: ${records.length} 枚すべてが承認済みの図と一致しました。`));
    const md = readFileSync(sb.path('reports/figures/drift.md'), 'utf8');
    for (const r of records)
      assert.ok(md.includes(`| ${r.manualId} ${r.caption} | ${r.project} | 一致 |`), `drift.md has no row for ${r.manualId} on ${r.project}`);
  });

  test("no shard's blob report carries the password or PIN, traces inside it included", () => {
    const seeker = defaultJobSeeker();
    const needles = [seeker.password, encodeURIComponent(seeker.password), `"${seeker.mynaportal.pin}"`, `pin=${seeker.mynaportal.pin}`];
    const hits: string[] = [];
    let traces = 0;
    const look = (where: string, zip: AdmZip) => {
      for (const entry of zip.getEntries()) {
        if (entry.isDirectory) continue;
        const data = entry.getData();
        if (entry.entryName.endsWith('.zip')) {
          traces++;
          look(`${where}!${entry.entryName}`, new AdmZip(data));
          continue;
        }
        const text = data.toString('utf8');
        for (const needle of needles) if (text.includes(needle)) hits.push(`${where}!${entry.entryName}: ${needle}`);
      }
    };
    for (const file of filesUnder(sb.path('reports/blob'))) if (file.endsWith('.zip')) look(file, new AdmZip(file));
    assert.ok(traces >= expected.length, `expected a trace per scenario in the blobs, found ${traces}`);
    assert.deepEqual(hits, []);
  });

  test('the merge refuses incomplete shards, naming the missing one', () => {
    renameSync(sb.path('reports/blob/shard-2'), sb.path('reports/shard-2-elsewhere'));
    const merge = sb.run(process.execPath, ['--import', 'tsx', 'scripts/merge-reports.ts']);
    assert.equal(merge.status, 2, merge.stdout + merge.stderr);
    assert.match(merge.stderr, /shard 2\/2: no blob report/);
    assert.match(merge.stderr, /Nothing merged/);
  });
});
