/**
 * Sensitivity: proves what the suite catches. Runs the suite against the reference app with each
 * deviation, in both markups and (where the proof must not lean on the app's records) as a configured
 * target (config.ts, plan.ts beside this file), and compares, for each variant, the
 * set of red scenarios × projects with the set the catalogue expects (every reference-app/src/sections/<section>/deviations.json):
 * every expected scenario red, nothing else red, and every red scenario's recorded finding
 * (support/failure-fact.ts) naming a manual step or a security requirement; the wording of the
 * messages plays no part. Writes reports/sensitivity.md. Exit 0 only if all match.
 *
 * By default each variant runs the scenarios expected red plus a green sample; --full (npm run
 * sensitivity:full) runs every scenario of every variant, which proves the sample misses nothing.
 *
 *   node --import tsx scripts/sensitivity/run.ts [--full] [--deviations a,b] [--settings bundled,hellowork,target] [--projects pc-chromium,sp-android]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEVIATION_IDS, type DeviationId, deviationOf, expectedRed } from '../../reference-app/src/deviations.ts';
import { orStop } from '../../support/cannot-start.ts';
import { loadSensitivitySettings } from '../../support/config.ts';
import { type FailureFact, lastFact } from '../../support/failure-fact.ts';
import { writeVariantFeatures } from './features.ts';
import { GREEN_SAMPLE, judgeVariant, scenarioKey, type Outcome, type VariantSetting, variantOfFile, variants } from './plan.ts';

// The sensitivity settings (SENSITIVITY_*), validated like every other (support/config.ts).
const env = orStop(() => loadSensitivitySettings());

const { values } = parseArgs({
  options: {
    deviations: { type: 'string' },
    settings: { type: 'string', default: 'bundled,hellowork,target' },
    full: { type: 'boolean', default: false },
    // sp-iphone differs from sp-android only in viewport and user agent (same engine, same side of the
    // PC breakpoint): the conformance run covers it; the sensitivity run keeps to one profile per device class.
    projects: { type: 'string', default: env.SENSITIVITY_PROJECTS.join(',') },
    json: { type: 'string', default: 'test-results/sensitivity.json' },
    out: { type: 'string', default: 'reports/sensitivity.md' },
  },
});
const deviations = (values.deviations?.split(',').filter(Boolean) ?? DEVIATION_IDS) as DeviationId[];
const settings = values.settings.split(',').filter(Boolean) as VariantSetting[];
const projects = values.projects.split(',').filter(Boolean);
const plan = variants(deviations, settings, values.full);

/** The settings of the run's configuration (config.ts), for bddgen and Playwright alike. */
const sensitivityEnv: Record<string, string> = {
  SENSITIVITY_DEVIATIONS: deviations.join(','),
  SENSITIVITY_SETTINGS: settings.join(','),
  SENSITIVITY_FULL: values.full ? '1' : '',
  // A press that leads nowhere is red after this long (shorter than a slow answer a deviation may hold back).
  ACTION_TIMEOUT: String(env.SENSITIVITY_ACTION_TIMEOUT),
  SENSITIVITY_PROJECTS: projects.join(','),
  SENSITIVITY_JSON: values.json,
  STEP_SCREENSHOTS: 'false',
  FIGURES: 'false',
  TARGET_URL: '',
  DEVIATIONS: '',
};

function run(): { seconds: number; status: number | null } {
  const started = Date.now();
  writeVariantFeatures(plan);
  const gen = spawnSync('npx', ['bddgen', '-c', 'playwright.sensitivity.config.ts'], { stdio: 'inherit', env: { ...process.env, ...sensitivityEnv } });
  if (gen.status !== 0) return { seconds: 0, status: gen.status };
  const res = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.sensitivity.config.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...sensitivityEnv },
  });
  return { seconds: (Date.now() - started) / 1000, status: res.status };
}

interface JsonAttachment {
  name: string;
  contentType: string;
  body?: string;
}

interface JsonSuite {
  specs?: {
    title: string;
    file: string;
    tags: string[];
    tests: { projectName: string; status: string; results: { status: string; error?: { message?: string }; attachments?: JsonAttachment[] }[] }[];
  }[];
  suites?: JsonSuite[];
}

/** The finding a red scenario recorded (the last one: a scenario stops at its first failed check). */
function factOf(attachments: readonly JsonAttachment[] = []): FailureFact | undefined {
  // Playwright's JSON report carries in-memory attachments' bodies in base64.
  return lastFact(attachments.map((a) => ({ ...a, contentEncoding: 'BASE64' })));
}

