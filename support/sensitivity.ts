/**
 * The sensitivity run's plan: which deviations run in which markup, which as a configured target, and which
 * scenarios each runs. Shared by playwright.sensitivity.config.ts (projects), fixtures/test.ts (expected reds)
 * and scripts/sensitivity.ts (the verdict).
 *
 * A variant is a deviation in one setting, keyed `<deviation>` (bundled markup), `<deviation>@hellowork` (the real
 * site's structure, checked with the hellowork profile) or `<deviation>@target` (the suite configured as a target
 * against the bundled app: no records of the app are read, the screen alone must show the deviation).
 *
 * The quick run (npm test) runs, per variant and device profile, the scenarios the catalogue expects red plus a
 * sample that must stay green; `npm run sensitivity:full` runs every scenario and proves the sample misses nothing.
 */
import { DEVIATION_IDS, DEVIATIONS, type DeviationId } from '../reference-app/src/deviations.ts';
import { escapeRegExp } from './target-profile.ts';

export type VariantSetting = 'bundled' | 'hellowork' | 'target';

export interface Variant {
  readonly key: string;
  readonly deviation: DeviationId;
  readonly setting: VariantSetting;
}

/** Deviations that are also run with the suite configured as a target (their proof must not lean on the app's records). */
const AS_TARGET: readonly DeviationId[] = ['late-single-logout'];

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
    for (const setting of settings) {
      if (setting === 'target' && !AS_TARGET.includes(deviation)) continue;
      if (setting === 'hellowork' && !full && DEVIATIONS[deviation].concerns !== 'markup') continue;
      out.push({ key: setting === 'bundled' ? deviation : `${deviation}@${setting}`, deviation, setting });
    }
  }
  return out;
}

export function variantOf(key: string): Variant | undefined {
  const [deviation, setting = 'bundled'] = key.split('@') as [string, string | undefined];
  if (!(deviation in DEVIATIONS) || !['bundled', 'hellowork', 'target'].includes(setting)) return undefined;
  return { key, deviation: deviation as DeviationId, setting: setting as VariantSetting };
}

/** The first Examples row of the 3.3 features: the quick run's stand-in for the three rows (they differ only in the screen logged out from). */
const HOME_ROW = '「求職者マイページホーム」画面から';

/** Scenarios run by every variant of the quick run whether or not they are expected red: the others must stay green. */
export const GREEN_SAMPLE: readonly string[] = [HOME_ROW, '@sec-headers'];

const tagPattern = (tag: string) => `${escapeRegExp(tag)}(?![\\w-])`;
const has = (pattern: string) => `(?=.*${pattern})`;

/**
 * The grep of a variant's project: its device class's tag AND (an expected-red scenario OR one of the green sample);
 * the quick run takes the 3.3 features' home-screen row for their three rows. `full` drops the second condition.
 */
export function scenarioGrep(deviation: DeviationId, deviceTag: '@pc' | '@sp', full: boolean): RegExp {
  const device = has(tagPattern(deviceTag));
  if (full) return new RegExp(`^${device}`);
  const red = DEVIATIONS[deviation].red
    .filter((r) => r.devices === 'all' || `@${r.devices}` === deviceTag)
    .map((r) => (/^@3\.3-[12]$/.test(r.tag) ? `${has(tagPattern(r.tag))}${has(escapeRegExp(HOME_ROW))}` : has(tagPattern(r.tag))));
  const sample = GREEN_SAMPLE.map((s) => has(s.startsWith('@') ? tagPattern(s) : escapeRegExp(s)));
  return new RegExp(`^${device}(?:${[...red, ...sample].join('|')})`);
}
