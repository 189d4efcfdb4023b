/**
 * Collects a run's Cucumber messages and turns them into scenario runs: one per
 * test case (its last attempt), with its project, steps, results, screenshots and the findings of
 * failed checks (support/failure-fact.ts).
 *
 * playwright-bdd names the Playwright project in the pickle's (and gherkin
 * document's) uri: `[pc-chromium]:features/<section>/<name>.feature`.
 */
import { type FailureFact, lastFact } from '../../failure-fact.ts';
import { readNotes, type WriterNote } from '../../writer-note.ts';
import {
  type Attachment,
  type Envelope,
  type GherkinDocument,
  type Hook,
  type Meta,
  type Pickle,
  type StepStatus,
  type TestCase,
  type TestStepResult,
  type Timestamp,
  worstStatus,
} from './messages.ts';

/** A screenshot: inline (base64) or, from playwright-bdd in memory, a file path. */
export interface ImageRef {
  readonly mediaType: string;
  readonly base64?: string;
  readonly path?: string;
}

export interface StepRun {
  readonly index: number;
  /** e.g. もし (from the gherkin document; empty when it is not known). */
  readonly keyword: string;
  readonly text: string;
  /** Context, Action or Outcome (And/But take the type of the step before). */
  readonly type: string;
  readonly status: StepStatus;
  readonly result?: TestStepResult;
  /** The screenshot the suite attached after this step (`画面: <step text>`). */
  readonly screenshot?: ImageRef;
  /** The finding of the check that failed in this step, as the suite recorded it. */
  readonly fact?: FailureFact;
  /** Notes for the manual's writer the step made (support/writer-note.ts). */
  readonly notes: readonly WriterNote[];
}

export interface HookRun {
  readonly name: string;
  readonly status: StepStatus;
  readonly result?: TestStepResult;
  readonly images: readonly ImageRef[];
  readonly fact?: FailureFact;
}

export interface ScenarioRun {
  readonly id: string;
  /** The Playwright project; '' when the run has only the root project. */
  readonly project: string;
  readonly featureUri: string;
  readonly featureName: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly steps: readonly StepRun[];
  readonly hooks: readonly HookRun[];
  readonly status: StepStatus;
}

const PROJECT_URI = /^\[([^\]]*)\]:(.*)$/;
const SCREENSHOT_PREFIX = '画面: ';
const IMAGE_TYPES = /^image\/(png|jpeg|webp|gif)$/;

function splitUri(uri: string): { project: string; featureUri: string } {
  const m = PROJECT_URI.exec(uri);
  return m ? { project: m[1] ?? '', featureUri: m[2] ?? '' } : { project: '', featureUri: uri };
}

