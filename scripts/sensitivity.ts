/**
 * Sensitivity: proves what the suite catches. Runs the whole suite against one
 * reference app per deviation (playwright.sensitivity.config.ts) and compares,
 * for each deviation, the set of red scenarios × projects with the set the
 * catalogue expects (reference-app/src/deviations.ts): every expected scenario
 * red, nothing else red, and every red message naming a manual step or a
 * security requirement. Writes reports/sensitivity.md. Exit 0 only if all match.
 *
 *   node --import tsx scripts/sensitivity.ts [--deviations a,b] [--projects pc-chromium,sp-android]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEVIATION_IDS, DEVIATIONS, type DeviationId, expectedRed } from '../reference-app/src/deviations.ts';

const { values } = parseArgs({
  options: {
    deviations: { type: 'string' },
    // sp-iphone differs from sp-android only in viewport and user agent (same engine, same side of the
    // PC breakpoint): the conformance run covers it; the sensitivity run keeps to one profile per device class.
    projects: { type: 'string', default: process.env.SENSITIVITY_PROJECTS ?? 'pc-chromium,sp-android' },
    json: { type: 'string', default: 'test-results/sensitivity.json' },
    out: { type: 'string', default: 'reports/sensitivity.md' },
  },
});
const deviations = (values.deviations?.split(',').filter(Boolean) ?? DEVIATION_IDS) as DeviationId[];
const projects = values.projects.split(',').filter(Boolean);

interface Outcome {
  readonly deviation: DeviationId;
  readonly project: string;
  readonly title: string;
  readonly tags: string[];
  readonly red: boolean;
  readonly message: string;
}

/** A red message must say which manual step or requirement failed (see fixtures/manual-check.ts). */
export const NAMES_A_STEP = /マニュアル(の注意)? 3\.3\([^)]+\)\S*|セキュリティ要件 ASVS [\w.]+/;

function run(): { seconds: number; status: number | null } {
  const started = Date.now();
  const gen = spawnSync('npx', ['bddgen'], { stdio: 'inherit' });
  if (gen.status !== 0) return { seconds: 0, status: gen.status };
  const res = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.sensitivity.config.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      SENSITIVITY_DEVIATIONS: deviations.join(','),
      SENSITIVITY_PROJECTS: projects.join(','),
      SENSITIVITY_JSON: values.json,
      STEP_SCREENSHOTS: 'false',
      FIGURES: 'false',
      TARGET_URL: '',
      SENSITIVITY_RUN: '1',
      DEVIATIONS: '',
    },
  });
  return { seconds: (Date.now() - started) / 1000, status: res.status };
}

