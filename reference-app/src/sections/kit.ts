/**
 * What a manual section adds to the HelloWork stand-in, found rather than listed: every
 * `reference-app/src/sections/<section>/routes.ts` or `routes.tsx` is loaded at start-up (main.ts, before any
 * app is made) and its `register(kit)` is called once for every HelloWork app the process serves: both markups,
 * every REFERENCE_INSTANCES pair. See README.md beside this file.
 *
 * The kit is deliberately small: a section adds 求職者マイページ screens. Each is served like the built-in
 * My Page screens (same session check, same logged-out answer, same no-store headers, same header with the
 * logout controls and every deviation that changes them) and may be linked from the My Page navigation.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { JobSeeker } from '../accounts.ts';
import type { Deviations } from '../deviations.ts';
import type { Markup } from '../markup.ts';

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

/** What `register` receives. */
export interface SectionKit {
  /** The markup of the app being made: a section renders its screens (and picks their paths) for it. */
  readonly markup: Markup;
  /** The deviations switched on (DEVIATIONS=…): a section's own, from its deviations.json, change its screens. */
  readonly deviations: Pick<Deviations, 'has'>;
  /** Adds a 求職者マイページ screen, served only to a logged-in session. */
  myPageScreen(screen: SectionScreen): void;
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

/** The screens and links the sections added to one app (what the markup's app wires). */
export interface SectionScreens {
  readonly screens: readonly (SectionScreen & { readonly section: string })[];
  readonly nav: readonly SectionNavLink[];
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

/**
 * Calls every section's register with a kit for this markup and returns what they added. `taken`: the built-in
 * addresses a section may not reuse. A wrong path stops the app's start with the section's name.
 */
export function collectSectionScreens(sections: readonly Section[], markup: Markup, deviations: Deviations, taken: readonly string[]): SectionScreens {
  const screens: (SectionScreen & { section: string })[] = [];
  for (const section of sections) {
    const kit: SectionKit = {
      markup,
      deviations,
      myPageScreen(screen) {
        const pattern = markup === 'hellowork' ? HELLOWORK_PATH : BUNDLED_PATH;
        const where = `reference-app/src/sections/${section.name}: myPageScreen "${screen.title}"`;
        if (!pattern.test(screen.path)) {
          const wanted =
            markup === 'hellowork'
              ? "screenPath('<ID>') from markup.ts, e.g. /kyushoku/GEAF010010.do?action=initDisp&screenId=GEAF010010"
              : '/mypage/<lowercase letters>';
          throw new Error(`${where}: in the ${markup} markup its path must be ${wanted}, got "${screen.path}"`);
        }
        const id = screenIdOf(screen.path);
        const clash = [...taken, ...screens.map((s) => s.path)].find((p) => p === screen.path || (id !== undefined && screenIdOf(p) === id));
        if (clash) throw new Error(`${where}: path "${screen.path}" is already served (${clash})`);
        screens.push({ ...screen, section: section.name });
      },
    };
    section.register(kit);
  }
  return { screens, nav: screens.flatMap((s) => (s.nav ? [{ path: s.path, label: s.nav }] : [])) };
}

/** The Struts screen id of a hellowork-markup address (undefined for other paths). */
export function screenIdOf(path: string): string | undefined {
  return /^\/kyushoku\/[A-Z0-9]+\.do\?(?:.*&)?screenId=([A-Z0-9]+)/.exec(path)?.[1];
}