function imageOf(attachment: Attachment): ImageRef | undefined {
  if (!IMAGE_TYPES.test(attachment.mediaType)) return undefined;
  if (attachment.body && attachment.contentEncoding === 'BASE64') return { mediaType: attachment.mediaType, base64: attachment.body };
  if (attachment.url && !/^[a-z]+:\/\//i.test(attachment.url)) return { mediaType: attachment.mediaType, path: attachment.url };
  return undefined;
}

interface Attempt {
  readonly id: string;
  readonly testCaseId: string;
  readonly attempt: number;
  readonly results: Map<string, TestStepResult>;
  readonly attachments: Map<string, Attachment[]>;
  willBeRetried: boolean;
}

export class RunCollector {
  meta: Meta | undefined;
  startedAt: Timestamp | undefined;
  finished: Envelope['testRunFinished'];
  readonly #documents = new Map<string, GherkinDocument>();
  readonly #keywords = new Map<string, string>();
  readonly #pickles = new Map<string, Pickle>();
  readonly #hooks = new Map<string, Hook>();
  readonly #testCases = new Map<string, TestCase>();
  readonly #attempts = new Map<string, Attempt>();

  /** @param defaultProject the project of scenarios whose uri names none (cucumber-js runs one device profile per process). */
  constructor(private readonly defaultProject = '') {}

  add(envelope: Envelope): void {
    if (envelope.meta) this.meta = envelope.meta;
    else if (envelope.gherkinDocument) this.#addDocument(envelope.gherkinDocument);
    else if (envelope.pickle) this.#pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.hook) this.#hooks.set(envelope.hook.id, envelope.hook);
    else if (envelope.testRunStarted) this.startedAt = envelope.testRunStarted.timestamp;
    else if (envelope.testCase) this.#testCases.set(envelope.testCase.id, envelope.testCase);
    else if (envelope.testCaseStarted) {
      const { id, testCaseId, attempt } = envelope.testCaseStarted;
      this.#attempts.set(id, { id, testCaseId, attempt, results: new Map(), attachments: new Map(), willBeRetried: false });
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      this.#attempts.get(testCaseStartedId)?.results.set(testStepId, testStepResult);
    } else if (envelope.attachment) {
      const { testCaseStartedId, testStepId } = envelope.attachment;
      const attempt = testCaseStartedId ? this.#attempts.get(testCaseStartedId) : undefined;
      if (attempt && testStepId) {
        const list = attempt.attachments.get(testStepId) ?? [];
        list.push(envelope.attachment);
        attempt.attachments.set(testStepId, list);
      }
    } else if (envelope.testCaseFinished) {
      const attempt = this.#attempts.get(envelope.testCaseFinished.testCaseStartedId);
      if (attempt) attempt.willBeRetried = envelope.testCaseFinished.willBeRetried;
    } else if (envelope.testRunFinished) this.finished = envelope.testRunFinished;
  }

  #addDocument(doc: GherkinDocument): void {
    if (doc.uri) this.#documents.set(doc.uri, doc);
    const walk = (children: NonNullable<GherkinDocument['feature']>['children']) => {
      for (const child of children) {
        for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) this.#keywords.set(step.id, step.keyword.trim());
        if (child.rule) walk(child.rule.children);
      }
    };
    walk(doc.feature?.children ?? []);
  }

  /** Scenario runs in the order they started; a retried test case counts by its last attempt. */
  scenarios(): ScenarioRun[] {
    const last = new Map<string, Attempt>();
    for (const attempt of this.#attempts.values()) {
      const seen = last.get(attempt.testCaseId);
      if (!seen || attempt.attempt >= seen.attempt) last.set(attempt.testCaseId, attempt);
    }
    const runs: ScenarioRun[] = [];
    for (const attempt of last.values()) {
      const run = this.#scenario(attempt);
      if (run) runs.push(run);
    }
    return runs;
  }

  #scenario(attempt: Attempt): ScenarioRun | undefined {
    const testCase = this.#testCases.get(attempt.testCaseId);
    const pickle = testCase && this.#pickles.get(testCase.pickleId);
    if (!testCase || !pickle) return undefined;
    const { project: named, featureUri } = splitUri(pickle.uri);
    const project = named || this.defaultProject;
    const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
    const steps: StepRun[] = [];
    const hooks: HookRun[] = [];
    for (const testStep of testCase.testSteps) {
      const result = attempt.results.get(testStep.id);
      const status = result?.status ?? 'UNKNOWN';
      const attachments = attempt.attachments.get(testStep.id) ?? [];
      const pickleStep = testStep.pickleStepId ? pickleSteps.get(testStep.pickleStepId) : undefined;
      if (pickleStep) {
        const shot =
          attachments.find((a) => a.fileName === `${SCREENSHOT_PREFIX}${pickleStep.text}`) ??
          attachments.find((a) => a.fileName?.startsWith(SCREENSHOT_PREFIX));
        steps.push({
          index: steps.length,
          keyword: this.#keywords.get(pickleStep.astNodeIds[0] ?? '') ?? '',
          text: pickleStep.text,
          type: pickleStep.type ?? 'Unknown',
          status,
          result,
          screenshot: shot && imageOf(shot),
          fact: lastFact(attachments),
          notes: readNotes(attachments),
        });
      } else {
        const hook = testStep.hookId ? this.#hooks.get(testStep.hookId) : undefined;
        const images = attachments.map(imageOf).filter((i): i is ImageRef => i !== undefined);
        hooks.push({ name: hook?.name ?? 'フック', status, result, images, fact: lastFact(attachments) });
      }
    }
    const status = worstStatus([...steps, ...hooks].map((s) => s.status));
    return {
      id: attempt.id,
      project,
      featureUri,
      featureName: this.#documents.get(pickle.uri)?.feature?.name ?? featureUri,
      name: pickle.name,
      tags: pickle.tags.map((t) => t.name),
      steps,
      hooks,
      status,
    };
  }
}
