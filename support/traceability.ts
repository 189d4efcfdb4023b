/**
 * Traceability between the manual transcript (manual/<section>/transcript.md) and the features (features/**\/*.feature).
 *
 * Rules (all text compared after normalizeText):
 *  (a) every numbered step and 注意 sentence of the manual appears verbatim in a feature or scenario that
 *      carries the section's tag, as a step text or inside one line of a (feature, rule or scenario) description;
 *  (b) every step that claims to quote the manual (its text ends with 「。」, as the manual's sentences do) in a
 *      feature or scenario carrying a manual section tag is a sentence of one of its sections; the sections of a
 *      scenario are its own section tags plus, for a section that applies to several kinds of device, the procedure
 *      sections of its device tags (ManualIndex.sectionsFor: a 注意 scenario may log out by the procedure of its device).
 * Drift either way is reported with both texts, both file:line locations and a character diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Scenario, type Step, type Tag } from '@cucumber/messages';
import { z } from 'zod';
import { loadManualIndex, type ManualSentence, normalizeText } from './manual.ts';

/** A scenario (or scenario outline) of a feature file. */
export interface ScenarioRef {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  /** Tags of the feature, rule and scenario. */
  readonly tags: readonly string[];
  /** Its own line and the line of every Examples row: a report names an outline's runs by the row's line. */
  readonly lines: readonly number[];
}

/** A text of a feature file that may quote the manual: a step, or one line of a description. */
export interface FeatureText {
  readonly kind: 'step' | 'description';
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly tags: readonly string[];
  /** The scenarios it belongs to (a background step or a feature description: every scenario below it). */
  readonly scenarios: readonly ScenarioRef[];
}

/** One piece of a character diff: kept, only in the manual (-), or only in the feature (+). */
export interface DiffPart {
  readonly op: '=' | '-' | '+';
  readonly text: string;
}

export interface TraceProblem {
  /** unquoted: rule (a); unknown-step: rule (b); mismatch: both, about the same pair of texts. */
  readonly kind: 'unquoted' | 'unknown-step' | 'mismatch';
  /** The manual sentence concerned (for unknown-step: the nearest one, if the manual has any). */
  readonly manual: ManualSentence | undefined;
  /** The feature text concerned (for unquoted: the nearest one, if any). */
  readonly feature: FeatureText | undefined;
  readonly diff: readonly DiffPart[];
  /** Several readable lines (Japanese), as printed by scripts/traceability.ts. */
  readonly message: string;
}

/** A manual sentence and the scenarios that quote it. */
export interface TraceLink {
  readonly sentence: ManualSentence;
  readonly scenarios: readonly ScenarioRef[];
}

export interface TraceResult {
  readonly links: readonly TraceLink[];
  readonly problems: readonly TraceProblem[];
}

export interface TraceOptions {
  readonly manualDir: string;
  readonly featuresDir: string;
}

/** Checks rules (a) and (b) over the two directories. */
export function trace({ manualDir, featuresDir }: TraceOptions): TraceResult {
  const index = loadManualIndex(undefined, { manualDir, featuresDir });
  const sectionTags = new Set(index.sections().map((s) => s.tag));
  const texts = loadFeatureTexts(featuresDir);
  const own = (t: FeatureText) => t.tags.filter((tag) => sectionTags.has(tag));
  /** Own section tags plus the procedure sections of the device tags. */
  const reach = (t: FeatureText) => index.sectionsFor(t.tags).map((s) => s.tag);
  const quotes = (t: FeatureText, s: ManualSentence) =>
    t.kind === 'step' ? normalizeText(t.text) === normalizeText(s.text) : normalizeText(t.text).includes(normalizeText(s.text));

  const links: TraceLink[] = [];
  const unquoted: TraceProblem[] = [];
  for (const section of index.sections()) {
    const tagged = texts.filter((t) => own(t).includes(section.tag));
    for (const sentence of section.sentences) {
      const quoting = texts.filter((t) => reach(t).includes(section.tag) && quotes(t, sentence));
      links.push({ sentence, scenarios: unique(quoting.flatMap((t) => t.scenarios)) });
      if (tagged.some((t) => quotes(t, sentence))) continue;
      const near = nearest(sentence.text, tagged.length > 0 ? tagged : texts, (t) => t.text);
      unquoted.push(problem('unquoted', sentence, near, `タグ ${section.tag}`));
    }
  }

  const unknown: TraceProblem[] = [];
  for (const step of texts) {
    if (step.kind !== 'step' || own(step).length === 0 || !normalizeText(step.text).endsWith('。')) continue;
    const allowed = index.sections().filter((s) => reach(step).includes(s.tag));
    const sentences = allowed.flatMap((s) => s.sentences);
    if (sentences.some((s) => quotes(step, s))) continue;
    const near = nearest(step.text, sentences.length > 0 ? sentences : index.sections().flatMap((s) => s.sentences), (s) => s.text);
    unknown.push(problem('unknown-step', near, step, allowed.map((s) => s.tag).join('、')));
  }

  // One drift usually breaks both rules for the same pair of texts: report it once.
  const problems = unquoted.map((a) => {
    const twin = unknown.find((b) => b.feature === a.feature && b.manual === a.manual);
    if (!twin) return a;
    unknown.splice(unknown.indexOf(twin), 1);
    return problem('mismatch', a.manual, a.feature, `タグ ${a.manual?.section.tag}`);
  });
  return { links, problems: [...problems, ...unknown] };
}

