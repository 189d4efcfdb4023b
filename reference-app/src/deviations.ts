/**
 * Deliberate deviations from the manual (and from OWASP's session rules), switched on one by one with
 * `DEVIATIONS=id,id` when the reference app starts. Never on by default. Each exists to prove that the suite
 * notices: `npm run sensitivity` runs the suite against the app with each one and checks that exactly the
 * scenarios listed in `red` fail. Each manual section keeps its own in `sections/<section>/deviations.json`
 * (beside the routes they change); this module gathers them into one catalogue. docs/deviations.md is generated
 * from it (`npm run deviations:doc`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Which projects a scenario runs on: the PC project, the smart-device ones, or all. */
export type Devices = 'pc' | 'sp' | 'all';

/** Scenarios are picked by tag: a feature's tag or a scenario's own tag (@sec-replay). */
export interface ExpectedRed {
  readonly tag: string;
  readonly devices: Devices;
}

export interface Deviation {
  /** What it breaks, in a reader's words. */
  readonly breaks: string;
  /** The manual step or OWASP requirement it contradicts; red scenarios' messages must name one of these. */
  readonly references: readonly string[];
  /** Scenarios expected to turn red (and no others). */
  readonly red: readonly ExpectedRed[];
  /**
   * What it changes: the markup (run by the quick sensitivity run in both markups) or only the server's
   * behaviour (the same in both markups: the quick run keeps to the bundled one; the full run does both).
   */
  readonly concerns: 'markup' | 'behaviour' | 'looks';
  /**
   * Looks only (concerns: 'looks', bundled markup): every scenario stays green, and exactly these published
   * figures (manual/<section>/figures.json) no longer match the approved ones (tests/integration/figure-drift.test.ts).
   */
  readonly drift?: readonly { readonly figure: string; readonly devices: Devices }[];
  /**
   * The markups in which the deviation is one (default both).
   */
  readonly markups?: readonly ('bundled' | 'hellowork')[];
  /** Why these scenarios and no others turn red, when the list needs saying why. */
  readonly why?: string;
  /**
   * Also run with the suite configured as a target of the app (as a site built elsewhere would be), in this markup:
   * for a deviation whose proof must not lean on the app's own records or settings.
   */
  readonly asTarget?: 'bundled' | 'hellowork';
  /**
   * Its effect shows only a while after the step that causes it: the sensitivity run keeps the suite's settle window
   * (NOTE_SETTLE_MS) for it, which its quick run sets to 0 for the others.
   */
  readonly late?: boolean;
}

/** A deviation id of the catalogue (any section's). */
export type DeviationId = string;

const DevicesSchema = z.enum(['pc', 'sp', 'all']);
const MarkupSchema = z.enum(['bundled', 'hellowork']);
const ExpectedRedSchema = z.object({ tag: z.string().regex(/^@/), devices: DevicesSchema }).strict();
const SectionDeviationSchema = z
  .object({
    breaks: z.string().min(1),
    references: z.array(z.string().min(1)),
    red: z.array(ExpectedRedSchema),
    concerns: z.enum(['markup', 'behaviour', 'looks']),
    why: z.string().min(1).optional(),
    drift: z.array(z.object({ figure: z.string().min(1), devices: DevicesSchema }).strict()).optional(),
    markups: z.array(MarkupSchema).optional(),
    asTarget: MarkupSchema.optional(),
    late: z.boolean().optional(),
  })
  .strict();
/**
 * A section's sample for the quick sensitivity run (scripts/sensitivity/plan.ts), in `sections/<section>/sensitivity.json`:
 * `rows` — for a feature whose scenarios differ only in where they start (a tag), the title text of the one that
 * stands for all of them; `groups` — scenarios that are red together whenever one procedure is broken: when a
 * deviation expects a whole group red, the quick run runs its `representative` only (`npm run sensitivity:full` runs
 * them all); `green` — scenarios (a title text or a tag) that every variant runs to show that nothing else turned red.
 */
