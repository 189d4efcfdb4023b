/**
 * Regenerates the figures (reports/figures/) alone: the scenarios of every manual section, with FIGURES=true and
 * no step screenshots or traces. Which scenarios those are comes from the transcripts (manual/<section>/), so a
 * new section's figures come out without editing this file.
 *
 *   node --import tsx scripts/figures.ts [extra playwright test arguments]
 */
import { spawnSync } from 'node:child_process';
import { escapeRegExp } from '../support/target-profile.ts';
import { loadManualIndex } from '../support/manual.ts';

const tags = loadManualIndex()
  .sections()
  .map((s) => `${escapeRegExp(s.tag)}(?![\\w-])`);
const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync('npx', args, { stdio: 'inherit', env }).status ?? 1;

const gen = run(['bddgen']);
if (gen !== 0) process.exit(gen);
process.exit(
  run(['playwright', 'test', '--grep', tags.join('|'), '--reporter=line', '--trace=off', ...process.argv.slice(2)], {
    ...process.env,
    FIGURES: 'true',
    STEP_SCREENSHOTS: 'false',
  }),
);
