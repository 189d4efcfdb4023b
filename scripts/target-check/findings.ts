/**
 * `npm run target:check`: what it found, as data. The browser work (check.ts) produces these; the suggestion
 * builder (suggest.ts) and the formatters (format.ts) read them and nothing else, so both are testable without a
 * browser.
 */
import type { LocatorSpec } from '../../support/target-profile.ts';

/** One alternative of a locator spec (`{ role, name }`, `{ label }`, `{ text }` or `{ css }`). */
export type Alternative = LocatorSpec[number];

/**
 * found: the entry finds what it should (exactly one visible element for an entry that names one control);
 * missing: it finds nothing visible, or a screen's title does not read as configured;
 * ambiguous: more than one visible element (the suite takes the first in document order);
 * wrong: found where it must not be (loggedOut while logged in), or an action it leads to failed;
 * unchecked: could not be looked at (the login failed before it);
 * info: reported, not counted (login.error after a successful login, say).
 */
export type Status = 'found' | 'missing' | 'ambiguous' | 'wrong' | 'unchecked' | 'info';

/** An element on the page as a reader would point at it. */
export interface ElementSeen {
  /** ARIA role as Playwright reads it (button, link, heading, textbox …), else the tag name. */
  readonly role: string;
  readonly tag: string;
  /** Accessible name (Playwright's, where it gives one), else the rendered text. */
  readonly name: string;
  /** A CSS path: tag#id or tag.classes, under its parent's (a shadow root's host, then `>>>`, for one inside). */
  readonly path: string;
  /** Top edge in the document, CSS px (undefined for an element without a box). */
  readonly top?: number;
  readonly visible: boolean;
}

/** A control or text a person would pick for a missing entry, with the alternative that finds it (checked live). */
export interface Candidate extends ElementSeen {
  /** The alternative that makes the suite's locator take this very element (undefined: none found that does). */
  readonly alternative?: Alternative;
}

/** A profile entry holding a locator spec: what a single candidate is added to. */
export type SpecEntry =
  | 'login.id'
  | 'login.password'
  | 'login.submit'
  | 'screenTitle'
  | 'top.blockTitle'
  /** An entry of a section's block: sections.<section>.<key>. */
  | `sections.${string}`;

export interface ScreenSeen {
  /** The screen's name (the features'). */
  readonly name: string;
  readonly url: string;
  readonly httpStatus?: number;
  /** The texts of every visible element the profile's screenTitle matches. */
  readonly read: readonly string[];
  /** The titles configured for it, the manual's first. */
  readonly titles: readonly string[];
  /** The setting that defines it (プロファイル … の screens.X, or TARGET_MYPAGE_SCREENS の X). */
  readonly setting: string;
  /** Whether the profile's screens list defines it (else TARGET_MYPAGE_SCREENS does: the profile is not where to fix it). */
  readonly fromProfile: boolean;
}

export interface Finding {
  /** The profile entry (login.id, sections.<section>.<key>, screens.メッセージ, userName, loggedOut, paths.cookieScope …). */
  readonly entry: string;
  /** Which device and screen it was looked at on: 「PC ログイン画面」. */
  readonly where: string;
  readonly status: Status;
  /** One short phrase for the reader: what was seen, or why it counts as a problem. */
  readonly summary: string;
  /** What the profile says to look for, in words (describeSpec). */
  readonly searched?: string;
  /** Every element the entry's locator matched (visible first, in the order the suite would take them). */
  readonly matches: readonly ElementSeen[];
  readonly candidates: readonly Candidate[];
  /** The entry a single candidate would be added to (screens.X: screenTitle, when nothing names the screen at all). */
  readonly fixes?: SpecEntry;
  readonly screen?: ScreenSeen;
  /** paths.cookieScope: the one path the session's cookies have, when the configured one gets none of them. */
  readonly cookiePath?: string;
}

/** A cookie as reported: never its value. */
export interface CookieSeen {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: string;
}

export interface LogoutSeen {
  /** Where the PC logout landed, or why it could not be done. */
  readonly url?: string;
  readonly error?: string;
  /** Whether that is the configured top origin. */
  readonly onTopOrigin?: boolean;
}

export interface TargetCheckResult {
  /** What was checked, in words: 「同梱の参照アプリ（REFERENCE_MARKUP=bundled）」 or 「TARGET_URL=…」. */
  readonly target: string;
  /** describeOrigins(suite): both origins and where each came from. */
  readonly origins: string;
  readonly topOrigin: string;
  readonly topOriginSource: string;
  readonly profileName: string;
  /** Where the profile came from: 「TARGET_PROFILE=…」 or the default, with its file. */
  readonly profileSource: string;
  readonly findings: readonly Finding[];
  /** The PC context's cookies right after the login (no values). */
  readonly cookies: readonly CookieSeen[];
  readonly logout?: LogoutSeen;
  /** How long the check took, in seconds. */
  readonly seconds?: number;
}

/** The statuses a count is made of: everything but info. */
export const COUNTED: readonly Status[] = ['found', 'missing', 'ambiguous', 'wrong', 'unchecked'];

export function counts(findings: readonly Finding[]): Record<Status, number> & { total: number } {
  const c = { found: 0, missing: 0, ambiguous: 0, wrong: 0, unchecked: 0, info: 0, total: 0 };
  for (const f of findings) {
    c[f.status]++;
    if (f.status !== 'info') c.total++;
  }
  return c;
}

/** A problem: anything counted that is not found. */
export const isProblem = (f: Finding): boolean => f.status !== 'found' && f.status !== 'info';

/** 0 when every entry is found, 1 otherwise (2, for a run that could not start, is the script's). */
export const exitCodeOf = (result: TargetCheckResult): 0 | 1 => (result.findings.some(isProblem) ? 1 : 0);