interface JsonSuite {
  specs?: { title: string; tags: string[]; tests: { projectName: string; status: string; results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: JsonSuite[];
}

function outcomes(file: string): Outcome[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const found: Outcome[] = [];
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const [deviation, project] = t.projectName.split('/') as [DeviationId, string];
        found.push({
          deviation,
          project,
          title: spec.title,
          tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`)),
          // Red = the scenario failed. (The run marks expected reds with test.fail() so that Playwright keeps
          // the worker instead of restarting it after each; t.status then says whether the outcome was expected.)
          red: ['failed', 'timedOut', 'interrupted'].includes(t.results.at(-1)?.status ?? ''),
          message: t.results.at(-1)?.error?.message ?? '',
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const s of report.suites) walk(s);
  return found;
}

const { seconds, status } = run();
let all: Outcome[] = [];
try {
  all = outcomes(values.json);
} catch (error) {
  console.error(`sensitivity: no JSON report at ${values.json} (playwright exit ${status}): ${String(error)}`);
  process.exit(2);
}

const problems: string[] = [];
const rows: string[] = [];
const scenarioKey = (o: Outcome) => `${o.tags.find((t) => /^@(3\.3-|sec-|note-)/.test(t) && !/^@3\.3-note$/.test(t)) ?? o.tags[0]} ${o.title}`;
const scenarios = [...new Set(all.map((o) => `${scenarioKey(o)}\u0000${o.project}`))].sort();
let detected = 0;
for (const id of deviations) {
  const mine = all.filter((o) => o.deviation === id);
  const missed = mine.filter((o) => !o.red && expectedRed(id, o.tags, o.project));
  const collateral = mine.filter((o) => o.red && !expectedRed(id, o.tags, o.project));
  const unnamed = mine.filter((o) => o.red && !NAMES_A_STEP.test(o.message));
  const references = DEVIATIONS[id].references;
  const named = mine.some((o) => o.red && references.some((r) => o.message.includes(r)));
  const red = mine.filter((o) => o.red).length;
  if (mine.length === 0) problems.push(`${id}: no scenario ran`);
  for (const o of missed) problems.push(`${id}: not detected: ${scenarioKey(o)} [${o.project}] stayed green`);
  for (const o of collateral) problems.push(`${id}: collateral: ${scenarioKey(o)} [${o.project}] is red:\n    ${o.message.split('\n').slice(0, 3).join('\n    ')}`);
  for (const o of unnamed) problems.push(`${id}: message names no manual step: ${scenarioKey(o)} [${o.project}]: ${o.message.split('\n')[0]}`);
  if (red > 0 && !named) problems.push(`${id}: no red message names ${references.join(' or ')}`);
  const ok = mine.length > 0 && missed.length === 0 && collateral.length === 0 && unnamed.length === 0 && named && red > 0;
  if (ok) detected++;
  rows.push(`| \`${id}\` | ${DEVIATIONS[id].breaks} | ${references.join(', ')} | ${red} | ${missed.length} | ${collateral.length} | ${ok ? '検出' : '**不一致**'} |`);
}

const cell = (id: DeviationId, key: string) => {
  const [scenario, project] = key.split('\u0000') as [string, string];
  const o = all.find((x) => x.deviation === id && `${scenarioKey(x)}` === scenario && x.project === project);
  if (!o) return ' ';
  const exp = expectedRed(id, o.tags, o.project);
  return o.red ? (exp ? '●' : '✗') : exp ? '△' : '·';
};
const md = [
  '# 感度（sensitivity）: 参照アプリの逸脱を、スイートがどれだけ見つけるか',
  '',
  `実行: ${new Date().toISOString()}、所要 ${seconds.toFixed(0)} 秒、プロジェクト ${projects.join(', ')}、逸脱 ${deviations.length} 件。`,
  `結果: **${detected}/${deviations.length} 件を検出、巻き添えの失敗 ${all.filter((o) => o.red && !expectedRed(o.deviation, o.tags, o.project)).length} 件**。`,
  '',
  '| 逸脱 | 壊すもの | 参照 | 赤 | 見逃し | 巻き添え | 判定 |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  '## 行列（シナリオ × 逸脱）',
  '',
  '● 期待どおり赤、· 期待どおり緑、✗ 巻き添え（期待しない赤）、△ 見逃し（期待した赤が緑）',
  '',
  `| シナリオ | プロジェクト | ${deviations.map((d, i) => `[${i + 1}](#${d})`).join(' | ')} |`,
  `|---|---|${deviations.map(() => '---').join('|')}|`,
  ...scenarios.map((key) => {
    const [scenario, project] = key.split('\u0000');
    return `| ${scenario} | ${project} | ${deviations.map((d) => cell(d, key)).join(' | ')} |`;
  }),
  '',
  ...deviations.map((d, i) => `${i + 1}. <a id="${d}"></a>\`${d}\``),
  '',
  ...(problems.length > 0 ? ['## 問題', '', ...problems.map((p) => `- ${p.replace(/\n/g, ' ')}`)] : []),
  '',
].join('\n');
mkdirSync('reports', { recursive: true });
writeFileSync(values.out, md);

console.log(`\nsensitivity: ${detected}/${deviations.length} deviations detected exactly; ${problems.length} problem(s); ${seconds.toFixed(0)} s; matrix: ${values.out}`);
for (const p of problems) console.log(`  • ${p}`);
process.exit(problems.length === 0 && detected === deviations.length ? 0 : 1);
