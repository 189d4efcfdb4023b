import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultJobSeeker } from '../fixtures/accounts.ts';
import { createHelloWorkApp, SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';

const seeker = defaultJobSeeker();
const form = (data: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(data).toString(),
});

async function logIn(app: ReturnType<typeof createHelloWorkApp>['app']) {
  const res = await app.request('/login', form({ loginId: seeker.loginId, password: seeker.password }));
  assert.equal(res.status, 303);
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=`));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const sid = cookie.split(';')[0] ?? '';
  const home = await app.request('/mypage', { headers: { Cookie: sid } });
  const html = await home.text();
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { sid, csrf, home, html };
}

test('top page shows the three sections and their login buttons', async () => {
  const { app } = createHelloWorkApp();
  const html = await (await app.request('/')).text();
  assert.match(html, /<title>ハローワークインターネットサービス<\/title>/);
  for (const s of ['仕事をお探しの方', '事業者の方', 'ハローワーク求人・求職情報提供サービスをご利用の方', 'ハローワークなどの所在地情報']) {
    assert.ok(html.includes(s), s);
  }
  assert.ok(html.includes('求職者マイページにログイン'));
  assert.ok(html.includes('求人者マイページにログイン'));
});

test('unauthenticated My Page requests go to the login page and are not cacheable', async () => {
  const { app } = createHelloWorkApp();
  for (const path of ['/mypage', '/mypage/search', '/mypage/messages']) {
    const res = await app.request(path);
    assert.equal(res.status, 303, path);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  }
});

test('wrong password is refused without a session', async () => {
  const { app, sessions } = createHelloWorkApp();
  const res = await app.request('/login', form({ loginId: seeker.loginId, password: 'wrong-password' }));
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('set-cookie'), null);
  assert.equal(sessions.size, 0);
});

test('My Page home shows the figure content with Cache-Control: no-store', async () => {
  const { app } = createHelloWorkApp();
  const { home, html } = await logIn(app);
  assert.equal(home.status, 200);
  assert.equal(home.headers.get('cache-control'), 'no-store');
  for (const s of ['求職者マイページホーム', 'ログアウト', '介護福祉士', '明日 勇気様', '飯田橋公共職業安定所', '2件', '公開中', '応募中の求人を全て表示']) {
    assert.ok(html.includes(s), s);
  }
});

test('logout needs the CSRF token, then destroys the server session and expires the cookie', async () => {
  const { app, sessions } = createHelloWorkApp();
  const { sid, csrf } = await logIn(app);
  assert.ok(csrf.length > 20);
  const forged = await app.request('/mypage/logout', { ...form({ csrf_token: 'forged' }), headers: { ...form({}).headers, Cookie: sid } });
  assert.equal(forged.status, 403);
  assert.equal(sessions.size, 1);
  const missing = await app.request('/mypage/logout', { ...form({}), headers: { ...form({}).headers, Cookie: sid } });
  assert.equal(missing.status, 403);

  const res = await app.request('/mypage/logout', { ...form({ csrf_token: csrf }), headers: { ...form({}).headers, Cookie: sid } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/');
  assert.match(res.headers.get('set-cookie') ?? '', /Max-Age=0/);
  assert.equal(sessions.size, 0);
  const replay = await app.request('/mypage', { headers: { Cookie: sid } });
  assert.equal(replay.status, 303, 'the old cookie no longer opens My Page');
});

test('oversized bodies and unknown paths get 4xx pages', async () => {
  const { app } = createHelloWorkApp();
  const big = await app.request('/login', form({ loginId: 'x'.repeat(40_000), password: 'y' }));
  assert.equal(big.status, 413);
  const missing = await app.request('/no/such/page');
  assert.equal(missing.status, 404);
});
