/**
 * Manual ↔ feature traceability check (support/traceability.ts), and the report of it.
 *
 *   node --import tsx scripts/traceability.ts [--root <dir>]
 *
 * Prints every drift between manual/<section>/transcript.md and features/**\/*.feature and exits 1 if there is any, 0 otherwise.
 * Writes reports/traceability.md and reports/traceability.html: manual id → sentence → scenarios → the last
 * result per Playwright project, read from reports/cucumber/report.json when a conformance run has written it.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { html } from 'hono/html';
import { DEVICE_TAG, isDeviceClass } from '../support/manual.ts';
import { at, readRunResults, type RunResults, type ScenarioRef, type ScenarioResult, scenarioKey, type TraceResult, trace } from '../support/traceability.ts';

const REPORT_JSON = 'reports/cucumber/report.json';
const STATUS_LABEL: Readonly<Record<string, string>> = {
  passed: '成功',
  failed: '失敗',
  skipped: 'スキップ',
  pending: '保留',
  undefined: '未定義',
  ambiguous: '曖昧',
};

/** The last results, or why there are none. */
interface Runs {
  readonly results: RunResults;
  readonly projects: readonly string[];
  readonly source: string;
}

function readRuns(result: TraceResult): Runs {
  const scenarios = result.links.flatMap((l) => l.scenarios);
  const none = (why: string): Runs => ({ results: new Map(), projects: [], source: why });
  if (!existsSync(REPORT_JSON)) return none(`未実行（${REPORT_JSON} がありません）`);
  try {
    const results = readRunResults(readFileSync(REPORT_JSON, 'utf8'), scenarios);
    const projects = [...new Set([...results.values()].flatMap((m) => [...m.keys()]))].sort();
    const when = statSync(REPORT_JSON).mtime.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
    return { results, projects, source: `${REPORT_JSON}（${when} 更新）` };
  } catch (e) {
    // e.g. a run still writing it (the file is empty until the run ends)
    return none(`未実行扱い（${REPORT_JSON} を読めません: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`);
  }
}

/**
 * The cell of one scenario × project. A project runs only the scenarios of its device tag (playwright.config.ts
 * greps @pc / @sp, and the project names start with pc- / sp-), so the others are 対象外 rather than 未実行.
 */
function cell(runs: Runs, scenario: ScenarioRef, project: string): string {
  const r: ScenarioResult | undefined = runs.results.get(scenarioKey(scenario))?.get(project);
  if (r) return `${STATUS_LABEL[r.status] ?? r.status}${r.runs > 1 ? `（成功 ${r.passed}/${r.runs}）` : ''}`;
  const device = project.split('-')[0] ?? '';
  return isDeviceClass(device) && !scenario.tags.includes(DEVICE_TAG[device]) ? '対象外' : '未実行';
}

/** One row per manual sentence and quoting scenario (a sentence quoted nowhere gets one row too). */
function rows(result: TraceResult) {
  return result.links.flatMap(({ sentence, scenarios }) =>
    (scenarios.length > 0 ? scenarios : [undefined]).map((scenario, i) => ({ sentence, scenario, first: i === 0, span: Math.max(1, scenarios.length) })),
  );
}

