/**
 * Secrets never stay in artifacts. Passwords and PINs typed into the site end up in
 * Playwright traces (the fill call, the login POST body, DOM snapshots) and so in every
 * report that copies traces. After a run, redact() rewrites every file under the output
 * folders, zip archives (traces) included, replacing each secret, in every encoding it
 * can take there (raw, URL-encoded, form-encoded, JSON-escaped), with a mask.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import AdmZip from 'adm-zip';

const MASK = '********';

/** Files whose bytes are text (or text-like records) and can be rewritten safely. Images and videos are left alone. */
const TEXT = /\.(html?|json|jsonl|ndjson|xml|txt|md|trace|network|stacks|js|css|log|dat|csv|yml|yaml)$|^[^.]+$/i;
const BINARY = /\.(png|jpe?g|webp|gif|webm|mp4|pdf|woff2?|ttf|ico)$/i;

interface Pattern {
  readonly from: string;
  readonly to: string;
}

/** Every form a secret takes in the artifacts. Short secrets (a 4-digit PIN) only in their field contexts, to spare innocent digits. */
function patternsFor(secrets: readonly string[]): Pattern[] {
  const patterns: Pattern[] = [];
  for (const secret of new Set(secrets.filter(Boolean))) {
    const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)];
    for (const form of new Set(forms)) {
      if (secret.length >= 6) {
        patterns.push({ from: form, to: MASK });
      } else {
        for (const [before, after] of [
          ['"', '"'],
          ["'", "'"],
          ['\\"', '\\"'],
          ['=', '&'],
          ['=', '"'],
        ] as const) {
          patterns.push({ from: `${before}${form}${after}`, to: `${before}${MASK}${after}` });
        }
        patterns.push({ from: `pin=${form}`, to: `pin=${MASK}` });
      }
    }
  }
  // Longest first, so that an encoded form is not half-replaced by a shorter one.
  return patterns.sort((a, b) => b.from.length - a.from.length);
}

function scrub(buffer: Buffer, patterns: readonly Pattern[]): Buffer | undefined {
  let text = buffer.toString('utf8');
  let changed = false;
  for (const { from, to } of patterns) {
    if (text.includes(from)) {
      text = text.split(from).join(to);
      changed = true;
    }
  }
  return changed ? Buffer.from(text, 'utf8') : undefined;
}

/** A zip that cannot be read cannot be checked for secrets: the run must say so, naming it. */
export class UnreadableArchiveError extends Error {
  override name = 'UnreadableArchiveError';
}

function scrubZip(path: string, patterns: readonly Pattern[]): number {
  let zip: AdmZip;
  try {
    zip = new AdmZip(path);
  } catch (e) {
    throw new UnreadableArchiveError(
      `[redact] ${path} is not a readable zip (${(e as Error).message}); it could not be checked for passwords and PINs. Was another run writing it at the same time? Delete it, or run again.`,
    );
  }
  let n = 0;
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory || BINARY.test(entry.entryName)) continue;
    const data = entry.getData();
    const clean = entry.entryName.endsWith('.zip') ? undefined : scrub(data, patterns);
    if (clean) {
      zip.updateFile(entry, clean);
      n++;
    }
  }
  if (n > 0) zip.writeZip(path);
  return n;
}

function* files(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yield* files(path);
    else if (st.isFile()) yield path;
  }
}

/** Rewrites the files under `dirs`; returns how many files (or zip entries) were changed. */
export function redact(dirs: readonly string[], secrets: readonly string[]): number {
  const patterns = patternsFor(secrets);
  if (patterns.length === 0) return 0;
  let changed = 0;
  for (const dir of dirs) {
    for (const path of files(dir)) {
      if (extname(path).toLowerCase() === '.zip') {
        changed += scrubZip(path, patterns);
      } else if (!BINARY.test(path) && TEXT.test(path.split('/').pop() ?? '')) {
        const clean = scrub(readFileSync(path), patterns);
        if (clean) {
          writeFileSync(path, clean);
          changed++;
        }
      }
    }
  }
  return changed;
}
