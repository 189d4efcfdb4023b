/**
 * Secrets never appear in any artifact: runs part of the suite with traces on and every
 * reporter, then greps every file under the output folders (inside zip archives too) for
 * the bundled account's password and マイナポータル PIN, in every encoding they take. In a sandbox (a copy of the
 * checkout), so that the project's own reports stay those of its last real run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { files, SECRET_NEEDLES as needles, secretHits } from '../helpers/artifacts.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

let sandbox: Sandbox;
before(() => {
  sandbox = makeSandbox('secrets');
  const gen = sandbox.run('npx', ['bddgen']);
  assert.equal(gen.status, 0, gen.stderr);
});
after(() => sandbox.remove());

test('no password or PIN in traces, reports, figures or logs after a run with traces on', () => {
  const run = sandbox.run(
    'npx',
    ['playwright', 'test', '--project', 'pc-chromium', '--grep', '求人情報検索|@note-both|@sec-replay', '--trace', 'on'],
    {},
    180_000,
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  for (const needle of needles) assert.ok(!`${run.stdout}${run.stderr}`.includes(needle), `console output contains ${needle}`);
  const traces = [...files(sandbox.path('test-results'))].filter((p) => p.endsWith('trace.zip'));
  assert.ok(traces.length >= 3, `expected traces to be written, found ${traces.length}`);
  assert.deepEqual(secretHits([sandbox.path('reports'), sandbox.path('test-results')]), []);
});
