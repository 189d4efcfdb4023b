import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultJobSeeker } from '../reference-app/src/accounts.ts';
import { Deviations } from '../reference-app/src/deviations.ts';
import { createHelloWorkApp, SESSION_COOKIE } from '../reference-app/src/hellowork/app.tsx';
import { EXTRA_MENU_ITEMS } from '../reference-app/src/sections/3.3-logout/deviation-markup.tsx';
import { MY_PAGE_SCREENS } from '../reference-app/src/hellowork/views.tsx';
import {
  HELLOWORK_ENDED_SESSION,
  HELLOWORK_LOGIN,
  HELLOWORK_MYNAPORTAL_PATHS,
  HELLOWORK_SCREENS,
  HELLOWORK_SESSION_COOKIE,
  HELLOWORK_TOKEN_FIELD,
  helloworkOrigins,
} from '../reference-app/src/markup.ts';
import { helloworkClient } from '../reference-app/src/reference.ts';
import { LATE_LOGOUT_MS, LOGOUT_PATH, SLOW_LOGOUT_MS } from '../reference-app/src/sections/3.3-logout/routes.tsx';

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

// ---------------------------------------------------------------------------------------------
// The hellowork markup (REFERENCE_MARKUP=hellowork): hosts, screens, cookie, logout, deviations.
// app.request with an absolute URL keeps the host, as a browser's Host header would.

const HW = helloworkOrigins(38180, 'hellowork');
const at = (origin: string, path: string) => `${origin}${path}`;
const SCREEN_KEYS = Object.keys(HELLOWORK_SCREENS) as (keyof typeof HELLOWORK_SCREENS)[];
type HwApp = ReturnType<typeof createHelloWorkApp>['app'];

function hwApp(deviations = '', options: { slowLogoutMs?: number } = {}) {
  return createHelloWorkApp({ markup: 'hellowork', deviations: Deviations.parse(deviations), settings: { SLOW_LOGOUT_MS: options.slowLogoutMs } });
}

async function hwLogIn(app: HwApp) {
  const res = await app.request(at(HW.mypage, HELLOWORK_LOGIN.submitPath), form({ loginMailTxt: seeker.loginId, loginPasswordTxt: seeker.password }));
  assert.equal(res.status, 302);
  const cookie = res.headers.get('set-cookie') ?? '';
  const sid = cookie.split(';')[0] ?? '';
  const home = await app.request(at(HW.mypage, HELLOWORK_SCREENS.home.path), { headers: { Cookie: sid } });
  const html = await home.text();
  const token = new RegExp(`name="${HELLOWORK_TOKEN_FIELD.replaceAll('.', '\\.')}" value="([^"]+)"`).exec(html)?.[1] ?? '';
  return { res, cookie, sid, token, home, html };
}

function hwLogOut(app: HwApp, sid: string, token: string) {
  return app.request(at(HW.mypage, LOGOUT_PATH.hellowork), { ...form({ [HELLOWORK_TOKEN_FIELD]: token }), headers: { ...form({}).headers, Cookie: sid } });
}

const count = (html: string, needle: string | RegExp) => html.split(needle).length - 1;
const pageTitle = (html: string) => /<div class="page_title">([^<]*)<\/div>/.exec(html)?.[1];

test('hellowork markup: one port, dispatch on the host; /healthz on any host', async () => {
  const { app } = hwApp();
  const top = await app.request(at(HW.top, '/'));
  assert.equal(top.status, 200);
  const html = await top.text();
  assert.match(html, /<title>ハローワークインターネットサービス - トップページ<\/title>/);
  assert.match(html, /<header id="top_header">/);
  assert.equal(count(html, '<div class="top_box '), 3);
  for (const t of ['仕事をお探しの方', '事業者の方', 'ハローワーク求人・求職情報提供サービスをご利用の方'])
    assert.ok(html.includes(`<p class="box_ttl">${t}</p>`), t);
  assert.match(html, /<div id="ID_shozaichi" class="shozaichi_box"><p class="box_ttl">ハローワークなどの所在地情報<\/p>/);
  assert.ok(
    html.includes(`<a id="ID_loginLink" class="btn_login" href="${HW.mypage}${HELLOWORK_LOGIN.path.replaceAll('&', '&amp;')}">求職者マイページにログイン</a>`),
  );
  assert.ok(html.includes('求人者マイページにログイン'));
  assert.ok(!/<h2|<section/.test(html), 'no headings or sections for the top-page boxes');
  assert.equal((await app.request(at(HW.top, '/common/css/top.css'))).headers.get('content-type'), 'text/css; charset=utf-8');

  // The top page is not on the kyushoku host, nor login on www.
  const kyushokuRoot = await app.request(at(HW.mypage, '/'));
  assert.equal(kyushokuRoot.status, 302);
  assert.equal(kyushokuRoot.headers.get('location'), HELLOWORK_LOGIN.path);
  assert.equal((await app.request(at(HW.top, HELLOWORK_LOGIN.path))).status, 404);
  // The mirror host and unknown hosts serve nothing (without the logout-other-origin deviation).
  assert.equal((await app.request(at(HW.mirror, '/'))).status, 404);
  assert.equal((await app.request('http://127.0.0.1:38180/')).status, 404);
  for (const origin of ['http://127.0.0.1:38180', HW.top, HW.mypage]) {
    const health = await app.request(at(origin, '/healthz'));
    assert.equal(await health.text(), 'ok', origin);
  }
  // Server-to-server requests (127.0.0.1 + X-Forwarded-Host) are dispatched on the forwarded host.
  const forwarded = await app.request('http://127.0.0.1:38180/', { headers: { 'X-Forwarded-Host': 'www.hellowork.localhost:38180' } });
  assert.equal(forwarded.status, 200);
});

