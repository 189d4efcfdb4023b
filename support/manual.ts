/**
 * Reads the manual transcripts in manual/*.md.
 *
 * Format (kept deliberately plain so a manual writer can edit it):
 *   ## 3.3(1) パソコン画面 · タグ: `@3.3-1`
 *   - **3.3(1)①** 求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。
 *
 * A section heading names its id, its title and the feature tag that covers it.
 * Each bullet that starts with a bold id is a numbered step or a 注意 sentence.
 * The same id may appear again (e.g. under 操作手順(詳細)) but then with the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
}

export interface Manual {
  readonly file: string;
  readonly title: string;
  readonly sections: ManualSection[];
}

const SECTION_RE = /^##\s+(\S+)\s+(.+?)\s+·\s+タグ:\s+`(@[^`\s]+)`\s*$/;
const SENTENCE_RE = /^-\s+\*\*(\S+?)\*\*\s+(.+?)\s*$/;

/** NFKC, then every run of whitespace folded to one space and trimmed: how manual and feature text are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

export function parseManual(source: string, file: string): Manual {
  const lines = source.split(/\r?\n/);
  const title = lines.find((l) => l.startsWith('# '))?.slice(2).trim() ?? file;
  const sections: ManualSection[] = [];
  const seen = new Map<string, ManualSentence>();
  let current: ManualSection | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const section = SECTION_RE.exec(raw);
    if (section) {
      const [, id, sectionTitle, tag] = section as unknown as [string, string, string, string];
      current = { id, title: sectionTitle, tag, sentences: [] };
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
  return { file, title, sections };
}

export function loadManuals(dir: string): Manual[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const file = join(dir, f);
      return parseManual(readFileSync(file, 'utf8'), file);
    });
}

export class ManualIndex {
  readonly #byTag = new Map<string, ManualSection>();

  constructor(readonly manuals: readonly Manual[]) {
    for (const section of manuals.flatMap((m) => m.sections)) {
      const clash = this.#byTag.get(section.tag);
      if (clash) throw new Error(`tag ${section.tag} is declared by both ${clash.id} and ${section.id}`);
      this.#byTag.set(section.tag, section);
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

  /** A numbered step or 注意 sentence by its id, e.g. 3.3(注意)②. */
  byId(id: string): ManualSentence | undefined {
    for (const section of this.#byTag.values()) {
      const found = section.sentences.find((s) => s.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** The manual sentence that a feature step quotes, found through the section tags the scenario carries. */
  sentenceFor(tags: readonly string[], stepText: string): ManualSentence | undefined {
    const wanted = normalizeText(stepText);
    for (const tag of tags) {
      const found = this.#byTag.get(tag)?.sentences.find((s) => normalizeText(s.text) === wanted);
      if (found) return found;
    }
    return undefined;
  }
}
