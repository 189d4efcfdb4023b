/**
 * The cucumber-js runner (npm run conformance:cucumber) turns a deviation red with the same
 * manual writer's message as playwright-bdd, keeps the red scenario's trace, writes the merged
 * sign-off as 不合格, and leaves no password in anything it wrote. The green run over every
 * profile is part of `npm test` (npm run conformance:cucumber).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { files, SECRET_NEEDLES, secretHits } from '../helpers/artifacts.ts';

const OUT = 'reports/cucumber-js';

test('a renamed logout button turns 3.3(1)① red under cucumber-js, with the manual writer message, a trace and a 不合格 sign-off', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/conformance-cucumber.ts', '--tags', '@3.3-1'], {
    encoding: 'utf8',
    env: { ...process.env, PROJECTS: 'pc-chromium', DEVIATIONS: 'logout-renamed', TARGET_URL: '', CI: '1' },
    timeout: 120_000,
  });
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 1, output);
  assert.match(output, /マニュアル 3\.3\(1\)① のとおりになっていません/);
  assert.match(output, /マニュアルの記述: 「求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。」/);
  // What the page showed, read in the browser (this once failed under tsx: __name is not defined).
  assert.match(output, /「サインアウト」（ボタン, 上端 \d+px）/);
  assert.match(output, /3 scenarios \(3 failed\)/);

  const traces = [...files(join(OUT, 'pc-chromium', 'traces'))].filter((p) => p.endsWith('.zip'));
  assert.equal(traces.length, 3, `one trace per red scenario: ${traces.join(', ')}`);
  const signoff = readFileSync(join(OUT, 'signoff', 'index.html'), 'utf8');
  assert.match(signoff, /不合格/);
  assert.ok(existsSync(join(OUT, 'signoff', 'signoff.pdf')));

  assert.deepEqual(secretHits([OUT]), []);
  for (const needle of SECRET_NEEDLES) assert.ok(!output.includes(needle), `console output contains ${needle}`);
});
