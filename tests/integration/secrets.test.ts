/**
 * Secrets never appear in any artifact: runs part of the suite with traces on and every
 * reporter, then greps every file under the output folders (inside zip archives too) for
 * the bundled account's password and マイナポータル PIN, in every encoding they take.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AdmZip from 'adm-zip';
import { defaultJobSeeker } from '../../fixtures/accounts.ts';

const seeker = defaultJobSeeker();
const needles = [
  seeker.password,
  encodeURIComponent(seeker.password),
  // A 4-digit PIN is only recognisable in its field contexts.
  `"${seeker.mynaportal.pin}"`,
  `pin=${seeker.mynaportal.pin}`,
  `\\"${seeker.mynaportal.pin}\\"`,
];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

function hits(): string[] {
  const found: string[] = [];
  const look = (where: string, data: Buffer) => {
    const text = data.toString('latin1') + data.toString('utf8');
    for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
  };
  for (const dir of ['reports', 'test-results']) {
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

test('no password or PIN in traces, reports, figures or logs after a run with traces on', () => {
  const run = spawnSync('npx', ['playwright', 'test', '--project', 'pc-chromium', '--grep', '求人情報検索|@note-both|@sec-replay', '--trace', 'on'], {
    encoding: 'utf8',
    env: { ...process.env, DEVIATIONS: '', TARGET_URL: '' },
    timeout: 180_000,
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  for (const needle of needles) assert.ok(!`${run.stdout}${run.stderr}`.includes(needle), `console output contains ${needle}`);
  const traces = [...files('test-results')].filter((p) => p.endsWith('trace.zip'));
  assert.ok(traces.length >= 3, `expected traces to be written, found ${traces.length}`);
  assert.deepEqual(hits(), []);
});
