/**
 * The parts of Cucumber's messages (https://github.com/cucumber/messages) that the
 * sign-off report reads, typed structurally: the stream comes from playwright-bdd's
 * message builder or from a recorded NDJSON file, and two versions of
 * @cucumber/messages are installed (playwright-bdd's own and @cucumber/cucumber's).
 */

export interface Timestamp {
  readonly seconds: number;
  readonly nanos: number;
}

/** UNKNOWN, PASSED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS, FAILED. */
export type StepStatus = 'UNKNOWN' | 'PASSED' | 'SKIPPED' | 'PENDING' | 'UNDEFINED' | 'AMBIGUOUS' | 'FAILED';

export interface Meta {
  readonly implementation?: { readonly name: string; readonly version?: string };
  readonly runtime?: { readonly name: string; readonly version?: string };
  readonly os?: { readonly name: string; readonly version?: string };
}

export interface GherkinStep {
  readonly id: string;
  readonly keyword: string;
}

export interface GherkinDocument {
  readonly uri?: string;
  readonly feature?: {
    readonly name: string;
    readonly children: readonly FeatureChild[];
  };
}

interface FeatureChild {
  readonly background?: { readonly steps: readonly GherkinStep[] };
  readonly scenario?: { readonly steps: readonly GherkinStep[] };
  readonly rule?: { readonly children: readonly FeatureChild[] };
}

export interface Pickle {
  readonly id: string;
  readonly uri: string;
  readonly name: string;
  readonly steps: readonly { readonly id: string; readonly text: string; readonly type?: string; readonly astNodeIds: readonly string[] }[];
  readonly tags: readonly { readonly name: string }[];
}

export interface Hook {
  readonly id: string;
  readonly name?: string;
  readonly type?: string;
}

export interface TestCase {
  readonly id: string;
  readonly pickleId: string;
  readonly testSteps: readonly { readonly id: string; readonly pickleStepId?: string; readonly hookId?: string }[];
}

export interface TestStepResult {
  readonly status: StepStatus;
  readonly message?: string;
  readonly exception?: { readonly type?: string; readonly message?: string; readonly stackTrace?: string };
}

export interface Attachment {
  readonly testCaseStartedId?: string;
  readonly testStepId?: string;
  readonly mediaType: string;
  readonly fileName?: string;
  readonly body: string;
  readonly contentEncoding: 'IDENTITY' | 'BASE64';
  /** playwright-bdd passes file attachments by absolute path (in memory; the message reporter embeds them). */
  readonly url?: string;
}

export interface Envelope {
  readonly meta?: Meta;
  readonly gherkinDocument?: GherkinDocument;
  readonly pickle?: Pickle;
  readonly hook?: Hook;
  readonly testRunStarted?: { readonly timestamp: Timestamp };
  readonly testCase?: TestCase;
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string; readonly attempt: number };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepId: string; readonly testStepResult: TestStepResult };
  readonly testCaseFinished?: { readonly testCaseStartedId: string; readonly willBeRetried: boolean };
  readonly attachment?: Attachment;
  readonly testRunFinished?: { readonly success?: boolean; readonly timestamp: Timestamp; readonly exception?: { readonly message?: string } };
}

export function toDate(timestamp: Timestamp | undefined): Date | undefined {
  return timestamp ? new Date(timestamp.seconds * 1000 + Math.floor(timestamp.nanos / 1e6)) : undefined;
}

/** Cucumber's order, mildest first: the worst status of a scenario's steps is the scenario's. */
const SEVERITY: readonly StepStatus[] = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

export function worstStatus(statuses: Iterable<StepStatus>): StepStatus {
  let worst: StepStatus = 'UNKNOWN';
  for (const s of statuses) if (SEVERITY.indexOf(s) > SEVERITY.indexOf(worst)) worst = s;
  return worst;
}

/** FAILED, AMBIGUOUS, UNDEFINED and PENDING fail a run (Cucumber's strict mode, the default). */
export function isFailure(status: StepStatus): boolean {
  return status === 'FAILED' || status === 'AMBIGUOUS' || status === 'UNDEFINED' || status === 'PENDING';
}
