/**
 * Reads the manual transcripts: one folder per manual section, manual/<section>/transcript.md.
 *
 * Format (kept deliberately plain so a manual writer can edit it):
 *   # 2.1 求職者マイページにログインする
 *   章: 2 求職者マイページ
 *   ## 2.1(1) パソコン画面 · タグ: `@2.1-1`
 *   - **2.1(1)①** 「ログイン」ボタンをクリックします。
 *
 * The first heading is the transcript's title, `章:` the chapter it is filed under in the reports.
 * A section heading names its id, its title and the feature tag that covers it.
 * Each bullet that starts with a bold id is a numbered step or a 注意 sentence.
 * The same id may appear again (e.g. under 操作手順(詳細)) but then with the same text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Pickle } from '@cucumber/messages';

/** The checkout this file belongs to. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ManualSentence {
  readonly id: string;
  readonly text: string;
  readonly section: ManualSection;
  readonly file: string;
  readonly line: number;
}

export interface ManualSection {
  readonly id: string;
  readonly title: string;
  readonly tag: string;
  readonly sentences: ManualSentence[];
  /** The transcript it belongs to (its siblings are the other sections of the same transcript). */
  readonly manual: Manual;
}

export interface Manual {
  readonly file: string;
  /** The transcript's title, e.g. the section number and name: its first `# ` heading. */
  readonly title: string;
  /** The chapter it belongs to (a `章:` line), for filing in reports; undefined when the transcript names none. */
  readonly chapter: string | undefined;
  readonly sections: ManualSection[];
}

/**
 * The manual's two procedures for two kinds of device: パソコン画面 and スマートデバイス画面. A feature says which
 * kind its scenarios run on with the tags @pc and @sp; each device profile of the run belongs to one kind.
 */
export type DeviceClass = 'pc' | 'sp';
const DEVICE_CLASSES: readonly DeviceClass[] = ['pc', 'sp'];
export const DEVICE_TAG: Readonly<Record<DeviceClass, string>> = { pc: '@pc', sp: '@sp' };
export const DEVICE_KIND: Readonly<Record<DeviceClass, string>> = { pc: 'パソコン', sp: 'スマートデバイス' };
/** A 注意 (caveat) section: its id says so, e.g. 2.1(注意). */
export const isNote = (section: Pick<ManualSection, 'id'>): boolean => section.id.includes('注意');

export const isDeviceClass = (value: unknown): value is DeviceClass => typeof value === 'string' && (DEVICE_CLASSES as readonly string[]).includes(value);

/** A section folder's transcript. */
const TRANSCRIPT = 'transcript.md';

const SECTION_RE = /^##\s+(\S+)\s+(.+?)\s+·\s+タグ:\s+`(@[^`\s]+)`\s*$/;
const CHAPTER_RE = /^章:\s*(.+?)\s*$/;
const SENTENCE_RE = /^-\s+\*\*(\S+?)\*\*\s+(.+?)\s*$/;

/** NFKC, then every run of whitespace folded to one space and trimmed: how manual and feature text are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

export function parseManual(source: string, file: string): Manual {
  const lines = source.split(/\r?\n/);
  const title =
    lines
      .find((l) => l.startsWith('# '))
      ?.slice(2)
      .trim() ?? file;
  const chapter = lines.map((l) => CHAPTER_RE.exec(l)?.[1]).find((c) => c !== undefined);
  const sections: ManualSection[] = [];
  const manual: Manual = { file, title, chapter, sections };
  const seen = new Map<string, ManualSentence>();
  let current: ManualSection | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const section = SECTION_RE.exec(raw);
    if (section) {
      const [, id, sectionTitle, tag] = section as unknown as [string, string, string, string];
      current = { id, title: sectionTitle, tag, sentences: [], manual };
      sections.push(current);
      return;
    }
    const sentence = SENTENCE_RE.exec(raw);
    if (!sentence) return;
    const [, id, text] = sentence as unknown as [string, string, string];
    if (!current) throw new Error(`${file}:${line}: manual id ${id} appears before any "## <id> <title> · タグ: \`@tag\`" section heading`);
    if (!id.startsWith(current.id)) {
      throw new Error(`${file}:${line}: manual id ${id} does not belong to section ${current.id}`);
    }
    const earlier = seen.get(id);
    if (earlier) {
      if (normalizeText(earlier.text) !== normalizeText(text)) {
        throw new Error(
          `${file}:${line}: manual id ${id} is repeated with a different text than at line ${earlier.line}:\n  「${earlier.text}」\n  「${text}」`,
        );
      }
      return;
    }
    const entry: ManualSentence = { id, text, section: current, file, line };
    seen.set(id, entry);
    current.sentences.push(entry);
  });
  return manual;
}

/** The transcript of every manual section: manual/<section>/transcript.md, in folder order. */
export function loadManuals(dir: string): Manual[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, TRANSCRIPT)))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, TRANSCRIPT);
      return parseManual(readFileSync(file, 'utf8'), file);
    });
}

