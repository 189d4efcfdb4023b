/**
 * `npm run bench`: what the runners cost over the browser work they drive.
 *
 * In one run, alternating (a), (b), (c) and (d) in every round, --runs rounds (default 3):
 *   (a) playwright-bdd: bddgen + reference app start + every scenario × device profile (the `conformance` script);
 *   (b) cucumber-js: the same features and step bodies (`conformance:cucumber`);
 *   (c) the floor: a plain Playwright script doing the same browser work with as many lanes side by side as (a) has
 *       workers (scripts/bench/floor.ts), so that (a)/(c) measures the runner, not the parallelism;
 *   (d) scaling: playwright-bdd with --repeat-each 1, 2, 4 on --scaling-profiles (default pc-chromium).
 * Prints medians, `ratio: N.NN` for (a)/(c) and the (a)/(b) figure, then (unless --no-profile) one run
 * of each variant of (a) that removes one cost (traces, step screenshots, reporters, a worker), the
 * runner's start-up, the sequential floor (one lane), and UI login against a session made over HTTP, to say where the time goes.
 * Results: reports/bench/bench.md and bench.json; each child's output in reports/bench/logs/.
 *
 *   npm run bench                      3 rounds + profile (README "Benchmark" says how long each takes)
 *   npm run bench -- --runs 1 --no-profile --no-scaling    a quick look
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countOfOneOrMore } from '../reference-app/src/shared/whole-number.ts';
import { loadPickles } from '../support/manual.ts';
import { CHROMIUM_PROFILES } from '../support/devices.ts';
import type { Phases } from './bench/phases.ts';
import { runMain } from './run-main.ts';

const OUT = 'reports/bench';
const LOGS = join(OUT, 'logs');

interface RunResult {
  readonly ms: number;
  /** When the child started and exited, ms since the epoch (to place the phases reporter's times). */
  readonly startedAt: number;
  readonly exitedAt: number;
  readonly code: number;
  readonly output: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export const ratio = (a: number, b: number) => (a / b).toFixed(2);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Least-squares line through (x, y): the marginal cost per scenario and the fixed cost. */
export function fitLine(points: readonly (readonly [number, number])[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** A child process's wall time. The bundled app's ports are left unset: each run picks fresh ones. */
function run(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const childEnv = { ...process.env, ...env };
  for (const key of ['HELLOWORK_PORT', 'MYNAPORTAL_PORT']) if (!(key in env)) delete childEnv[key];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startedAt = Date.now();
    const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      writeFileSync(join(LOGS, `${label}.log`), output);
      process.stdout.write(`  ${label.padEnd(28)} ${sec(ms).padStart(8)}${code === 0 ? '' : `  exit ${code} (see ${join(LOGS, `${label}.log`)})`}\n`);
      resolve({ ms, code: code ?? 1, output, startedAt, exitedAt: Date.now() });
    });
  });
}

const BIN = 'node_modules/.bin';
const node = (script: string, ...args: string[]) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;

/** Where (a)'s wall time goes: bddgen; start-up (config, app, workers, browsers) up to the first scenario; the scenarios; reports and exit. */
interface RunPhases {
  readonly bddgen: number;
  readonly startUp: number;
  readonly scenarios: number;
  readonly reports: number;
}

