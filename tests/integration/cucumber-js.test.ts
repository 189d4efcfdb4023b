/**
 * The cucumber-js runner (npm run conformance:cucumber) turns a deviation red with the same
 * manual writer's message as playwright-bdd, keeps the red scenario's trace, writes the merged
 * sign-off as 不合格, and leaves no password in anything it wrote; a green run of part of the manual
 * is signed 一部のみ確認, not 不合格. The green run over every
 * profile is part of `npm test` (npm run conformance:cucumber). In a sandbox (a copy of the checkout), so that the
 * project's own reports stay those of its last real run.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { files, SECRET_NEEDLES, secretHits } from '../helpers/artifacts.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

let sandbox: Sandbox;
let OUT = '';
before(() => {
  sandbox = makeSandbox('cucumber-js');
  OUT = sandbox.path('reports', 'cucumber-js');
});
after(() => sandbox.remove());

test('a renamed logout button turns 3.3(1)① red under cucumber-js, with the manual writer message, a trace and a 不合格 sign-off', () => {
  const run = sandbox.run(
    process.execPath,
    ['--import', 'tsx', 'scripts/conformance-cucumber.ts', '--tags', '@3.3-1'],
    { PROJECTS: 'pc-chromium', DEVIATIONS: 'logout-renamed', CI: '1' },
    120_000,
  );
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

test("a green run of one device and one tag (README's example) is 一部のみ確認, never 不合格, and names what it did not check", () => {
  const run = sandbox.run('npx', ['cucumber-js', '--tags', '@3.3-2'], { DEVICE_PROFILE: 'sp-android', CI: '1' }, 180_000);
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 0, output);
  assert.match(output, /3 scenarios \(3 passed\)/);
  assert.match(output, /サインオフ報告書（一部のみ確認）/);
  assert.doesNotMatch(output, /サインオフ報告書（不合格）/);
  const signoff = readFileSync(join(OUT, 'sp-android', 'signoff', 'index.html'), 'utf8');
  assert.match(signoff, /data-verdict="partial"[\s\S]*?<div class="word">一部のみ確認<\/div>/);
  // What it did not check: the 注意 on this device, and the devices it did not run on.
  assert.match(signoff, /<li>sp-android: 3\.3\(注意\)①、3\.3\(注意\)②、3\.3\(注意\)③<\/li>/);
  assert.match(signoff, /<li>設定にある端末のうち 2 台（pc-chromium、sp-iphone）では実行していません<\/li>/);
  assert.match(output, /確認していないもの: sp-android: 3\.3\(注意\)①、3\.3\(注意\)②、3\.3\(注意\)③/);
});
