/**
 * Deliberate deviations from the manual, switched on one by one with
 * `DEVIATIONS=id,id` when the reference app starts. Never on by default.
 * Each exists to prove that the suite notices when the site stops matching
 * the manual (see docs/deviations.md for the table of expected red scenarios).
 */
export const DEVIATIONS = {
  'mynaportal-backchannel': {
    breaks: 'HelloWork registers a back-channel logout URI with マイナポータル and ends its session when マイナポータル logs out (joins 一斉ログアウト)',
    manual: '3.3(注意)①②',
  },
  'mynaportal-rp-logout': {
    breaks: 'HelloWork logout also calls マイナポータル end-session (RP-initiated logout), ending the マイナポータル session',
    manual: '3.3(注意)③',
  },
} as const satisfies Record<string, { breaks: string; manual: string }>;

export type DeviationId = keyof typeof DEVIATIONS;

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
      throw new Error(`DEVIATIONS: unknown id(s) ${unknown.join(', ')}; known: ${Object.keys(DEVIATIONS).join(', ')}`);
    }
    return new Deviations(ids as DeviationId[]);
  }

  has(id: DeviationId): boolean {
    return this.#on.has(id);
  }

  get list(): DeviationId[] {
    return [...this.#on];
  }
}
