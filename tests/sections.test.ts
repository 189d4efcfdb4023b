/**
 * A manual section is a folder: no generic file names a section. Every section number of the transcripts
 * (e.g. the number that starts a transcript's title) may appear only in the section's own folders
 * (manual/, features/, steps/<section>/, pages/<section>/, profiles/<section>/, reference-app/), in documentation and in tests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { loadManualIndex } from '../support/manual.ts';

const ALLOWED = [':!manual', ':!features', ':!reference-app', ':!docs', ':!tests', ':!*.md', ':!package-lock.json', ':!package.json'];

test('no generic file names a manual section (its number, its tags, its ids)', () => {
  const index = loadManualIndex();
  const sections = index.manuals.map((m) => ({ number: m.title.split(/\s+/)[0] ?? '', folder: m.file.split(/[\\/]/).at(-2) ?? '' }));
  assert.ok(sections.length > 0);
  for (const { number, folder } of sections) {
    // The number as a whole token: 3.3 but not 13.3 or 3.30 (a version number), nor ASVS V3.3 (an OWASP id in the security steps).
    const pattern = `(?<![\\w.])${number.replace(/\./g, '\\.')}(?![\\d])`;
    const pathspec = [...ALLOWED, `:!steps/${folder}`, `:!pages/${folder}`, `:!profiles/${folder}`, ':!steps/security'];
    const grep = spawnSync('git', ['grep', '-nP', pattern, '--', '.', ...pathspec], { encoding: 'utf8' });
    assert.equal(grep.stdout.trim(), '', `section ${number} is named in generic files:\n${grep.stdout}`);
  }
});

test('steps, fixtures, checks and page objects never import the reference app (they must work against any target)', () => {
  const grep = spawnSync('git', ['grep', '-nE', "from '[./]*reference-app/", '--', 'steps', 'fixtures', 'checks', 'pages'], { encoding: 'utf8' });
  assert.equal(grep.stdout.trim(), '', grep.stdout);
});
