/**
 * What a manual section adds to the HelloWork stand-in, found rather than listed: every
 * `reference-app/src/sections/<section>/routes.ts` or `routes.tsx` is loaded at start-up (main.ts, before any
 * app is made) and its `register(kit)` is called once for every HelloWork app the process serves: both markups,
 * every REFERENCE_INSTANCES pair. See README.md beside this file.
 *
 * The kit is deliberately small. A section adds 求職者マイページ screens, each served like the built-in My Page
 * screens (same session check, same logged-out answer, same no-store headers, same layout) and may be linked
 * from the My Page navigation; it adds its parts of that layout on every screen (a control in the header, an item
 * at the end of the smart-device menu) and the form actions those parts post to.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { JobSeeker } from '../accounts.ts';
import type { Deviations } from '../deviations.ts';
import type { HelloWorkOrigins, Markup } from '../markup.ts';
import type { Session, SessionStore } from '../hellowork/sessions.ts';
import { wholeNumber } from '../shared/whole-number.ts';

/** What a screen's body is given to render. */
export interface SectionScreenView {
  /** The logged-in job seeker. */
  readonly user: JobSeeker;
  /** The session's CSRF token, for a form the screen posts (bundled field `csrf_token`; hellowork: HELLOWORK_TOKEN_FIELD). */
  readonly token: string;
}

/** A 求職者マイページ screen a section adds. */
export interface SectionScreen {
  /**
   * Where it is served, in the markup's own scheme (kit.markup says which):
   * - bundled: a path `/mypage/<lowercase letters>`, e.g. `/mypage/notice` (after a login that started there,
   *   the login returns to it, as for the built-in screens);
   * - hellowork: a Struts screen address `screenPath('<ID>')` from markup.ts, e.g.
   *   `/kyushoku/GEAF010010.do?action=initDisp&screenId=GEAF010010`.
   * It must not be one of the built-in screens' addresses nor another section's.
   */
  readonly path: string;
  /** The screen's title: the bundled markup's `<h1>` and `<title>`, the hellowork markup's `div.page_title` and `<title>`. */
  readonly title: string;
  /** When given, a link with this text to the screen in the My Page navigation (PC and smart-device menus), after the built-in ones. */
  readonly nav?: string;
  /** The screen's content, below the title, rendered inside the markup's My Page layout. */
  readonly body: (view: SectionScreenView) => JSX.Element;
}

/** What a section's parts of the My Page layout are given, on every screen. */
export interface LayoutView {
  readonly user: JobSeeker;
  /** The session's CSRF token (bundled field `csrf_token`; hellowork: HELLOWORK_TOKEN_FIELD). */
  readonly token: string;
  /** The screen being rendered: a built-in one's key (`home`, `search`, `messages`, `applications`) or an added screen's path. */
  readonly screen: string;
}

/**
 * A section's parts of every 求職者マイページ screen, in both markups (the section renders each for kit.markup;
 * null or undefined: nothing). Several sections' parts follow one another in folder order.
 */
export interface MyPageLayout {
  /** In the PC header, after the user's name. */
  readonly pcHeader?: (view: LayoutView) => Child;
  /** Texts of placeholder links at the end of the smart-device menu's list of screens. */
  readonly menuLinks?: (view: LayoutView) => readonly string[];
  /** The smart-device menu's last item, after its links. */
  readonly menuEnd?: (view: LayoutView) => Child;
  /** After the screen's content, inside the content area. */
  readonly contentEnd?: (view: LayoutView) => Child;
  /** At the end of the page (fixed overlays, scripts). */
  readonly pageEnd?: (view: LayoutView) => Child;
  /**
   * How the header is built: `pcHeaderInShadowRoot` — the PC header is a custom element holding its contents in
   * an open, declarative shadow root; `menu` — the smart-device menu opens from a button and its panel (default),
   * is a `<details>` disclosure, or is absent; `menuScrolls` — the menu's panel is as high as the viewport and scrolls.
   */
  readonly header?: { readonly pcHeaderInShadowRoot?: boolean; readonly menu?: 'button' | 'details' | 'none'; readonly menuScrolls?: boolean };
}

