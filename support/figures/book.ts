/**
 * The figures a manual section publishes, as its folder declares them (manual/<section>/figures.json), and the
 * figures a manual writer approved (manual/<section>/figures/<target profile>/<manual id>/<project>.png).
 *
 * figures.json, per manual id:
 *   scenario   the scenario whose figure stands for the step (a part of its title): an outline's rows all
 *              save a figure, one of them is the published one;
 *   crop       "viewport" (default), "fullPage", or {"x","y","width","height"} in CSS pixels;
 *   masks      what legitimately changes (the user's name, counts, dates): each `{ "of": …, "sample": … }`, where
 *              `of` is locator alternatives as in a target profile, or "userName" (the profile's userName with the
 *              account's name; on a target, any text of that shape), and `sample` the manual's own value (for
 *              userName: the name, e.g. 明日 勇気). Before the screenshot the page shows the sample there instead
 *              (so a published figure shows the manual's values, never the test account's); the area is left out
 *              of the comparison; nothing is painted. userName needs a sample; another mask may go without one
 *              (then the page's own value shows);
 *   tolerance  the share of pixels (0–1) that may differ and still count as unchanged (default: defaults.tolerance).
 * Figures are taken at CSS scale (one image pixel per CSS pixel, whatever the device's pixel ratio), so that
 * a figure does not change with the screen it was taken on.
 *
 * Each comparison leaves a record (DriftRecord) in reports/figures/drift/<manual id>/<project>.json, with the
 * diff and side-by-side images beside it; the drift report, the sign-off and `npm run figures:approve` read them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ManualIndex } from '../manual.ts';
import { LocatorSpecSchema } from '../target-profile.ts';

const FIGURE_SPEC_FILE = 'figures.json';
const APPROVED_DIR = 'figures';
export const DRIFT_DIR = 'reports/figures/drift';

const Crop = z.union([
  z.literal('viewport'),
  z.literal('fullPage'),
  z.object({ x: z.number().min(0), y: z.number().min(0), width: z.number().positive(), height: z.number().positive() }).strict(),
]);
export type Crop = z.infer<typeof Crop>;

const Mask = z
  .object({ of: z.union([z.literal('userName'), LocatorSpecSchema]), sample: z.string().min(1).optional() })
  .strict()
  .refine((m) => m.of !== 'userName' || m.sample !== undefined, {
    message: "a userName mask needs a sample (the manual's sample name): a published figure must never show the test account's own name",
  });
export type MaskSpec = z.infer<typeof Mask>;

const FigureSpec = z
  .object({
    scenario: z.string().min(1),
    crop: Crop.optional(),
    masks: z.array(Mask).default([]),
    tolerance: z.number().min(0).max(1).optional(),
  })
  .strict();

const FigureSpecFileSchema = z
  .object({
    $comment: z.string().optional(),
    defaults: z.object({ tolerance: z.number().min(0).max(1), threshold: z.number().min(0).max(1).default(0.1) }).strict(),
    figures: z.record(z.string().min(1), FigureSpec),
  })
  .strict();

export interface FigurePlan {
  readonly manualId: string;
  /** The section folder the figure belongs to. */
  readonly sectionDir: string;
  readonly scenario: string;
  readonly crop: Crop;
  readonly masks: readonly MaskSpec[];
  readonly tolerance: number;
  readonly threshold: number;
}

/** The approved figure's path for a manual id, target profile and project. */
export function approvedPath(sectionDir: string, profile: string, manualId: string, project: string): string {
  return join(sectionDir, APPROVED_DIR, profile, manualId, `${project}.png`);
}

const loaded = new WeakMap<ManualIndex, Map<string, FigurePlan>>();

