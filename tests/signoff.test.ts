/**
 * The sign-off formatter (support/reporters/signoff), driven without Playwright:
 * recorded Cucumber message streams (tests/data/signoff/*.ndjson, see
 * make-samples.ts there) are replayed into it through a plain EventEmitter, and
 * the HTML it writes to its stream is checked. The PDF is printed once, when a
 * Chromium is available.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, mock, test } from 'node:test';
import type { IFormatterOptions } from '@cucumber/cucumber';
import { devices } from '@playwright/test';
import { resolveChromium } from '../support/browser.ts';
import { solidPng } from './data/signoff/make-samples.ts';
import { FACT_MEDIA_TYPE, type FailureFact, failureHeadline, readFact } from '../support/failure-fact.ts';
import { failureFrom } from '../support/reporters/signoff/failure.ts';
import SignoffFormatter, { type SignoffOptions } from '../support/reporters/signoff/formatter.ts';
import type { Envelope } from '../support/reporters/signoff/messages.ts';
import { NOTE_MEDIA_TYPE } from '../support/writer-note.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROJECTS = [
  { name: 'pc-chromium', use: { ...devices['Desktop Chrome'], deviceClass: 'pc' } },
  { name: 'sp-android', use: { ...devices['Pixel 7'], deviceClass: 'sp' } },
  { name: 'sp-iphone', use: { ...devices['iPhone 14'], browserName: 'chromium', deviceClass: 'sp' } },
];

function load(name: string): Envelope[] {
  return readFileSync(new URL(`./data/signoff/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Envelope);
}

interface Output {
  readonly html: string;
  readonly logs: string[];
  readonly errors: string[];
}

/** The configured projects a recording ran in (playwright-bdd names the project in each pickle's uri). */
const ranIn = (envelopes: readonly Envelope[]) => PROJECTS.filter((p) => envelopes.some((e) => e.pickle?.uri.startsWith(`[${p.name}]:`)));