/** What a form action's handler is given: the logged-in session and what the site offers to act on it. */
export interface ActionContext {
  readonly c: Context;
  readonly session: Session;
  readonly sessions: SessionStore;
  /** The site's origins as this request sees them (top page, My Page, the mirror host). */
  readonly origins: HelloWorkOrigins;
  /** The login screen's address on the My Page origin. */
  readonly loginPath: string;
  /** Expires the session cookie in the answer. */
  expireSessionCookie(): void;
  /** The マイナポータル login of this site, when it has one: the RP-initiated logout address for an ID token. */
  readonly mynaportal?: { endSessionUrl(idToken: string): Promise<URL> };
}

/** A form a section's layout parts post to (POST only; the site checks the session and its CSRF token first). */
export interface SectionAction {
  /**
   * Where the form posts, in the markup's scheme: bundled `/mypage/<lowercase letters>`; hellowork
   * `screenPath('<ID>', '<action>')` (any screen id, an action other than initDisp).
   */
  readonly path: string;
  /**
   * Acts, then answers with the URL to send the browser to (the site redirects: 303 bundled, 302 hellowork).
   * Without a live session the site sends the browser to the top page; with a wrong token it answers 403.
   */
  readonly handle: (action: ActionContext) => Promise<string>;
}

/**
 * What the site does otherwise than usual, each a thing a real site might do (all off by default). A section's
 * deviations switch them on in `register`, by what the deviation needs: the site's code knows what changes, the
 * section's catalogue says why.
 */
export interface SiteChanges {
  /** 求職者マイページ answers may be cached (`Cache-Control: private, max-age=600` instead of no-store). */
  myPageCacheable: boolean;
  /** Built-in My Page screens (by key) that answer 404 「ページが見つかりません」, logged in or not (the menus still link to them). */
  screensNotFound: string[];
  /** The top page lacks its 「事業者の方」 section. */
  topWithoutEmployers: boolean;
  /** The bundled markup's top page shows 「事業者の方」 first. */
  topEmployersFirst: boolean;
  /** The mirror origin (markup.ts HelloWorkOrigins.mirror) serves the top page too. */
  mirrorServesTop: boolean;
  /** The My Page host serves a copy of the top page (bundled: at /top; hellowork: at / of the kyushoku host, which otherwise redirects to login). */
  topCopyOnMyPageHost: boolean;
  /** How many new messages the bundled markup's home screen shows, from the account's count (default: that count). */
  newMessages?: (count: number) => number;
  /** HelloWork registers a back-channel logout URI with マイナポータル and ends the sessions a logout token names. */
  joinsPortalSingleLogout: boolean;
  /**
   * When set, this long (ms) after the user logs out of マイナポータル, HelloWork ends the My Page sessions that logged in
   * with that portal session (an in-process hook, not a protocol message: マイナポータル records no delivery).
   */
  endsSessionsAfterPortalLogoutMs?: number;
}

/** The site as usual: nothing changed. */
export const siteAsUsual = (): SiteChanges => ({
  myPageCacheable: false,
  screensNotFound: [],
  topWithoutEmployers: false,
  topEmployersFirst: false,
  mirrorServesTop: false,
  topCopyOnMyPageHost: false,
  joinsPortalSingleLogout: false,
});

/** What `register` receives. */
export interface SectionKit {
  /** What the site does otherwise than usual: a section's deviation sets what it needs (all off by default). */
  readonly site: SiteChanges;
  /** The markup of the app being made: a section renders its screens (and picks their paths) for it. */
  readonly markup: Markup;
  /** The deviations switched on (DEVIATIONS=…): a section's own, from its deviations.json, change its screens. */
  readonly deviations: Pick<Deviations, 'has'>;
  /** A whole-number setting from 0 to `max` (milliseconds and the like): the app's options, else the environment, else `fallback`. */
  setting(name: string, fallback: number, max: number): number;
  /** Adds a 求職者マイページ screen, served only to a logged-in session. */
  myPageScreen(screen: SectionScreen): void;
  /** Adds the section's parts to every 求職者マイページ screen's layout. */
  myPageLayout(layout: MyPageLayout): void;
  /** Adds a form action (posted from the section's layout parts or screens). */
  myPageAction(action: SectionAction): void;
  /**
   * Lets a screen be served to a cookie whose session the site no longer has: `lookup(id, screen)` may answer a
   * session for it (screen: a built-in key or an added path). Nothing by default.
   */
  servesEndedSession(lookup: (id: string, screen: string) => Session | undefined): void;
}