function markdown(result: TraceResult, runs: Runs, generated: string): string {
  const columns = runs.projects.length > 0 ? runs.projects : ['結果'];
  const esc = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    '# マニュアルと機能ファイルの対応表',
    '',
    `- 作成: ${generated}`,
    `- 結果: ${runs.source}`,
    '',
    `## 食い違い（${result.problems.length} 件）`,
    '',
    ...(result.problems.length === 0 ? ['ありません。'] : ['```text', result.problems.map((p) => p.message).join('\n\n'), '```']),
    '',
    '## 対応表',
    '',
    `| ID | マニュアルの文 | シナリオ | ${columns.join(' | ')} |`,
    `|---|---|---|${columns.map(() => '---|').join('')}`,
    ...rows(result).map(({ sentence, scenario, first }) => {
      const id = first ? `${sentence.id}<br>\`${at(sentence)}\`` : '';
      const text = first ? esc(sentence.text) : '';
      const where = scenario ? `\`${at(scenario)}\` ${esc(scenario.name)}` : '**（引用なし）**';
      const results = columns.map((p) => (scenario && runs.projects.length > 0 ? cell(runs, scenario, p) : '未実行'));
      return `| ${id} | ${text} | ${where} | ${results.join(' | ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

async function htmlPage(result: TraceResult, runs: Runs, generated: string): Promise<string> {
  const columns = runs.projects.length > 0 ? runs.projects : ['結果'];
  const diff = (p: TraceResult['problems'][number]) =>
    p.diff.map((d) => (d.op === '=' ? d.text : d.op === '-' ? html`<del>${d.text}</del>` : html`<ins>${d.text}</ins>`));
  const problems = result.problems.map(
    (p) => html`<section class="problem">
      <p>${p.message.split('\n')[0]}</p>
      <dl>
        <dt>マニュアル ${p.manual?.id ?? ''}</dt><dd><code>${at(p.manual)}</code> 「${p.manual?.text ?? ''}」</dd>
        <dt>機能ファイル</dt><dd><code>${at(p.feature)}</code> 「${p.feature?.text ?? ''}」</dd>
        <dt>差分</dt><dd class="diff">${diff(p)}</dd>
      </dl>
    </section>`,
  );
  const body = rows(result).map(({ sentence, scenario, first, span }) => {
    const statusCells = columns.map((p) => {
      const text = scenario && runs.projects.length > 0 ? cell(runs, scenario, p) : '未実行';
      const status = Object.entries(STATUS_LABEL).find(([, label]) => text.startsWith(label))?.[0] ?? 'none';
      return html`<td class="status ${status}">${text}</td>`;
    });
    return html`<tr>
      ${first ? html`<td rowspan="${span}"><b>${sentence.id}</b><br /><code>${at(sentence)}</code></td><td rowspan="${span}">${sentence.text}</td>` : ''}
      <td>${scenario ? html`<code>${at(scenario)}</code><br />${scenario.name}` : html`<b class="missing">（引用なし）</b>`}</td>
      ${statusCells}
    </tr>`;
  });
  const page = html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8" />
<title>マニュアルと機能ファイルの対応表</title>
<style>
  body { font-family: "IPAGothic", "Noto Sans JP", sans-serif; margin: 2rem; line-height: 1.6; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; text-align: left; }
  th { background: #eee; }
  code { font-size: .85em; color: #555; }
  .status { white-space: nowrap; }
  .passed { background: #dfd; } .failed, .missing { background: #fdd; } .none { color: #777; }
  .skipped, .pending, .undefined, .ambiguous { background: #ffd; }
  .problem { border-left: 4px solid #c00; padding-left: 1rem; margin-bottom: 1rem; }
  del { background: #fbb; } ins { background: #bfb; text-decoration: none; }
</style>
</head>
<body>
<h1>マニュアルと機能ファイルの対応表</h1>
<p>作成: ${generated}<br />結果: ${runs.source}</p>
<h2>食い違い（${result.problems.length} 件）</h2>
${result.problems.length === 0 ? html`<p>ありません。</p>` : html`<p>差分: <del>マニュアルだけ</del> <ins>機能ファイルだけ</ins></p>${problems}`}
<h2>対応表</h2>
<table>
<thead><tr><th>ID</th><th>マニュアルの文</th><th>シナリオ</th>${columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
<tbody>${body}</tbody>
</table>
</body>
</html>
`;
  return String(await page);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } });
  process.chdir(values.root); // paths in the output and in report.json are relative to the project root
  let result: TraceResult;
  try {
    result = trace({ manualDir: 'manual', featuresDir: 'features' });
  } catch (e) {
    console.error(`マニュアルか機能ファイルを読めません: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const runs = readRuns(result);
  const generated = new Date().toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'traceability.md'), markdown(result, runs, generated));
  writeFileSync(join('reports', 'traceability.html'), await htmlPage(result, runs, generated));
  const quoted = result.links.filter((l) => l.scenarios.length > 0).length;
  for (const p of result.problems) console.log(`${p.message}\n`);
  console.log(
    `マニュアルの文 ${result.links.length} 件（うち機能ファイルに引用あり ${quoted} 件）、食い違い ${result.problems.length} 件。` +
      `\n対応表: reports/traceability.md, reports/traceability.html（結果: ${runs.source}）`,
  );
  return result.problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
