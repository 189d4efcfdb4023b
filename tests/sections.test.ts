/**
 * A manual section is a folder: no generic file names a section. Every section number of the transcripts
 * (e.g. the number that starts a transcript's title) may appear only in the section's own folders
 * (manual/, features/, steps/<section>/, pages/<section>/, profiles/<section>/, reference-app/src/sections/<section>/), in
 * documentation and in tests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadManualIndex } from '../support/manual.ts';

const ALLOWED = [':!manual', ':!features', ':!docs', ':!tests', ':!*.md', ':!package-lock.json', ':!package.json'];
/** What is not a section's own: the framework and the reference app's site (its sections folder aside). */
const GENERIC = [
  'support',
  'pages',
  'checks',
  'steps',
  'fixtures',
  'scripts',
  'reference-app',
  'profiles',
  'playwright.config.ts',
  'playwright.sensitivity.config.ts',
  'cucumber.mjs',
];
/** A section's own folders. */
const OWN = (folder: string) => [`:!steps/${folder}`, `:!pages/${folder}`, `:!profiles/${folder}`, `:!reference-app/src/sections/${folder}`];

test('no generic file names a manual section (its number, its tags, its ids)', () => {
  const index = loadManualIndex();
  const sections = index.manuals.map((m) => ({ number: m.title.split(/\s+/)[0] ?? '', folder: m.file.split(/[\\/]/).at(-2) ?? '' }));
  assert.ok(sections.length > 0);
  for (const { number, folder } of sections) {
    // The number as a whole token: 3.3 but not 13.3 or 3.30 (a version number), nor ASVS V3.3 (an OWASP id in the security steps).
    const pattern = `(?<![\\w.])${number.replace(/\./g, '\\.')}(?![\\d])`;
    const pathspec = [...ALLOWED, ...OWN(folder), ':!steps/security'];
    const grep = spawnSync('git', ['grep', '-nP', pattern, '--', '.', ...pathspec], { encoding: 'utf8' });
    assert.equal(grep.stdout.trim(), '', `section ${number} is named in generic files:\n${grep.stdout}`);
  }
});

test('steps, fixtures, checks and page objects never import the reference app (they must work against any target)', () => {
  const grep = spawnSync('git', ['grep', '-nE', "from '[./]*reference-app/", '--', 'steps', 'fixtures', 'checks', 'pages'], { encoding: 'utf8' });
  assert.equal(grep.stdout.trim(), '', grep.stdout);
});

test("a section's own names stay in its folders: what its steps, pages and reference-app parts export, and its profile block's entries", async () => {
  const { PROFILE_BLOCKS } = await import('../steps/index.ts');
  const index = loadManualIndex();
  const folders = index.manuals.map((m) => m.file.split(/[\\/]/).at(-2) ?? '');
  const excused = folders.flatMap(OWN);
  for (const folder of folders) {
    const files = spawnSync('git', ['ls-files', `steps/${folder}`, `pages/${folder}`, `reference-app/src/sections/${folder}`], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => /\.tsx?$/.test(f));
    const exported = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^export (?:async )?(?:const|function|class|interface|type) (\w+)/gm)].map((m) => m[1] ?? ''),
    );
    // Entries of the section's block named in two words or more (menuButton, mynaportalEntry): one word (logout) is anyone's.
    const block = PROFILE_BLOCKS.find((b) => b.block.name === folder)?.block.keys.filter((k) => /[a-z][A-Z]/.test(k)) ?? [];
    // `register` is every reference-app section's entry point (sections/kit.ts), not a name of its own.
    const names = [...new Set([...exported, ...block])].filter((n) => n && n !== 'register');
    assert.ok(names.length > 0 || files.length === 0, `${folder}: nothing found to look for`);
    if (names.length === 0) continue;
    // The security steps use §3.3's page object on purpose (their requirement is about the controls its procedures press).
    // Documentation may name them (a profile's README explains the blocks).
    const grep = spawnSync('git', ['grep', '-nwE', names.join('|'), '--', ...GENERIC, ...excused, ':!steps/security', ':!*.md'], { encoding: 'utf8' });
    assert.equal(grep.stdout.trim(), '', `${folder}'s own names (${names.join(', ')}) are used in generic files:\n${grep.stdout}`);
  }
});

test("a section's deviations are switched and named only in its folders (the site's code knows what changes, not why)", () => {
  const folders = spawnSync('git', ['ls-files', 'reference-app/src/sections/*/deviations.json'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map((f) => f.split('/').at(-2) ?? '');
  assert.ok(folders.length > 0, 'no section has a deviations.json');
  const excused = folders.flatMap(OWN);
  for (const folder of folders) {
    const ids = Object.keys(JSON.parse(readFileSync(`reference-app/src/sections/${folder}/deviations.json`, 'utf8')) as Record<string, unknown>);
    assert.ok(ids.length > 0, `${folder}: an empty deviations.json`);
    // As whole ids: not inside a longer one (logout-renamed-twice), nor as a word of a sentence.
    const pattern = `(?<![\\w-])(?:${ids.map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`;
    const grep = spawnSync('git', ['grep', '-nP', pattern, '--', ...GENERIC, ...excused, ':!steps/security'], { encoding: 'utf8' });
    assert.equal(grep.stdout.trim(), '', `${folder}'s deviations are named in generic files:\n${grep.stdout}`);
  }
});
