/**
 * The sensitivity run's plan: which deviations run in which markup, which as a configured target, and which
 * scenarios each runs. Shared by config.ts (projects and expected reds, which fixtures/test.ts marks test.fail())
 * and run.ts (the verdict).
 *
 * A variant is a deviation in one setting, keyed `<deviation>` (bundled markup), `<deviation>@hellowork` (the real
 * site's structure, checked with the hellowork profile) or `<deviation>@target` (the suite configured as a target
 * against the bundled app: no records of the app are read, the screen alone must show the deviation).
 *
 * The quick run (npm test) runs, per variant and device profile, the scenarios the catalogue expects red plus a
 * sample that must stay green; `npm run sensitivity:full` runs every scenario and proves the sample misses nothing.
 */
import { DEVIATION_IDS, DEVIATIONS, type DeviationId, deviationOf, expectedRed, QUICK_SAMPLE, redTags } from '../../reference-app/src/deviations.ts';
import type { FailureFact } from '../../support/failure-fact.ts';
import { type DeviceClass, DEVICE_TAG } from '../../support/manual.ts';
import { escapeRegExp } from '../../support/target-profile.ts';

export type VariantSetting = 'bundled' | 'hellowork' | 'target';

export interface Variant {
  readonly key: string;
  readonly deviation: DeviationId;
  readonly setting: VariantSetting;
}

/**
 * The markup the app serves a deviation in when it is also run with the suite configured as a target (the
 * catalogue's `asTarget`: its proof must not lean on the app's records, or on settings only the bundled app gives).
 */
export const asTarget = (deviation: DeviationId): 'bundled' | 'hellowork' | undefined => deviationOf(deviation).asTarget;

/**
 * The variants of a run. The quick run takes the hellowork markup for deviations that concern the markup only
 * (a change of the server's behaviour is the same in both markups); the full run takes it for every deviation.
 */
export function variants(
  deviations: readonly DeviationId[] = DEVIATION_IDS,
  settings: readonly VariantSetting[] = ['bundled', 'hellowork', 'target'],
  full = false,
): Variant[] {
  const out: Variant[] = [];
  for (const deviation of deviations) {
    // Looks-only deviations turn nothing red: the figure drift test proves them (tests/integration/figure-drift.test.ts).
    if (deviationOf(deviation).concerns === 'looks') continue;
    const markups: readonly string[] = deviationOf(deviation).markups ?? ['bundled', 'hellowork'];
    for (const setting of settings) {
      if (setting === 'target' && !asTarget(deviation)) continue;
      if (setting !== 'target' && !markups.includes(setting)) continue;
      if (setting === 'hellowork' && !full && deviationOf(deviation).concerns !== 'markup' && !markups.every((m) => m === 'hellowork')) continue;
      out.push({ key: setting === 'bundled' ? deviation : `${deviation}@${setting}`, deviation, setting });
    }
  }
  return out;
}

/**
 * The folder that holds a variant's copy of the features (config.ts, features.ts): its key with `@` made `.`, so that a
 * path never reads as a tag. The test file's first folder is how a worker tells which variant a scenario belongs to.
 */
export const variantDir = (key: string) => key.replace('@', '.');

/** The variant a test file belongs to, from its path under the sensitivity run's test folder (`<variantDir>/…`). */
export function variantOfFile(relativeFile: string): Variant | undefined {
  const [dir = ''] = relativeFile.split(/[\\/]/);
  return variantOf(dir.replace('.', '@'));
}

export function variantOf(key: string): Variant | undefined {
  const [deviation, setting = 'bundled'] = key.split('@') as [string, string | undefined];
  if (!(deviation in DEVIATIONS) || !['bundled', 'hellowork', 'target'].includes(setting)) return undefined;
  return { key, deviation: deviation as DeviationId, setting: setting as VariantSetting };
}

/** Scenarios run by every variant of the quick run whether or not they are expected red: the others must stay green. */
export const GREEN_SAMPLE: readonly string[] = QUICK_SAMPLE.green;

const tagPattern = (tag: string) => `${escapeRegExp(tag)}(?![\\w-])`;
const has = (pattern: string) => `(?=.*${pattern})`;

export { redTags };

/**
 * The grep of a variant's project: its device class's tag AND (an expected-red scenario OR one of the green sample);
 * the quick run takes one scenario for a feature whose scenarios differ only in where they start (QUICK_SAMPLE.rows),
 * and one of the scenarios that are red together whenever one procedure is broken (QUICK_SAMPLE.groups).
 * `full` drops the second condition.
 */
