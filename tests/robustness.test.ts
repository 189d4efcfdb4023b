/**
 * The reference app under hostile or broken input: malformed forms, missing or forged
 * CSRF tokens, oversized bodies, unknown session ids, odd paths. Every answer must
 * be a 4xx (or a redirect), never a 5xx, and the app must keep answering.
 * Property-based with fast-check for the paths and bodies.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultJobSeeker } from '../reference-app/src/accounts.ts';
import { createHelloWorkApp, SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';
import { helloworkOrigins } from '../reference-app/src/markup.ts';
import { startReference } from './helpers/reference.ts';

const seeker = defaultJobSeeker();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function loggedIn(app: ReturnType<typeof createHelloWorkApp>['app']) {
  const res = await app.request('/login', {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams({ loginId: seeker.loginId, password: seeker.password }).toString(),
  });
  const sid = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const html = await (await app.request('/mypage', { headers: { Cookie: sid } })).text();
  return { sid, csrf: /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

const notServerError = (status: number, what: string) => assert.ok(status < 500, `${what} → ${status}`);

test('logout without, with an empty, or with a forged CSRF token is refused (403) and the session survives', async () => {
  const { app, sessions } = createHelloWorkApp();
  const { sid, csrf } = await loggedIn(app);
  for (const body of ['', 'csrf_token=', `csrf_token=${'x'.repeat(csrf.length)}`, `csrf_token=${csrf}x`, 'csrf_token[]=a&csrf_token[]=b']) {
    const res = await app.request('/mypage/logout', { method: 'POST', headers: { ...FORM, Cookie: sid }, body });
    assert.equal(res.status, 403, body);
  }
  assert.equal(sessions.size, 1);
  const ok = await app.request('/mypage/logout', { method: 'POST', headers: { ...FORM, Cookie: sid }, body: `csrf_token=${csrf}` });
  assert.equal(ok.status, 303);
  assert.equal(sessions.size, 0);
});

test('oversized bodies are refused with 413', async () => {
  const { app } = createHelloWorkApp();
  const big = `loginId=${'a'.repeat(64 * 1024)}`;
  for (const path of ['/login', '/mypage/logout']) {
    const res = await app.request(path, { method: 'POST', headers: { ...FORM, 'Content-Length': String(big.length) }, body: big });
    assert.equal(res.status, 413, path);
  }
});

test('unknown, empty or malformed session ids lead to the login page, never to My Page', async () => {
  const { app } = createHelloWorkApp();
  for (const cookie of [
    `${SESSION_COOKIE}=`,
    `${SESSION_COOKIE}=nope`,
    `${SESSION_COOKIE}=${'A'.repeat(4096)}`,
    `${SESSION_COOKIE}="%00%ff"`,
    'garbage',
    `${SESSION_COOKIE}=a; ${SESSION_COOKIE}=b`,
  ]) {
    const res = await app.request('/mypage', { headers: { Cookie: cookie } });
    assert.equal(res.status, 303, cookie.slice(0, 40));
    assert.match(res.headers.get('location') ?? '', /^\/login/);
  }
});

test('malformed login forms are answered with 4xx and create no session', async () => {
  const { app, sessions } = createHelloWorkApp();
  const bodies: [Record<string, string>, string][] = [
    [FORM, ''],
    [FORM, '%%%'],
    [FORM, 'loginId=&password='],
    [{ 'Content-Type': 'application/json' }, JSON.stringify({ loginId: seeker.loginId, password: seeker.password })],
    [{ 'Content-Type': 'multipart/form-data; boundary=x' }, '--x\r\nbroken'],
    [{ 'Content-Type': 'text/plain' }, 'hello'],
  ];
  for (const [headers, body] of bodies) {
    const res = await app.request('/login', { method: 'POST', headers, body });
    assert.ok(res.status >= 400 && res.status < 500, `${headers['Content-Type']} ${body.slice(0, 20)} → ${res.status}`);
  }
  assert.equal(sessions.size, 0);
});

test('property: any path and method gets a non-5xx answer, and the app keeps answering', async () => {
  const { app } = createHelloWorkApp();
  const segment = fc.oneof(
    fc.constantFrom('mypage', 'login', 'logout', '..', '.', '%2e%2e', '%00', 'auth', 'mynaportal', 'callback', 'assets', '~', 'ログアウト'),
    fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(segment, { maxLength: 5 }),
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
      fc.string({ maxLength: 200 }),
      async (segments, method, body) => {
        const path = `/${segments.join('/')}`;
        const res = await app.request(path, { method, headers: FORM, body: ['GET', 'HEAD'].includes(method) ? undefined : body });
        notServerError(res.status, `${method} ${path}`);
      },
    ),
    { numRuns: 300 },
  );
  assert.equal((await app.request('/healthz')).status, 200);
});

test('property: arbitrary form bodies to login and logout never cause a 5xx', async () => {
  const { app } = createHelloWorkApp();
  const { sid } = await loggedIn(app);
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 50 })), fc.boolean(), async (fields, withSession) => {
      const body = new URLSearchParams(fields).toString();
      for (const path of ['/login', '/mypage/logout']) {
        const res = await app.request(path, { method: 'POST', headers: { ...FORM, ...(withSession ? { Cookie: sid } : {}) }, body });
        notServerError(res.status, `POST ${path} ${body.slice(0, 60)}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('マイナポータル stand-in: unknown interactions, missing xsrf and garbage token requests get 4xx', async () => {
  const ref = await startReference();
  try {
    const mp = ref.origins.mynaportal;
    const cases: [string, RequestInit][] = [
      ['/interaction/nope', {}],
      ['/interaction/nope/login', { method: 'POST', headers: FORM, body: 'userId=a&pin=1' }],
      ['/interaction/nope/login', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' }],
      ['/session/end/confirm', { method: 'POST', headers: FORM, body: 'logout=yes' }],
      ['/token', { method: 'POST', headers: FORM, body: 'grant_type=authorization_code&code=forged' }],
      ['/auth?client_id=unknown&response_type=code&scope=openid', {}],
      ['/%2e%2e/%2e%2e/etc/passwd', {}],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${mp}${path}`, { ...init, redirect: 'manual' });
      assert.ok(res.status >= 300 && res.status < 500, `${init.method ?? 'GET'} ${path} → ${res.status}`);
    }
    assert.equal((await fetch(`${mp}/healthz`)).status, 200);
    const callback = await fetch(`${ref.origins.hellowork}/auth/mynaportal/callback?code=x&state=y`, { redirect: 'manual' });
    assert.equal(callback.status, 400);
  } finally {
    await ref.close();
  }
});

test('hellowork markup, property: any host, path and method gets a non-5xx answer; oversized and malformed forms get 4xx', async () => {
  const { app, sessions } = createHelloWorkApp({ markup: 'hellowork' });
  const o = helloworkOrigins(38180, 'hellowork');
  const hosts = [o.top, o.mypage, o.mirror, 'http://127.0.0.1:38180', 'http://evil.localhost:38180'];
  const segment = fc.oneof(
    fc.constantFrom('kyushoku', 'GEAA040010.do', 'GEAB010010.do', 'GEZZ000000.do', 'auth', 'mynaportal', 'callback', 'common', '..', '%00', 'ログアウト'),
    fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  );
  const query = fc.constantFrom(
    '',
    '?action=initDisp&screenId=GEAA040010',
    '?action=login&screenId=GEAA040010',
    '?action=logout&screenId=GEAA040010',
    '?screenId=GEAC030010',
    '?action=%00&screenId=',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...hosts),
      fc.array(segment, { maxLength: 4 }),
      query,
      fc.constantFrom('GET', 'POST', 'PUT', 'HEAD'),
      fc.string({ maxLength: 200 }),
      async (host, segments, q, method, body) => {
        const url = `${host}/${segments.join('/')}${q}`;
        const res = await app.request(url, { method, headers: FORM, body: ['GET', 'HEAD'].includes(method) ? undefined : body });
        notServerError(res.status, `${method} ${url}`);
      },
    ),
    { numRuns: 300 },
  );
  const big = `loginMailTxt=${'a'.repeat(64 * 1024)}`;
  for (const action of ['login', 'logout']) {
    const res = await app.request(`${o.mypage}/kyushoku/GEAA040010.do?action=${action}&screenId=GEAA040010`, {
      method: 'POST',
      headers: { ...FORM, 'Content-Length': String(big.length) },
      body: big,
    });
    assert.equal(res.status, 413, action);
  }
  const broken = await app.request(`${o.mypage}/kyushoku/GEAA040010.do?action=login&screenId=GEAA040010`, {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nbroken',
  });
  assert.ok(broken.status >= 400 && broken.status < 500, String(broken.status));
  assert.equal(sessions.size, 0);
  assert.equal(await (await app.request('http://127.0.0.1:38180/healthz')).text(), 'ok');
});
