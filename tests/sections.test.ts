/**
 * A manual section is a folder: no generic file names a section. Every section number of the transcripts
 * (e.g. the number that starts a transcript's title) may appear only in the section's own folders
 * (manual/, features/, steps/<section>/, pages/<section>/, profiles/<section>/, reference-app/), in documentation and in tests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

test("a section's own names stay in its folders: what its steps and pages export, and its profile block's entries", async () => {
  const { PROFILE_BLOCKS } = await import('../steps/index.ts');
  const index = loadManualIndex();
  const folders = index.manuals.map((m) => m.file.split(/[\\/]/).at(-2) ?? '');
  const generic = ['support', 'pages', 'checks', 'steps', 'fixtures', 'scripts', 'playwright.config.ts', 'playwright.sensitivity.config.ts', 'cucumber.mjs'];
  const excused = folders.flatMap((f) => [`:!steps/${f}`, `:!pages/${f}`, `:!profiles/${f}`]);
  for (const folder of folders) {
    const files = spawnSync('git', ['ls-files', `steps/${folder}`, `pages/${folder}`], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    const exported = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^export (?:async )?(?:const|function|class|interface|type) (\w+)/gm)].map((m) => m[1] ?? ''),
    );
    // Entries of the section's block named in two words or more (menuButton, mynaportalEntry): one word (logout) is anyone's.
    const block = PROFILE_BLOCKS.find((b) => b.block.name === folder)?.block.keys.filter((k) => /[a-z][A-Z]/.test(k)) ?? [];
    const names = [...new Set([...exported, ...block])].filter(Boolean);
    assert.ok(names.length > 0 || files.length === 0, `${folder}: nothing found to look for`);
    if (names.length === 0) continue;
    // The security steps use §3.3's page object on purpose (their requirement is about the controls its procedures press).
    const grep = spawnSync('git', ['grep', '-nwE', names.join('|'), '--', ...generic, ...excused, ':!steps/security'], { encoding: 'utf8' });
    assert.equal(grep.stdout.trim(), '', `${folder}'s own names (${names.join(', ')}) are used in generic files:\n${grep.stdout}`);
  }
});
