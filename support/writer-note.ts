/**
 * A note for the manual's writer: the site does what the manual says, but the manual may want a word about how
 * (a name that matched only after NFKC, 「ﾛｸﾞｱｳﾄ」 for 「ログアウト」; a confirmation dialog the run accepted). Attached
 * to the step like a failure fact (support/failure-fact.ts), so that every runner's reports carry it; the sign-off
 * lists them, and so do drift.md and the console at the end of a run.
 */
import { z } from 'zod';
import type { FactAttachment } from './failure-fact.ts';

export const NOTE_MEDIA_TYPE = 'application/vnd.manual-conformance.note+json';
export const NOTE_NAME = 'マニュアルへの注記.json';

export const WriterNoteSchema = z.object({
  version: z.literal(1),
  /** The manual step (a manual id) or requirement the note is about, when known. */
  ref: z.string().optional(),
  /** The feature step that made the note. */
  step: z.string(),
  /** The note, in the reader's words. */
  text: z.string(),
});
export type WriterNote = z.infer<typeof WriterNoteSchema>;

/** The notes in a step's attachments (Cucumber messages or Playwright's), in order. */
export function readNotes(attachments: readonly FactAttachment[]): WriterNote[] {
  return attachments.flatMap((attachment) => {
    const type = attachment.mediaType ?? attachment.contentType;
    if (type !== NOTE_MEDIA_TYPE || attachment.body === undefined) return [];
    const text = attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
    try {
      const parsed = WriterNoteSchema.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/** One line per note, e.g. 「<manual id>: 画面の表記は「ﾛｸﾞｱｳﾄ」で…」. */
export const noteLine = (note: Pick<WriterNote, 'ref' | 'text'>) => (note.ref ? `${note.ref}: ${note.text}` : note.text);

/** A note of a run, once per manual step and wording: the device profiles that made it, and the first scenario. */
export interface NoteOfRun {
  readonly ref?: string;
  readonly text: string;
  readonly projects: readonly string[];
  readonly scenario?: string;
}

/** Notes once per manual step and wording, with the projects that made them (in the order first made). */
export function gatherNotes(notes: readonly (WriterNote & { readonly project: string; readonly scenario?: string })[]): NoteOfRun[] {
  const byKey = new Map<string, { ref?: string; text: string; projects: string[]; scenario?: string }>();
  for (const note of notes) {
    const key = JSON.stringify([note.ref, note.text]);
    const row = byKey.get(key) ?? {
      ...(note.ref ? { ref: note.ref } : {}),
      text: note.text,
      projects: [],
      ...(note.scenario ? { scenario: note.scenario } : {}),
    };
    if (!row.projects.includes(note.project)) row.projects.push(note.project);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
