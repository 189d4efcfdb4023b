/**
 * The マイナポータル login of the reference app, end to end over HTTP
 * (Playwright's request context keeps the cookies), with its failure paths:
 * bad state, replayed code, provider down. None of them may create a session.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type APIRequestContext, request } from '@playwright/test';
import { defaultJobSeeker } from '../fixtures/accounts.ts';
import { Deviations } from '../reference-app/src/deviations.ts';
import { SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';
import { startReference } from './helpers/reference.ts';

const seeker = defaultJobSeeker();

type Reference = Awaited<ReturnType<typeof startReference>>;

/**
 * Follows a login via マイナポータル up to (not into) HelloWork's callback; returns the callback URL.
 * Logs in at マイナポータル when it asks; with a live マイナポータル session it does not (single sign-on).
 */
async function loginUpToCallback(api: APIRequestContext, ref: Reference): Promise<string> {
  let res = await api.get(`${ref.origins.hellowork}/auth/mynaportal`, { maxRedirects: 0 });
  assert.equal(res.status(), 303, await res.text());
  let location = new URL(res.headers().location ?? '', ref.origins.mynaportal).href;
  for (let i = 0; i < 8 && !location.startsWith(ref.origins.hellowork); i++) {
    if (location.includes('/interaction/')) {
      assert.match(await (await api.get(location)).text(), /マイナポータルにログイン/);
      res = await api.post(`${location}/login`, { form: { userId: seeker.mynaportal.userId, pin: seeker.mynaportal.pin }, maxRedirects: 0 });
    } else {
      res = await api.get(location, { maxRedirects: 0 });
    }
    assert.ok([302, 303].includes(res.status()), `expected a redirect from ${location}, got ${res.status()}: ${(await res.text()).slice(0, 300)}`);
    location = new URL(res.headers().location ?? '', ref.origins.mynaportal).href;
  }
  assert.ok(location.startsWith(`${ref.origins.hellowork}/auth/mynaportal/callback?`), location);
  return location;
}

/** Logs in via マイナポータル, then submits My Page's logout form (with its CSRF token); returns the logout response. */
async function logInThenLogOutOfMyPage(api: APIRequestContext, ref: Reference) {
  const home = await api.get(await loginUpToCallback(api, ref));
  assert.equal(home.status(), 200);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return api.post(`${ref.origins.hellowork}/mypage/logout`, { form: { csrf_token: csrf }, maxRedirects: 0 });
}

/** Opens マイナポータル's logout confirmation at `url` and answers ログアウト; returns the provider's answer. */
async function confirmPortalLogout(api: APIRequestContext, ref: Reference, url: string, maxRedirects?: number) {
  const confirm = await (await api.get(url)).text();
  assert.match(confirm, /ログアウトしますか/);
  const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm)?.[1] ?? '';
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
  return api.post(new URL(action, ref.origins.mynaportal).href, { form: { xsrf, logout: 'yes' }, maxRedirects });
}

