/**
 * Deliberate deviations from the manual (and from OWASP's session rules), switched
 * on one by one with `DEVIATIONS=id,id` when the reference app starts. Never on by
 * default. Each exists to prove that the suite notices: `npm test` runs the suite
 * against the app with each one and checks that exactly the scenarios listed in
 * `red` fail (tests/sensitivity.test.ts). docs/deviations.md is generated from this
 * table (`npm run deviations:doc`). A manual section adds its own in sections/<section>/deviations.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Which projects a scenario runs on: the PC project, the smart-device ones, or all. */
export type Devices = 'pc' | 'sp' | 'all';

/** Scenarios are picked by tag: a feature's section tag (@3.3-1) or a scenario's own tag (@sec-replay). */
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
   * The markups in which the deviation is one (default both): where the top page shares My Page's origin (the
   * bundled markup), a copy of it on that origin IS the top page, so top-lookalike-on-mypage-host is run in the
   * hellowork markup only.
   */
  readonly markups?: readonly ('bundled' | 'hellowork')[];
}

/** The scenarios that check the top page after the logout (3.3(1)②, 3.3(2)③): both procedures and the 注意 that logs out of My Page. */
const seesTopPage: ExpectedRed[] = [
  { tag: '@3.3-1', devices: 'pc' },
  { tag: '@3.3-2', devices: 'sp' },
  { tag: '@note-mypage-logout', devices: 'all' },
];

/** The scenarios that log out of My Page by the device's procedure on their way to something else (注意, security). */
const LOGS_OUT_OF_MY_PAGE = ['@note-mypage-logout', '@note-both', '@sec-replay', '@sec-back', '@sec-tabs', '@sec-reach'] as const;

const logsOutOfMyPage = (devices: Devices): ExpectedRed[] => LOGS_OUT_OF_MY_PAGE.map((tag) => ({ tag, devices }));

/** A deviation that changes looks only: no scenario red, these published figures changed (bundled markup). */
const looksOnly = (breaks: string, drift: NonNullable<Deviation['drift']>): Deviation => ({ concerns: 'looks', breaks, references: [], red: [], drift });