/** file:line, as printed in problems and reports. */
export function at(x: { readonly file: string; readonly line: number } | undefined): string {
  return x ? `${x.file}:${x.line}` : '（なし）';
}

function problem(kind: TraceProblem['kind'], manual: ManualSentence | undefined, feature: FeatureText | undefined, where: string): TraceProblem {
  const diff = diffChars(manual?.text ?? '', feature?.text ?? '');
  const id = manual?.id ?? '（なし）';
  const head = {
    unquoted: `マニュアル ${id} の文が、${where} の機能・シナリオの手順文にも説明にも一字一句そのままでは見つかりません。`,
    'unknown-step': `機能ファイルの手順文は「。」で終わるのでマニュアルの引用とみなしますが、${where} のどの文とも一致しません。`,
    mismatch: `マニュアル ${id} と機能ファイルの手順文が一致しません（${where}）。`,
  }[kind];
  const manualLabel = kind === 'unknown-step' ? `最も近いマニュアルの文 ${id}` : `マニュアル ${id}`;
  const featureLabel = kind === 'unquoted' ? '最も近い機能ファイルの記述' : '機能ファイル';
  const message = [
    head,
    `  ${manualLabel}: ${at(manual)} 「${manual?.text ?? ''}」`,
    `  ${featureLabel}: ${at(feature)} 「${feature?.text.trim() ?? ''}」`,
    `  差分（[-…-] マニュアルだけ、{+…+} 機能ファイルだけ）: ${formatDiff(diff)}`,
  ].join('\n');
  return { kind, manual, feature, diff, message };
}

/** Every feature file under dir, parsed with the Gherkin parser (default language ja). */
function loadFeatureTexts(dir: string): FeatureText[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.feature'))
    .sort()
    .map((f) => join(dir, f));
  return files.flatMap((file) => featureTexts(readFileSync(file, 'utf8'), file));
}

