/**
 * The suggested profile of `npm run target:check`: a copy of the profile as loaded, where
 * - an entry that found nothing and has exactly ONE candidate gets that candidate prepended as a new alternative
 *   (the alternative the browser work checked to make the suite's locator take that very element);
 * - a screen whose title was read unambiguously but not matched gets the read title appended to its titles (the
 *   manual's stays first);
 * - paths.cookieScope, when no session cookie is sent to it and the cookies set at login share one path, gets that path.
 * Ambiguous entries and entries with several candidates are left as they are (a person must choose). The result is
 * validated with TargetProfileSchema and named `<name>-suggested`.
 */
import { folded, LocatorSpecSchema, type LocatorSpec, type TargetProfile, TargetProfileSchema, titlesOf } from '../../support/target-profile.ts';
import type { Alternative, ElementSeen, Finding, SpecEntry } from './findings.ts';

export interface Change {
  /** The profile entry changed (sections.<section>.<key>, screens.メッセージ.title, paths.cookieScope). */
  readonly entry: string;
  /** What was done, for the reader: 「先頭に {"role":"button","name":"ログアウト"} を追加」. */
  readonly description: string;
}

export interface Suggestion {
  readonly profile: TargetProfile;
  readonly changes: readonly Change[];
}

const SUFFIX = '-suggested';

/** The keys leading to an entry: a section's name may hold dots (sections.3.3-logout.logout). */
function keysOf(entry: SpecEntry): string[] {
  if (!entry.startsWith('sections.')) return entry.split('.');
  const rest = entry.slice('sections.'.length);
  const last = rest.lastIndexOf('.');
  return ['sections', rest.slice(0, last), rest.slice(last + 1)];
}

/** The locator spec held by a profile entry such as sections.3.3-logout.logout. */
export function specOf(profile: TargetProfile, entry: SpecEntry): LocatorSpec {
  let node: unknown = profile;
  for (const key of keysOf(entry)) node = (node as Record<string, unknown>)[key];
  return node as LocatorSpec;
}

function setSpec(profile: TargetProfile, entry: SpecEntry, spec: LocatorSpec): void {
  const keys = keysOf(entry);
  const last = keys.pop() as string;
  let node: unknown = profile;
  for (const key of keys) node = (node as Record<string, unknown>)[key];
  (node as Record<string, unknown>)[last] = spec;
}

const json = (alt: Alternative) => JSON.stringify(alt);

/** An alternative the schema accepts (a role getByRole understands, a non-empty name …). */
const valid = (alt: Alternative): boolean => LocatorSpecSchema.safeParse([alt]).success;

/** The CSS path Playwright can use: its css engine pierces open shadow roots, so the part inside the last one. */
export const cssOf = (path: string): string => path.split(' >>> ').at(-1) ?? path;

/**
 * The alternatives that would find an element, best first: a <summary> by its text (getByRole has no role for it);
 * `{ role, name }` when Playwright gives it a role the schema knows and a name (`named: false`, for an entry that
 * names every screen's title, leaves the name out: `{ role, level }` for a heading); then its CSS path.
 * The browser work keeps the first that makes the suite's locator take that very element.
 */
export function alternativesFor(seen: ElementSeen & { level?: number }, options: { word?: string; named?: boolean } = {}): Alternative[] {
  const named = options.named ?? true;
  const out: Alternative[] = [];
  if (seen.tag === 'summary') {
    const text = (options.word ?? seen.name).replace(/'/g, "\\'");
    if (text) out.push({ css: `summary:has-text('${text}')` });
  } else if (named && seen.name.trim()) {
    out.push({ role: seen.role, name: seen.name.trim() } as Alternative);
  } else if (!named) {
    out.push((seen.role === 'heading' && seen.level ? { role: 'heading', level: seen.level } : { role: seen.role }) as Alternative);
  }
  if (seen.path) out.push({ css: cssOf(seen.path) });
  const seenKeys = new Set<string>();
  return out.filter((alt) => valid(alt) && !seenKeys.has(json(alt)) && seenKeys.add(json(alt)));
}

/** The suggested profile: see the module's comment. Pure: `profile` is not changed. */
export function suggestProfile(profile: TargetProfile, findings: readonly Finding[]): Suggestion {
  const next = structuredClone(profile) as TargetProfile;
  next.name = `${profile.name.endsWith(SUFFIX) ? profile.name.slice(0, -SUFFIX.length) : profile.name}${SUFFIX}`;
  const changes: Change[] = [];

  // Locator entries: one alternative per entry, from findings that found nothing and have exactly one candidate
  // (screenTitle may be asked by several screens: added only when they all point the same way).
  const proposed = new Map<SpecEntry, Map<string, Alternative>>();
  for (const f of findings) {
    if (f.status !== 'missing' || !f.fixes || f.candidates.length !== 1) continue;
    const alt = f.candidates[0]?.alternative;
    if (!alt) continue;
    const byJson = proposed.get(f.fixes) ?? new Map<string, Alternative>();
    byJson.set(json(alt), alt);
    proposed.set(f.fixes, byJson);
  }
  for (const [entry, alternatives] of proposed) {
    if (alternatives.size !== 1) continue;
    const [alt] = [...alternatives.values()];
    if (!alt) continue;
    const spec = specOf(next, entry);
    if (spec.some((a) => json(a) === json(alt))) continue;
    setSpec(next, entry, [alt, ...spec]);
    changes.push({ entry, description: `先頭に ${json(alt)} を追加` });
  }

  // Screen titles: read unambiguously (one text) but not one of the configured ones; or, when nothing named the
  // screen, the one candidate's text (it was found as containing the title, and the suite reads a title whole).
  for (const f of findings) {
    const screen = f.screen;
    if (f.status !== 'missing' || !screen?.fromProfile) continue;
    const configured = next.screens[screen.name];
    if (!configured) continue;
    const read = [...new Set(screen.read.map(folded))];
    const only = f.candidates.length === 1 ? f.candidates[0] : undefined;
    const title =
      read.length === 1 ? read[0] : read.length === 0 && only?.alternative && proposed.get('screenTitle')?.size === 1 ? folded(only.name) : undefined;
    if (!title) continue;
    const titles = titlesOf(configured.title);
    if (titles.some((t) => folded(t) === title)) continue;
    configured.title = [...titles, title];
    changes.push({ entry: `screens.${screen.name}.title`, description: `「${title}」を追加（${titles.map((t) => `「${t}」`).join('')}の後）` });
  }

  // The cookie scope.
  const cookie = findings.find((f) => f.entry === 'paths.cookieScope' && f.status === 'missing' && f.cookiePath);
  if (cookie?.cookiePath && cookie.cookiePath !== next.paths.cookieScope) {
    changes.push({ entry: 'paths.cookieScope', description: `「${next.paths.cookieScope}」を「${cookie.cookiePath}」に変更` });
    next.paths.cookieScope = cookie.cookiePath;
  }

  // What is written must load as any profile does (a bug here would hand the reader a file the suite refuses).
  const checked = TargetProfileSchema.safeParse(next);
  if (!checked.success) {
    throw new Error(`the suggested profile is not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { profile: next, changes };
}
