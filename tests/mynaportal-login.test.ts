/**
 * The マイナポータル login of the reference app, end to end over HTTP
 * (Playwright's request context keeps the cookies), with its failure paths:
 * bad state, replayed code, provider down. None of them may create a session.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { type APIRequestContext, request } from '@playwright/test';
import { defaultJobSeeker } from '../reference-app/src/accounts.ts';
import { Deviations } from '../reference-app/src/deviations.ts';
import { SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';
import { HELLOWORK_MYNAPORTAL_PATHS, HELLOWORK_SCREENS, HELLOWORK_SESSION_COOKIE, HELLOWORK_TOKEN_FIELD, MARKUPS } from '../reference-app/src/markup.ts';
import { mynaportalPaths } from '../reference-app/src/reference.ts';
import { startReference } from './helpers/reference.ts';
import { LOGOUT_PATH } from '../reference-app/src/sections/3.3-logout/routes.tsx';

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

/**
 * A small browser for both markups: HelloWork is asked in-process (app.request keeps the *.localhost
 * host the hellowork markup dispatches on, which Node cannot resolve), マイナポータル through the
 * request context. HelloWork's cookies are kept by name (their paths all cover what is asked here).
 */
function browserFor(api: APIRequestContext, ref: Reference) {
  const jar = new Map<string, string>();
  const isHelloWork = (url: string) => url.startsWith(ref.origins.hellowork) || (ref.origins.top !== undefined && url.startsWith(ref.origins.top));
  async function get(url: string): Promise<{ status: number; location: string; text: string }> {
    if (!isHelloWork(url)) {
      const res = await api.get(url, { maxRedirects: 0 });
      return { status: res.status(), location: new URL(res.headers().location ?? '', url).href, text: await res.text() };
    }
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await ref.hellowork.app.request(url, { headers: cookie ? { Cookie: cookie } : {} });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/.test(set) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return { status: res.status, location: new URL(res.headers.get('location') ?? '', url).href, text: await res.text() };
  }
  /** Logs in via マイナポータル from HelloWork's start URL; returns the first My Page screen. */
  async function logInViaPortal() {
    const paths = mynaportalPaths(ref.markup);
    let res = await get(`${ref.origins.hellowork}${paths.start}`);
    for (let i = 0; i < 10 && [302, 303].includes(res.status); i++) {
      if (res.location.includes('/interaction/')) {
        assert.match((await get(res.location)).text, /マイナポータルにログイン/);
        const posted = await api.post(`${res.location}/login`, { form: { userId: seeker.mynaportal.userId, pin: seeker.mynaportal.pin }, maxRedirects: 0 });
        res = { status: posted.status(), location: new URL(posted.headers().location ?? '', res.location).href, text: '' };
      } else {
        res = await get(res.location);
      }
    }
    return res;
  }
  return { get, logInViaPortal, jar };
}

const myPageUrl = (ref: Reference) =>
  ref.markup === 'hellowork' ? `${ref.origins.hellowork}${HELLOWORK_SCREENS.home.path}` : `${ref.origins.hellowork}/mypage`;
const showsMyPage = (res: { status: number; text: string }) => res.status === 200 && res.text.includes(`${seeker.name}様`);