/** Replays the messages into a formatter as playwright-bdd does, then awaits finished(). */
async function format(envelopes: readonly Envelope[], options: SignoffOptions = {}, stream?: NodeJS.WritableStream): Promise<Output> {
  const chunks: string[] = [];
  const out =
    stream ??
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
  const logs: string[] = [];
  const errors: string[] = [];
  mock.method(console, 'log', (...args: unknown[]) => logs.push(args.join(' ')));
  mock.method(console, 'error', (...args: unknown[]) => errors.push(args.join(' ')));
  try {
    const eventBroadcaster = new EventEmitter();
    const formatter = new SignoffFormatter({
      cwd: ROOT,
      eventBroadcaster,
      stream: out,
      log: (text: string | Uint8Array) => out.write(text),
      // No figure drift records unless a test brings its own (the checkout's reports/ belong to the last run).
      // The configuration of the recorded run: the projects it ran (a test that wants more configured says so).
      parsedArgvOptions: { pdfFile: false, projects: ranIn(envelopes), driftDir: join(tmpdir(), 'no-drift-records'), ...options },
      cleanup: async () => {},
    } as unknown as IFormatterOptions);
    for (const envelope of envelopes) eventBroadcaster.emit('envelope', envelope);
    await formatter.finished();
  } finally {
    mock.restoreAll();
  }
  return { html: chunks.join(''), logs, errors };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The mark of one manual sentence on one project in the matrix. */
function mark(html: string, id: string, project: string): string | undefined {
  return new RegExp(`data-id="${escapeRe(id)}" data-project="${escapeRe(project)}" data-mark="([a-z]+)"`).exec(html)?.[1];
}

/** The HTML of one element that carries the given data attributes (up to its closing tag). */
function element(html: string, tag: string, attributes: string): string {
  const start = html.indexOf(`<${tag} ${attributes}`);
  assert.ok(start >= 0, `no <${tag} ${attributes}>`);
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

function screenshot(envelopes: readonly Envelope[], fileName: string): string {
  const found = envelopes.find((e) => e.attachment?.fileName === fileName)?.attachment;
  assert.ok(found, `no attachment ${fileName}`);
  return `data:image/png;base64,${found.body}`;
}

/** The formatter's output for a fixture, filled in before the suite's tests run. */
function formatted(envelopes: readonly Envelope[]): Output {
  const output: Output = { html: '', logs: [], errors: [] };
  before(async () => {
    Object.assign(output, await format(envelopes));
  });
  return output;
}

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('sign-off report: a passing run', () => {
  const envelopes = load('passing.ndjson');
  const run = formatted(envelopes);

  test('says 合格, in Japanese, as one self-contained page', () => {
    assert.match(run.html, /^<!DOCTYPE html>/);
    assert.match(run.html, /<html lang="ja">/);
    assert.match(run.html, /data-verdict="passed"[\s\S]*?<div class="word">合格<\/div>/);
    assert.doesNotMatch(run.html, /<script|<link|@import|url\(\s*['"]?https?:/i);
    for (const [, src] of run.html.matchAll(/\ssrc="([^"]*)"/g)) assert.match(src ?? '', /^data:image\/png;base64,/);
    assert.deepEqual(run.errors, []);
    assert.ok(
      run.logs.some((l) => l.includes('サインオフ報告書（合格）')),
      run.logs.join('\n'),
    );
  });

  test('names the run: target, time in JST, devices, suite version and commit', () => {
    const facts = element(run.html, 'table', 'class="facts"');
    assert.match(facts, /同梱の参照アプリ/);
    assert.match(facts, /\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d{2}:\d{2}:\d{2} JST/);
    assert.match(facts, /sp-android<\/strong>: スマートデバイス・Pixel 7・chromium・412×839・タッチ操作/);
    assert.match(facts, new RegExp(`hellowork-manual-conformance ${escapeRe(PACKAGE.version)}・コミット [0-9a-f]{7,}`));
    assert.match(facts, /playwright-bdd 9\.2\.1/);
  });

  test('marks each manual step on each device: the smart-device steps passed, the PC steps do not apply', () => {
    for (const id of ['3.3(2)①', '3.3(2)②', '3.3(2)③']) assert.equal(mark(run.html, id, 'sp-android'), 'passed', id);
    for (const id of ['3.3(1)①', '3.3(1)②']) assert.equal(mark(run.html, id, 'sp-android'), 'na', id);
    // The 注意 sentences are not quoted by a step: their scenarios prove them.
    for (const id of ['3.3(注意)①', '3.3(注意)②', '3.3(注意)③']) assert.equal(mark(run.html, id, 'sp-android'), 'passed', id);
    // Projects that did not run are not columns.
    assert.equal(mark(run.html, '3.3(2)①', 'sp-iphone'), undefined);
  });

  test('puts the manual sentence beside its screen: a tap is shown on the screen it acts on', () => {
    const tap = element(run.html, 'article', 'class="sentence" data-id="3.3(2)①"');
    assert.match(tap, /求職者マイページの画面上部にあるメニューをタップします。/);
    assert.ok(tap.includes(screenshot(envelopes, '画面: 求職者マイページの「求職者マイページホーム」画面を表示している')), 'the screen before the tap');
    assert.match(tap, /sp-android・操作前の画面/);
    const top = element(run.html, 'article', 'class="sentence" data-id="3.3(2)③"');
    assert.ok(top.includes(screenshot(envelopes, '画面: ハローワークインターネットサービスのトップ画面が表示されます。')), 'the screen after the step');
    assert.equal((top.match(/<img /g) ?? []).length, 1, 'one screenshot per project');
  });

  test('has a sign-off block with empty boxes for 確認者, 日付 and 承認', () => {
    const signoff = element(run.html, 'table', 'class="signoff"');
    for (const label of ['確認者', '日付', '承認']) assert.match(signoff, new RegExp(label));
    assert.match(signoff, /<td class="box"><\/td>/);
  });

  test('names TARGET_URL as the target when it is set', async () => {
    const saved = process.env.TARGET_URL;
    process.env.TARGET_URL = 'https://staging.example.jp/';
    try {
      const { html: target } = await format(envelopes);
      assert.match(element(target, 'table', 'class="facts"'), /<td>https:\/\/staging\.example\.jp\/<\/td>/);
    } finally {
      if (saved === undefined) delete process.env.TARGET_URL;
      else process.env.TARGET_URL = saved;
    }
  });

  test('escapes what it quotes from the run', async () => {
    const evil = '<img src=x onerror=alert(1)>「危」&';
    const tampered = envelopes.map((e) => (e.pickle ? { pickle: { ...e.pickle, name: evil } } : e));
    const { html: escaped } = await format(tampered);
    assert.ok(!escaped.includes(evil));
    assert.ok(escaped.includes('&lt;img src=x onerror=alert(1)&gt;「危」&amp;'));
  });
});

describe('sign-off report: a failed step', () => {
  const run = formatted(load('failed.ndjson'));

  test('says 不合格, with the counts', () => {
    assert.match(run.html, /data-verdict="failed"[\s\S]*?<div class="word">不合格<\/div>/);
    assert.match(run.html, /シナリオ: 合格 \d+・不合格 [1-9]\d*・スキップ 0（全 \d+ 件）/);
    assert.match(run.html, /件のシナリオが不合格です/);
  });

  test('marks the failed manual step on the PC only, and what it kept from running', () => {
    assert.equal(mark(run.html, '3.3(1)①', 'pc-chromium'), 'failed');
    assert.equal(mark(run.html, '3.3(1)②', 'pc-chromium'), 'untested');
    assert.equal(mark(run.html, '3.3(注意)③', 'pc-chromium'), 'untested');
    assert.equal(mark(run.html, '3.3(2)①', 'sp-android'), 'passed');
  });

  test('shows マニュアルの記述 / 実際の画面 for the failure, with the screen at that moment', () => {
    const block = element(run.html, 'article', 'class="failure" data-project="pc-chromium" data-ref="3.3(1)①"');
    assert.match(block, /マニュアル 3\.3\(1\)① のとおりになっていません/);
    assert.match(block, /マニュアルの記述[\s\S]*「求職者マイページの画面上部にある「ログアウト」ボタンをクリックします。」/);
    assert.match(block, /確認した内容[\s\S]*画面上部（スクロールせずに見える最初の画面の上 25%）に「ログアウト」という名前のボタンが表示されている/);
    assert.match(block, /実際の画面[\s\S]*「ログアウト」は画面上部の外にあります/);
    assert.match(block, /<img src="data:image\/png;base64,/);
    assert.match(block, /pc-chromium・不合格時の画面/);
    // Playwright's account is kept, without the stack into the suite's code.
    assert.match(block, /toBeInTopArea/);
    assert.doesNotMatch(block, /manual-check\.ts:\d+/);
  });

  test('also reports failures outside the manual (security requirements)', () => {
    const block = element(run.html, 'article', 'class="failure" data-project="pc-chromium" data-ref="ASVS 7.4.4"');
    assert.match(block, /<h4>要件<\/h4>/);
    assert.match(run.html, /（マニュアルの範囲外の確認）/);
  });
});

describe('sign-off report: a skipped scenario', () => {
  const run = formatted(load('skipped.ndjson'));

  test('is no pass and no 不合格: no step contradicts the manual, but the 注意 were not confirmed (一部のみ確認, naming them)', () => {
    assert.match(run.html, /data-verdict="partial"[\s\S]*?<div class="word">一部のみ確認<\/div>/);
    assert.match(run.html, /シナリオ: 合格 \d+・不合格 0・スキップ 3（全 \d+ 件）/);
    assert.match(run.html, /手順×端末: 合格 3・不合格 0・未確認 3（全 6 件）/);
    assert.match(run.html, /<li>マニュアルの記述のうち 3 件（端末ごと）を確認していません（△）<\/li>/);
    assert.match(run.html, /確認していないもの:<ul><li>sp-android: 3\.3\(注意\)①、3\.3\(注意\)②、3\.3\(注意\)③<\/li>/);
    assert.doesNotMatch(run.html, /件のシナリオが不合格です|不合格<\/div>/);
  });

  test('leaves the 注意 unconfirmed and shows the scenarios as skipped', () => {
    for (const id of ['3.3(注意)①', '3.3(注意)②', '3.3(注意)③']) assert.equal(mark(run.html, id, 'sp-android'), 'untested', id);
    assert.match(run.html, /シナリオがスキップされたため、確認していません/);
    assert.equal((run.html.match(/data-project="sp-android" data-status="SKIPPED"/g) ?? []).length, 3);
    // The smart-device procedure itself still passed in its own feature.
    assert.equal(mark(run.html, '3.3(2)③', 'sp-android'), 'passed');
  });
});

describe('sign-off report: a partial run (--grep)', () => {
  // The 注意 scenarios not run at all (their pickles gone from the stream).
  const run = formatted(load('passing.ndjson').filter((e) => !e.pickle?.tags.some((t) => t.name === '@3.3-note')));

  test('a sentence that applies to the device but was not checked is 未確認, and no pass', () => {
    for (const id of ['3.3(注意)①', '3.3(注意)②', '3.3(注意)③']) assert.equal(mark(run.html, id, 'sp-android'), 'untested', id);
    assert.match(run.html, /この手順を確かめるシナリオが実行されていません/);
    assert.equal(mark(run.html, '3.3(1)①', 'sp-android'), 'na');
    assert.match(run.html, /data-verdict="partial"[\s\S]*?<div class="word">一部のみ確認<\/div>/);
  });
});

describe('sign-off report: a run on one of the configured devices (a green run filtered by device)', () => {
  const run: Output = { html: '', logs: [], errors: [] };
  before(async () => {
    Object.assign(run, await format(load('passing.ndjson'), { projects: PROJECTS }));
  });

  test('is 一部のみ確認, not 不合格, and names the devices it did not run on', () => {
    assert.match(run.html, /data-verdict="partial"[\s\S]*?<div class="word">一部のみ確認<\/div>/);
    assert.match(run.html, /<li>設定にある端末のうち 2 台（pc-chromium、sp-iphone）では実行していません<\/li>/);
    assert.ok(
      run.logs.some((l) => /サインオフ報告書（一部のみ確認）/.test(l)),
      run.logs.join('\n'),
    );
    assert.ok(
      run.logs.some((l) => /設定にある端末のうち 2 台（pc-chromium、sp-iphone）では実行していません/.test(l)),
      run.logs.join('\n'),
    );
  });
});

describe('sign-off report: an undefined step', () => {
  const run = formatted(load('undefined.ndjson'));

  test('fails the run and marks the step 未定義', () => {
    assert.match(run.html, /data-verdict="failed"/);
    assert.equal(mark(run.html, '3.3(2)②', 'sp-android'), 'undefined');
    assert.match(run.html, /手順の定義がありません（steps\/ にこの文のステップ定義がない）: 「表示されたメニューから「ログアウト」をタップします。」/);
    // The other examples of the outline still reached the top page.
    assert.equal(mark(run.html, '3.3(2)③', 'sp-android'), 'passed');
  });
});

describe('sign-off report: output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('without an output stream (stdout) it writes the HTML to outputFile itself', async () => {
    const file = join(dir, 'own', 'index.html');
    await format(load('passing.ndjson'), { outputFile: file }, process.stdout);
    assert.match(readFileSync(file, 'utf8'), /^<!DOCTYPE html>/);
  });

  let chromium = true;
  try {
    resolveChromium();
  } catch {
    chromium = false;
  }

  test('prints the PDF with Chromium', { skip: !chromium && 'no Chromium', timeout: 120_000 }, async () => {
    const pdf = join(dir, 'signoff.pdf');
    const { html, errors, logs } = await format(load('failed.ndjson'), { pdfFile: pdf });
    assert.deepEqual(errors, []);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    assert.ok(logs.some((l) => l.includes('PDF:')));
    assert.match(html, /Chromium \d+\.\d+/, 'the Chromium version is a run fact');
  });

  test('a PDF that cannot be printed is a logged error, not a crash; the HTML is still written', {
    skip: !chromium && 'no Chromium',
    timeout: 120_000,
  }, async () => {
    const { html, errors } = await format(load('passing.ndjson'), { pdfFile: '/dev/null/signoff.pdf' });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /\[signoff\] PDF を作成できませんでした（[^）]*signoff\.pdf）。HTML の報告書は作成しています。\n {2}原因: /);
  });
});

describe('failures are read from the recorded finding, not from the prose', () => {
  const fact: FailureFact = {
    version: 1,
    kind: 'manual',
    ref: '3.3(2)②',
    section: { id: '3.3(2)', title: 'スマートデバイス画面' },
    quoted: '表示されたメニューから「ログアウト」をタップします。',
    step: '表示されたメニューから「ログアウト」をタップします。',
    expected: 'メニューが表示され、その中に「ログアウト」がある',
    shows: 'メニューは表示されていますが、項目は: 「ホーム」「サインアウト」',
    detail: 'expect(locator).toBeVisible() failed\n    at ../steps/3.3-logout/procedures.ts:80',
  };

  test('a finding: kind, id, quote, check and screen from the record; the stack trimmed from the detail', () => {
    const f = failureFrom(fact, 'any wording at all');
    assert.equal(f.kind, 'manual');
    assert.equal(f.ref, '3.3(2)②');
    assert.equal(f.quoted, '表示されたメニューから「ログアウト」をタップします。');
    assert.equal(f.quotedLabel, 'マニュアルの記述');
    assert.equal(f.expected, fact.expected);
    assert.equal(f.shows, fact.shows);
    assert.equal(f.detail, 'expect(locator).toBeVisible() failed');
    assert.equal(f.headline, failureHeadline(fact));
  });

  test('a 注意, a security requirement, a precondition', () => {
    const note = failureFrom({ ...fact, kind: 'note', ref: '3.3(注意)③', quoted: 'また、…' }, undefined);
    assert.deepEqual([note.kind, note.ref, note.quoted], ['note', '3.3(注意)③', 'また、…']);
    const security = failureFrom({ ...fact, kind: 'security', ref: 'ASVS 7.4.1', section: undefined, quoted: 'ログアウトでセッションが終わり…' }, undefined);
    assert.deepEqual(
      [security.kind, security.ref, security.quotedLabel, security.quoted],
      ['security', 'ASVS 7.4.1', '要件', 'ログアウトでセッションが終わり…'],
    );
    const pre = failureFrom({ version: 1, kind: 'precondition', step: '求職者マイページにログインしている', expected: 'x', shows: 'y' }, undefined);
    assert.deepEqual([pre.kind, pre.ref, pre.expected, pre.shows], ['precondition', undefined, 'x', 'y']);
  });

  test('any other error (no finding) is kept as it is', () => {
    const f = failureFrom(undefined, 'Test timeout of 60000ms exceeded.\n\nwaiting for locator');
    assert.equal(f.kind, 'error');
    assert.equal(f.headline, 'Test timeout of 60000ms exceeded.');
    assert.equal(f.detail, 'waiting for locator');
    assert.equal(failureFrom(undefined, undefined).kind, 'error');
  });

  test('rewording every failure message changes neither the marks nor the verdict', async () => {
    const recorded = load('failed.ndjson');
    // Every failed step's prose replaced by words that name nothing; the findings (attachments) stay.
    const reworded = recorded.map((e) =>
      e.testStepFinished?.testStepResult.status === 'FAILED'
        ? {
            testStepFinished: {
              ...e.testStepFinished,
              testStepResult: {
                ...e.testStepFinished.testStepResult,
                message: 'Error: 何かが違います',
                exception: { type: 'Error', message: '何かが違います' },
              },
            },
          }
        : e,
    );
    const marks = (html: string) =>
      [...html.matchAll(/data-id="([^"]+)" data-project="([^"]+)" data-mark="([^"]+)"/g)].map((m) => m.slice(1).join(' ')).join(',');
    const verdictOf = (html: string) => /data-verdict="([a-z]+)"/.exec(html)?.[1];
    const before = await format(recorded, { projects: PROJECTS });
    const after = await format(reworded, { projects: PROJECTS });
    assert.ok(marks(before.html).includes('failed'), 'the recorded run has failed marks');
    assert.equal(marks(after.html), marks(before.html));
    assert.equal(verdictOf(after.html), verdictOf(before.html));
    assert.match(after.html, /マニュアル 3\.3\(1\)① のとおりになっていません/);
  });

  test('a finding round-trips: the check writes it, the Cucumber attachment carries it, the report reads it back', () => {
    const body = Buffer.from(JSON.stringify(fact)).toString('base64');
    assert.deepEqual(readFact({ mediaType: FACT_MEDIA_TYPE, body, contentEncoding: 'BASE64' }), fact);
    assert.deepEqual(readFact({ mediaType: FACT_MEDIA_TYPE, body: JSON.stringify(fact), contentEncoding: 'IDENTITY' }), fact);
    assert.equal(readFact({ mediaType: 'application/json', body: JSON.stringify(fact) }), undefined);
    assert.equal(readFact({ mediaType: FACT_MEDIA_TYPE, body: '{"version":2}' }), undefined);
  });
});

describe('which devices a manual section applies to comes from its features', () => {
  /** The real manual and features plus a second section: one PC-only subsection and one for every device. */
  function withSecondSection(): { manualDir: string; featuresDir: string; cleanup: () => void } {
    const root = mkdtempSync(join(tmpdir(), 'signoff-sections-'));
    cpSync(join(ROOT, 'manual'), join(root, 'manual'), { recursive: true });
    cpSync(join(ROOT, 'features'), join(root, 'features'), { recursive: true });
    mkdirSync(join(root, 'manual', '9.9-example'));
    writeFileSync(
      join(root, 'manual', '9.9-example', 'transcript.md'),
      [
        '# 9.9 見本の節',
        '',
        '## 9.9(1) パソコン画面 · タグ: `@9.9-1`',
        '',
        '- **9.9(1)①** 見本の手順です。',
        '',
        '## 9.9(2) どの端末でも · タグ: `@9.9-2`',
        '',
        '- **9.9(2)①** 見本の二つ目の手順です。',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, 'features', '9.9-example'));
    writeFileSync(
      join(root, 'features', '9.9-example', 'pc.feature'),
      ['# language: ja', '@9.9-1 @pc', '機能: 見本', '  シナリオ: 見本', '    もし 見本の手順です。', ''].join('\n'),
    );
    return { manualDir: join(root, 'manual'), featuresDir: join(root, 'features'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
  }

  test('a PC-only subsection is not applicable (no 未確認) on smart-device profiles; a section with no device tag is 未確認', async () => {
    const dirs = withSecondSection();
    try {
      // sp-android only, everything passed: the PC-only rows must not hold the verdict back.
      const { html } = await format(load('passing.ndjson'), { ...dirs, projects: PROJECTS.filter((p) => p.name === 'sp-android') });
      assert.equal(mark(html, '9.9(1)①', 'sp-android'), 'na');
      assert.equal(mark(html, '3.3(1)①', 'sp-android'), 'na');
      assert.equal(mark(html, '3.3(2)①', 'sp-android'), 'passed');
      // No feature carries @9.9-2: it applies to every device and nothing confirmed it.
      assert.equal(mark(html, '9.9(2)①', 'sp-android'), 'untested');
      assert.match(html, /data-verdict="partial"/);
    } finally {
      dirs.cleanup();
    }
  });
});

describe('figure drift in the sign-off', () => {
  test('one line in the verdict box, and 図の更新が必要な箇所 with the side-by-side figure; the verdict is not changed by it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signoff-drift-'));
    try {
      const side = join(dir, 'side.png');
      writeFileSync(side, solidPng(200, 0, 0));
      const record = (manualId: string, status: string, extra: object = {}) => ({
        manualId,
        project: 'sp-android',
        profile: 'reference',
        caption: 'キャプション',
        scenario: 'マイナポータルをログアウトしても、求職者マイページはログアウトされない',
        status,
        tolerance: 0.002,
        approved: `manual/x/figures/reference/${manualId}/sp-android.png`,
        fresh: 'reports/figures/x.png',
        ...extra,
      });
      mkdirSync(join(dir, 'records'));
      writeFileSync(join(dir, 'records', 'a.json'), JSON.stringify(record('3.3(2)①', 'changed', { ratio: 0.0312, sideBySide: side, diff: side })));
      writeFileSync(join(dir, 'records', 'b.json'), JSON.stringify(record('3.3(2)③', 'unchanged', { ratio: 0 })));
      const { html } = await format(load('passing.ndjson'), { driftDir: join(dir, 'records') });
      assert.match(html, /data-verdict="passed"/);
      assert.match(html, /data-drift="1">図の比較: 2 枚のうち、更新が必要 1 枚、承認済みの図なし 0 枚/);
      const finding = element(html, 'article', 'class="drift" data-id="3.3(2)①" data-project="sp-android" data-status="changed"');
      assert.match(finding, /3\.12% の画素が違います（許容 0\.20%）/);
      assert.match(finding, /<img src="data:image\/png;base64,/);
      assert.doesNotMatch(html, /data-id="3\.3\(2\)③" data-project="sp-android" data-status/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('all figures unchanged: the sign-off says so in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signoff-drift-'));
    try {
      writeFileSync(
        join(dir, 'a.json'),
        JSON.stringify({
          manualId: '3.3(2)①',
          project: 'sp-android',
          profile: 'reference',
          caption: 'c',
          scenario: 'マイナポータルをログアウトしても、求職者マイページはログアウトされない',
          status: 'unchanged',
          ratio: 0,
          tolerance: 0.002,
          approved: 'a',
          fresh: 'f',
        }),
      );
      const { html } = await format(load('passing.ndjson'), { driftDir: dir });
      assert.match(html, /data-drift="0">図の比較: 1 枚すべてが承認済みの図と一致しました。/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what the sign-off says was checked', () => {
  const SCENARIO = 'マイナポータルをログアウトしても、求職者マイページはログアウトされない';

  /** The recording with a note for the writer attached to the first step of SCENARIO (as the suite's remark attaches it). */
  function withNote(envelopes: readonly Envelope[]): Envelope[] {
    const pickle = envelopes.find((e) => e.pickle?.name === SCENARIO)?.pickle;
    const testCase = envelopes.find((e) => e.testCase?.pickleId === pickle?.id)?.testCase;
    const started = envelopes.find((e) => e.testCaseStarted?.testCaseId === testCase?.id)?.testCaseStarted;
    const step = testCase?.testSteps.find((s) => s.pickleStepId);
    assert.ok(pickle && testCase && started && step, 'the recording has the scenario');
    const note = { version: 1, ref: '3.3(2)②', step: 's', text: '画面の表記は「ﾛｸﾞｱｳﾄ」で、マニュアルの「ログアウト」とは字形が違います' };
    const attachment = {
      testCaseStartedId: started.id,
      testStepId: step.id,
      mediaType: NOTE_MEDIA_TYPE,
      body: JSON.stringify(note),
      contentEncoding: 'IDENTITY',
    } as Envelope['attachment'];
    const at = envelopes.findIndex((e) => e.testStepFinished?.testStepId === step.id && e.testStepFinished.testCaseStartedId === started.id);
    return [...envelopes.slice(0, at), { attachment }, ...envelopes.slice(at)];
  }

  test("a note for the manual's writer (a name that matched only after NFKC) is listed in the sign-off and on the console", async () => {
    const run = await format(withNote(load('passing.ndjson')));
    assert.match(run.html, /data-verdict="passed"/);
    assert.match(run.html, /マニュアルへの注記: 1 件/);
    const item = element(run.html, 'li', 'data-note-ref="3.3(2)②"');
    assert.match(item, /画面の表記は「ﾛｸﾞｱｳﾄ」で、マニュアルの「ログアウト」とは字形が違います/);
    assert.match(item, /sp-android/);
    assert.ok(
      run.logs.some((l) => l.includes('マニュアルへの注記: 3.3(2)②: 画面の表記は「ﾛｸﾞｱｳﾄ」')),
      run.logs.join('\n'),
    );
  });

  test('a run with DEVIATIONS says so in its first screen; the bundled app is named as not the real site; a URL is named', async () => {
    const saved = { DEVIATIONS: process.env.DEVIATIONS, TARGET_URL: process.env.TARGET_URL };
    try {
      process.env.DEVIATIONS = 'logout-renamed';
      delete process.env.TARGET_URL;
      const { html } = await format(load('passing.ndjson'));
      const head = html.slice(0, html.indexOf('</header>'));
      assert.match(head, /data-banner="deviations">試験用の実行です（本番の確認ではありません）: 参照アプリにわざと入れた逸脱 logout-renamed/);
      assert.match(head, /data-banner="bundled">確認対象は同梱の参照アプリです（実サイトではありません）/);
      delete process.env.DEVIATIONS;
      const plain = await format(load('passing.ndjson'), { targetUrl: 'https://kyushoku.example.jp/' });
      assert.doesNotMatch(plain.html, /data-banner="deviations"/);
      assert.match(plain.html, /data-banner="target">確認対象: https:\/\/kyushoku\.example\.jp\//);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  test("the manual's revision: the transcript, the original it transcribes and a hash of the file", async () => {
    const { html } = await format(load('passing.ndjson'));
    const transcript = readFileSync(join(ROOT, 'manual/3.3-logout/transcript.md'));
    const hash = createHash('sha256').update(transcript).digest('hex').slice(0, 12);
    assert.match(html, new RegExp(`data-manual-revision="${hash}"`));
    assert.match(html, /・版 [0-9a-f]{12}）/);
    assert.match(html, /ハローワークインターネットサービス 求職者マイページ 操作マニュアル 3\.3/);
  });

  test("the figure line counts only this run's figures (records another device or scenario left are not this run's), and the verdict names them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signoff-own-drift-'));
    try {
      const record = (project: string, scenario: string, status: string) => ({
        manualId: '3.3(2)①',
        project,
        profile: 'reference',
        caption: 'c',
        scenario,
        status,
        ratio: status === 'changed' ? 0.05 : 0,
        tolerance: 0.002,
        approved: 'a',
        fresh: 'f',
      });
      writeFileSync(join(dir, 'mine.json'), JSON.stringify(record('sp-android', SCENARIO, 'changed')));
      writeFileSync(join(dir, 'other-device.json'), JSON.stringify(record('sp-iphone', SCENARIO, 'changed')));
      writeFileSync(join(dir, 'other-scenario.json'), JSON.stringify(record('sp-android', '別のシナリオ', 'unchanged')));
      const run = await format(load('passing.ndjson'), { driftDir: dir });
      assert.match(run.html, /data-drift="1">図の比較: 1 枚のうち、更新が必要 1 枚/);
      assert.match(run.html, /<div class="word">合格（図の更新 1 枚）<\/div>/);
      assert.ok(
        run.logs.some((l) => l.includes('サインオフ報告書（合格（図の更新 1 枚））')),
        run.logs.join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
