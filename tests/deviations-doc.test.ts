import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEVIATION_IDS, Deviations } from '../reference-app/src/deviations.ts';
import { DOC_PATH, deviationsMarkdown } from '../scripts/deviations-doc.ts';

test('docs/deviations.md matches the catalogue (run `npm run deviations:doc` after changing it)', () => {
  assert.equal(readFileSync(DOC_PATH, 'utf8'), deviationsMarkdown());
});

test('the catalogue has at least the 12 deviations the suite must catch, and none is on by default', () => {
  assert.ok(DEVIATION_IDS.length >= 12, `${DEVIATION_IDS.length}`);
  assert.deepEqual(Deviations.parse(undefined).list, []);
  assert.deepEqual(Deviations.parse('').list, []);
  assert.throws(() => Deviations.parse('no-such-thing'), /unknown id/);
});
