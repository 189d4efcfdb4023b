/**
 * A target profile: everything the page objects assume about a site's markup, in one
 * validated file (profiles/<name>.json, or any JSON file named by TARGET_PROFILE).
 *
 * A profile says WHERE things are (which element names a screen, where the login
 * fields and the logout control are, what a "logged out" page shows, which URL
 * scopes the session cookie). It never says what the manual claims: the checks
 * (steps/, checks/) compare what these locators find with the manual's words.
 *
 * A locator is an ordered list of alternatives: roles and accessible names first,
 * then the site's own ids and classes as a fallback. Every alternative is tried;
 * the first visible match wins.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';

/** A text: exact (after NFKC folding, see foldedPattern() below) or a pattern. */
const Text = z.union([
  z.string().min(1),
  z
    .object({
      pattern: z.string().min(1),
      flags: z
        .string()
        .regex(/^[imsu]*$/)
        .optional(),
    })
    .strict(),
]);
export type ProfileText = z.infer<typeof Text>;

const ROLES = [
  'button',
  'link',
  'heading',
  'navigation',
  'menu',
  'menuitem',
  'dialog',
  'region',
  'textbox',
  'banner',
  'main',
  'img',
  'alert',
  'status',
  'table',
  'row',
  'cell',
  'list',
  'listitem',
  'form',
  'checkbox',
  'radio',
  'combobox',
  'tab',
  'tabpanel',
] as const;

const Alternative = z.union([
  z.object({ role: z.enum(ROLES), name: Text.optional(), exact: z.boolean().optional(), level: z.number().int().min(1).max(6).optional() }).strict(),
  z.object({ label: Text }).strict(),
  z.object({ css: z.string().min(1) }).strict(),
  z.object({ text: Text }).strict(),
]);
type LocatorAlternative = z.infer<typeof Alternative>;
export const LocatorSpecSchema = z.array(Alternative).min(1);
const LocatorSpec = LocatorSpecSchema;
export type LocatorSpec = z.infer<typeof LocatorSpec>;

const Path = z.string().regex(/^\//, 'a path starting with "/" (query allowed)');
/** A screen's on-page title, or its alternatives with the manual's own first (e.g. ["求職者マイページホーム", "マイページトップ"]). */
export const ScreenTitle = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type ScreenTitle = z.infer<typeof ScreenTitle>;
/** A screen's titles as a list, the manual's first. */
export const titlesOf = (title: ScreenTitle): string[] => (typeof title === 'string' ? [title] : [...title]);
const Origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

export const TargetProfileSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[\w-]+$/),
    description: z.string(),
    /** Default origins of a configured target (TARGET_URL / TARGET_TOP_URL override them). */
    origins: z.object({ myPage: Origin.optional(), top: Origin.optional() }).strict().default({}),
    paths: z
      .object({
        top: Path,
        login: Path,
        /** The path the session cookie is scoped to (cookies are read and replayed for this URL). */
        cookieScope: Path,
      })
      .strict(),
    /**
     * The My Page screens, by the name the features use: where each is, and the title the page itself shows (or a list
     * of titles, the manual's first: any of them names the screen).
     */
    screens: z.record(z.string().min(1), z.object({ path: Path, title: ScreenTitle }).strict()).refine((s) => Object.keys(s).length > 0, 'at least one screen'),
    /** The element that names the screen being shown (a heading, or e.g. div.page_title). */
    screenTitle: LocatorSpec,
    /** Where the user's name is shown on My Page: {name} is replaced with the account's name. */
    userName: z.string().includes('{name}'),
    login: z
      .object({
        id: LocatorSpec,
        password: LocatorSpec,
        submit: LocatorSpec,
        /** What the login screen shows when it refuses the credentials. */
        error: LocatorSpec.optional(),
        /** Screens that may follow the password and that this suite cannot fill in (e.g. a one-time password). */
        extraSteps: z.array(z.object({ name: z.string().min(1), detect: LocatorSpec }).strict()).default([]),
      })
      .strict(),
    top: z
      .object({
        /** The document title of the top page. */
        title: Text,
        /** The element that titles a block of the top page (its three sections, 所在地情報). */
        blockTitle: LocatorSpec,
        /** A section of the top page: the container holding a block title and its login control. */
        section: LocatorSpec,
        /** A login control inside a section. */
        sectionLogin: LocatorSpec,
      })
      .strict(),
    /** What a My Page address shows once the session is over: the login form, or an ended-session screen. */
    loggedOut: LocatorSpec,
    /**
     * One block per manual section, by the section's folder name (e.g. "9.1-notice"): the entries of that section's
     * own page objects, validated by the schema the section declares (sectionBlock below). A built-in profile takes
     * its blocks from profiles/<section>/<profile>.json; a profile file of one's own writes them here.
     */
    sections: z.record(z.string().min(1), z.record(z.string(), z.unknown())).default({}),
  })
  .strict();

export type TargetProfile = z.infer<typeof TargetProfileSchema>;