/** Every section's figure plans, by manual id (sections without figures.json publish none to compare); read once per index. */
export function loadFigurePlans(index: ManualIndex): Map<string, FigurePlan> {
  const known = loaded.get(index);
  if (known) return known;
  const plans = new Map<string, FigurePlan>();
  for (const manual of index.manuals) {
    const sectionDir = dirname(manual.file);
    const file = join(sectionDir, FIGURE_SPEC_FILE);
    if (!existsSync(file)) continue;
    const parsed = FigureSpecFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    const { defaults, figures } = parsed.data;
    for (const [manualId, spec] of Object.entries(figures)) {
      if (!index.byId(manualId)) throw new Error(`${file}: ${manualId} is not a manual id of ${manual.file}`);
      plans.set(manualId, {
        manualId,
        sectionDir,
        scenario: spec.scenario,
        crop: spec.crop ?? 'viewport',
        masks: spec.masks,
        tolerance: spec.tolerance ?? defaults.tolerance,
        threshold: defaults.threshold,
      });
    }
  }
  loaded.set(index, plans);
  return plans;
}

/** What one comparison found, as reports/figures/drift/<manual id>/<project>.json holds it. */
const DriftRecordSchema = z.object({
  manualId: z.string(),
  project: z.string(),
  /** The target profile the approved figure belongs to. */
  profile: z.string(),
  caption: z.string(),
  scenario: z.string(),
  status: z.enum(['unchanged', 'changed', 'no-approved']),
  /** Share of pixels that differ (0–1); absent without an approved figure. */
  ratio: z.number().optional(),
  tolerance: z.number(),
  sizes: z.object({ approved: z.string(), fresh: z.string() }).optional(),
  /** Paths relative to the checkout. */
  approved: z.string(),
  fresh: z.string(),
  diff: z.string().optional(),
  sideBySide: z.string().optional(),
});
export type DriftRecord = Readonly<z.infer<typeof DriftRecordSchema>>;

/** Where a run leaves its drift records: a shard in its own folder (shards may share a checkout), else DRIFT_DIR. */
export const driftDirOf = (shard: string | undefined): string => (shard ? `${DRIFT_DIR}/shard-${shard.split('/')[0]}` : DRIFT_DIR);

const SHARD_FOLDER = /^shard-\d+[\\/]/;

/**
 * The drift records of the last run in this checkout: a merge of shards (DRIFT_SHARDS=<total>, set by
 * scripts/merge-reports.ts) reads shard-1 … shard-<total>, a shard its own folder, an unsharded run DRIFT_DIR
 * without any shard's folder (records an earlier sharded run left are not this run's); a checkout with shards'
 * records only (merged shards) reads them all.
 */
export function runDriftRecords(env: NodeJS.ProcessEnv = process.env): DriftRecord[] {
  const total = Number(env.DRIFT_SHARDS);
  if (Number.isInteger(total) && total > 0)
    return Array.from({ length: total }, (_, i) => readDriftRecords(driftDirOf(`${i + 1}`)))
      .flat()
      .sort(byFigure);
  if (env.SHARD) return readDriftRecords(driftDirOf(env.SHARD));
  const own = readDriftRecords(DRIFT_DIR, { withShards: false });
  // Only shards' records in the checkout (e.g. after merging downloaded shards): those are the last run's.
  return own.length > 0 ? own : readDriftRecords(DRIFT_DIR);
}

const byFigure = (a: DriftRecord, b: DriftRecord) => a.manualId.localeCompare(b.manualId) || a.project.localeCompare(b.project);

/** The drift records under `dir` (manual id order, then project); `withShards: false` leaves out shard-<n> folders. */
export function readDriftRecords(dir: string = DRIFT_DIR, options: { withShards?: boolean } = {}): DriftRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && (options.withShards !== false || !SHARD_FOLDER.test(f)))
    .map((f) => DriftRecordSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))))
    .sort(byFigure);
}

/** A reader's percentage: 0.0123 → 1.23%. */
export const percent = (ratio: number | undefined) => (ratio === undefined ? '—' : `${(ratio * 100).toFixed(2)}%`);