/**
 * The manual sections and what the features say about them. Which kinds of device a section applies to is read
 * from the features, not written down anywhere else: the device tags (@pc, @sp) of the scenarios that carry the
 * section's tag. A section no scenario carries applies to every device (and so is 未確認 until one does).
 */
export class ManualIndex {
  readonly #byTag = new Map<string, ManualSection>();
  readonly #devices = new Map<ManualSection, ReadonlySet<DeviceClass>>();

  /** `scenarioTags`: the tags of every scenario of the features (feature, rule and scenario tags together). */
  constructor(
    readonly manuals: readonly Manual[],
    scenarioTags: readonly (readonly string[])[] = [],
  ) {
    for (const section of manuals.flatMap((m) => m.sections)) {
      const clash = this.#byTag.get(section.tag);
      if (clash) throw new Error(`tag ${section.tag} is declared by both ${clash.id} and ${section.id}`);
      this.#byTag.set(section.tag, section);
      const devices = new Set(
        scenarioTags.filter((tags) => tags.includes(section.tag)).flatMap((tags) => DEVICE_CLASSES.filter((d) => tags.includes(DEVICE_TAG[d]))),
      );
      this.#devices.set(section, devices.size > 0 ? devices : new Set(DEVICE_CLASSES));
    }
  }

  sections(): ManualSection[] {
    return [...this.#byTag.values()];
  }

  sectionForTags(tags: readonly string[]): ManualSection | undefined {
    for (const tag of tags) {
      const section = this.#byTag.get(tag);
      if (section) return section;
    }
    return undefined;
  }

  /** The kinds of device whose scenarios carry the section's tag. */
  devicesOf(section: ManualSection): ReadonlySet<DeviceClass> {
    return this.#devices.get(section) ?? new Set(DEVICE_CLASSES);
  }

  appliesTo(section: ManualSection, device: DeviceClass): boolean {
    return this.devicesOf(section).has(device);
  }

  /**
   * The device's own procedure for a 注意, or for a section that applies to several kinds of device (a 注意 is
   * proven by doing the procedure on that device): the sections of the same transcript that apply to that device
   * alone and are not 注意 themselves. A procedure (one device, not a 注意) has none.
   */
  proceduresFor(section: ManualSection, device: DeviceClass): ManualSection[] {
    if (!isNote(section) && this.devicesOf(section).size < 2) return [];
    return section.manual.sections.filter((s) => s !== section && !isNote(s) && this.devicesOf(s).size === 1 && this.appliesTo(s, device));
  }

  /**
   * The sections a scenario with these tags covers on a device: its own section tags, plus the device procedures
   * they imply. Without a device: the procedures of every device the tags name.
   */
  sectionsFor(tags: readonly string[], device?: DeviceClass): ManualSection[] {
    const own = tags.map((t) => this.#byTag.get(t)).filter((s): s is ManualSection => s !== undefined);
    const devices = device ? [device] : DEVICE_CLASSES.filter((d) => tags.includes(DEVICE_TAG[d]));
    const out: ManualSection[] = [];
    for (const section of [...own, ...own.flatMap((s) => devices.flatMap((d) => this.proceduresFor(s, d)))]) {
      if (!out.includes(section)) out.push(section);
    }
    return out;
  }

  /** A numbered step or 注意 sentence by its id. */
  byId(id: string): ManualSentence | undefined {
    for (const section of this.#byTag.values()) {
      const found = section.sentences.find((s) => s.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** The manual sentence that a feature step quotes, among the sections the scenario covers on the device. */
  sentenceFor(tags: readonly string[], stepText: string, device?: DeviceClass): ManualSentence | undefined {
    const wanted = normalizeText(stepText);
    for (const section of this.sectionsFor(tags, device)) {
      const found = section.sentences.find((s) => normalizeText(s.text) === wanted);
      if (found) return found;
    }
    return undefined;
  }
}

/** Every scenario (pickle) of the feature files under `dir` (default: the checkout's features/), in file order. */
export function loadPickles(dir: string = join(ROOT, 'features')): Pickle[] {
  if (!existsSync(dir)) return [];
  const newId = IdGenerator.uuid();
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.feature'))
    .sort()
    .flatMap((f) => {
      const uri = join(dir, f);
      const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher('ja')).parse(readFileSync(uri, 'utf8'));
      return compile(document, uri, newId);
    });
}

const loaded = new Map<string, ManualIndex>();

/** The manual sections and the features of a checkout: `<root>/manual/<section>/transcript.md` and `<root>/features/`. */
export function loadManualIndex(root: string = ROOT, dirs: { manualDir?: string; featuresDir?: string } = {}): ManualIndex {
  const manualDir = resolve(dirs.manualDir ?? join(root, 'manual'));
  const featuresDir = resolve(dirs.featuresDir ?? join(root, 'features'));
  // Read once per process and pair of folders: a worker's fixtures and its step hooks both ask for it.
  const key = `${manualDir}\u0000${featuresDir}`;
  let index = loaded.get(key);
  if (!index) {
    index = new ManualIndex(
      loadManuals(manualDir),
      loadPickles(featuresDir).map((p) => p.tags.map((t) => t.name)),
    );
    loaded.set(key, index);
  }
  return index;
}
