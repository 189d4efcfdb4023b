/**
 * What the suite says it saw must be true on markup it was not written for: a header whose controls live in an open
 * shadow root, a closed one, a <details> menu, an image link named by its alt, a confirmation dialog before the
 * logout, a configured screen that answers 404. Pages served by a small server here, driven by the suite's Chromium.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ManualCheck } from '../checks/manual-check.ts';
import { setExpectTimeout } from '../checks/matchers.ts';
import { everyScreenRefuses } from '../checks/session.ts';
import { DialogWatch } from '../pages/dialogs.ts';
import { AnsweredByDialog, navigatingBy, press } from '../pages/interact.ts';
import { MyPage } from '../pages/MyPage.ts';
import { visibleControls, whatIsOnTop } from '../pages/observe.ts';
import { SessionProbe } from '../pages/SessionProbe.ts';
import { launchSuiteChromium } from '../support/browser.ts';
import { loadConfig } from '../support/config.ts';
import type { FailureFact } from '../support/failure-fact.ts';
import { loadManualIndex } from '../support/manual.ts';

const PAGES: Record<string, { status?: number; html: string }> = {
  // A header as a custom element with an OPEN shadow root holding the logout link (declarative shadow DOM).
  '/shadow': {
    html: `<!doctype html><html lang="ja"><title>求職者マイページ</title><body style="margin:0">
      <hw-header><template shadowrootmode="open"><style>:host{display:block;height:60px;background:#036}a{color:#fff;display:inline-block;margin:16px}</style>
        <a href="/top">ハローワーク</a><a id="logout" href="/top">ログアウト</a></template></hw-header>
      <details><summary>メニュー</summary><nav><a href="/top">ログアウト</a></nav></details>
      <a href="/home"><img alt="ホーム" width="20" height="20" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>
      <h1>求職者マイページホーム</h1></body></html>`,
  },
  // The same link, with a fixed banner over it (a real cover).
  '/shadow-covered': {
    html: `<!doctype html><html lang="ja"><title>covered</title><body style="margin:0">
      <hw-header><template shadowrootmode="open"><style>:host{display:block;height:60px}a{display:inline-block;margin:16px}</style><a id="logout" href="/top">ログアウト</a></template></hw-header>
      <div id="banner" style="position:fixed;top:0;left:0;width:100%;height:80px;background:#fc0">お知らせ</div></body></html>`,
  },
  // A host with a CLOSED shadow root lying over a light-DOM link.
  '/closed': {
    html: `<!doctype html><html lang="ja"><title>closed</title><body style="margin:0">
      <a id="logout" href="/top" style="display:inline-block;margin:16px">ログアウト</a>
      <hw-overlay style="position:fixed;top:0;left:0;width:100%;height:80px"><template shadowrootmode="closed"><div style="height:80px;background:#eee">…</div></template></hw-overlay></body></html>`,
  },
  // A logout that asks first.
  '/confirm': {
    html: `<!doctype html><html lang="ja"><title>confirm</title><body>
      <button id="logout" onclick="if (confirm('ログアウトしますか？')) location.href='/top'">ログアウト</button></body></html>`,
  },
  '/top': { html: '<!doctype html><title>ハローワークインターネットサービス</title><h1>トップ</h1>' },
  '/missing': { status: 404, html: '<!doctype html><title>ページが見つかりません</title><h1>ページが見つかりません</h1>' },
  '/login': { html: '<!doctype html><title>ログイン</title><label>パスワード <input type="password"></label>' },
};

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = createServer((req, res) => {
    const found = PAGES[(req.url ?? '/').split('?')[0] ?? '/'];
    res.writeHead(found?.status ?? (found ? 200 : 404), { 'content-type': 'text/html; charset=utf-8' });
    res.end(found?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchSuiteChromium(loadConfig({ HELLOWORK_PORT: '1', MYNAPORTAL_PORT: '2' }));
  setExpectTimeout(1_000);
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function fresh(path: string): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  await page.goto(`${origin}${path}`);
  return page;
}

test('an element inside an open shadow root is never "covered" by its own host; a real cover inside is still found', async () => {
  const p = await fresh('/shadow');
  assert.equal(await whatIsOnTop(p.getByRole('link', { name: 'ログアウト' }).first()), 'self');
  const covered = await fresh('/shadow-covered');
  assert.match(await whatIsOnTop(covered.getByRole('link', { name: 'ログアウト' })), /^<div#banner>「お知らせ」/);
});

test('a host with a closed shadow root is named as such', async () => {
  const p = await fresh('/closed');
  assert.match(await whatIsOnTop(p.locator('#logout')), /^<hw-overlay>.*閉じたシャドウ DOM/);
});

test('the control list sees into open shadow roots, <summary> and image links named by alt', async () => {
  const p = await fresh('/shadow');
  const controls = await visibleControls(p);
  const seen = controls.map((c) => `${c.role}:${c.name}${c.inShadow ? ':shadow' : ''}`);
  assert.ok(seen.includes('リンク:ログアウト:shadow'), seen.join(', '));
  assert.ok(seen.includes('開閉ボタン:メニュー'), seen.join(', '));
  assert.ok(seen.includes('リンク:ホーム'), seen.join(', '));
  assert.match(controls.find((c) => c.inShadow && c.name === 'ログアウト')?.path ?? '', /^hw-header >>> /);
});

test('a confirmation dialog is the first thing the finding says, and stops the wait at once (dismissed: red)', async () => {
  const p = await fresh('/confirm');
  const dialogs = new DialogWatch(context, 'dismiss');
  const facts: FailureFact[] = [];
  const manual = new ManualCheck(
    loadManualIndex(),
    () => [],
    () => '「ログアウト」を押す',
    'pc',
    async (f) => void facts.push(f),
    () => p.url(),
    dialogs,
  );
  const started = Date.now();
  await assert.rejects(
    manual.verify({ expected: '押すと次の画面が表示される', observe: async (e) => (e instanceof AnsweredByDialog ? e.message : 'other') }, () =>
      navigatingBy(p, () => press(p.locator('#logout'), false, 10_000), 10_000, dialogs),
    ),
  );
  assert.ok(Date.now() - started < 5_000, `waited ${Date.now() - started} ms: the dialog should end the wait, not the 10 s timeout`);
  assert.match(
    facts[0]?.shows ?? '',
    /^確認ダイアログ（confirm）「ログアウトしますか？」が表示されました（このスイートは「キャンセル」で閉じました）。マニュアルにはこの確認の手順がありません。/,
  );
  assert.match(facts[0]?.shows ?? '', /押す前と同じ URL/);
  assert.equal(new URL(p.url()).pathname, '/confirm');
  dialogs.dispose();
});

test('DIALOGS=accept: the dialog is accepted, the press leads on, and a remark says so', async () => {
  const p = await fresh('/confirm');
  const dialogs = new DialogWatch(context, 'accept');
  const remarks: string[] = [];
  const manual = new ManualCheck(
    loadManualIndex(),
    () => [],
    () => '「ログアウト」を押す',
    'pc',
    async () => {},
    () => p.url(),
    dialogs,
    (r) => remarks.push(r),
  );
  await manual.verify({ expected: '押すと次の画面が表示される', observe: async () => '' }, () =>
    navigatingBy(p, () => press(p.locator('#logout'), false, 10_000), 10_000, dialogs),
  );
  assert.equal(new URL(p.url()).pathname, '/top');
  assert.match(remarks.join('\n'), /確認ダイアログ（confirm）「ログアウトしますか？」が表示されました（このスイートは「OK」で閉じました: DIALOGS=accept）/);
  dialogs.dispose();
});

test('a configured screen that answers 404 is described as a 404 naming its setting, never as My Page still shown', async () => {
  const suite = loadConfig({
    TARGET_URL: origin,
    TARGET_PROFILE: 'reference',
    LOGIN_ID: 'a',
    LOGIN_PASSWORD: 'b',
    TARGET_MYPAGE_SCREENS: JSON.stringify({ 応募中の求人: '/missing', 求職者マイページホーム: '/login' }),
  });
  const p = await fresh('/top');
  const myPage = new MyPage(p, suite.hellowork);
  const facts: FailureFact[] = [];
  const manual = new ManualCheck(
    loadManualIndex(),
    () => [],
    () => 'x',
    'pc',
    async (f) => void facts.push(f),
    () => p.url(),
  );
  await assert.rejects(
    everyScreenRefuses({ manual, myPage }, await SessionProbe.inContext(context, suite.hellowork), (screen) => ({
      expected: `「${screen}」がログインしていない画面になる`,
    })),
  );
  const shows = facts[0]?.shows ?? '';
  assert.match(
    shows,
    /確認用に開いた同じブラウザーの別のタブで「応募中の求人」（TARGET_MYPAGE_SCREENS の 応募中の求人: http:\/\/127\.0\.0\.1:\d+\/missing）を開くと HTTP 404 が返り/,
  );
  assert.match(shows, /確認用に開いた同じブラウザーの別のタブ: URL http:\/\/127\.0\.0\.1:\d+\/missing、HTTP 404、タイトル「ページが見つかりません」/);
  assert.doesNotMatch(shows, /まだ表示されます/);
  assert.equal(facts.length, 1, 'the home screen (a login form) passed');
});