export function scenarioGrep(deviation: DeviationId, device: DeviceClass, full: boolean, dir?: string): RegExp {
  // A variant's scenarios are those in its own folder (Playwright greps the test file's path with the titles).
  const only = `${dir === undefined ? '' : has(`(?:^|[\\s/\\\\])${escapeRegExp(dir)}[/\\\\]`)}${has(tagPattern(DEVICE_TAG[device]))}`;
  if (full) return new RegExp(`^${only}`);
  const tags = redTags(deviation, device);
  // A group wholly red: its representative stands for it (the full run runs every member).
  const standIns = QUICK_SAMPLE.groups.filter((g) => g.tags.every((t) => tags.includes(t)));
  const red = tags
    .filter((tag) => standIns.every((g) => !g.tags.includes(tag) || tag === g.representative))
    .map((tag) => {
      const row = QUICK_SAMPLE.rows[tag];
      return `${has(tagPattern(tag))}${row ? has(escapeRegExp(row)) : ''}`;
    });
  const sample = GREEN_SAMPLE.map((s) => has(s.startsWith('@') ? tagPattern(s) : escapeRegExp(s)));
  return new RegExp(`^${only}(?:${[...red, ...sample].join('|')})`);
}

/** One scenario × project of a variant, as the run's JSON report tells it. */
export interface Outcome {
  /** The variant's key: <deviation>, <deviation>@hellowork or <deviation>@target. */
  readonly variant: string;
  readonly deviation: DeviationId;
  readonly project: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly red: boolean;
  /** The finding the red scenario recorded (support/failure-fact.ts); what the verdict reads. */
  readonly fact?: FailureFact;
  /** The error's prose, for people reading the problems; the verdict never reads it. */
  readonly message: string;
}

/** A scenario's name in the matrix: its most specific tag (the last that is not a device tag) and its title. */
export function scenarioKey(o: Pick<Outcome, 'tags' | 'title'>): string {
  const deviceTags = Object.values(DEVICE_TAG);
  return `${[...o.tags].reverse().find((t) => !deviceTags.includes(t)) ?? o.tags[0] ?? ''} ${o.title}`;
}

export interface VariantVerdict {
  readonly ok: boolean;
  readonly red: number;
  readonly missed: number;
  readonly collateral: number;
  readonly problems: readonly string[];
}

/**
 * A variant is detected exactly when: some scenario ran; every scenario the catalogue expects red is red and no
 * other is; every red scenario recorded a finding that names a manual step, a 注意 or a requirement (a precondition
 * or a bare error names none); and at least one finding names one of the deviation's references.
 */
export function judgeVariant(key: string, deviation: DeviationId, mine: readonly Outcome[]): VariantVerdict {
  const problems: string[] = [];
  const missed = mine.filter((o) => !o.red && expectedRed(deviation, o.tags, o.project));
  const collateral = mine.filter((o) => o.red && !expectedRed(deviation, o.tags, o.project));
  const unnamed = mine.filter((o) => o.red && (!o.fact || o.fact.kind === 'precondition' || !o.fact.ref));
  const references = deviationOf(deviation).references;
  const named = mine.some((o) => o.red && o.fact?.ref !== undefined && (references as readonly string[]).includes(o.fact.ref));
  const red = mine.filter((o) => o.red).length;
  const firstLines = (o: Outcome) => o.message.split('\n').slice(0, 3).join('\n    ');
  if (mine.length === 0) problems.push(`${key}: no scenario ran`);
  for (const o of missed) problems.push(`${key}: not detected: ${scenarioKey(o)} [${o.project}] stayed green`);
  for (const o of collateral) problems.push(`${key}: collateral: ${scenarioKey(o)} [${o.project}] is red:\n    ${firstLines(o)}`);
  for (const o of unnamed) {
    problems.push(
      `${key}: no finding names a manual step or requirement: ${scenarioKey(o)} [${o.project}] (${o.fact ? `${o.fact.kind}` : 'no record'}): ${o.message.split('\n')[0]}`,
    );
  }
  // A deviation a person would not notice (the catalogue expects nothing red) is exact when everything stayed green.
  const expectsGreen = deviationOf(deviation).red.length === 0;
  if (red > 0 && !named && !expectsGreen) problems.push(`${key}: no red scenario's finding names ${references.join(' or ')}`);
  const ok = mine.length > 0 && missed.length === 0 && collateral.length === 0 && unnamed.length === 0 && (expectsGreen ? red === 0 : named && red > 0);
  return { ok, red, missed: missed.length, collateral: collateral.length, problems };
}
