/**
 * What a run left on disk, read by the integration tests with their own walker (not support/redact.ts's),
 * so that a bug in the redactor's walker cannot hide files from the tests that check it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { defaultJobSeeker } from '../../reference-app/src/accounts.ts';

const seeker = defaultJobSeeker();

/** The bundled account's password and マイナポータル PIN, in every encoding they take in artifacts. */
export const SECRET_NEEDLES: readonly string[] = [
  seeker.password,
  encodeURIComponent(seeker.password),
  // A 4-digit PIN is only recognisable in its field contexts.
  `"${seeker.mynaportal.pin}"`,
  `pin=${seeker.mynaportal.pin}`,
  `\\"${seeker.mynaportal.pin}\\"`,
];

export function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every file under `dirs` (zip entries included) that holds a needle, as "path[!entry]: needle". */
export function secretHits(dirs: readonly string[], needles: readonly string[] = SECRET_NEEDLES): string[] {
  const found: string[] = [];
  const look = (where: string, data: Buffer) => {
    const text = data.toString('latin1') + data.toString('utf8');
    for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
  };
  for (const dir of dirs) {
    for (const path of files(dir)) {
      if (path.endsWith('.zip')) {
        for (const entry of new AdmZip(path).getEntries()) if (!entry.isDirectory) look(`${path}!${entry.entryName}`, entry.getData());
      } else {
        look(path, readFileSync(path));
      }
    }
  }
  return found;
}
