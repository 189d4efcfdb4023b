/**
 * What the sign-off report says, worked out from the scenario runs and the manual:
 * a mark per manual sentence and project, the failures grouped by what they
 * contradict, one figure per manual sentence and project, and the verdict.
 *
 * Which manual sentence a step proves:
 *  - a step that quotes it verbatim (ManualIndex.sentenceFor with the scenario's tags and
 *    the project's kind of device, the same lookup the suite's ManualCheck does);
 *  - a failed step whose recorded finding (support/failure-fact.ts) names it, e.g. a 注意 scenario's step
 *    that runs a whole procedure in one sentence.
 * A sentence that no step quotes (the 注意) is judged by the scenarios tagged with its
 * section: passed when all of them passed in that project, failed when a failure names
 * it, otherwise not confirmed (未確認): a scenario stopped before its checks ran.
 */
import { DEVICE_KIND, type DeviceClass, isDeviceClass, type Manual, type ManualIndex, type ManualSection, type ManualSentence } from '../../manual.ts';
import type { ImageRef, ScenarioRun, StepRun } from './collect.ts';
import { failureFrom, type ParsedFailure, statusFailure } from './failure.ts';
import { isFailure, type StepStatus } from './messages.ts';
import { gatherNotes, type NoteOfRun } from '../../writer-note.ts';

export type { DeviceClass } from '../../manual.ts';
export { DEVICE_KIND } from '../../manual.ts';

/** What the report knows about a Playwright project (from the reporter options, else from its name). */
export interface ProjectView {
  readonly name: string;
  readonly deviceClass?: DeviceClass;
  /** パソコン / スマートデバイス. */
  readonly kind: string;
  /** Playwright device profile, e.g. Pixel 7. */
  readonly device?: string;
  readonly browser?: string;
  /** e.g. 412×839. */
  readonly viewport?: string;
  readonly touch?: boolean;
}

export type Mark = 'passed' | 'failed' | 'undefined' | 'untested' | 'na';

export interface Figure {
  readonly image: ImageRef;
  readonly project: string;
  /** before: the screen the step acts on (an Action step); after: the screen the step left. */
  readonly when: 'before' | 'after' | 'failure';
  readonly scenario: string;
  readonly step: string;
}

export interface Cell {
  readonly mark: Mark;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** How the mark was reached: steps quoting the sentence, or the scenarios of its section. */
  readonly via: 'steps' | 'scenarios' | 'none';
  readonly note?: string;
  readonly figure?: Figure;
}

export interface SentenceRow {
  readonly sentence: ManualSentence;
  readonly cells: ReadonlyMap<string, Cell>;
  /** Scenarios that prove it without quoting it (the 注意), by name. */
  readonly scenarios: readonly string[];
}

export interface SectionView {
  readonly manual: Manual;
  readonly section: ManualSection;
  readonly rows: readonly SentenceRow[];
}

export interface Occurrence {
  readonly scenario: string;
  readonly step: string;
}

export interface FailureGroup {
  readonly project: string;
  readonly failure: ParsedFailure;
  /** The manual sentence the failure names, when it is in manual/*.md. */
  readonly sentence?: ManualSentence;
  readonly occurrences: readonly Occurrence[];
  readonly figure?: Figure;
}

export interface ScenarioRow {
  readonly featureName: string;
  readonly name: string;
  readonly inManual: boolean;
  readonly statuses: ReadonlyMap<string, StepStatus>;
}

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly total: number;
}

/** A note for the manual's writer, once per manual step and wording, with the projects that made it. */
export type NoteRow = NoteOfRun;

/**
 * passed: every manual sentence that applies was confirmed on every device profile of the configuration;
 * failed: a step or scenario failed (the site does not do what the manual says, or the run broke);
 * partial: nothing failed, but part of the manual was not confirmed (a tag or device filter, a skipped scenario).
 */
export type VerdictStatus = 'passed' | 'failed' | 'partial';

export interface Verdict {
  readonly status: VerdictStatus;
  readonly reasons: readonly string[];
  /** The manual sentences the run left unconfirmed, per device profile, e.g. 「sp-android: <id>、<id>」. */
  readonly notConfirmed: readonly string[];
}

export interface Report {
  readonly projects: readonly ProjectView[];
  readonly sections: readonly SectionView[];
  readonly failures: readonly FailureGroup[];
  readonly scenarios: readonly ScenarioRow[];
  readonly scenarioCounts: Counts;
  readonly sentenceCounts: Counts;
  readonly verdict: Verdict;
  readonly notes: readonly NoteRow[];
}