test('hellowork markup: the login screen has the real ids, table captions and no labels; wrong password shows it again with an error', async () => {
  const { app, sessions } = hwApp();
  const res = await app.request(at(HW.mypage, HELLOWORK_LOGIN.path));
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes('<input id="ID_loginMailTxt" name="loginMailTxt" type="text"'));
  assert.ok(html.includes('<input id="ID_loginPasswordTxt" name="loginPasswordTxt" type="password"'));
  assert.ok(html.includes('<input type="submit" id="ID_loginBtn" name="loginBtn" class="btn_primary" value="ログイン"/>'));
  assert.ok(html.includes('<th>メールアドレス</th>') && html.includes('<th>パスワード</th>'));
  assert.ok(!html.includes('<label'), 'no <label> on the login screen');
  assert.ok(!html.includes('<h1'), 'no <h1> on the login screen');
  assert.equal(pageTitle(html), HELLOWORK_LOGIN.pageTitle);

  const wrong = await app.request(at(HW.mypage, HELLOWORK_LOGIN.submitPath), form({ loginMailTxt: seeker.loginId, loginPasswordTxt: 'wrong-password' }));
  assert.equal(wrong.status, 200);
  assert.equal(wrong.headers.get('set-cookie'), null);
  const again = await wrong.text();
  assert.ok(again.includes('メールアドレスまたはパスワードが正しくありません。'));
  assert.ok(again.includes('id="ID_loginMailTxt"'));
  assert.equal(sessions.size, 0);
});