/** The steps and description lines of one feature file, each with its tags and scenarios. */
export function featureTexts(source: string, file: string): FeatureText[] {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher('ja'));
  let feature: ReturnType<typeof parser.parse>['feature'];
  try {
    feature = parser.parse(source).feature;
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!feature) return [];
  const lines = source.split(/\r?\n/);
  const out: FeatureText[] = [];
  const names = (tags: readonly Tag[]) => tags.map((t) => t.name);
  const refsOf = (children: readonly Child[], tags: readonly string[]): ScenarioRef[] =>
    children.flatMap(({ scenario: s }) =>
      s
        ? [
            {
              file,
              line: s.location.line,
              name: s.name,
              tags: [...tags, ...names(s.tags)],
              lines: [s.location.line, ...s.examples.flatMap((e) => e.tableBody.map((row) => row.location.line))],
            },
          ]
        : [],
    );
  const addSteps = (steps: readonly Step[], tags: readonly string[], scenarios: readonly ScenarioRef[]) => {
    for (const step of steps) out.push({ kind: 'step', text: step.text, file, line: step.location.line, tags, scenarios });
  };
  /** A description's non-blank lines, located in the source below its header line. */
  const addDescription = (description: string, header: number, tags: readonly string[], scenarios: readonly ScenarioRef[]) => {
    let cursor = header; // 0-based index of the line below the header
    for (const text of description.split('\n').map((l) => l.trim())) {
      if (text === '') continue;
      const found = lines.findIndex((l, i) => i >= cursor && l.trim() === text);
      if (found >= 0) cursor = found + 1;
      out.push({ kind: 'description', text, file, line: found >= 0 ? found + 1 : header, tags, scenarios });
    }
  };
  /** The background and scenarios of a feature or rule; `refs` are its scenarios in order, `scope` what its background runs before. */
  const addChildren = (children: readonly Child[], tags: readonly string[], refs: readonly ScenarioRef[], scope: readonly ScenarioRef[]) => {
    let n = 0;
    for (const { background, scenario } of children) {
      if (background) addSteps(background.steps, tags, scope);
      if (!scenario) continue;
      const ref = refs[n++] as ScenarioRef;
      addDescription(scenario.description, scenario.location.line, ref.tags, [ref]);
      addSteps(scenario.steps, ref.tags, [ref]);
    }
  };

  const featureTags = names(feature.tags);
  const own = refsOf(feature.children, featureTags);
  const rules = feature.children.flatMap(({ rule }) => {
    if (!rule) return [];
    const tags = [...featureTags, ...names(rule.tags)];
    return [{ rule, tags, refs: refsOf(rule.children, tags) }];
  });
  // A feature's background and description concern every scenario, those inside rules too.
  const all = [...own, ...rules.flatMap((r) => r.refs)];
  addDescription(feature.description, feature.location.line, featureTags, all);
  addChildren(feature.children, featureTags, own, all);
  for (const { rule, tags, refs } of rules) {
    addDescription(rule.description, rule.location.line, tags, refs);
    addChildren(rule.children, tags, refs, refs);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** A child of a feature or rule (rules themselves are handled apart). */
type Child = { readonly background?: { readonly steps: readonly Step[] }; readonly scenario?: Scenario };

/** The candidate nearest to text by character edit distance (insertions and deletions). */
function nearest<T>(text: string, candidates: readonly T[], textOf: (c: T) => string): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const a = [...normalizeText(text)];
  for (const c of candidates) {
    const b = [...normalizeText(textOf(c))];
    const distance = a.length + b.length - 2 * (lcsTable(a, b)[0]?.[0] ?? 0);
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  return best;
}

/** table[i][j] = length of the longest common subsequence of a[i..] and b[j..]. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      const below = table[i + 1] as number[];
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  return table;
}

/** Character diff of the normalized texts (manual → feature), by longest common subsequence. */
export function diffChars(manual: string, feature: string): DiffPart[] {
  const a = [...normalizeText(manual)];
  const b = [...normalizeText(feature)];
  const table = lcsTable(a, b);
  // Kept text, or one edit: what the manual has (del) where the feature has (ins).
  const segments: ({ eq: string } | { del: string; ins: string })[] = [];
  const add = (kind: 'eq' | 'del' | 'ins', ch: string) => {
    const last = segments.at(-1);
    if (kind === 'eq') {
      if (last && 'eq' in last) last.eq += ch;
      else segments.push({ eq: ch });
    } else if (last && 'del' in last) last[kind] += ch;
    else segments.push(kind === 'del' ? { del: ch, ins: '' } : { del: '', ins: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const here = table[i]?.[j] ?? 0;
    if (i < a.length && j < b.length && a[i] === b[j]) {
      add('eq', a[i++] as string);
      j++;
    } else if (i < a.length && (j === b.length || (table[i + 1]?.[j] ?? 0) === here)) add('del', a[i++] as string);
    else add('ins', b[j++] as string);
  }
  // Readability: a short run of kept text between two edits (クリック → タップ keeps only ッ) joins them.
  for (let k = 1; k + 1 < segments.length; k++) {
    const [left, kept, right] = [segments[k - 1], segments[k], segments[k + 1]];
    if (!left || !kept || !right || !('eq' in kept) || 'eq' in left || 'eq' in right) continue;
    const size = (e: { del: string; ins: string }) => Math.max([...e.del].length, [...e.ins].length);
    if ([...kept.eq].length > Math.min(size(left), size(right))) continue;
    segments.splice(k - 1, 3, { del: left.del + kept.eq + right.del, ins: left.ins + kept.eq + right.ins });
    k = 0; // look again from the start
  }
  return segments.flatMap((seg): DiffPart[] =>
    'eq' in seg
      ? [{ op: '=', text: seg.eq }]
      : [...(seg.del ? [{ op: '-' as const, text: seg.del }] : []), ...(seg.ins ? [{ op: '+' as const, text: seg.ins }] : [])],
  );
}

/** One-line rendering: kept text as is, [-manual only-], {+feature only+}. */
export function formatDiff(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.op === '=' ? p.text : p.op === '-' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/**
 * The last run's results, from the Cucumber JSON that playwright-bdd writes (reports/cucumber/report.json).
 * It holds one feature entry per feature file and Playwright project. The project is not a field of its own
 * unless the reporter is given `addMetadata`; otherwise it is recovered from the feature id, which
 * playwright-bdd builds as "<project> › <feature name>" with spaces turned into "-" and lower-cased.
 */
const CucumberJson = z.array(
  z.object({
    id: z.string(),
    uri: z.string(),
    metadata: z.union([z.object({ Project: z.string() }), z.array(z.object({ name: z.string(), value: z.string() }))]).optional(),
    elements: z.array(z.object({ line: z.number(), steps: z.array(z.object({ result: z.object({ status: z.string() }).optional() })) })),
  }),
);

/** Cucumber statuses, worst first. */
const STATUS_ORDER = ['failed', 'ambiguous', 'undefined', 'pending', 'skipped', 'passed'] as const;
const rank = (status: string) => {
  const i = STATUS_ORDER.indexOf(status as (typeof STATUS_ORDER)[number]);
  return i < 0 ? 0.5 : i; // an unknown status counts as nearly as bad as failed
};

/** What one project's runs of one scenario (one run per Examples row) came to. */
export interface ScenarioResult {
  /** The worst status of all its runs: passed, failed, skipped, … */
  readonly status: string;
  readonly passed: number;
  readonly runs: number;
}

/** Results by "<feature file>:<scenario line>", then by project. */
export type RunResults = Map<string, Map<string, ScenarioResult>>;

export const scenarioKey = (s: Pick<ScenarioRef, 'file' | 'line'>) => `${s.file.replaceAll('\\', '/')}:${s.line}`;

/** Reads a Cucumber JSON report against the scenarios of the trace; paths in it are relative to the project root. */
export function readRunResults(json: string, scenarios: readonly ScenarioRef[]): RunResults {
  const byLine = new Map<string, ScenarioRef>();
  for (const s of scenarios) for (const line of s.lines) byLine.set(scenarioKey({ file: s.file, line }), s);
  const results: RunResults = new Map();
  for (const feature of CucumberJson.parse(JSON.parse(json))) {
    const meta = feature.metadata;
    const project =
      (Array.isArray(meta) ? meta.find((m) => m.name === 'Project')?.value : meta?.Project) ||
      (feature.id.includes('-›-') ? feature.id.slice(0, feature.id.indexOf('-›-')) : '（プロジェクト不明）');
    for (const element of feature.elements) {
      const scenario = byLine.get(scenarioKey({ file: feature.uri, line: element.line }));
      if (!scenario) continue; // a scenario that no longer exists
      const status = element.steps.map((s) => s.result?.status ?? 'skipped').reduce((a, b) => (rank(b) < rank(a) ? b : a), 'passed');
      const perProject = results.get(scenarioKey(scenario)) ?? new Map<string, ScenarioResult>();
      const before = perProject.get(project) ?? { status: 'passed', passed: 0, runs: 0 };
      perProject.set(project, {
        status: rank(status) < rank(before.status) ? status : before.status,
        passed: before.passed + (status === 'passed' ? 1 : 0),
        runs: before.runs + 1,
      });
      results.set(scenarioKey(scenario), perProject);
    }
  }
  return results;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