for (const markup of MARKUPS) {
  describe(`${markup} markup: late-single-logout (HelloWork ends the session a few seconds after a マイナポータル logout, with no back-channel record)`, () => {
    test('My Page survives the マイナポータル logout at first, then is ended about LATE_LOGOUT_MS later', async () => {
      const ref = await startReference(Deviations.parse('late-single-logout'), { markup, lateLogoutMs: 1500 });
      const api = await request.newContext();
      const otherApi = await request.newContext();
      try {
        const browser = browserFor(api, ref);
        const home = await browser.logInViaPortal();
        assert.ok(showsMyPage(home), `${home.status} ${home.text.slice(0, 200)}`);
        // The same user in another browser (its own マイナポータル session): not touched by this logout.
        const other = browserFor(otherApi, ref);
        assert.ok(showsMyPage(await other.logInViaPortal()));
        const done = await confirmPortalLogout(api, ref, `${ref.origins.mynaportal}/session/end`);
        assert.match(await done.text(), /ログアウトしました/);
        assert.ok(showsMyPage(await browser.get(myPageUrl(ref))), 'right after the マイナポータル logout, My Page is still there');
        // Polled, as a person would reload: ended within a few seconds.
        let ended = false;
        for (const started = Date.now(); !ended && Date.now() - started < 6000; await delay(200)) ended = !showsMyPage(await browser.get(myPageUrl(ref)));
        assert.ok(ended, 'a few seconds later, the My Page session is over');
        assert.ok(showsMyPage(await other.get(myPageUrl(ref))), 'the other browser is still logged in');
        assert.equal(ref.hellowork.sessions.size, 1);
        assert.deepEqual(ref.mynaportal.records.backchannel, [], 'nothing recorded for the suite to read');
        const records = await (await api.get(`${ref.origins.mynaportal}/__reference__/backchannel-logouts`)).json();
        assert.deepEqual(records, { deliveries: [] });
      } finally {
        await otherApi.dispose();
        await api.dispose();
        await ref.close();
      }
    });

    test('without the deviation, My Page stays logged in after the マイナポータル logout', async () => {
      const ref = await startReference(new Deviations(), { markup, lateLogoutMs: 100 });
      const api = await request.newContext();
      try {
        const browser = browserFor(api, ref);
        assert.ok(showsMyPage(await browser.logInViaPortal()));
        await confirmPortalLogout(api, ref, `${ref.origins.mynaportal}/session/end`);
        await delay(400);
        assert.ok(showsMyPage(await browser.get(myPageUrl(ref))));
      } finally {
        await api.dispose();
        await ref.close();
      }
    });
  });
}

describe('hellowork markup: マイナポータル login and the 一斉ログアウト deviations on the kyushoku host', () => {
  test('login via マイナポータル lands on the home screen with a JSESSIONID on /kyushoku', async () => {
    const ref = await startReference(new Deviations(), { markup: 'hellowork' });
    const api = await request.newContext();
    try {
      const browser = browserFor(api, ref);
      const home = await browser.logInViaPortal();
      assert.ok(showsMyPage(home));
      assert.ok(home.text.includes('<div class="page_title">求職者マイページホーム</div>'));
      assert.ok(browser.jar.has(HELLOWORK_SESSION_COOKIE));
      // The portal's link back to HelloWork starts the kyushoku-host login.
      assert.ok((await (await api.get(`${ref.origins.mynaportal}/`)).text()).includes(`${ref.origins.hellowork}${HELLOWORK_MYNAPORTAL_PATHS.start}`));
    } finally {
      await api.dispose();
      await ref.close();
    }
  });

  test('mynaportal-backchannel: the delivery reaches the kyushoku host and ends the session', async () => {
    const ref = await startReference(Deviations.parse('mynaportal-backchannel'), { markup: 'hellowork' });
    const api = await request.newContext();
    try {
      const browser = browserFor(api, ref);
      assert.ok(showsMyPage(await browser.logInViaPortal()));
      await confirmPortalLogout(api, ref, `${ref.origins.mynaportal}/session/end`);
      assert.equal(ref.mynaportal.records.backchannel[0]?.ok, true, JSON.stringify(ref.mynaportal.records.backchannel));
      assert.equal(showsMyPage(await browser.get(myPageUrl(ref))), false);
    } finally {
      await api.dispose();
      await ref.close();
    }
  });

  test('mynaportal-rp-logout: the logout goes through end-session back to the www top page', async () => {
    const ref = await startReference(Deviations.parse('mynaportal-rp-logout'), { markup: 'hellowork' });
    const api = await request.newContext();
    try {
      const browser = browserFor(api, ref);
      const home = await browser.logInViaPortal();
      const token = new RegExp(`name="${HELLOWORK_TOKEN_FIELD.replaceAll('.', '\\.')}" value="([^"]+)"`).exec(home.text)?.[1] ?? '';
      const out = await ref.hellowork.app.request(`${ref.origins.hellowork}${LOGOUT_PATH.hellowork}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
        body: new URLSearchParams({ [HELLOWORK_TOKEN_FIELD]: token }).toString(),
      });
      assert.equal(out.status, 302);
      const endSession = out.headers.get('location') ?? '';
      assert.ok(endSession.startsWith(`${ref.origins.mynaportal}/session/end?`), endSession);
      const done = await confirmPortalLogout(api, ref, endSession, 0);
      assert.equal(done.headers().location, `${ref.site.top}/`);
    } finally {
      await api.dispose();
      await ref.close();
    }
  });
});