/** A section's routes module: `export function register(kit: SectionKit): void` (or the same as its default export). */
export type RegisterSection = (kit: SectionKit) => void;

/** A loaded section: its folder name and its register function. */
export interface Section {
  readonly name: string;
  readonly register: RegisterSection;
}

/** A link of the My Page navigation that a section added. */
export interface SectionNavLink {
  readonly path: string;
  readonly label: string;
}

/** What the sections added to one app (what the markup's app wires). */
export interface SectionScreens {
  readonly screens: readonly (SectionScreen & { readonly section: string })[];
  readonly nav: readonly SectionNavLink[];
  readonly layout: readonly MyPageLayout[];
  readonly actions: readonly (SectionAction & { readonly section: string })[];
  /** What the sections' deviations changed of the site. */
  readonly site: SiteChanges;
  /** The session a section lets a screen serve to a cookie the site no longer has a session for, if any. */
  endedSession(id: string | undefined, screen: string): Session | undefined;
}

export const SECTIONS_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROUTES_FILES = ['routes.ts', 'routes.tsx'];

/** Every `<dir>/<section>/routes.ts(x)`, imported, in folder order. */
export async function loadSections(dir: string = SECTIONS_DIR): Promise<Section[]> {
  if (!existsSync(dir)) return [];
  const sections: Section[] = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of folders) {
    const file = ROUTES_FILES.map((f) => join(dir, name, f)).find((f) => existsSync(f));
    if (!file) continue;
    const module = (await import(pathToFileURL(file).href)) as { register?: unknown; default?: unknown };
    const register = module.register ?? module.default;
    if (typeof register !== 'function') {
      throw new Error(`${file}: a section's routes module must export register(kit) (or make it the default export)`);
    }
    sections.push({ name, register: register as RegisterSection });
  }
  return sections;
}

const BUNDLED_PATH = /^\/mypage\/[a-z]+$/;
const HELLOWORK_PATH = /^\/kyushoku\/([A-Z0-9]+)\.do\?action=initDisp&screenId=\1$/;
const HELLOWORK_ACTION = /^\/kyushoku\/([A-Z0-9]+)\.do\?action=(?!initDisp&)[A-Za-z]+&screenId=\1$/;

/** The options a kit's settings come from (the app's, then the environment). */
export type SectionSettings = Readonly<Record<string, number | undefined>>;

/**
 * Calls every section's register with a kit for this markup and returns what they added. `taken`: the built-in
 * addresses a section may not reuse. A wrong path stops the app's start with the section's name.
 */
