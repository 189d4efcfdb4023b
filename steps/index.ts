/**
 * Every step definition and parameter type, for the runners' adapters to register.
 *
 * Step files are found, not listed: every `*.steps.ts` under steps/ (a manual section keeps its own in
 * steps/<section>/, e.g. the folder named after its transcript in manual/). The runners' adapters are in fixtures/.
 * Adding a section adds files; nothing here changes.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import './parameter-types.ts';

const STEPS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The step files under steps/, in a stable order (path order), as paths relative to steps/. */
function stepFiles(dir: string = STEPS_DIR): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.steps.ts')) {
        found.push(relative(dir, path));
      }
    }
  };
  walk(dir);
  return found;
}

for (const file of stepFiles()) await import(pathToFileURL(join(STEPS_DIR, file)).href);

export { checkProfileBlocks, ENTRY_WORDS, PARAMETER_TYPES, PROFILE_BLOCKS, SKIP_RULES, STEP_DEFINITIONS } from './define.ts';