export interface ProjectOption {
  readonly name: string;
  readonly use?: {
    readonly deviceClass?: string;
    readonly browserName?: string;
    readonly defaultBrowserType?: string;
    readonly viewport?: { readonly width: number; readonly height: number } | null;
    readonly userAgent?: string;
    readonly deviceScaleFactor?: number;
    readonly isMobile?: boolean;
    readonly hasTouch?: boolean;
  };
}

interface DeviceDescriptor {
  readonly userAgent: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
  readonly isMobile?: boolean;
  readonly hasTouch?: boolean;
}

/**
 * Projects in the order of the options (then any others the run names), with the
 * device profile found by user agent and viewport among Playwright's `devices`.
 */
export function describeProjects(
  runNames: readonly string[],
  options: readonly ProjectOption[] = [],
  devices: Readonly<Record<string, DeviceDescriptor>> = {},
): ProjectView[] {
  const byName = new Map(options.map((o) => [o.name, o]));
  const names = [...options.map((o) => o.name).filter((n) => runNames.includes(n)), ...runNames.filter((n) => !byName.has(n))];
  return [...new Set(names)].map((name) => {
    const use = byName.get(name)?.use ?? {};
    const prefix = /^(pc|sp)(?:-|$)/.exec(name)?.[1];
    const deviceClass = isDeviceClass(use.deviceClass) ? use.deviceClass : isDeviceClass(prefix) ? prefix : undefined;
    const viewport = use.viewport ?? undefined;
    // The profile whose every setting the project kept (Desktop Chrome and Desktop Chrome HiDPI differ only in scale).
    const device = Object.entries(devices).find(
      ([, d]) =>
        d.userAgent === use.userAgent &&
        d.viewport.width === viewport?.width &&
        d.viewport.height === viewport?.height &&
        (d.deviceScaleFactor ?? 1) === (use.deviceScaleFactor ?? 1) &&
        Boolean(d.isMobile) === Boolean(use.isMobile) &&
        Boolean(d.hasTouch) === Boolean(use.hasTouch),
    )?.[0];
    return {
      name,
      deviceClass,
      kind: deviceClass ? DEVICE_KIND[deviceClass] : '端末の種類不明',
      device,
      browser: use.browserName ?? use.defaultBrowserType,
      viewport: viewport ? `${viewport.width}×${viewport.height}` : undefined,
      touch: use.hasTouch,
    };
  });
}

interface Execution {
  readonly run: ScenarioRun;
  readonly step: StepRun;
  readonly failure?: ParsedFailure;
}

const stepLabel = (step: StepRun) => (step.keyword ? `${step.keyword} ${step.text}` : step.text);

function failureOf(step: StepRun): ParsedFailure | undefined {
  if (step.status === 'FAILED') return failureFrom(step.fact, step.result?.exception?.message ?? step.result?.message);
  if (isFailure(step.status)) return statusFailure(step.status, step.text);
  return undefined;
}

function count(statuses: readonly StepStatus[]) {
  return {
    passed: statuses.filter((s) => s === 'PASSED').length,
    failed: statuses.filter((s) => isFailure(s)).length,
    skipped: statuses.filter((s) => s === 'SKIPPED' || s === 'UNKNOWN').length,
  };
}

/**
 * @param configured the device profiles the configuration has (the sign-off vouches for them all): one that did
 *   not run makes the run partial.
 */
