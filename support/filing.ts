/**
 * Where a scenario is filed in the reports (Allure's epic / feature / story), read from the manual transcript
 * rather than written down per section: chapter (the transcript's `章:` line) / the transcript's title / the
 * section the scenario's tag names. A scenario of no manual section (e.g. the security checks) is filed as
 * beyond the manual, under its feature's name.
 */
import type { ManualIndex } from './manual.ts';

export interface Filing {
  readonly epic: string;
  readonly feature: string;
  readonly story?: string;
}

const BEYOND_THE_MANUAL = 'マニュアルの範囲外の確認';

export function filingOf(index: ManualIndex, tags: readonly string[], featureName: string): Filing {
  const section = index.sectionForTags(tags);
  if (!section) return { epic: BEYOND_THE_MANUAL, feature: featureName };
  const { manual } = section;
  return { epic: manual.chapter ?? manual.title, feature: manual.title, story: `${section.id} ${section.title}` };
}