const PROFILES_DIR = fileURLToPath(new URL('../profiles/', import.meta.url));
export const BUILT_IN_PROFILES = ['reference', 'hellowork'] as const;

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** The sections' blocks of a built-in profile: profiles/<section>/<profile>.json, by section folder name. */
function builtInBlocks(profileName: string): Record<string, unknown> {
  const blocks: Record<string, unknown> = {};
  for (const entry of readdirSync(PROFILES_DIR, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(PROFILES_DIR, entry.name, `${profileName}.json`);
    if (entry.isDirectory() && existsSync(file)) {
      try {
        blocks[entry.name] = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new ProfileError(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
  }
  return blocks;
}

/** A built-in profile by name, or a JSON file by path (relative to the working directory). */
function profileFile(nameOrPath: string): string {
  if (/^[\w-]+$/.test(nameOrPath)) return join(PROFILES_DIR, `${nameOrPath}.json`);
  return isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
}

const cache = new Map<string, TargetProfile>();
/** The profiles loaded from profiles/ itself, by file name: they take their sections' blocks from profiles/<section>/. */
const BUILT_IN_FILE = new WeakMap<TargetProfile, string>();

export function loadProfile(nameOrPath: string): TargetProfile {
  const file = profileFile(nameOrPath);
  const cached = cache.get(file);
  if (cached) return cached;
  if (!existsSync(file)) {
    throw new ProfileError(
      `TARGET_PROFILE=${nameOrPath}: no such profile (${file}). Built in: ${BUILT_IN_PROFILES.join(', ')}; or give the path of a JSON file (see profiles/README.md).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(`TARGET_PROFILE=${nameOrPath}: ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  // A built-in profile's section blocks live with their sections; a block written in the file itself wins.
  const builtIn = dirname(file) === resolve(PROFILES_DIR) ? basename(file, '.json') : undefined;
  if (builtIn && raw && typeof raw === 'object') {
    const own = (raw as { sections?: Record<string, unknown> }).sections ?? {};
    raw = { ...raw, sections: { ...builtInBlocks(builtIn), ...own } };
  }
  const parsed = TargetProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  • ${i.path.join('.') || '(profile)'}: ${i.message}`).join('\n');
    throw new ProfileError(`TARGET_PROFILE=${nameOrPath}: ${file} is not a valid target profile:\n${problems}`);
  }
  cache.set(file, parsed.data);
  if (builtIn) BUILT_IN_FILE.set(parsed.data, builtIn);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Names as a reader sees them: NFKC folding (half-width ﾛｸﾞｱｳﾄ reads as ログアウト), whitespace kept
// (「ログ アウト」 is another word). Policy stated in profiles/README.md "Names" and README "What a check accepts".

/** Characters whose NFKC form is one character: the variants a name may be written in. */
const VARIANTS: Map<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  const add = (variant: string) => {
    const folded = variant.normalize('NFKC');
    if (folded.length !== 1 || folded === variant) return;
    map.set(folded, [...(map.get(folded) ?? []), variant]);
  };
  // Half-width katakana (U+FF61–U+FF9F), with the voiced and semi-voiced marks.
  for (let cp = 0xff61; cp <= 0xff9f; cp++) {
    const c = String.fromCharCode(cp);
    add(c);
    add(`${c}\uff9e`);
    add(`${c}\uff9f`);
  }
  // Full-width ASCII (U+FF01–U+FF5E) and the ideographic space.
  for (let cp = 0xff01; cp <= 0xff5e; cp++) add(String.fromCharCode(cp));
  return map;
})();

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching `name` and every spelling with the same NFKC form; surrounding whitespace allowed. */
export function foldedPattern(name: string): RegExp {
  const body = [...name.normalize('NFKC')]
    .map((c) => {
      const variants = VARIANTS.get(c);
      return variants ? `(?:${[c, ...variants].map(escapeRegExp).join('|')})` : escapeRegExp(c);
    })
    .join('');
  return new RegExp(`^\\s*${body}\\s*$`);
}

/** The same text as a reader would read it (NFKC, whitespace runs as one space, trimmed). */
export function folded(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function textMatcher(text: ProfileText): RegExp {
  return typeof text === 'string' ? foldedPattern(text) : new RegExp(text.pattern, text.flags);
}

// ---------------------------------------------------------------------------------------------
// Locators

function alternative(root: Page | Locator, alt: LocatorAlternative): Locator {
  if ('role' in alt) {
    return root.getByRole(alt.role, {
      ...(alt.name !== undefined ? { name: textMatcher(alt.name) } : {}),
      ...(alt.level !== undefined ? { level: alt.level } : {}),
    });
  }
  if ('label' in alt) return root.getByLabel(textMatcher(alt.label));
  if ('text' in alt) return root.getByText(textMatcher(alt.text));
  return root.locator(alt.css);
}

/** Every element the spec's alternatives match (visible or not). */
export function locateAll(root: Page | Locator, spec: LocatorSpec): Locator {
  const [first, ...rest] = spec.map((alt) => alternative(root, alt));
  if (!first) throw new ProfileError('empty locator spec');
  return rest.reduce((acc, next) => acc.or(next), first);
}

/** The first visible element the spec matches: what a person looking at the screen would take for it. */
export function locate(root: Page | Locator, spec: LocatorSpec): Locator {
  return locateAll(root, spec).filter({ visible: true }).first();
}

/** The first visible element the spec matches whose text reads `text`, or one of `text` (NFKC): e.g. the title of one screen. */
export function locateReading(root: Page | Locator, spec: LocatorSpec, text: string | readonly string[]): Locator {
  return locateAll(root, spec)
    .filter({ visible: true, hasText: anyOf(typeof text === 'string' ? [text] : text) })
    .first();
}

/** A pattern matching any of the names (each as foldedPattern reads it). */
export function anyOf(names: readonly string[]): RegExp {
  return new RegExp(names.map((n) => foldedPattern(n).source).join('|'));
}

function describeText(text: ProfileText): string {
  return typeof text === 'string' ? `「${text}」` : `/${text.pattern}/${text.flags ?? ''}`;
}

const ROLE_NAMES: Record<string, string> = {
  button: 'ボタン',
  link: 'リンク',
  heading: '見出し',
  navigation: 'ナビゲーション',
  menu: 'メニュー',
  menuitem: 'メニュー項目',
  dialog: 'ダイアログ',
  region: '領域',
  textbox: '入力欄',
  banner: 'バナー',
  main: '本文',
  img: '画像',
  alert: '警告メッセージ',
  status: '状態メッセージ',
  table: '表',
  row: '表の行',
  cell: '表のセル',
  list: '一覧',
  listitem: '一覧の項目',
  form: 'フォーム',
  checkbox: 'チェックボックス',
  radio: 'ラジオボタン',
  combobox: '選択欄',
  tab: 'タブ',
  tabpanel: 'タブの内容',
};

/** A locator spec in words, for messages: 「ボタン「ログアウト」、または CSS #ID_logoutBtn」. */
export function describeSpec(spec: LocatorSpec): string {
  return spec
    .map((alt) => {
      if ('role' in alt)
        return `${ROLE_NAMES[alt.role] ?? alt.role}${alt.level !== undefined ? `（レベル ${alt.level}）` : ''}${alt.name !== undefined ? describeText(alt.name) : ''}`;
      if ('label' in alt) return `ラベル${describeText(alt.label)}の入力欄`;
      if ('text' in alt) return `文字${describeText(alt.text)}`;
      return `CSS ${alt.css}`;
    })
    .join('、または ');
}

/** A profile entry in words, for messages: プロファイル hellowork の login.id（…）. */
export function entryName(profile: TargetProfile, entry: string, spec?: LocatorSpec): string {
  return `プロファイル ${profile.name} の ${entry}${spec ? `（${describeSpec(spec)}）` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Section blocks

/** A manual section's block of a target profile: its entries, validated by the section's own schema. */
export interface SectionBlock<T extends Record<string, unknown>> {
  /** The section's folder name, the block's key under `sections`. */
  readonly name: string;
  readonly schema: z.ZodType<T>;
  /** The entries it holds, for messages. */
  readonly keys: readonly string[];
  /** The block of this profile, validated; a ProfileError naming the block when it is missing or invalid. */
  of(profile: TargetProfile): T;
  /** An entry's path in the profile, as messages and target:check name it: sections.<section>.<key>. */
  path(key: keyof T & string): string;
}

/** Where a profile's block for a section is written, in words (for the message that it is missing). */
function whereBlockGoes(profile: TargetProfile, name: string): string {
  // Only a profile loaded from profiles/ takes blocks from profiles/<section>/ (a copy elsewhere, whatever its name, does not).
  const builtIn = BUILT_IN_FILE.get(profile);
  return builtIn
    ? `profiles/${name}/${builtIn}.json に書いてください（profiles/README.md）。`
    : `プロファイルのファイルの "sections" に "${name}": { … } として書いてください。見本は同梱のプロファイルのブロック profiles/${name}/*.json です（profiles/README.md）。`;
}

const validated = new WeakMap<TargetProfile, Map<string, unknown>>();

/** Declares a section's block (in the section's pages folder): its name and its schema. */
export function sectionBlock<S extends z.ZodObject>(name: string, schema: S): SectionBlock<z.infer<S> & Record<string, unknown>> {
  type T = z.infer<S> & Record<string, unknown>;
  const keys = Object.keys(schema.shape);
  return {
    name,
    schema: schema as unknown as z.ZodType<T>,
    keys,
    path: (key) => `sections.${name}.${key}`,
    of(profile) {
      const held = validated.get(profile) ?? new Map<string, unknown>();
      validated.set(profile, held);
      if (held.has(name)) return held.get(name) as T;
      const raw = profile.sections[name];
      if (raw === undefined) {
        throw new ProfileError(
          `プロファイル ${profile.name} には、マニュアルの節 ${name} が使うブロック sections.${name}（${keys.join('、')}）がありません。${whereBlockGoes(profile, name)}`,
        );
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `  • sections.${name}.${i.path.join('.') || '(block)'}: ${i.message}`).join('\n');
        throw new ProfileError(`プロファイル ${profile.name} のブロック sections.${name} が正しくありません:\n${problems}`);
      }
      held.set(name, parsed.data);
      return parsed.data as T;
    },
  };
}
