/** The sensitivity run's verdict (scripts/sensitivity/plan.ts) reads the recorded findings, never the messages' wording. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviationOf } from '../reference-app/src/deviations.ts';
import type { FailureFact } from '../support/failure-fact.ts';
import { judgeVariant, type Outcome, scenarioGrep, scenarioKey, variantDir, variantOfFile } from '../scripts/sensitivity/plan.ts';

const fact = (ref: string): FailureFact => ({ version: 1, kind: 'manual', ref, step: 's', expected: 'e', shows: 'x' });

/** logout-at-bottom as a run would report it: every expected red scenario red with a finding, one green sample. */
function outcomes(message: (o: { tags: readonly string[] }) => string): Outcome[] {
  const reds = deviationOf('logout-at-bottom').red.map(({ tag }) => ({
    variant: 'logout-at-bottom',
    deviation: 'logout-at-bottom' as const,
    project: 'pc-chromium',
    title: `scenario ${tag}`,
    tags: [tag, '@pc'],
    red: true,
    fact: fact(tag === '@3.3-1' ? '3.3(1)①' : 'ASVS 7.4.4'),
  }));
  const green = {
    variant: 'logout-at-bottom',
    deviation: 'logout-at-bottom' as const,
    project: 'pc-chromium',
    title: 'sample',
    tags: ['@sec-headers', '@pc'],
    red: false,
  };
  return [...reds, green].map((o) => ({ ...o, message: message(o) }));
}

test('rewording the failure messages changes nothing in the sensitivity verdict', () => {
  const named = judgeVariant(
    'logout-at-bottom',
    'logout-at-bottom',
    outcomes((o) => `マニュアル 3.3(1)① のとおりになっていません ${o.tags[0]}`),
  );
  const reworded = judgeVariant(
    'logout-at-bottom',
    'logout-at-bottom',
    outcomes(() => 'Error: 何かが違います'),
  );
  assert.equal(named.ok, true, named.problems.join('\n'));
  assert.deepEqual(reworded, named);
});

test('a red scenario without a finding (a bare timeout) or with only a precondition finding is not a detection, whatever its message says', () => {
  const bare = outcomes(() => 'マニュアル 3.3(1)① のとおりになっていません').map((o, i) => (i === 0 ? { ...o, fact: undefined } : o));
  const verdict = judgeVariant('logout-at-bottom', 'logout-at-bottom', bare);
  assert.equal(verdict.ok, false);
  assert.match(verdict.problems.join('\n'), /no finding names a manual step or requirement: .*\(no record\)/);
  const pre = outcomes(() => '').map((o, i) => (i === 0 ? { ...o, fact: { ...fact('x'), kind: 'precondition' as const, ref: undefined } } : o));
  assert.equal(judgeVariant('logout-at-bottom', 'logout-at-bottom', pre).ok, false);
});

test("findings that name none of the deviation's references are not a detection", () => {
  const wrong = outcomes(() => '').map((o) => ({ ...o, fact: o.fact && fact('3.3(2)①') }));
  const verdict = judgeVariant('logout-at-bottom', 'logout-at-bottom', wrong);
  assert.equal(verdict.ok, false);
  assert.match(verdict.problems.join('\n'), /no red scenario's finding names 3\.3\(1\)① or ASVS 7\.4\.4/);
});

test('a green expected red and a red unexpected scenario are both problems', () => {
  const mixed = outcomes(() => '').map((o) =>
    o.title === 'sample' ? { ...o, red: true, fact: fact('ASVS 14.3.2') } : o.tags[0] === '@3.3-1' ? { ...o, red: false } : o,
  );
  const verdict = judgeVariant('logout-at-bottom', 'logout-at-bottom', mixed);
  assert.deepEqual([verdict.ok, verdict.missed, verdict.collateral], [false, 1, 1]);
});

test('scenario keys name the most specific tag; the quick grep takes the sample row of the procedure features', () => {
  assert.equal(scenarioKey({ tags: ['@3.3-1', '@pc'], title: 't' }), '@3.3-1 t');
  assert.equal(scenarioKey({ tags: ['@3.3-note', '@pc', '@sp', '@mynaportal', '@note-both'], title: 't' }), '@note-both t');
  const grep = scenarioGrep('logout-at-bottom', 'pc', false);
  assert.ok(grep.test('「求職者マイページホーム」画面から「ログアウト」ボタンでログアウトする @3.3-1 @pc'));
  assert.ok(!grep.test('「メッセージ」画面から「ログアウト」ボタンでログアウトする @3.3-1 @pc'));
  assert.ok(!grep.test('「求職者マイページホーム」画面から … @3.3-2 @sp'));
  assert.ok(grep.test('x @security @pc @sp @sec-replay'));
});

test('quick grep: when a deviation expects every scenario that logs out red, its representative stands for the group', () => {
  const grep = scenarioGrep('logout-at-bottom', 'pc', false);
  assert.ok(grep.test('x @security @pc @sp @sec-replay'));
  for (const tag of ['@sec-back', '@sec-tabs', '@sec-reach', '@note-both', '@note-mypage-logout']) {
    assert.ok(!grep.test(`x @3.3-note @pc @sp @mynaportal ${tag}`), `${tag} is left to the full run`);
  }
  // Only part of the group expected red: each of them runs.
  const partial = scenarioGrep('mynaportal-rp-logout', 'pc', false);
  assert.ok(partial.test('x @3.3-note @pc @sp @mynaportal @note-mypage-logout'));
  assert.ok(partial.test('x @3.3-note @pc @sp @mynaportal @note-both'));
  // The full run runs everything.
  assert.ok(scenarioGrep('logout-at-bottom', 'pc', true).test('x @3.3-note @pc @sp @mynaportal @note-both'));
});

test("a variant's scenarios are the tests in its own folder: the grep takes them by the file's path, the verdict reads the variant from it", () => {
  const grep = scenarioGrep('logout-at-bottom', 'pc', false, variantDir('logout-at-bottom'));
  const title = 'ログアウト後のセッションの終了 x @security @pc @sp @sec-replay';
  assert.ok(grep.test(`logout-at-bottom/security/session-termination.feature.spec.js ${title}`));
  assert.ok(!grep.test(`logout-at-bottom.hellowork/security/session-termination.feature.spec.js ${title}`), "another variant's folder");
  assert.ok(!grep.test(`logout-renamed/security/session-termination.feature.spec.js ${title}`));
  assert.ok(scenarioGrep('logout-at-bottom', 'pc', true, 'logout-at-bottom').test(`logout-at-bottom/a.feature.spec.js ${title}`));
  assert.equal(variantDir('logout-renamed@hellowork'), 'logout-renamed.hellowork', 'no @ in a path, where it could read as a tag');
  assert.deepEqual(variantOfFile('logout-renamed.hellowork/3.3-logout/3.3-1-pc.feature.spec.js'), {
    key: 'logout-renamed@hellowork',
    deviation: 'logout-renamed',
    setting: 'hellowork',
  });
  assert.equal(variantOfFile('no-such-deviation/x.feature.spec.js'), undefined);
});