const QuickSampleSchema = z
  .object({
    rows: z.record(z.string().regex(/^@/), z.string().min(1)),
    groups: z.array(z.object({ tags: z.array(z.string().regex(/^@/)).min(1), representative: z.string().regex(/^@/) }).strict()),
    green: z.array(z.string().min(1)),
  })
  .strict();
export type QuickSample = z.infer<typeof QuickSampleSchema>;

const SECTIONS_DIR = fileURLToPath(new URL('./sections/', import.meta.url));

function sectionFiles(name: string): string[] {
  return readdirSync(SECTIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(SECTIONS_DIR, entry.name, name))
    .filter((file) => existsSync(file))
    .sort();
}

function parsed<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/**
 * Every section's deviations (sections/<section>/deviations.json, an object of id → deviation as above), read when
 * this module loads, in folder order. A section's routes switch its own on (kit.deviations.has(id)). An id another
 * section already has stops the load.
 */
function sectionDeviations(): Record<string, Deviation> {
  const found: Record<string, Deviation> = {};
  for (const file of sectionFiles('deviations.json')) {
    for (const [id, deviation] of Object.entries(parsed(file, z.record(z.string().regex(/^[a-z0-9-]+$/), SectionDeviationSchema)))) {
      if (id in found) throw new Error(`${file}: deviation "${id}" is already in the catalogue`);
      found[id] = deviation;
    }
  }
  return found;
}

export const DEVIATIONS: Readonly<Record<DeviationId, Deviation>> = sectionDeviations();
export const DEVIATION_IDS = Object.keys(DEVIATIONS);

/** The catalogue's entry for an id; an id it lacks is an error naming the catalogue. */
export function deviationOf(id: DeviationId): Deviation {
  const deviation = DEVIATIONS[id];
  if (!deviation) throw new Error(`no deviation "${id}" in the catalogue (reference-app/src/sections/*/deviations.json)`);
  return deviation;
}

/** The quick sensitivity run's sample: every section's sensitivity.json, together. */
export const QUICK_SAMPLE: QuickSample = sectionFiles('sensitivity.json')
  .map((file) => parsed(file, QuickSampleSchema))
  .reduce<QuickSample>((all, one) => ({ rows: { ...all.rows, ...one.rows }, groups: [...all.groups, ...one.groups], green: [...all.green, ...one.green] }), {
    rows: {},
    groups: [],
    green: [],
  });

/** The tags of the scenarios the catalogue expects red with a deviation on a kind of device (pc-* / sp-* projects). */
export function redTags(deviation: DeviationId, device: 'pc' | 'sp'): string[] {
  const deviationInfo = deviationOf(deviation);
  return deviationInfo.red.filter((r) => r.devices === 'all' || r.devices === device).map((r) => r.tag);
}

/** Whether the catalogue expects a scenario (by its tags) to be red under a deviation on a project (pc-* / sp-*). */
export function expectedRed(deviation: DeviationId, tags: readonly string[], project: string): boolean {
  return redTags(deviation, project.startsWith('sp-') ? 'sp' : 'pc').some((tag) => tags.includes(tag));
}

export class Deviations {
  readonly #on: ReadonlySet<DeviationId>;

  constructor(ids: Iterable<DeviationId> = []) {
    this.#on = new Set(ids);
  }

  /** Parses `a,b` (spaces allowed); unknown ids are an error naming the known ones. */
  static parse(raw: string | undefined): Deviations {
    const ids = (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !(id in DEVIATIONS));
    if (unknown.length > 0) {
      throw new Error(`DEVIATIONS: unknown id(s) ${unknown.join(', ')}; known: ${DEVIATION_IDS.join(', ')}`);
    }
    return new Deviations(ids as DeviationId[]);
  }

  /** Whether the deviation is on; an id the catalogue lacks (a typo in the app) is an error, not "off". */
  has(id: DeviationId): boolean {
    deviationOf(id);
    return this.#on.has(id);
  }

  get list(): DeviationId[] {
    return [...this.#on];
  }
}
