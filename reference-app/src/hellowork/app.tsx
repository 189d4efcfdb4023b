/**
 * The HelloWork Internet Service stand-in: top page, login, 求職者マイページ, with real server-side sessions;
 * the manual sections add their parts (reference-app/src/sections/: the logout is one).
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadAccounts } from '../accounts.ts';
import { field, MalformedFormError, readForm } from '../shared/form.ts';
import { sameSecret } from '../shared/secrets.ts';
import { Deviations } from '../deviations.ts';
import { BUNDLED_HOSTS } from '../markup.ts';
import { SECTIONS } from '../sections/found.ts';
import { collectSectionScreens, type SiteChanges } from '../sections/kit.ts';
import { logoutTokenVerifier } from './backchannel-logout.ts';
import { type Env, type HelloWorkOptions, originsFor, requestHost } from './common.ts';
import { TOP_COPY_PATH } from './deviation-markup.tsx';
import { createHelloWorkMarkupApp } from './markup-hellowork/app.tsx';
import { type MynaPortalLogin, ProviderUnavailableError } from './mynaportal-login.ts';
import { SessionStore } from './sessions.ts';
import { helloworkCss } from './styles.ts';
import {
  ErrorPage,
  LoginPage,
  MY_PAGE_SCREENS,
  type MyPageScreenId,
  type MyPageView,
  MyPageApplications,
  MyPageDocument,
  MyPageHome,
  MyPageMessages,
  MyPageSearch,
  NotFoundPage,
  TopPage,
} from './views.tsx';

export const SESSION_COOKIE = 'HW_SESSION';
/** Ties a browser to its pending マイナポータル login (state, nonce, PKCE verifier live server-side). */
export const PENDING_LOGIN_COOKIE = 'HW_MYNA_LOGIN';
export const MYNAPORTAL_PATHS = {
  start: '/auth/mynaportal',
  callback: '/auth/mynaportal/callback',
  backchannel: '/auth/mynaportal/backchannel-logout',
} as const;

export type { HelloWorkOptions };

function render(c: Context, node: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 413 | 500 | 502 = 200) {
  return c.html(`<!DOCTYPE html>${node}`, status);
}

/** Only same-site relative paths under /mypage may be used as a post-login destination. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/mypage(\/[a-z]*)?$/.test(next) ? next : MY_PAGE_SCREENS.home.path;
}

/** The HelloWork stand-in in the markup the options name (default `bundled`; `hellowork`: markup-hellowork/app.tsx). */
export function createHelloWorkApp(options: HelloWorkOptions = {}): { app: Hono<Env>; sessions: SessionStore; site: SiteChanges } {
  if (options.markup === 'hellowork') return createHelloWorkMarkupApp(options);
  return createBundledApp(options);
}

