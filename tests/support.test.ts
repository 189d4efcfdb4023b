import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NoChromiumError, resolveChromium } from '../support/browser.ts';
import { ConfigError, loadConfig } from '../support/config.ts';
import { loadManuals, ManualIndex, normalizeText, parseManual } from '../support/manual.ts';

test('manual transcript: every numbered step and 注意 sentence has an id', () => {
  const index = new ManualIndex(loadManuals('manual'));
  const ids = index.sections().flatMap((s) => s.sentences.map((x) => x.id));
  assert.deepEqual(ids, ['3.3(1)①', '3.3(1)②', '3.3(2)①', '3.3(2)②', '3.3(2)③', '3.3(注意)①', '3.3(注意)②', '3.3(注意)③']);
  assert.equal(index.sentenceFor(['@sp', '@3.3-2'], 'ハローワークインターネットサービスのトップ画面が表示されます。')?.id, '3.3(2)③');
  assert.equal(index.sentenceFor(['@3.3-1'], '求職者マイページにログインしている'), undefined);
});

test('manual parser refuses a repeated id with different text', () => {
  const src = '## 9.9(1) x · タグ: `@9.9-1`\n- **9.9(1)①** あ。\n- **9.9(1)①** い。\n';
  assert.throws(() => parseManual(src, 'm.md'), /repeated with a different text/);
});

test('normalizeText folds width and whitespace', () => {
  assert.equal(normalizeText('ＡＢ　 c\n d'), 'AB c d');
});

test('config: bundled mode by default, target mode needs credentials', () => {
  const bundled = loadConfig({ HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001' });
  assert.equal(bundled.hellowork.baseURL, 'http://hellowork.localhost:4000');
  assert.equal(bundled.mynaportal?.baseURL, 'http://mynaportal.localhost:4001');
  assert.throws(() => loadConfig({ HELLOWORK_PORT: '4000' }), /MYNAPORTAL_PORT/);
  assert.throws(
    () => loadConfig({ TARGET_URL: 'not a url' }),
    (e: unknown) => e instanceof ConfigError && /TARGET_URL/.test(e.message),
  );
  assert.throws(() => loadConfig({ TARGET_URL: 'https://staging.example.jp' }), /LOGIN_PASSWORD/);
  const target = loadConfig({ TARGET_URL: 'https://staging.example.jp/', TARGET_TOP_URL: 'https://www.example.jp', LOGIN_ID: 'a', LOGIN_PASSWORD: 'b' });
  assert.equal(target.mode, 'target');
  assert.equal(target.hellowork.baseURL, 'https://staging.example.jp');
  assert.equal(target.mynaportal, undefined, 'no マイナポータル settings: the 注意 scenarios are skipped');
});

test('config: マイナポータル settings against a target are all or nothing', () => {
  const base = { TARGET_URL: 'https://staging.example.jp', TARGET_PROFILE: 'reference', LOGIN_ID: 'a', LOGIN_PASSWORD: 'b' };
  assert.throws(
    () => loadConfig({ ...base, MYNAPORTAL_URL: 'https://myna.example.jp' }),
    (e: unknown) => e instanceof ConfigError && /MYNAPORTAL_USER_ID/.test(e.message) && /MYNAPORTAL_PIN/.test(e.message),
  );
  const full = loadConfig({ ...base, MYNAPORTAL_URL: 'https://myna.example.jp/', MYNAPORTAL_USER_ID: 'u', MYNAPORTAL_PIN: '1234' });
  assert.equal(full.mynaportal?.baseURL, 'https://myna.example.jp');
  assert.equal(full.mynaportal?.recordsURL, undefined, 'test-only records exist only in the reference app');
});

test('browser: no Chromium anywhere gives one error naming both remedies', () => {
  // Only meaningful where Playwright's own Chromium is absent (as on CI here).
  try {
    resolveChromium({}, () => false);
  } catch (e) {
    assert.ok(e instanceof NoChromiumError);
    assert.match(e.message, /npx playwright install chromium/);
    assert.match(e.message, /apt-get install chromium/);
    return;
  }
});

test('browser: CHROMIUM_PATH pointing nowhere is reported', () => {
  try {
    const r = resolveChromium({ CHROMIUM_PATH: '/nope/chromium' }, () => false);
    assert.equal(r.source, 'playwright'); // Playwright's own build wins when installed
  } catch (e) {
    assert.match(String(e), /CHROMIUM_PATH=\/nope\/chromium does not exist/);
  }
});

test('a 注意 may quote its device procedure, on one kind of device or several; a procedure may not quote another', () => {
  const manual = parseManual(
    [
      '# 9.9 見本',
      '## 9.9(1) パソコン画面 · タグ: `@9.9-1`',
      '- **9.9(1)①** 手順です。',
      '## 9.9(2) スマートデバイス画面 · タグ: `@9.9-2`',
      '- **9.9(2)①** 別の手順です。',
      '## 9.9(注意) 注意 · タグ: `@9.9-note`',
      '- **9.9(注意)①** 注意です。',
      '',
    ].join('\n'),
    'manual/9.9-x/transcript.md',
  );
  const pcOnlyNote = new ManualIndex(
    [manual],
    [
      ['@9.9-1', '@pc'],
      ['@9.9-2', '@sp'],
      ['@9.9-note', '@pc'],
    ],
  );
  assert.equal(pcOnlyNote.sentenceFor(['@9.9-note', '@pc'], '手順です。', 'pc')?.id, '9.9(1)①');
  assert.equal(pcOnlyNote.sentenceFor(['@9.9-note', '@pc'], '別の手順です。', 'pc'), undefined);
  assert.equal(pcOnlyNote.sentenceFor(['@9.9-1', '@pc'], '注意です。', 'pc'), undefined);
  assert.equal(pcOnlyNote.sentenceFor(['@9.9-1', '@pc'], '別の手順です。', 'pc'), undefined);
  assert.deepEqual([...pcOnlyNote.devicesOf(manual.sections[2] as never)], ['pc']);
  const bothNote = new ManualIndex(
    [manual],
    [
      ['@9.9-1', '@pc'],
      ['@9.9-2', '@sp'],
      ['@9.9-note', '@pc', '@sp'],
    ],
  );
  assert.equal(bothNote.sentenceFor(['@9.9-note', '@pc', '@sp'], '別の手順です。', 'sp')?.id, '9.9(2)①');
  assert.equal(bothNote.sentenceFor(['@9.9-note', '@pc', '@sp'], '別の手順です。', 'pc'), undefined);
});