/** (a): the `conformance` script's two commands, timed together, and its phases (scripts/bench/phases.ts). */
async function playwrightBdd(
  label: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult & { bddgenMs: number; phases?: RunPhases }> {
  const gen = await run(`${label}-bddgen`, `${BIN}/bddgen`, [], env);
  const file = join(LOGS, `${label}-phases.json`);
  const test = await run(label, `${BIN}/playwright`, ['test', ...args], { ...env, BENCH_PHASES: file });
  let phases: RunPhases | undefined;
  if (existsSync(file)) {
    const p = JSON.parse(readFileSync(file, 'utf8')) as Phases;
    phases = { bddgen: gen.ms, startUp: p.firstTest - test.startedAt, scenarios: p.lastTestEnd - p.firstTest, reports: test.exitedAt - p.lastTestEnd };
  }
  return { ...test, ms: gen.ms + test.ms, code: gen.code || test.code, bddgenMs: gen.ms, ...(phases ? { phases } : {}) };
}

/** The phases' medians over the rounds, each with its share of their sum. */
function phaseShares(all: readonly RunPhases[]): string {
  const names: [keyof RunPhases, string][] = [
    ['bddgen', 'bddgen'],
    ['startUp', 'start-up (config, app, workers, browsers)'],
    ['scenarios', 'scenarios'],
    ['reports', 'reports and exit'],
  ];
  const medians = names.map(([key, name]) => [name, median(all.map((p) => p[key]))] as const);
  const total = medians.reduce((n, [, ms]) => n + ms, 0);
  return medians.map(([name, ms]) => `${name} ${sec(ms)} (${Math.round((100 * ms) / total)} %)`).join('; ');
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'no-profile': { type: 'boolean', default: false },
      'no-scaling': { type: 'boolean', default: false },
      'scaling-profiles': { type: 'string', default: 'pc-chromium' },
    },
  });
  const runs = countOfOneOrMore('--runs', values.runs);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });

  const pickles = loadPickles();
  const scenarioRuns = CHROMIUM_PROFILES.reduce((n, p) => n + pickles.filter((k) => k.tags.some((t) => t.name === p.tag)).length, 0);
  const scalingProfiles = values['scaling-profiles'].split(',');
  const scalingBase = CHROMIUM_PROFILES.filter((p) => scalingProfiles.includes(p.name)).reduce(
    (n, p) => n + pickles.filter((k) => k.tags.some((t) => t.name === p.tag)).length,
    0,
  );
  const repeats = values['no-scaling'] ? [] : [1, 2, 4];

  const a: number[] = [];
  const bddgen: number[] = [];
  const phases: RunPhases[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const floorParts: { appStartMs: number; launchMs: number }[] = [];
  const d = new Map<number, number[]>(repeats.map((r) => [r, []]));
  const failures: string[] = [];
  const check = <R extends RunResult>(label: string, r: R): R => {
    if (r.code !== 0) failures.push(`${label}: exit ${r.code}`);
    return r;
  };

  console.log(
    `Benchmark: ${runs} round(s), alternating; ${scenarioRuns} scenario runs per suite (${pickles.length} scenarios on ${CHROMIUM_PROFILES.length} device profiles by tag).`,
  );
  for (let i = 1; i <= runs; i++) {
    console.log(`round ${i}/${runs}`);
    const ra = check(`a-${i}`, await playwrightBdd(`a-playwright-bdd-${i}`));
    a.push(ra.ms);
    bddgen.push(ra.bddgenMs);
    if (ra.phases) phases.push(ra.phases);
    b.push(check(`b-${i}`, await run(`b-cucumber-js-${i}`, ...node('scripts/conformance-cucumber.ts'))).ms);
    const rc = check(`c-${i}`, await run(`c-floor-${i}`, ...node('scripts/bench/floor.ts')));
    c.push(rc.ms);
    const floorLine = rc.output.split('\n').find((l) => l.startsWith('{"scenarios"'));
    if (floorLine) floorParts.push(JSON.parse(floorLine) as { appStartMs: number; launchMs: number });
    for (const r of repeats) {
      const rd = check(`d-${r}x-${i}`, await playwrightBdd(`d-scaling-${r}x-${i}`, [`--repeat-each=${r}`], { PROJECTS: scalingProfiles.join(',') }));
      d.get(r)?.push(rd.ms);
    }
  }

  const A = median(a);
  const B = median(b);
  const C = median(c);
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  say();
  say(`## Medians over ${runs} run(s) (wall time, this machine: 2 cores)`);
  say();
  say(
    `(a) playwright-bdd (bddgen + app + all): ${sec(A)}  ${sec(A / scenarioRuns)}/scenario   runs: ${a.map(sec).join(', ')}   (bddgen ${sec(median(bddgen))})`,
  );
  if (phases.length > 0) say(`    (a) by phase, medians: ${phaseShares(phases)}`);
  say(`(b) cucumber-js (app + all):             ${sec(B)}  ${sec(B / scenarioRuns)}/scenario   runs: ${b.map(sec).join(', ')}`);
  say(
    `(c) floor, plain script, same lanes:     ${sec(C)}  ${sec(C / scenarioRuns)}/scenario   runs: ${c.map(sec).join(', ')}` +
      (floorParts.length > 0
        ? `   (app start ${sec(median(floorParts.map((f) => f.appStartMs)))}, browser launch ${sec(median(floorParts.map((f) => f.launchMs)))})`
        : ''),
  );
  if (repeats.length > 0) {
    const points = repeats.map((r) => [scalingBase * r, median(d.get(r) ?? [])] as const);
    const line = fitLine(points);
    say(
      `(d) scaling, playwright-bdd on ${scalingProfiles.join('+')}: ` +
        points.map(([n, ms], k) => `${repeats[k]}× ${n} scenarios ${sec(ms)} (${sec(ms / n)}/scenario)`).join('; ') +
        `; marginal ${sec(line.slope)}/scenario, fixed ${sec(line.intercept)}`,
    );
  }
  say();
  say(`ratio: ${ratio(A, C)}`);
  say(`(a)/(b): ${ratio(A, B)}`);
  say(`targets: (a)/(c) ≤ 1.3 ${A / C <= 1.3 ? 'met' : 'NOT met'}; (a) faster than (b) ${A < B ? 'met' : 'NOT met'}`);

  const profile: Record<string, number> = {};
  if (!values['no-profile']) {
    say();
    say('## Where the time goes (one run each; compare with (a))');
    say();
    const variants: [string, string[], NodeJS.ProcessEnv][] = [
      ['no traces (--trace=off)', ['--trace=off'], {}],
      ['no step screenshots', [], { STEP_SCREENSHOTS: 'false' }],
      ['no reporters (--reporter=dot)', ['--reporter=dot'], {}],
      ['none of the three', ['--trace=off', '--reporter=dot'], { STEP_SCREENSHOTS: 'false' }],
      ['1 worker (WORKERS=1)', [], { WORKERS: '1' }],
    ];
    for (const [name, args, env] of variants) {
      const r = check(`profile ${name}`, await playwrightBdd(`p-${name.replace(/[^a-z0-9]+/gi, '-')}`, args, env));
      profile[name] = r.ms;
      say(`${`(a) ${name}`.padEnd(36)} ${sec(r.ms).padStart(8)}  (${r.ms < A ? '−' : '+'}${sec(Math.abs(A - r.ms))} against (a))`);
    }
    const seq = check('profile b 1 process', await run('p-b-one-process-at-a-time', ...node('scripts/conformance-cucumber.ts'), { WORKERS: '1' }));
    profile['(b) one profile process at a time'] = seq.ms;
    say(
      `${'(b) one process at a time (WORKERS=1)'.padEnd(36)} ${sec(seq.ms).padStart(8)}  (${seq.ms < B ? '−' : '+'}${sec(Math.abs(B - seq.ms))} against (b))`,
    );
    const sequential = check('profile sequential floor', await run('p-floor-sequential', ...node('scripts/bench/floor.ts', '--concurrency', '1')));
    profile['(c) sequential floor (one lane)'] = sequential.ms;
    say(`${'(c) sequential floor (--concurrency 1)'.padEnd(36)} ${sec(sequential.ms).padStart(8)}`);
    say(`${'(a) with 1 worker / sequential floor'.padEnd(36)} ${ratio(profile['1 worker (WORKERS=1)'] ?? Number.NaN, sequential.ms).padStart(8)}`);
    const list = await run('p-runner-start', `${BIN}/playwright`, ['test', '--list', '--reporter=null']);
    profile['runner start (config + collection, --list)'] = list.ms;
    say(`${'(a) runner start (--list)'.padEnd(36)} ${sec(list.ms).padStart(8)}`);
    const login = check('login comparison', await run('p-login', ...node('scripts/bench/floor.ts', '--login-comparison')));
    const loginLine = login.output.split('\n').find((l) => l.startsWith('{"login"'));
    if (loginLine) {
      const l = JSON.parse(loginLine) as { login: { uiMs: number; httpMs: number; samples: number }; steps: Record<string, number> };
      say(`${'login through the UI'.padEnd(36)} ${`${l.login.uiMs} ms`.padStart(8)}  median of ${l.login.samples}`);
      say(`${'session made over HTTP'.padEnd(36)} ${`${l.login.httpMs} ms`.padStart(8)}  (then open My Page)`);
      say('');
      say('Browser work by step (floor, one run of every scenario × profile, total ms):');
      for (const [step, ms] of Object.entries(l.steps).sort(([, x], [, y]) => y - x)) say(`  ${String(ms).padStart(6)}  ${step}`);
    }
  }
  if (failures.length > 0) {
    say();
    say(`Runs that failed (their times still count, read with care): ${failures.join('; ')}`);
  }
  writeFileSync(join(OUT, 'bench.md'), `# npm run bench\n\n${lines.join('\n')}\n`);
  writeFileSync(
    join(OUT, 'bench.json'),
    JSON.stringify(
      { runs, scenarioRuns, a, b, c, bddgen, phases, floorParts, d: Object.fromEntries(d), profile, ratio: A / C, aOverB: A / B, failures },
      null,
      2,
    ),
  );
  console.log(`\nWritten: ${join(OUT, 'bench.md')}, ${join(OUT, 'bench.json')}`);
  return failures.length === 0 ? 0 : 1;
}

runMain(import.meta, main);