async function sessionCookie(api: APIRequestContext): Promise<string | undefined> {
  return (await api.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

describe('login via マイナポータル (reference app)', () => {
  let ref: Reference;
  before(async () => {
    ref = await startReference();
  });
  after(() => ref.close());

  test('a full login creates a My Page session showing the user', async () => {
    const api = await request.newContext();
    try {
      const callback = await loginUpToCallback(api, ref);
      const res = await api.get(callback);
      assert.equal(res.status(), 200);
      assert.equal(new URL(res.url()).pathname, '/mypage');
      assert.match(await res.text(), new RegExp(`${seeker.name}様`));
      assert.ok(await sessionCookie(api));
      // The portal is logged in too, on its own.
      assert.match(await (await api.get(`${ref.origins.mynaportal}/`)).text(), new RegExp(`${seeker.name} さん`));
    } finally {
      await api.dispose();
    }
  });

  test('a tampered state is refused with an error page and no session', async () => {
    const api = await request.newContext();
    try {
      const before = ref.hellowork.sessions.size;
      const callback = new URL(await loginUpToCallback(api, ref));
      callback.searchParams.set('state', 'forged-state');
      const res = await api.get(callback.href, { maxRedirects: 0 });
      assert.equal(res.status(), 400);
      assert.match(await res.text(), /マイナポータルからのログインを完了できませんでした/);
      assert.equal(ref.hellowork.sessions.size, before);
      assert.equal(await sessionCookie(api), undefined);
    } finally {
      await api.dispose();
    }
  });

  test('a callback without a pending login in this browser is refused', async () => {
    const victim = await request.newContext();
    const attacker = await request.newContext();
    try {
      const before = ref.hellowork.sessions.size;
      const callback = await loginUpToCallback(victim, ref);
      const res = await attacker.get(callback, { maxRedirects: 0 });
      assert.equal(res.status(), 400);
      assert.equal(ref.hellowork.sessions.size, before);
    } finally {
      await victim.dispose();
      await attacker.dispose();
    }
  });

  test('a replayed authorization code is refused, even with a fresh login under way', async () => {
    const api = await request.newContext();
    try {
      const callback = new URL(await loginUpToCallback(api, ref));
      assert.equal((await api.get(callback.href)).status(), 200);
      const afterFirst = ref.hellowork.sessions.size;
      // Same URL again: the pending login is used up.
      assert.equal((await api.get(callback.href, { maxRedirects: 0 })).status(), 400);
      // The old code with a fresh pending login's state: the provider refuses the used code.
      const fresh = new URL(await loginUpToCallback(api, ref));
      const replay = new URL(callback.href);
      replay.searchParams.set('state', fresh.searchParams.get('state') ?? '');
      const res = await api.get(replay.href, { maxRedirects: 0 });
      assert.equal(res.status(), 400);
      assert.equal(ref.hellowork.sessions.size, afterFirst);
    } finally {
      await api.dispose();
    }
  });

  test('logging out of My Page neither calls end-session nor ends the マイナポータル session', async () => {
    const api = await request.newContext();
    try {
      const out = await logInThenLogOutOfMyPage(api, ref);
      assert.equal(out.status(), 303);
      assert.equal(out.headers().location, '/');
      assert.match(await (await api.get(`${ref.origins.mynaportal}/`)).text(), new RegExp(`${seeker.name} さん`));
      assert.equal(ref.mynaportal.records.endSessions.length, 0);
    } finally {
      await api.dispose();
    }
  });
});

describe('マイナポータル down', () => {
  test('starting a login shows a clear error page and creates no session', async () => {
    const ref = await startReference(new Deviations(), { mynaportalDown: true });
    const api = await request.newContext();
    try {
      const res = await api.get(`${ref.origins.hellowork}/auth/mynaportal`, { maxRedirects: 0 });
      assert.equal(res.status(), 502);
      assert.match(await res.text(), /マイナポータルに接続できません/);
      assert.equal(ref.hellowork.sessions.size, 0);
      // Password login still works.
      const login = await api.post(`${ref.origins.hellowork}/login`, { form: { loginId: seeker.loginId, password: seeker.password }, maxRedirects: 0 });
      assert.equal(login.status(), 303);
    } finally {
      await api.dispose();
      await ref.close();
    }
  });
});

describe('deviations that join 一斉ログアウト (must be caught by the suite)', () => {
  test('mynaportal-backchannel: logging out of マイナポータル ends the HelloWork session', async () => {
    const ref = await startReference(Deviations.parse('mynaportal-backchannel'));
    const api = await request.newContext();
    try {
      const home = await api.get(await loginUpToCallback(api, ref));
      assert.equal(home.status(), 200);
      const done = await confirmPortalLogout(api, ref, `${ref.origins.mynaportal}/session/end`);
      assert.match(await done.text(), /ログアウトしました/);
      assert.equal(ref.mynaportal.records.backchannel.length, 1, JSON.stringify(ref.mynaportal.records.backchannel));
      assert.equal(ref.mynaportal.records.backchannel[0]?.ok, true, JSON.stringify(ref.mynaportal.records.backchannel));
      const again = await api.get(`${ref.origins.hellowork}/mypage`, { maxRedirects: 0 });
      assert.equal(again.status(), 303);
    } finally {
      await api.dispose();
      await ref.close();
    }
  });

  test('mynaportal-rp-logout: logging out of My Page also ends the マイナポータル session', async () => {
    const ref = await startReference(Deviations.parse('mynaportal-rp-logout'));
    const api = await request.newContext();
    try {
      const out = await logInThenLogOutOfMyPage(api, ref);
      assert.equal(out.status(), 303);
      const endSession = out.headers().location ?? '';
      assert.ok(endSession.startsWith(`${ref.origins.mynaportal}/session/end?`), endSession);
      const done = await confirmPortalLogout(api, ref, endSession, 0);
      assert.equal(done.headers().location, `${ref.origins.hellowork}/`);
      assert.match(await (await api.get(`${ref.origins.mynaportal}/`)).text(), /ログインしていません/);
    } finally {
      await api.dispose();
      await ref.close();
    }
  });
});