export function collectSectionScreens(
  sections: readonly Section[],
  markup: Markup,
  deviations: Deviations,
  taken: readonly string[],
  settings: SectionSettings = {},
): SectionScreens {
  const screens: (SectionScreen & { section: string })[] = [];
  const layout: MyPageLayout[] = [];
  const actions: (SectionAction & { section: string })[] = [];
  const lookups: ((id: string, screen: string) => Session | undefined)[] = [];
  const site = siteAsUsual();
  /** Every address already taken: the built-in ones, then what the sections added so far. */
  const served = () => [...taken, ...screens.map((s) => s.path), ...actions.map((a) => a.path)];
  for (const section of sections) {
    const where = `reference-app/src/sections/${section.name}`;
    const kit: SectionKit = {
      site,
      markup,
      deviations,
      setting(name, fallback, max) {
        try {
          return wholeNumber(name, settings[name] ?? process.env[name], fallback, max);
        } catch (error) {
          throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      myPageScreen(screen) {
        const pattern = markup === 'hellowork' ? HELLOWORK_PATH : BUNDLED_PATH;
        const at = `${where}: myPageScreen "${screen.title}"`;
        if (!pattern.test(screen.path)) {
          const wanted =
            markup === 'hellowork'
              ? "screenPath('<ID>') from markup.ts, e.g. /kyushoku/GEAF010010.do?action=initDisp&screenId=GEAF010010"
              : '/mypage/<lowercase letters>';
          throw new Error(`${at}: in the ${markup} markup its path must be ${wanted}, got "${screen.path}"`);
        }
        const id = screenIdOf(screen.path);
        const clash = served().find((p) => p === screen.path || (id !== undefined && screenIdOf(p) === id && !HELLOWORK_ACTION.test(p)));
        if (clash) throw new Error(`${at}: path "${screen.path}" is already served (${clash})`);
        screens.push({ ...screen, section: section.name });
      },
      myPageLayout(parts) {
        layout.push(parts);
      },
      myPageAction(action) {
        const pattern = markup === 'hellowork' ? HELLOWORK_ACTION : BUNDLED_PATH;
        const at = `${where}: myPageAction`;
        if (!pattern.test(action.path)) {
          const wanted =
            markup === 'hellowork' ? "screenPath('<ID>', '<action>') from markup.ts, an action other than initDisp" : '/mypage/<lowercase letters>';
          throw new Error(`${at}: in the ${markup} markup its path must be ${wanted}, got "${action.path}"`);
        }
        const clash = served().find((p) => p === action.path);
        if (clash) throw new Error(`${at}: path "${action.path}" is already served (${clash})`);
        actions.push({ ...action, section: section.name });
      },
      servesEndedSession(lookup) {
        lookups.push(lookup);
      },
    };
    section.register(kit);
  }
  return {
    screens,
    nav: screens.flatMap((s) => (s.nav ? [{ path: s.path, label: s.nav }] : [])),
    layout,
    actions,
    site,
    endedSession: (id, screen) => {
      if (!id) return undefined;
      for (const lookup of lookups) {
        const session = lookup(id, screen);
        if (session) return session;
      }
      return undefined;
    },
  };
}

/** The Struts screen id of a hellowork-markup address (undefined for other paths). */
export function screenIdOf(path: string): string | undefined {
  return /^\/kyushoku\/[A-Z0-9]+\.do\?(?:.*&)?screenId=([A-Z0-9]+)/.exec(path)?.[1];
}

/** The sections' layout parts for one screen, gathered: what a markup's layout renders where. */
export interface LayoutParts {
  readonly pcHeader: Child[];
  readonly menuLinks: readonly string[];
  readonly menuEnd: Child[];
  readonly contentEnd: Child[];
  readonly pageEnd: Child[];
  readonly pcHeaderInShadowRoot: boolean;
  readonly menu: 'button' | 'details' | 'none';
  readonly menuScrolls: boolean;
}

const present = (parts: readonly Child[]): Child[] => parts.filter((p) => p !== null && p !== undefined && p !== false);

/** Calls every section's layout parts for a screen (none: the layout as it is without sections). */
export function layoutParts(layout: readonly MyPageLayout[] = [], view: LayoutView): LayoutParts {
  const menus = layout.map((l) => l.header?.menu).filter((m) => m !== undefined && m !== 'button');
  return {
    pcHeader: present(layout.map((l) => l.pcHeader?.(view))),
    menuLinks: layout.flatMap((l) => l.menuLinks?.(view) ?? []),
    menuEnd: present(layout.map((l) => l.menuEnd?.(view))),
    contentEnd: present(layout.map((l) => l.contentEnd?.(view))),
    pageEnd: present(layout.map((l) => l.pageEnd?.(view))),
    pcHeaderInShadowRoot: layout.some((l) => l.header?.pcHeaderInShadowRoot),
    menu: menus.includes('none') ? 'none' : (menus[0] ?? 'button'),
    menuScrolls: layout.some((l) => l.header?.menuScrolls),
  };
}