export function buildReport(
  runs: readonly ScenarioRun[],
  index: ManualIndex,
  projects: readonly ProjectView[],
  success?: boolean,
  configured: readonly string[] = projects.map((p) => p.name),
): Report {
  const projectOf = new Map(projects.map((p) => [p.name, p]));
  const deviceOf = (project: string) => projectOf.get(project)?.deviceClass;

  // Every step of every run, with the manual sentence it quotes and its failure.
  const executions: Execution[] = [];
  const quoted = new Map<Execution, ManualSentence>();
  for (const run of runs) {
    for (const step of run.steps) {
      const e: Execution = { run, step, failure: failureOf(step) };
      executions.push(e);
      const sentence = index.sentenceFor(run.tags, step.text, deviceOf(run.project));
      if (sentence) quoted.set(e, sentence);
    }
  }
  const namedId = (e: Execution) => (e.failure && (e.failure.kind === 'manual' || e.failure.kind === 'note') ? e.failure.ref : undefined);

  const manuals = index.manuals;
  const sections: SectionView[] = [];
  const sentenceStatuses: Mark[] = [];
  for (const manual of manuals) {
    for (const section of manual.sections) {
      const rows = section.sentences.map((sentence): SentenceRow => {
        const cells = new Map<string, Cell>();
        const tagged = runs.filter((r) => r.tags.includes(section.tag));
        for (const project of projects) {
          const cell = judge(sentence, section, project.name);
          cells.set(project.name, cell);
          if (cell.mark !== 'na') sentenceStatuses.push(cell.mark);
        }
        const scenarios = executions.some((e) => quoted.get(e) === sentence) ? [] : [...new Set(tagged.map((r) => r.name))];
        return { sentence, cells, scenarios };
      });
      sections.push({ manual, section, rows });
    }
  }

  /**
   * A section applies to the kinds of device its features run on (ManualIndex.devicesOf: the @pc / @sp tags of the
   * scenarios carrying its tag): a PC-only section is not expected on a smart-device profile. A project of unknown
   * kind is held to every section.
   */
  function appliesTo(section: ManualSection, project: string): boolean {
    const device = deviceOf(project);
    return device === undefined || index.appliesTo(section, device);
  }

  function judge(sentence: ManualSentence, section: ManualSection, project: string): Cell {
    const inProject = runs.filter((r) => r.project === project);
    const applies = appliesTo(section, project) || inProject.some((r) => r.tags.includes(section.tag));
    const mine = executions.filter((e) => e.run.project === project && (quoted.get(e) === sentence || namedId(e) === sentence.id));
    if (mine.length > 0) {
      const statuses = mine.map((e) => (namedId(e) === sentence.id ? 'FAILED' : e.step.status));
      const c = count(statuses);
      const undefinedSteps = mine.filter((e) => e.step.status === 'UNDEFINED').length;
      const mark: Mark = c.failed > undefinedSteps ? 'failed' : undefinedSteps > 0 ? 'undefined' : c.passed > 0 ? 'passed' : 'untested';
      return {
        mark,
        ...c,
        via: 'steps',
        figure: figureFor(mine, mark, section),
        note: mark === 'untested' ? '前の手順で止まり、この手順まで進んでいません' : undefined,
      };
    }
    const tagged = inProject.filter((r) => r.tags.includes(section.tag));
    if (!applies) return { mark: 'na', passed: 0, failed: 0, skipped: 0, via: 'none' };
    if (tagged.length === 0) return { mark: 'untested', passed: 0, failed: 0, skipped: 0, via: 'none', note: 'この手順を確かめるシナリオが実行されていません' };
    const c = count(tagged.map((r) => r.status));
    if (c.passed === tagged.length) return { mark: 'passed', ...c, via: 'scenarios' };
    const note =
      c.failed > 0 ? `${c.failed} 件のシナリオが別の理由で途中で失敗したため、確認しきれていません` : 'シナリオがスキップされたため、確認していません';
    return { mark: 'untested', ...c, via: 'scenarios', note };
  }

  function figureFor(mine: readonly Execution[], mark: Mark, section: ManualSection): Figure | undefined {
    // The manual's own feature first (its scenarios carry the section tag), then the others.
    const ordered = [...mine].sort((a, b) => Number(b.run.tags.includes(section.tag)) - Number(a.run.tags.includes(section.tag)));
    if (mark === 'failed' || mark === 'undefined') {
      const e = ordered.find((x) => x.failure);
      const image = e && (e.step.screenshot ?? e.run.hooks.flatMap((h) => h.images)[0]);
      return e && image ? { image, project: e.run.project, when: 'failure', scenario: e.run.name, step: stepLabel(e.step) } : undefined;
    }
    for (const e of ordered.filter((x) => x.step.status === 'PASSED')) {
      // An action (click, tap) is pictured on the screen it acts on: the screenshot after the step before it.
      const before = e.step.type === 'Action' ? e.run.steps[e.step.index - 1]?.screenshot : undefined;
      const image = before ?? e.step.screenshot;
      if (image) return { image, project: e.run.project, when: before ? 'before' : 'after', scenario: e.run.name, step: stepLabel(e.step) };
    }
    return undefined;
  }

  // Failures, grouped by project and by what they contradict and what the page showed.
  const groups = new Map<string, { project: string; failure: ParsedFailure; occurrences: Occurrence[]; figure?: Figure }>();
  const failed = [
    ...executions
      .filter((e) => e.failure)
      .map((e) => ({ run: e.run, failure: e.failure as ParsedFailure, label: stepLabel(e.step), image: e.step.screenshot })),
    ...runs.flatMap((run) =>
      run.hooks
        .filter((h) => isFailure(h.status))
        .map((h) => ({ run, failure: failureFrom(h.fact, h.result?.exception?.message ?? h.result?.message), label: `（${h.name}）`, image: undefined })),
    ),
  ];
  for (const { run, failure, label, image } of failed) {
    const key = JSON.stringify([run.project, failure.kind, failure.ref, failure.headline, failure.expected, failure.shows]);
    let group = groups.get(key);
    if (!group) {
      group = { project: run.project, failure, occurrences: [] };
      groups.set(key, group);
    }
    group.occurrences.push({ scenario: run.name, step: label });
    const shot = image ?? run.hooks.flatMap((h) => h.images)[0];
    if (!group.figure && shot) group.figure = { image: shot, project: run.project, when: 'failure', scenario: run.name, step: label };
  }
  const order = new Map(projects.map((p, i) => [p.name, i]));
  const failures: FailureGroup[] = [...groups.values()]
    .map((g) => ({ ...g, sentence: g.failure.ref ? index.byId(g.failure.ref) : undefined }))
    .sort((a, b) => (order.get(a.project) ?? 0) - (order.get(b.project) ?? 0));

  // Scenario × project.
  const manualTags = new Set(index.sections().map((s) => s.tag));
  const scenarioRows = new Map<string, { featureName: string; name: string; inManual: boolean; statuses: Map<string, StepStatus> }>();
  for (const run of runs) {
    const key = `${run.featureUri}\u0000${run.name}`;
    let row = scenarioRows.get(key);
    if (!row) {
      row = { featureName: run.featureName, name: run.name, inManual: run.tags.some((t) => manualTags.has(t)), statuses: new Map() };
      scenarioRows.set(key, row);
    }
    row.statuses.set(run.project, run.status);
  }

  const sc = count(runs.map((r) => r.status));
  const scenarioCounts: Counts = { ...sc, total: runs.length };
  const sentenceCounts: Counts = {
    passed: sentenceStatuses.filter((m) => m === 'passed').length,
    failed: sentenceStatuses.filter((m) => m === 'failed' || m === 'undefined').length,
    skipped: sentenceStatuses.filter((m) => m === 'untested').length,
    total: sentenceStatuses.length,
  };
  // What was not confirmed: per device profile, the sentences left 未確認 (the devices that did not run are a reason below).
  const notConfirmed: string[] = [];
  for (const project of projects) {
    const ids = sections.flatMap((s) => s.rows.filter((r) => r.cells.get(project.name)?.mark === 'untested').map((r) => r.sentence.id));
    if (ids.length > 0) notConfirmed.push(`${project.name}: ${ids.join('、')}`);
  }
  const ran = new Set(projects.map((p) => p.name));
  const notRun = configured.filter((name) => !ran.has(name));

  const reasons: string[] = [];
  if (scenarioCounts.failed > 0) reasons.push(`${scenarioCounts.failed} 件のシナリオが不合格です`);
  if (sentenceCounts.failed > 0) reasons.push(`マニュアルの記述のうち ${sentenceCounts.failed} 件（端末ごと）が画面と合っていません`);
  if (success === false && scenarioCounts.failed === 0 && runs.length > 0) reasons.push('テストの実行がシナリオ以外のエラーで終わりました');
  const anyFailed = reasons.length > 0;
  // Nothing failed: a run that left part of the manual unconfirmed is partial, never 不合格 (no step contradicted the manual).
  if (runs.length === 0) reasons.push('実行されたシナリオがありません');
  if (sentenceCounts.skipped > 0) reasons.push(`マニュアルの記述のうち ${sentenceCounts.skipped} 件（端末ごと）を確認していません（△）`);
  if (notRun.length > 0) reasons.push(`設定にある端末のうち ${notRun.length} 台（${notRun.join('、')}）では実行していません`);
  if (scenarioCounts.skipped > 0 && sentenceCounts.skipped === 0) reasons.push(`スキップしたシナリオが ${scenarioCounts.skipped} 件あります（△）`);
  const status: VerdictStatus = anyFailed ? 'failed' : reasons.length > 0 ? 'partial' : 'passed';

  // Notes for the manual's writer, once per manual step and wording.
  const notes = gatherNotes(runs.flatMap((run) => run.steps.flatMap((s) => s.notes.map((note) => ({ ...note, project: run.project, scenario: run.name })))));

  return {
    projects,
    sections,
    failures,
    scenarios: [...scenarioRows.values()],
    scenarioCounts,
    sentenceCounts,
    verdict: { status, reasons, notConfirmed },
    notes,
  };
}