function outcomes(file: string): Outcome[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const found: Outcome[] = [];
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        // The variant is the test file's first folder (features.ts: the report's paths are relative to the test
        // directory); the project is the device.
        const variant = variantOfFile(spec.file);
        if (!variant) continue;
        const { key } = variant;
        const project = t.projectName;
        const last = t.results.at(-1);
        found.push({
          variant: key,
          deviation: variant.deviation,
          project,
          title: spec.title,
          tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`)),
          // Red = the scenario failed. (The run marks expected reds with test.fail() so that Playwright keeps
          // the worker instead of restarting it after each; t.status then says whether the outcome was expected.)
          red: ['failed', 'timedOut', 'interrupted'].includes(last?.status ?? ''),
          fact: factOf(last?.attachments),
          message: last?.error?.message ?? '',
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
const scenarios = [...new Set(all.map((o) => `${scenarioKey(o)}\u0000${o.project}`))].sort();
let detected = 0;
for (const { key, deviation: id } of plan) {
  const verdict = judgeVariant(
    key,
    id,
    all.filter((o) => o.variant === key),
  );
  problems.push(...verdict.problems);
  if (verdict.ok) detected++;
  rows.push(
    `| \`${key}\` | ${deviationOf(id).breaks} | ${deviationOf(id).references.join(', ')} | ${verdict.red} | ${verdict.missed} | ${verdict.collateral} | ${verdict.ok ? '検出' : '**不一致**'} |`,
  );
}

const cell = (variant: string, key: string) => {
  const [scenario, project] = key.split('\u0000') as [string, string];
  const o = all.find((x) => x.variant === variant && `${scenarioKey(x)}` === scenario && x.project === project);
  if (!o) return ' ';
  const exp = expectedRed(o.deviation, o.tags, o.project);
  return o.red ? (exp ? '●' : '✗') : exp ? '△' : '·';
};
const keys = plan.map((v) => v.key);
const anchor = (k: string) => k.replace(/@/g, '-');
const md = [
  '# 感度（sensitivity）: 参照アプリの逸脱を、スイートがどれだけ見つけるか',
  '',
  `実行: ${new Date().toISOString()}、所要 ${seconds.toFixed(0)} 秒、プロジェクト ${projects.join(', ')}、逸脱 ${deviations.length} 件 × 設定（${settings.join('、')}）= ${plan.length} 通り。`,
  values.full
    ? '範囲: 全シナリオ（npm run sensitivity:full）。'
    : `範囲: 各通りで、赤になるはずのシナリオと、緑のままであるはずの見本（${GREEN_SAMPLE.join('、')}）。全シナリオは npm run sensitivity:full。`,
  '設定: 無印 = 参照アプリ自身のマークアップ、@hellowork = 実サイトの構造（hellowork プロファイル）、@target = スイートを設定済みの対象として実行（参照アプリの記録を読まない）。',
  `結果: **${detected}/${plan.length} 通りを検出、巻き添えの失敗 ${all.filter((o) => o.red && !expectedRed(o.deviation, o.tags, o.project)).length} 件**。`,
  '',
  '| 逸脱 | 壊すもの | 参照 | 赤 | 見逃し | 巻き添え | 判定 |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  '## 行列（シナリオ × 逸脱）',
  '',
  '● 期待どおり赤、· 期待どおり緑、✗ 巻き添え（期待しない赤）、△ 見逃し（期待した赤が緑）、空欄 = 実行していない',
  '',
  `| シナリオ | プロジェクト | ${keys.map((k, i) => `[${i + 1}](#${anchor(k)})`).join(' | ')} |`,
  `|---|---|${keys.map(() => '---').join('|')}|`,
  ...scenarios.map((key) => {
    const [scenario, project] = key.split('\u0000');
    return `| ${scenario} | ${project} | ${keys.map((k) => cell(k, key)).join(' | ')} |`;
  }),
  '',
  ...keys.map((k, i) => `${i + 1}. <a id="${anchor(k)}"></a>\`${k}\``),
  '',
  ...(problems.length > 0 ? ['## 問題', '', ...problems.map((p) => `- ${p.replace(/\n/g, ' ')}`)] : []),
  '',
].join('\n');
mkdirSync('reports', { recursive: true });
writeFileSync(values.out, md);

console.log(
  `\nsensitivity: ${detected}/${plan.length} variants (${deviations.length} deviations × ${settings.join(', ')}) detected exactly; ${problems.length} problem(s); ${seconds.toFixed(0)} s; matrix: ${values.out}`,
);
for (const p of problems) console.log(`  • ${p}`);
process.exit(problems.length === 0 && detected === plan.length ? 0 : 1);