test('hellowork markup: login sets JSESSIONID on Path=/kyushoku and goes to the home screen', async () => {
  const { app } = hwApp();
  const { res, cookie } = await hwLogIn(app);
  assert.equal(res.headers.get('location'), HELLOWORK_SCREENS.home.path);
  assert.match(cookie, new RegExp(`^${HELLOWORK_SESSION_COOKIE}=[A-Za-z0-9_-]{20,};`));
  assert.match(cookie, /; Path=\/kyushoku(;|$)/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
});

test('hellowork markup: every My Page screen has its page_title wording, no <h1>, both headers and no-store', async () => {
  const { app } = hwApp();
  const { sid } = await hwLogIn(app);
  for (const key of SCREEN_KEYS) {
    const screen = HELLOWORK_SCREENS[key];
    const res = await app.request(at(HW.mypage, screen.path), { headers: { Cookie: sid } });
    assert.equal(res.status, 200, key);
    assert.equal(res.headers.get('cache-control'), 'no-store', key);
    const html = await res.text();
    // The home screen is titled as the manual's figure shows it; the others in their own words.
    if (key === 'home') assert.equal(screen.pageTitle, screen.manualName);
    else assert.notEqual(screen.pageTitle, screen.manualName);
    assert.equal(pageTitle(html), screen.pageTitle, key);
    assert.ok(html.includes(`<div id="ID_ID_container" class="container"><div class="page_title">${screen.pageTitle}</div>`), key);
    assert.ok(html.includes(`<title>${screen.pageTitle}｜ハローワークインターネットサービス</title>`), key);
    assert.ok(!html.includes('<h1'), `${key}: no <h1>`);
    assert.ok(html.includes('<div id="ID_header_pc" class="header_pc">') && html.includes('<div id="ID_header_sp" class="header_sp">'), key);
    assert.equal(count(html, 'id="ID_logoutBtn"'), 2, `${key}: the PC and the menu logout share an id`);
    assert.ok(html.includes('<input type="submit" id="ID_logoutBtn" name="logoutBtn" class="btn_logout" value="ログアウト"/>'), key);
    assert.ok(html.includes(`<span class="user_name">${seeker.name}様</span>`), key);
    assert.match(html, /<a href="javascript:void\(0\)" class="sp_menu_btn"><img alt="メニュー" src="data:image\/svg\+xml,[^"]+"/, key);
    assert.ok(html.includes('<div id="ID_spMenu" class="sp_menu">'), key);
    assert.ok(!/role="(navigation|menu|dialog)"|<nav/.test(html), `${key}: the menu panel is a plain div`);
  }
  const css = await (await app.request(at(HW.mypage, '/kyushoku/common/css/kyushoku.css'))).text();
  assert.match(css, /@media screen and \(min-width:768px\) \{\s*\.header_sp, \.sp_menu, #ID_header_sp, #ID_spMenu \{ display:none !important; \}/);
  assert.match(css, /@media screen and \(max-width:767px\) \{\s*#ID_header_pc, \.pc_only \{ display:none !important; \}/);
});

test('hellowork markup: screens are routed on the screenId query, as a Struts app does', async () => {
  const { app } = hwApp();
  const { sid } = await hwLogIn(app);
  const res = await app.request(
    at(HW.mypage, `/kyushoku/${HELLOWORK_SCREENS.home.screenId}.do?action=initDisp&screenId=${HELLOWORK_SCREENS.messages.screenId}`),
    { headers: { Cookie: sid } },
  );
  assert.equal(pageTitle(await res.text()), HELLOWORK_SCREENS.messages.pageTitle);
  assert.equal((await app.request(at(HW.mypage, '/kyushoku/GEZZ999999.do?action=initDisp&screenId=GEZZ999999'), { headers: { Cookie: sid } })).status, 404);
});

test('hellowork markup: without a session, every My Page screen is the ended-session screen (200, no-store), not the login form', async () => {
  const { app } = hwApp();
  for (const key of SCREEN_KEYS) {
    for (const cookie of [undefined, `${HELLOWORK_SESSION_COOKIE}=nope`]) {
      const res = await app.request(at(HW.mypage, HELLOWORK_SCREENS[key].path), cookie ? { headers: { Cookie: cookie } } : {});
      assert.equal(res.status, 200, key);
      assert.equal(res.headers.get('cache-control'), 'no-store', key);
      const html = await res.text();
      assert.equal(pageTitle(html), HELLOWORK_ENDED_SESSION.pageTitle);
      assert.ok(html.includes(HELLOWORK_ENDED_SESSION.message));
      assert.ok(html.includes(`>${HELLOWORK_ENDED_SESSION.loginLink}</a>`));
      assert.ok(!html.includes('ID_loginMailTxt') && !html.includes('ID_logoutBtn') && !html.includes(seeker.name));
    }
  }
});

test('hellowork markup: logout needs the token, ends the session, expires the cookie on /kyushoku and crosses to the www top page', async () => {
  const { app, sessions } = hwApp();
  const { sid, token } = await hwLogIn(app);
  assert.ok(token.length > 20);
  const forged = await hwLogOut(app, sid, 'forged');
  assert.equal(forged.status, 403);
  assert.equal(sessions.size, 1);

  const res = await hwLogOut(app, sid, token);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `${HW.top}/`);
  const expired = res.headers.get('set-cookie') ?? '';
  assert.match(expired, new RegExp(`^${HELLOWORK_SESSION_COOKIE}=;`));
  assert.match(expired, /Max-Age=0/);
  assert.match(expired, /Path=\/kyushoku/);
  assert.equal(sessions.size, 0);
  for (const key of SCREEN_KEYS) {
    const replay = await app.request(at(HW.mypage, HELLOWORK_SCREENS[key].path), { headers: { Cookie: sid } });
    assert.equal(pageTitle(await replay.text()), HELLOWORK_ENDED_SESSION.pageTitle, `${key}: the old cookie no longer opens My Page`);
  }
  // A second logout has nothing to end: straight to the top page.
  const second = await hwLogOut(app, sid, token);
  assert.equal(second.headers.get('location'), `${HW.top}/`);
});

test('hellowork markup: each existing deviation shows in the markup or the logout', async () => {
  const screen = async (deviation: string, key: keyof typeof HELLOWORK_SCREENS = 'home') => {
    const { app } = hwApp(deviation);
    const { sid, token } = await hwLogIn(app);
    const html = await (await app.request(at(HW.mypage, HELLOWORK_SCREENS[key].path), { headers: { Cookie: sid } })).text();
    return { app, sid, token, html };
  };
  const pcHeader = (html: string) => html.slice(html.indexOf('id="ID_header_pc"'), html.indexOf('id="ID_header_sp"'));
  const spMenu = (html: string) => html.slice(html.indexOf('id="ID_spMenu"'), html.indexOf('id="ID_ID_container"'));

  let { html } = await screen('logout-renamed');
  assert.equal(count(html, 'value="サインアウト"'), 2);
  assert.ok(!html.includes('value="ログアウト"'));
  ({ html } = await screen('logout-missing-pc'));
  assert.ok(!pcHeader(html).includes('ID_logoutBtn') && spMenu(html).includes('ID_logoutBtn'));
  ({ html } = await screen('logout-at-bottom'));
  assert.ok(!pcHeader(html).includes('ID_logoutBtn'));
  assert.match(html, /<div class="bottom_logout pc_only"><form[^>]*><input type="hidden"[^>]*\/><input type="submit" id="ID_logoutBtn"/);
  ({ html } = await screen('sp-menu-button-missing'));
  assert.ok(!html.includes('sp_menu_btn"'));
  ({ html } = await screen('sp-menu-without-logout'));
  assert.ok(pcHeader(html).includes('ID_logoutBtn') && !spMenu(html).includes('ID_logoutBtn'));
  ({ html } = await screen('logout-unreachable-on-subpage', 'applications'));
  assert.ok(!html.includes('ID_logoutBtn'));
  ({ html } = await screen('logout-unreachable-on-subpage', 'messages'));
  assert.equal(count(html, 'id="ID_logoutBtn"'), 2);

  const topHtml = await (await hwApp('top-section-missing').app.request(at(HW.top, '/'))).text();
  assert.ok(!topHtml.includes('事業者の方') && topHtml.includes('仕事をお探しの方'));

  const toLogin = await screen('logout-to-login');
  assert.equal((await hwLogOut(toLogin.app, toLogin.sid, toLogin.token)).headers.get('location'), HELLOWORK_LOGIN.path);

  const kept = await screen('session-kept-after-logout');
  assert.match((await hwLogOut(kept.app, kept.sid, kept.token)).headers.get('set-cookie') ?? '', /Max-Age=0/);
  assert.equal(
    pageTitle(await (await kept.app.request(at(HW.mypage, HELLOWORK_SCREENS.home.path), { headers: { Cookie: kept.sid } })).text()),
    HELLOWORK_SCREENS.home.pageTitle,
  );

  const cacheable = hwApp('mypage-cacheable').app;
  const { sid } = await hwLogIn(cacheable);
  assert.equal(
    (await cacheable.request(at(HW.mypage, HELLOWORK_SCREENS.search.path), { headers: { Cookie: sid } })).headers.get('cache-control'),
    'private, max-age=600',
  );
});

test('hellowork markup: the マイナポータル client is registered with kyushoku-host redirect and back-channel URIs and the www top as post-logout URI', () => {
  const origins = { hellowork: HW.mypage, top: HW.top, mynaportal: 'http://mynaportal.localhost:38181' };
  const client = helloworkClient(
    origins,
    'secret',
    createHelloWorkApp({ markup: 'hellowork', deviations: Deviations.parse('mynaportal-backchannel') }).site.joinsPortalSingleLogout,
    'hellowork',
  );
  assert.deepEqual(client.redirect_uris, [`${HW.mypage}${HELLOWORK_MYNAPORTAL_PATHS.callback}`]);
  assert.deepEqual(client.post_logout_redirect_uris, [`${HW.top}/`]);
  assert.equal(client.backchannel_logout_uri, `${HW.mypage}${HELLOWORK_MYNAPORTAL_PATHS.backchannel}`);
});

// ---------------------------------------------------------------------------------------------
// The deviations added with the hellowork markup, in both markups.

interface MarkupDriver {
  readonly top: string;
  readonly mirror: string;
  app(deviations?: string, options?: { slowLogoutMs?: number }): ReturnType<typeof createHelloWorkApp>;
  logIn(app: HwApp): Promise<{ sid: string; token: string; html: string }>;
  screen(app: HwApp, key: keyof typeof HELLOWORK_SCREENS, sid: string): Response | Promise<Response>;
  logOut(app: HwApp, sid: string, token: string): Response | Promise<Response>;
  /** Whether a My Page answer is My Page content (not a redirect, login form or ended-session screen). */
  isMyPage(res: Response, html: string): boolean;
  readonly logoutForm: RegExp;
  readonly menu: (html: string) => string;
}

const BUNDLED_TOP = 'http://hellowork.localhost:38180';
const DRIVERS: Record<'bundled' | 'hellowork', MarkupDriver> = {
  bundled: {
    top: BUNDLED_TOP,
    mirror: helloworkOrigins(38180, 'bundled').mirror,
    app: (deviations = '', options = {}) =>
      createHelloWorkApp({ deviations: Deviations.parse(deviations), settings: { SLOW_LOGOUT_MS: options.slowLogoutMs } }),
    async logIn(app) {
      const { sid, csrf, html } = await logIn(app);
      return { sid, token: csrf, html };
    },
    screen: (app, key, sid) => app.request(at(BUNDLED_TOP, MY_PAGE_SCREENS[key].path), { headers: { Cookie: sid } }),
    logOut: (app, sid, token) =>
      app.request(at(BUNDLED_TOP, '/mypage/logout'), { ...form({ csrf_token: token }), headers: { ...form({}).headers, Cookie: sid } }),
    isMyPage: (res, html) => res.status === 200 && html.includes(`${seeker.name}様`),
    logoutForm: /<form class="inline-form" method="post" action="\/mypage\/logout"[^>]*>/g,
    menu: (html) => html.slice(html.indexOf('<nav id="sp-menu"'), html.indexOf('</nav>', html.indexOf('<nav id="sp-menu"'))),
  },
  hellowork: {
    top: HW.top,
    mirror: HW.mirror,
    app: hwApp,
    async logIn(app) {
      const { sid, token, html } = await hwLogIn(app);
      return { sid, token, html };
    },
    screen: (app, key, sid) => app.request(at(HW.mypage, HELLOWORK_SCREENS[key].path), { headers: { Cookie: sid } }),
    logOut: hwLogOut,
    isMyPage: (res, html) => res.status === 200 && html.includes(`${seeker.name}様`) && pageTitle(html) !== HELLOWORK_ENDED_SESSION.pageTitle,
    logoutForm: /<form name="logoutForm" class="logout_form" method="post"[^>]*>/g,
    menu: (html) => html.slice(html.indexOf('<div id="ID_spMenu"'), html.indexOf('<div id="ID_ID_container"')),
  },
};

for (const [markup, d] of Object.entries(DRIVERS)) {
  test(`${markup} markup: logout-covered draws a fixed お知らせ banner placed over the PC logout control by a script`, async () => {
    const plain = await d.logIn(d.app().app);
    assert.ok(!plain.html.includes('ID_noticeBanner'));
    const { html } = await d.logIn(d.app('logout-covered').app);
    assert.match(html, /<div id="ID_noticeBanner" class="notice_banner" style="position:fixed;z-index:1000;[^"]*">お知らせ：/);
    const selector = markup === 'bundled' ? '.header-links .btn.logout' : '#ID_header_pc #ID_logoutBtn';
    assert.ok(html.includes(`document.querySelector(${JSON.stringify(selector)})`), 'the banner follows the PC logout control');
  });

  test(`${markup} markup: logout-new-tab gives every logout form target="_blank"`, async () => {
    const plain = await d.logIn(d.app().app);
    assert.ok([...plain.html.matchAll(d.logoutForm)].every((m) => !m[0].includes('target=')));
    const { html } = await d.logIn(d.app('logout-new-tab').app);
    const forms = [...html.matchAll(d.logoutForm)].map((m) => m[0]);
    assert.equal(forms.length, 2);
    assert.ok(
      forms.every((f) => f.includes('target="_blank"')),
      forms.join('\n'),
    );
  });

  test(`${markup} markup: logout-other-origin lands on another origin serving the same top page (and nothing else)`, async () => {
    const { app } = d.app('logout-other-origin');
    const { sid, token } = await d.logIn(app);
    const res = await d.logOut(app, sid, token);
    assert.equal(res.headers.get('location'), `${d.mirror}/`);
    assert.notEqual(new URL(d.mirror).origin, new URL(d.top).origin);
    const mirror = await app.request(at(d.mirror, '/'));
    assert.equal(mirror.status, 200);
    assert.equal(await mirror.text(), await (await app.request(at(d.top, '/'))).text());
    const loginPath = markup === 'bundled' ? '/login' : HELLOWORK_LOGIN.path;
    assert.equal((await app.request(at(d.mirror, loginPath))).status, 404);
  });

  test(`${markup} markup: subscreen-served-after-logout serves メッセージ (only) to the logged-out cookie`, async () => {
    const { app, sessions } = d.app('subscreen-served-after-logout');
    const { sid, token } = await d.logIn(app);
    assert.equal((await d.logOut(app, sid, token)).status, markup === 'bundled' ? 303 : 302);
    assert.equal(sessions.size, 0, 'the session store no longer has it');
    for (const key of SCREEN_KEYS) {
      const res = await d.screen(app, key, sid);
      const html = await res.text();
      assert.equal(d.isMyPage(res, html), key === 'messages', key);
    }
    // Without the deviation, メッセージ refuses it too.
    const plain = d.app();
    const again = await d.logIn(plain.app);
    await d.logOut(plain.app, again.sid, again.token);
    const res = await d.screen(plain.app, 'messages', again.sid);
    assert.equal(d.isMyPage(res, await res.text()), false);
  });

  test(`${markup} markup: sp-logout-below-fold puts お知らせ/ヘルプ items before the menu's ログアウト`, async () => {
    const plain = d.menu((await d.logIn(d.app().app)).html);
    assert.ok(!plain.includes(EXTRA_MENU_ITEMS[0]));
    const menu = d.menu((await d.logIn(d.app('sp-logout-below-fold').app)).html);
    for (const item of EXTRA_MENU_ITEMS) assert.ok(menu.includes(`>${item}</a>`), item);
    assert.ok(menu.lastIndexOf(EXTRA_MENU_ITEMS.at(-1) ?? '') < menu.indexOf('ログアウト'), 'ログアウト is the last item');
    assert.ok(EXTRA_MENU_ITEMS.length >= 15);
  });

  test(`${markup} markup: first-click-ignored adds a script that cancels the first logout submit`, async () => {
    const plain = await d.logIn(d.app().app);
    assert.ok(!plain.html.includes('e.preventDefault();}})'));
    const { html } = await d.logIn(d.app('first-click-ignored').app);
    const forms = markup === 'bundled' ? 'form[action=\\"/mypage/logout\\"]' : 'form.logout_form';
    assert.ok(html.includes(`document.querySelectorAll("${forms}")`), 'the script targets the logout forms');
    assert.match(html, /if\(!seen\)\{seen=true;e\.preventDefault\(\);\}/);
  });

  test(`${markup} markup: slow-logout answers the logout only after the delay, then as usual`, async () => {
    const { app, sessions } = d.app('slow-logout', { slowLogoutMs: 400 });
    const { sid, token } = await d.logIn(app);
    const started = Date.now();
    const res = await d.logOut(app, sid, token);
    assert.ok(Date.now() - started >= 380, `${Date.now() - started} ms`);
    assert.equal(res.headers.get('location'), markup === 'bundled' ? '/' : `${HW.top}/`);
    assert.equal(sessions.size, 0);
  });
}

// ---------------------------------------------------------------------------------------------
// The deviations that move the logout into a shadow root, ask before it, lose a screen, change the menu into a
// <details> disclosure, or land on a top-page copy on the My Page host: in both markups.

/** What each markup's new deviations look like in its HTML. */
const SHAPES = {
  bundled: {
    mypage: BUNDLED_TOP,
    /** The PC ログアウト control (the menu's is a plain <button type="submit">). */
    pcLogout: '<button type="submit" class="btn logout">ログアウト</button>',
    pcHeader: '<header class="site-header"><div class="bar"><a class="logo" href="/mypage">',
    forms: 'form[action=\\"/mypage/logout\\"]',
    details: 'sp-menu-disclosure',
    /** The smart-device header the <details> sits in. */
    spHeader: '<div class="bar">',
    menuButton: ['popovertarget="sp-menu"', '<nav id="sp-menu"'],
    logoutPath: '/mypage/logout',
    lookalike: `${BUNDLED_TOP}/top`,
    title: (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
  },
  hellowork: {
    mypage: HW.mypage,
    pcLogout: '<input type="submit" id="ID_logoutBtn" name="logoutBtn" class="btn_logout" value="ログアウト"/>',
    pcHeader: '<div id="ID_header_pc" class="header_pc">',
    forms: 'form.logout_form',
    details: 'sp_menu_details',
    spHeader: '<div id="ID_header_sp" class="header_sp">',
    menuButton: ['class="sp_menu_btn"', '<div id="ID_spMenu"'],
    logoutPath: LOGOUT_PATH.hellowork,
    lookalike: `${HW.mypage}/`,
    title: pageTitle,
  },
} as const;

/** The HTML of the first declarative shadow root, and the page without it (the light DOM). */
function splitShadow(html: string) {
  const open = '<template shadowrootmode="open">';
  const start = html.indexOf(open);
  const end = html.indexOf('</template>', start);
  if (start < 0 || end < 0) return { shadow: '', light: html };
  return { shadow: html.slice(start + open.length, end), light: html.slice(0, start) + html.slice(end + '</template>'.length) };
}

for (const [markup, d] of Object.entries(DRIVERS)) {
  const shape = SHAPES[markup as keyof typeof SHAPES];

  test(`${markup} markup: logout-in-shadow-header puts the PC header, its ログアウト form included, in <hw-header>'s declarative open shadow root`, async () => {
    const plain = await d.logIn(d.app().app);
    assert.ok(!plain.html.includes('<hw-header') && !plain.html.includes('shadowrootmode'));
    assert.equal(count(plain.html, shape.pcLogout), 1);

    const { app, sessions } = d.app('logout-in-shadow-header');
    const { sid, token, html } = await d.logIn(app);
    // At the top of the page: the first thing in <body>.
    assert.match(html, /<body[^>]*><hw-header><template shadowrootmode="open"><style>/);
    const { shadow, light } = splitShadow(html);
    assert.equal(count(html, 'shadowrootmode='), 1);
    // Inside: the stylesheet (document CSS does not reach in), the host shown as a block and hidden below the PC width, the header.
    assert.ok(shadow.includes(markup === 'bundled' ? '.btn.logout {' : '.btn_logout {'), 'the stylesheet is repeated in the shadow root');
    assert.ok(shadow.includes(':host { display:block; }'));
    assert.match(shadow, /@media screen and \(max-width:767px\) \{ :host \{ display:none; \} \}/);
    assert.ok(shadow.includes(shape.pcHeader), 'the PC header is in the shadow root');
    assert.ok(shadow.includes(`${seeker.name}様`));
    const shadowForms = [...shadow.matchAll(d.logoutForm)];
    assert.equal(shadowForms.length, 1, 'one logout form in the shadow root');
    assert.ok(shadow.includes(shape.pcLogout), 'the PC ログアウト control is in the shadow root');
    assert.ok(shadow.includes(`value="${token}"`), 'with the session CSRF token');
    // Outside: no PC header, no PC ログアウト; the smart-device menu keeps its ログアウト.
    assert.ok(!light.includes(shape.pcLogout) && !light.includes(shape.pcHeader), 'no PC ログアウト in the light DOM');
    assert.equal([...light.matchAll(d.logoutForm)].length, 1, "the menu's logout form stays in the light DOM");
    assert.ok(
      shape.menuButton.every((m) => light.includes(m)),
      'the smart-device menu control and panel are unchanged',
    );
    // The form posts as today.
    const res = await d.logOut(app, sid, token);
    assert.equal(res.headers.get('location'), markup === 'bundled' ? '/' : `${HW.top}/`);
    assert.equal(sessions.size, 0);
  });

  test(`${markup} markup: logout-confirm-dialog adds a script asking 「ログアウトしますか？」 before any logout form is submitted`, async () => {
    const plain = await d.logIn(d.app().app);
    assert.ok(!plain.html.includes('confirm('));
    const { html } = await d.logIn(d.app('logout-confirm-dialog').app);
    assert.ok(html.includes(`document.querySelectorAll("${shape.forms}")`), 'the script targets the logout forms');
    assert.ok(html.includes(`addEventListener('submit',function(e){if(!window.confirm("ログアウトしますか？"))e.preventDefault();})`));
    assert.equal([...html.matchAll(d.logoutForm)].length, 2, 'both logout forms are still there');
  });

  test(`${markup} markup: screen-not-found answers 404 「ページが見つかりません」 for 応募中の求人 only, logged in or not`, async () => {
    const plain = d.app();
    const before = await d.logIn(plain.app);
    assert.equal((await d.screen(plain.app, 'applications', before.sid)).status, 200);

    const { app } = d.app('screen-not-found');
    const { sid } = await d.logIn(app);
    for (const cookie of [sid, '']) {
      const res = await d.screen(app, 'applications', cookie);
      assert.equal(res.status, 404, `applications (${cookie ? 'logged in' : 'no session'})`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const html = await res.text();
      assert.ok(html.includes('<title>ページが見つかりません｜ハローワークインターネットサービス</title>'), html.slice(0, 400));
      assert.equal(shape.title(html), 'ページが見つかりません');
      if (markup === 'hellowork') assert.ok(!html.includes('<h1'), 'the hellowork markup names it in its div.page_title');
      assert.ok(!html.includes(`${seeker.name}様`) && !html.includes(shape.logoutPath), 'no My Page on it');
    }
    for (const key of SCREEN_KEYS.filter((k) => k !== 'applications')) {
      const res = await d.screen(app, key, sid);
      assert.equal(d.isMyPage(res, await res.text()), true, key);
    }
    // The menus still link to it.
    const home = await (await d.screen(app, 'home', sid)).text();
    const link = markup === 'bundled' ? MY_PAGE_SCREENS.applications.path : HELLOWORK_SCREENS.applications.path.replaceAll('&', '&amp;');
    assert.ok(home.includes(`href="${link}"`));
  });

  test(`${markup} markup: sp-menu-details makes the smart-device menu a <details> with <summary>メニュー</summary> and a <nav>, ログアウト last`, async () => {
    const { app, sessions } = d.app('sp-menu-details');
    const { sid, token, html } = await d.logIn(app);
    const start = html.indexOf(`<details class="${shape.details}"><summary>メニュー</summary><nav>`);
    assert.ok(start > 0, 'details > summary + nav');
    const end = html.indexOf('</nav></details>', start);
    assert.ok(end > start);
    const details = html.slice(start, end);
    // In the smart-device header, where the menu button was; nothing of the button and its panel is left.
    const headerStart = html.lastIndexOf(shape.spHeader, start);
    assert.ok(headerStart > 0 && html.startsWith('</nav></details></div>', end), 'the last thing in the smart-device header');
    assert.ok(!html.slice(headerStart, start).includes('</header>'));
    for (const gone of shape.menuButton) assert.ok(!html.includes(gone), gone);
    assert.equal(count(html, '<details'), 1);
    assert.equal(count(html, '<summary>'), 1, 'the summary has no attributes (no id)');
    assert.ok(!details.includes('aria-'), 'no aria attributes in the disclosure');
    // The same items, ログアウト last.
    const names = markup === 'bundled' ? Object.values(MY_PAGE_SCREENS).map((s) => s.title) : Object.values(HELLOWORK_SCREENS).map((s) => s.pageTitle);
    for (const name of names) assert.ok(details.includes(`>${name}</a>`), name);
    const forms = [...details.matchAll(d.logoutForm)];
    assert.equal(forms.length, 1);
    assert.ok((forms[0]?.index ?? 0) > details.lastIndexOf('</a>'), 'ログアウト is the last item');
    assert.ok(details.includes('ログアウト'));
    // Its styles come with it; the PC header keeps its ログアウト.
    assert.ok(html.includes(`.${shape.details} > summary {`));
    assert.equal(count(html, shape.pcLogout), 1);
    const res = await d.logOut(app, sid, token);
    assert.equal(res.headers.get('location'), markup === 'bundled' ? '/' : `${HW.top}/`);
    assert.equal(sessions.size, 0);
  });

  test(`${markup} markup: top-lookalike-on-mypage-host lands the logout on a copy of the top page on the My Page origin (200, no redirect)`, async () => {
    const plain = d.app();
    const lookalikePath = new URL(shape.lookalike).pathname;
    const without = await plain.app.request(shape.lookalike);
    assert.equal(without.status, markup === 'bundled' ? 404 : 302, 'without the deviation there is no copy');

    const { app, sessions } = d.app('top-lookalike-on-mypage-host');
    const { sid, token } = await d.logIn(app);
    const res = await d.logOut(app, sid, token);
    assert.equal(sessions.size, 0, 'the logout itself is real');
    const location = res.headers.get('location') ?? '';
    assert.equal(new URL(location, shape.mypage).href, shape.lookalike);
    assert.equal(new URL(shape.lookalike).origin, new URL(shape.mypage).origin, 'on the My Page origin');
    if (markup === 'hellowork') {
      assert.equal(location, `${HW.mypage}/`);
      assert.notEqual(new URL(location).host, new URL(HW.top).host, 'not the www host of the top page');
    } else {
      assert.equal(location, lookalikePath);
    }
    const copy = await app.request(shape.lookalike);
    assert.equal(copy.status, 200);
    assert.equal(copy.headers.get('location'), null);
    assert.equal(await copy.text(), await (await app.request(at(d.top, '/'))).text(), 'the same HTML as the top page');
    if (markup === 'hellowork') {
      const css = await app.request(at(HW.mypage, '/common/css/top.css'));
      assert.equal(css.status, 200, 'its stylesheet too');
    }
  });
}

test('slow-logout waits 20 s by default, late-single-logout 3 s', () => {
  assert.equal(SLOW_LOGOUT_MS, 20_000);
  assert.equal(LATE_LOGOUT_MS, 3000);
});