function createBundledApp(options: HelloWorkOptions) {
  const sessions = options.sessions ?? new SessionStore();
  const deviations = options.deviations ?? new Deviations();
  const myna = options.mynaportal;
  const added = collectSectionScreens(
    options.sections ?? SECTIONS,
    'bundled',
    deviations,
    Object.values(MY_PAGE_SCREENS).map((s) => s.path),
    options.settings,
  );
  const app = new Hono<Env>();

  app.use(
    '*',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => render(c, <ErrorPage status={413} message="送信されたデータが大きすぎます。" />, 413),
    }),
  );

  app.get('/healthz', (c) => c.text('ok'));
  if (added.site.mirrorServesTop) {
    // The mirror host serves the top page and its stylesheet, nothing else.
    app.use('*', async (c, next) => {
      if (requestHost(c).hostname !== BUNDLED_HOSTS.mirror || c.req.path === '/' || c.req.path === '/assets/hellowork.css') return next();
      return render(c, <ErrorPage status={404} message="お探しのページは見つかりませんでした。" />, 404);
    });
  }
  app.get('/assets/hellowork.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(helloworkCss);
  });

  app.get('/', (c) => render(c, <TopPage site={added.site} />));
  // A copy of the top page at another path of the (one) origin.
  if (added.site.topCopyOnMyPageHost) app.get(TOP_COPY_PATH.bundled, (c) => render(c, <TopPage site={added.site} />));

  app.get('/login', (c) => render(c, <LoginPage next={safeNext(c.req.query('next'))} mynaportal={myna ? MYNAPORTAL_PATHS.start : undefined} />));

  app.post('/login', async (c) => {
    const form = await readForm(c);
    const loginId = field(form, 'loginId');
    const password = field(form, 'password');
    const user = loadAccounts().find((a) => a.loginId === loginId && sameSecret(a.password, password));
    if (!user) {
      return render(
        c,
        <LoginPage
          error="IDまたはパスワードが正しくありません。"
          next={safeNext(field(form, 'next'))}
          mynaportal={myna ? MYNAPORTAL_PATHS.start : undefined}
        />,
        401,
      );
    }
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) sessions.destroy(previous);
    const session = sessions.create(user, 'password');
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect(safeNext(field(form, 'next')), 303);
  });

  if (myna) {
    const failed = (c: Context, error: unknown) => {
      deleteCookie(c, PENDING_LOGIN_COOKIE, { path: '/auth/mynaportal' });
      if (error instanceof ProviderUnavailableError) {
        console.error('[hellowork] マイナポータル unavailable:', error.message);
        return render(c, <ErrorPage status={502} message="マイナポータルに接続できません。しばらくしてから、もう一度お試しください。" />, 502);
      }
      console.error('[hellowork] マイナポータル login refused:', error instanceof Error ? error.message : String(error));
      return render(c, <ErrorPage status={400} message="マイナポータルからのログインを完了できませんでした。もう一度ログインしてください。" />, 400);
    };

    app.get(MYNAPORTAL_PATHS.start, async (c) => {
      try {
        const { pendingId, url } = await myna.start();
        setCookie(c, PENDING_LOGIN_COOKIE, pendingId, { httpOnly: true, sameSite: 'Lax', path: '/auth/mynaportal', maxAge: 600 });
        c.header('Cache-Control', 'no-store');
        return c.redirect(url.href, 303);
      } catch (error) {
        return failed(c, error);
      }
    });

    app.get(MYNAPORTAL_PATHS.callback, async (c) => {
      c.header('Cache-Control', 'no-store');
      let identity: Awaited<ReturnType<MynaPortalLogin['finish']>>;
      try {
        identity = await myna.finish(getCookie(c, PENDING_LOGIN_COOKIE), new URL(c.req.url));
      } catch (error) {
        return failed(c, error);
      }
      deleteCookie(c, PENDING_LOGIN_COOKIE, { path: '/auth/mynaportal' });
      const user = loadAccounts().find((a) => a.mynaportal.userId === identity.sub);
      if (!user) {
        return render(c, <ErrorPage status={403} message="このマイナポータルの利用者は、求職者マイページと連携されていません。" />, 403);
      }
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) sessions.destroy(previous);
      const session = sessions.create(user, 'mynaportal', identity);
      setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax', path: '/' });
      return c.redirect(MY_PAGE_SCREENS.home.path, 303);
    });

    if (added.site.joinsPortalSingleLogout) {
      // HelloWork joins マイナポータル's 一斉ログアウト (a deviation: the manual says it does not).
      let verify: ((token: string) => Promise<{ sub?: string; sid?: string }>) | undefined;
      app.post(MYNAPORTAL_PATHS.backchannel, async (c) => {
        c.header('Cache-Control', 'no-store');
        const form = await readForm(c);
        const token = field(form, 'logout_token');
        try {
          const config = await myna.config();
          const meta = config.serverMetadata();
          verify ??= logoutTokenVerifier(meta.issuer, String(meta.jwks_uri), myna.settings.clientId);
          const { sub, sid } = await verify(token);
          sessions.destroyWhere((s) => s.mynaportal !== undefined && (sid ? s.mynaportal.sid === sid : s.mynaportal.sub === sub));
          return c.body(null, 200);
        } catch (error) {
          return c.json({ error: 'invalid_request', error_description: error instanceof Error ? error.message : String(error) }, 400);
        }
      });
    }
  }

  // Everything under /mypage (including /mypage itself) needs a live session and must never be cached.
  app.use('/mypage/*', async (c, next) => {
    if (added.site.myPageCacheable) {
      c.header('Cache-Control', 'private, max-age=600');
    } else {
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
    }
    // A screen that answers 404, logged in or not.
    if (added.site.screensNotFound.some((key) => MY_PAGE_SCREENS[key as MyPageScreenId]?.path === c.req.path)) return render(c, <NotFoundPage />, 404);
    const id = getCookie(c, SESSION_COOKIE);
    const screen = (Object.keys(MY_PAGE_SCREENS) as MyPageScreenId[]).find((k) => MY_PAGE_SCREENS[k].path === c.req.path) ?? c.req.path;
    // A section may let a screen serve a cookie whose session is over (a deviation of its own).
    const session = sessions.get(id) ?? added.endedSession(id, screen);
    if (!session) {
      // A page request goes to the login page; a form post (e.g. a second logout) has nothing left to act on.
      if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
      return c.redirect('/', 303);
    }
    c.set('session', session);
    await next();
  });

  const screens: Record<MyPageScreenId, (v: MyPageView) => JSX.Element> = {
    home: MyPageHome,
    search: MyPageSearch,
    messages: MyPageMessages,
    applications: MyPageApplications,
  };
  for (const id of Object.keys(screens) as MyPageScreenId[]) {
    const Screen = screens[id];
    app.get(MY_PAGE_SCREENS[id].path, (c) => {
      const session = c.get('session');
      return render(
        c,
        <Screen user={session.user} csrfToken={session.csrfToken} current={id} site={added.site} sectionNav={added.nav} layout={added.layout} />,
      );
    });
  }
  // The manual sections' screens (reference-app/src/sections/): behind the same /mypage/* session check, in the same layout.
  for (const screen of added.screens) {
    app.get(screen.path, (c) => {
      const session = c.get('session');
      return render(
        c,
        <MyPageDocument user={session.user} csrfToken={session.csrfToken} current={screen} site={added.site} sectionNav={added.nav} layout={added.layout}>
          {screen.body({ user: session.user, token: session.csrfToken })}
        </MyPageDocument>,
      );
    });
  }

  // The manual sections' form actions (e.g. the logout): behind the same session check, with the session's CSRF token.
  for (const action of added.actions) {
    app.post(action.path, async (c) => {
      const session = c.get('session');
      const form = await readForm(c);
      if (!sameSecret(field(form, 'csrf_token'), session.csrfToken)) {
        return render(c, <ErrorPage status={403} message="不正な操作です。画面を開き直してください。" />, 403);
      }
      const to = await action.handle({
        c,
        session,
        sessions,
        origins: originsFor(c, 'bundled'),
        loginPath: '/login',
        expireSessionCookie: () => deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax' }),
        mynaportal: myna,
      });
      return c.redirect(to, 303);
    });
  }

  app.notFound((c) => render(c, <ErrorPage status={404} message="お探しのページは見つかりませんでした。" />, 404));
  app.onError((err, c) => {
    if (err instanceof MalformedFormError) {
      return render(c, <ErrorPage status={400} message="送信された内容を読み取れませんでした。" />, 400);
    }
    console.error('[hellowork]', err);
    return render(c, <ErrorPage status={500} message="システムエラーが発生しました。" />, 500);
  });

  return { app, sessions, site: added.site };
}
