/**
 * The sensitivity run's features: one copy of features/ per variant, in the variant's own folder
 * (`.sensitivity-gen/features/<variantDir>/`), so that the scenarios of every variant are tests of the same device
 * projects and any worker can take any of them: the worker tells the variant from the test file's folder
 * (fixtures/test.ts), instead of one project (and one worker start) per variant. Written by run.ts before bddgen.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Variant, variantDir } from './plan.ts';

/** Where the copies go, and where bddgen writes their tests (read by config.ts). */
export const SENSITIVITY_FEATURES = '.sensitivity-gen/features';
export const SENSITIVITY_TESTS = '.sensitivity-gen/tests';

export function writeVariantFeatures(plan: readonly Variant[], from = 'features', to = SENSITIVITY_FEATURES): void {
  rmSync(to, { recursive: true, force: true });
  for (const { key } of plan) cpSync(from, join(to, variantDir(key)), { recursive: true });
}