const BUILT_IN = {
  'logout-missing-pc': {
    concerns: 'markup',
    breaks: 'PC: the header has no ログアウト button (the smart-device menu still has it)',
    references: ['3.3(1)①', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, ...logsOutOfMyPage('pc')],
  },
  'logout-renamed': {
    concerns: 'markup',
    breaks: 'ログアウト is renamed サインアウト (PC button and smart-device menu item)',
    references: ['3.3(1)①', '3.3(2)②', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, { tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('all')],
  },
  'logout-at-bottom': {
    concerns: 'markup',
    breaks: 'PC: the ログアウト button is moved from the top of the page to the bottom',
    references: ['3.3(1)①', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, ...logsOutOfMyPage('pc')],
  },
  'logout-to-login': {
    concerns: 'behaviour',
    breaks: 'logout lands on the login page instead of the top page',
    references: ['3.3(1)②', '3.3(2)③'],
    red: seesTopPage,
  },
  'top-section-missing': {
    concerns: 'markup',
    breaks: 'the top page lacks its 「事業者の方」 section',
    references: ['3.3(1)②', '3.3(2)③'],
    red: seesTopPage,
  },
  'sp-menu-button-missing': {
    concerns: 'markup',
    breaks: 'smart device: the header has no メニュー button',
    references: ['3.3(2)①', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('sp')],
  },
  'sp-menu-without-logout': {
    concerns: 'markup',
    breaks: 'smart device: the menu has no ログアウト item',
    references: ['3.3(2)②', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('sp')],
  },
  'session-kept-after-logout': {
    concerns: 'behaviour',
    breaks: 'logout expires the cookie but keeps the server-side session (the old cookie still works)',
    references: ['ASVS 7.4.1', '3.3(1)②', '3.3(2)③'],
    // The top-page check of 3.3 replays the session's old cookies in a fresh browser: logged out means logged out there too.
    red: [{ tag: '@sec-replay', devices: 'all' }, ...seesTopPage],
  },
  'mypage-cacheable': {
    concerns: 'behaviour',
    breaks: 'My Page responses are cacheable (Cache-Control: private, max-age=600 instead of no-store)',
    references: ['ASVS 14.3.2', 'ASVS 7.4.1', '3.3(1)②', '3.3(2)③'],
    // Re-opening My Page after the logout shows the cached page: the 3.3 scenarios' "session is over" check sees it too.
    // (The 注意 scenario reached My Page through the マイナポータル redirect chain; Chromium does not reuse that entry.)
    red: [
      { tag: '@sec-headers', devices: 'all' },
      { tag: '@sec-back', devices: 'all' },
      { tag: '@3.3-1', devices: 'pc' },
      { tag: '@3.3-2', devices: 'sp' },
    ],
  },
  'logout-unreachable-on-subpage': {
    concerns: 'markup',
    breaks: '「応募中の求人」 has neither the ログアウト button nor ログアウト in its menu',
    references: ['ASVS 7.4.4'],
    red: [{ tag: '@sec-reach', devices: 'all' }],
  },
  'mynaportal-backchannel': {
    concerns: 'behaviour',
    breaks: 'HelloWork registers a back-channel logout URI with マイナポータル and ends its session when マイナポータル logs out (joins 一斉ログアウト)',
    references: ['3.3(注意)①', '3.3(注意)②'],
    red: [{ tag: '@note-portal-logout', devices: 'all' }],
  },
  'mynaportal-rp-logout': {
    concerns: 'behaviour',
    breaks: 'HelloWork logout also calls マイナポータル end-session (RP-initiated logout), ending the マイナポータル session',
    references: ['3.3(注意)③'],
    red: [
      { tag: '@note-mypage-logout', devices: 'all' },
      { tag: '@note-both', devices: 'all' },
    ],
  },
  // The deviations below were added with the hellowork markup (REFERENCE_MARKUP=hellowork); they work in both markups.
  // Their `red` lists are provisional until the suite's checks for them exist.
  'logout-covered': {
    concerns: 'markup',
    breaks: 'PC: a fixed 「お知らせ」 banner is drawn over the ログアウト button (the button is visible, but a click at its centre lands on the banner)',
    references: ['3.3(1)①', 'ASVS 7.4.4'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, ...logsOutOfMyPage('pc')],
  },
  'logout-new-tab': {
    concerns: 'markup',
    breaks: 'the logout form has target="_blank": the top page opens in a new tab and the original tab stays on My Page',
    // The press is the manual step that fails (「新しいタブが開きました」); the top page the manual promises is not in this tab.
    references: ['3.3(1)①', '3.3(2)②', '3.3(1)②', '3.3(2)③'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, { tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('all').filter((r) => r.tag !== '@sec-reach')],
  },
  'logout-other-origin': {
    concerns: 'markup',
    breaks:
      'logout lands on another origin that serves the same top-page HTML (bundled: hellowork-mirror.localhost, hellowork markup: www2.hellowork.localhost)',
    references: ['3.3(1)②', '3.3(2)③'],
    red: seesTopPage,
  },
  'subscreen-served-after-logout': {
    concerns: 'behaviour',
    breaks: "after logout, the メッセージ screen still shows My Page (with the user's name) to the old session cookie; the other screens refuse it",
    references: ['ASVS 7.4.1', '3.3(1)②', '3.3(2)③'],
    red: [{ tag: '@sec-replay', devices: 'all' }, ...seesTopPage],
  },
  'sp-logout-below-fold': {
    concerns: 'markup',
    breaks:
      'smart device: the menu has so many お知らせ/ヘルプ items that ログアウト, its last item, is below the bottom of the viewport when the menu opens (reachable only by scrolling)',
    references: ['ASVS 7.4.4'],
    red: [{ tag: '@sec-reach', devices: 'sp' }],
  },
  'first-click-ignored': {
    concerns: 'markup',
    breaks: 'the first click/tap on ログアウト (PC button and menu item) does nothing (a script cancels the first submit); a second one works',
    references: ['3.3(1)①', '3.3(2)②'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, { tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('all').filter((r) => r.tag !== '@sec-reach')],
  },
  'late-single-logout': {
    concerns: 'behaviour',
    breaks:
      'about 3 s (LATE_LOGOUT_MS) after the user logs out of マイナポータル, HelloWork ends their My Page session, as if a single logout arrived late, with no back-channel delivery record',
    references: ['3.3(注意)①', '3.3(注意)②'],
    red: [{ tag: '@note-portal-logout', devices: 'all' }],
  },
  'slow-logout': {
    concerns: 'behaviour',
    breaks: 'the logout request answers only after 20 s (SLOW_LOGOUT_MS), then redirects as usual',
    // Red within the action timeout, at the press (「…の応答を待っています」), not after 20 s.
    references: ['3.3(1)①', '3.3(2)②'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, { tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('all').filter((r) => r.tag !== '@sec-reach')],
  },
  // The deviations below change where the logout control lives, what pressing it does first, and what a screen
  // or the page after the logout is. They work in both markups; their `red` lists are provisional until the suite has run them.
  'logout-in-shadow-header': {
    concerns: 'markup',
    breaks:
      'PC: the header is a custom element `<hw-header>` whose open shadow root (declarative: `<template shadowrootmode="open">`) holds its contents, ログアウト and its form included; it looks and works as before (the smart-device header and menu stay in the page)',
    // Nothing a person sees changes: every scenario must stay green, found through the shadow root.
    references: ['3.3(1)①'],
    red: [],
  },
  'logout-confirm-dialog': {
    concerns: 'markup',
    breaks:
      'pressing ログアウト (PC button and menu item) first asks 「ログアウトしますか？」 (window.confirm): cancel leaves the user on My Page, OK logs out as usual',
    references: ['3.3(1)①', '3.3(2)②'],
    red: [{ tag: '@3.3-1', devices: 'pc' }, { tag: '@3.3-2', devices: 'sp' }, ...logsOutOfMyPage('all').filter((r) => r.tag !== '@sec-reach')],
  },
  'screen-not-found': {
    concerns: 'behaviour',
    breaks: 'the 「応募中の求人」 screen answers 404 「ページが見つかりません」, logged in or not (the menus still link to it); the other screens are as usual',
    // After the logout, every screen is reopened to see the session over: 応募中の求人 shows neither itself nor the
    // logged-out page (3.3, @sec-replay); @sec-reach finds no logout on it. Its 404 still has Cache-Control: no-store.
    references: ['3.3(1)②', '3.3(2)③', 'ASVS 7.4.1', 'ASVS 7.4.4'],
    red: [...seesTopPage, { tag: '@sec-replay', devices: 'all' }, { tag: '@sec-reach', devices: 'all' }],
  },
  'sp-menu-details': {
    concerns: 'markup',
    breaks:
      'smart device: the menu is a `<details>` element (`<summary>メニュー</summary>` and a `<nav>` with the same items, ログアウト last) instead of a menu button and its panel; tapping メニュー opens it',
    // A person opens it and logs out as before: green once the profiles know the disclosure.
    references: ['3.3(2)①'],
    red: [],
  },
  'top-lookalike-on-mypage-host': {
    concerns: 'markup',
    breaks:
      'logout lands on a copy of the top page (200, no redirect) served by the My Page host (hellowork markup: http://kyushoku.hellowork.localhost/, not www.); in the bundled markup, where top page and My Page share one origin, at /top on that origin (the host only matters where the top page has its own)',
    references: ['3.3(1)②', '3.3(2)③'],
    red: seesTopPage,
    markups: ['hellowork'],
  },
  // Looks only: nothing the manual says changes, so no scenario turns red; the figures a manual writer publishes do.
  // Bundled markup only (the approved figures are the reference profile's). The sensitivity run leaves them out;
  // tests/integration/figure-drift.test.ts proves each changes exactly the figures listed in `drift`.
  'header-colour': looksOnly("My Page's header bar and its bottom line are crimson instead of blue (the top page keeps its colours)", [
    { figure: '3.3(1)①', devices: 'pc' },
    { figure: '3.3(2)①', devices: 'sp' },
    { figure: '3.3(2)②', devices: 'sp' },
  ]),
  'top-sections-reordered': looksOnly('the top page shows 「事業者の方」 first, before 「仕事をお探しの方」 (all three sections are still there)', [
    { figure: '3.3(1)②', devices: 'pc' },
    { figure: '3.3(2)③', devices: 'sp' },
  ]),
  'logout-label-halfwidth': looksOnly('ログアウト is written in half-width katakana, ﾛｸﾞｱｳﾄ (the same name after NFKC: the checks accept it with a remark)', [
    { figure: '3.3(1)①', devices: 'pc' },
    { figure: '3.3(2)②', devices: 'sp' },
  ]),
  'message-count-changed': looksOnly('My Page shows 7 new messages instead of 2 (a count the figures mask: no figure may change)', []),
} as const satisfies Record<string, Deviation>;

/** A deviation of the built-in catalogue above. */
export type BuiltInDeviationId = keyof typeof BUILT_IN;
/** A deviation of the catalogue: a built-in one, or one a manual section adds (sections/<section>/deviations.json). */
export type DeviationId = BuiltInDeviationId | (string & {});

const ExpectedRedSchema = z.object({ tag: z.string().regex(/^@/), devices: z.enum(['pc', 'sp', 'all']) }).strict();
const SectionDeviationSchema = z
  .object({
    breaks: z.string().min(1),
    references: z.array(z.string().min(1)),
    red: z.array(ExpectedRedSchema),
    concerns: z.enum(['markup', 'behaviour', 'looks']),
    drift: z.array(z.object({ figure: z.string().min(1), devices: z.enum(['pc', 'sp', 'all']) }).strict()).optional(),
    markups: z.array(z.enum(['bundled', 'hellowork'])).optional(),
  })
  .strict();

/**
 * The deviations the manual sections add, each section's in its own folder: sections/<section>/deviations.json, an
 * object of id → deviation (as above), read when this module loads. A section's routes switch its own on
 * (kit.deviations.has(id)). An id the built-in catalogue or another section already has stops the load.
 */
function sectionDeviations(): Record<string, Deviation> {
  const dir = fileURLToPath(new URL('./sections/', import.meta.url));
  const found: Record<string, Deviation> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'deviations.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = z.record(z.string().regex(/^[a-z0-9-]+$/), SectionDeviationSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const [id, deviation] of Object.entries(parsed.data)) {
      if (id in BUILT_IN || id in found) throw new Error(`${file}: deviation "${id}" is already in the catalogue`);
      found[id] = deviation;
    }
  }
  return found;
}

export const DEVIATIONS: Readonly<Record<BuiltInDeviationId, Deviation>> & Readonly<Record<string, Deviation>> = { ...BUILT_IN, ...sectionDeviations() };
export const DEVIATION_IDS = Object.keys(DEVIATIONS) as DeviationId[];

/** The catalogue's entry for an id; an id it lacks is an error naming the catalogue. */
export function deviationOf(id: DeviationId): Deviation {
  const deviation = DEVIATIONS[id];
  if (!deviation) throw new Error(`no deviation "${id}" in the catalogue (reference-app/src/deviations.ts, sections/*/deviations.json)`);
  return deviation;
}

/** The first Examples row of the 3.3 procedure features (they differ only in the screen logged out from). */
const HOME_ROW = '「求職者マイページホーム」画面から';

/**
 * The quick sensitivity run's sample (support/sensitivity.ts): `rows` — for a feature whose scenarios differ only
 * in where they start, the title text of the one that stands for all of them; `group` — scenarios that are red
 * together whenever the logout procedure itself is broken: when a deviation expects the whole group red, the quick
 * run runs its `representative` only (`npm run sensitivity:full` runs them all); `green` — scenarios (a title text
 * or a tag) that every variant runs to show that nothing else turned red.
 */
export const QUICK_SAMPLE: {
  readonly rows: Readonly<Record<string, string>>;
  readonly group: { readonly tags: readonly string[]; readonly representative: string };
  readonly green: readonly string[];
} = {
  rows: { '@3.3-1': HOME_ROW, '@3.3-2': HOME_ROW },
  group: { tags: LOGS_OUT_OF_MY_PAGE, representative: '@sec-replay' },
  green: [HOME_ROW, '@sec-headers'],
};

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
