/**
 * The HelloWork stand-in in the `hellowork` markup (REFERENCE_MARKUP=hellowork): one Hono app that
 * dispatches on the host the browser asked for.
 *
 * - www.hellowork.localhost:<port>       the top page (/) and its stylesheet
 * - kyushoku.hellowork.localhost:<port>  login and 求職者マイページ under /kyushoku/, Struts-style
 *                                        screens routed on the screenId query (markup.ts)
 * - www2.hellowork.localhost:<port>      the same top page, only when SiteChanges.mirrorServesTop
 *                                        (and the kyushoku host serves it at `/` when SiteChanges.topCopyOnMyPageHost)
 * - any host                             /healthz
 *
 * Sessions, accounts, the マイナポータル login and the deviations behave as in the bundled markup;
 * only addresses, markup, cookie (JSESSIONID, Path=/kyushoku) and status codes (302, 200 for the
 * ended-session and wrong-password screens, as a Java site answers) differ.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadAccounts } from '../../accounts.ts';
import { Deviations } from '../../deviations.ts';
import {
  HELLOWORK_COOKIE_PATH,
  HELLOWORK_HOSTS,
  HELLOWORK_LOGIN,
  HELLOWORK_MYNAPORTAL_PATHS,
  HELLOWORK_SCREENS,
  HELLOWORK_SESSION_COOKIE,
  HELLOWORK_TOKEN_FIELD,
  type HelloWorkScreenKey,
  screenPath,
} from '../../markup.ts';
import { SECTIONS } from '../../sections/found.ts';
import { collectSectionScreens, screenIdOf } from '../../sections/kit.ts';
import { field, MalformedFormError, readForm } from '../../shared/form.ts';
import { sameSecret } from '../../shared/secrets.ts';
import { logoutTokenVerifier } from '../backchannel-logout.ts';
import { TOP_COPY_PATH } from '../deviation-markup.tsx';
import { type Env, findJobSeeker, type HelloWorkOptions, originsFor, requestHost } from '../common.ts';
import { type MynaPortalLogin, ProviderUnavailableError } from '../mynaportal-login.ts';
import { SessionStore } from '../sessions.ts';
import { kyushokuCss, topCss } from './styles.ts';
import {
  EndedSessionScreen,
  ErrorScreen,
  KYUSHOKU_CSS_PATH,
  LoginScreen,
  NotFoundScreen,
  OneTimePasswordScreen,
  SCREEN_VIEWS,
  Screen,
  TOP_CSS_PATH,
  TopPage,
} from './views.tsx';

const PENDING_LOGIN_COOKIE = 'HW_MYNA_LOGIN';

type Status = 200 | 400 | 403 | 404 | 413 | 500 | 502;

function render(c: Context, node: JSX.Element, status: Status = 200) {
  return c.html(`<!DOCTYPE html>${node}`, status);
}

const SCREEN_BY_ID = new Map<string, HelloWorkScreenKey>(
  (Object.keys(HELLOWORK_SCREENS) as HelloWorkScreenKey[]).map((key) => [HELLOWORK_SCREENS[key].screenId, key]),
);

export function createHelloWorkMarkupApp(options: HelloWorkOptions = {}) {
  const sessions = options.sessions ?? new SessionStore();
  const deviations = options.deviations ?? new Deviations();
  const myna = options.mynaportal;
  const added = collectSectionScreens(
    options.sections ?? SECTIONS,
    'hellowork',
    deviations,
    [HELLOWORK_LOGIN.path, HELLOWORK_LOGIN.submitPath, ...Object.values(HELLOWORK_SCREENS).map((s) => s.path)],
    options.settings,
  );
  // The manual sections' form actions (e.g. the logout), by their address.
  const actionByPath = new Map(added.actions.map((a) => [a.path, a]));
  // The manual sections' screens (reference-app/src/sections/), routed on their screen id like the built-in ones.
  const addedById = new Map(added.screens.map((s) => [screenIdOf(s.path), s]));
  const app = new Hono<Env>();
  const www = new Hono<Env>();
  const kyushoku = new Hono<Env>();

  app.use(
    '*',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => render(c, <ErrorScreen message="送信されたデータが大きすぎます。" />, 413),
    }),
  );
  app.get('/healthz', (c) => c.text('ok'));

  // ------------------------------------------------------------ www: the top page
  www.get('/', (c) => render(c, <TopPage origins={originsFor(c, 'hellowork')} site={added.site} />));
  www.get(TOP_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(topCss);
  });

  // ------------------------------------------------------------ kyushoku: login and 求職者マイページ
  const cookieOptions = { httpOnly: true, sameSite: 'Lax', path: HELLOWORK_COOKIE_PATH } as const;
  const top = (c: Context) => `${originsFor(c, 'hellowork').top}/`;
  const loginScreen = (c: Context, error?: string) =>
    render(c, <LoginScreen error={error} mynaportalStart={myna ? HELLOWORK_MYNAPORTAL_PATHS.start : undefined} />);
  const noStore = (c: Context) => {
    if (added.site.myPageCacheable) {
      c.header('Cache-Control', 'private, max-age=600');
    } else {
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
    }
  };
  const startSession = (c: Context, ...args: Parameters<SessionStore['create']>) => {
    const previous = getCookie(c, HELLOWORK_SESSION_COOKIE);
    if (previous) sessions.destroy(previous);
    const session = sessions.create(...args);
    setCookie(c, HELLOWORK_SESSION_COOKIE, session.id, cookieOptions);
    return c.redirect(HELLOWORK_SCREENS.home.path, 302);
  };

  kyushoku.get(KYUSHOKU_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(kyushokuCss);
  });
  if (added.site.topCopyOnMyPageHost) {
    // The kyushoku host serves the top page (and its stylesheet) at `/`; no redirect.
    kyushoku.get(TOP_COPY_PATH.hellowork, (c) => render(c, <TopPage origins={originsFor(c, 'hellowork')} site={added.site} />));
    kyushoku.get(TOP_CSS_PATH, (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      return c.body(topCss);
    });
  } else {
    kyushoku.get('/', (c) => c.redirect(HELLOWORK_LOGIN.path, 302));
  }
  kyushoku.get('/kyushoku', (c) => c.redirect(HELLOWORK_LOGIN.path, 302));
  kyushoku.get('/kyushoku/', (c) => c.redirect(HELLOWORK_LOGIN.path, 302));

  // Struts-style: /kyushoku/<ID>.do, the screen chosen by the screenId query (the path stem when absent).
  kyushoku.on(['GET', 'POST'], '/kyushoku/:stem{[A-Z0-9]+\\.do}', async (c) => {
    const screenId = c.req.query('screenId') ?? c.req.param('stem').replace(/\.do$/, '');
    const action = c.req.query('action') ?? 'initDisp';
    c.header('Cache-Control', 'no-store');

    // A manual section's form action (POST, any screen id): the session and its Struts token first.
    const sectionAction = c.req.method === 'POST' ? actionByPath.get(screenPath(screenId, action)) : undefined;
    if (sectionAction) {
      const session = sessions.get(getCookie(c, HELLOWORK_SESSION_COOKIE));
      // Nothing left to act on (e.g. a second logout): back to the top page.
      if (!session) return c.redirect(top(c), 302);
      const form = await readForm(c);
      if (!sameSecret(field(form, HELLOWORK_TOKEN_FIELD), session.csrfToken)) {
        return render(c, <ErrorScreen message="不正な操作が行われました。画面を開き直してください。" />, 403);
      }
      const to = await sectionAction.handle({
        c,
        session,
        sessions,
        origins: originsFor(c, 'hellowork'),
        loginPath: HELLOWORK_LOGIN.path,
        expireSessionCookie: () => deleteCookie(c, HELLOWORK_SESSION_COOKIE, cookieOptions),
        mynaportal: myna,
      });
      return c.redirect(to, 302);
    }

    if (screenId === HELLOWORK_LOGIN.screenId) {
      if (action === 'initDisp' && c.req.method === 'GET') return loginScreen(c);
      if (action === 'login' && c.req.method === 'POST') {
        const form = await readForm(c);
        const user = findJobSeeker(field(form, 'loginMailTxt'), field(form, 'loginPasswordTxt'));
        if (!user) return loginScreen(c, 'メールアドレスまたはパスワードが正しくありません。');
        // An account with a second factor: a one-time-password screen, and no session yet (as on the employer side).
        if (user.oneTimePassword) return render(c, <OneTimePasswordScreen />);
        return startSession(c, user, 'password');
      }
      return c.notFound();
    }

    // A built-in screen (its key) or a manual section's.
    const key = SCREEN_BY_ID.get(screenId) ?? addedById.get(screenId);
    if (!key) return c.notFound();
    noStore(c);
    // A screen that answers 404, logged in or not.
    if (typeof key === 'string' && added.site.screensNotFound.includes(key)) return render(c, <NotFoundScreen />, 404);
    const id = getCookie(c, HELLOWORK_SESSION_COOKIE);
    // A section may let a screen serve a cookie whose session is over (a deviation of its own).
    const session = sessions.get(id) ?? added.endedSession(id, typeof key === 'string' ? key : key.path);
    if (!session) return render(c, <EndedSessionScreen />);
    if (typeof key !== 'string') {
      return render(
        c,
        <Screen user={session.user} token={session.csrfToken} current={key} site={added.site} sectionNav={added.nav} layout={added.layout}>
          {key.body({ user: session.user, token: session.csrfToken })}
        </Screen>,
      );
    }
    const View = SCREEN_VIEWS[key];
    return render(c, <View user={session.user} token={session.csrfToken} current={key} site={added.site} sectionNav={added.nav} layout={added.layout} />);
  });

  if (myna) {
    const pendingCookie = { httpOnly: true, sameSite: 'Lax', path: HELLOWORK_MYNAPORTAL_PATHS.start } as const;
    const failed = (c: Context, error: unknown) => {
      deleteCookie(c, PENDING_LOGIN_COOKIE, pendingCookie);
      if (error instanceof ProviderUnavailableError) {
        console.error('[hellowork] マイナポータル unavailable:', error.message);
        return render(c, <ErrorScreen message="マイナポータルに接続できません。しばらくしてから、もう一度お試しください。" />, 502);
      }
      console.error('[hellowork] マイナポータル login refused:', error instanceof Error ? error.message : String(error));
      return render(c, <ErrorScreen message="マイナポータルからのログインを完了できませんでした。もう一度ログインしてください。" />, 400);
    };

    kyushoku.get(HELLOWORK_MYNAPORTAL_PATHS.start, async (c) => {
      c.header('Cache-Control', 'no-store');
      try {
        const { pendingId, url } = await myna.start();
        setCookie(c, PENDING_LOGIN_COOKIE, pendingId, { ...pendingCookie, maxAge: 600 });
        return c.redirect(url.href, 302);
      } catch (error) {
        return failed(c, error);
      }
    });

    kyushoku.get(HELLOWORK_MYNAPORTAL_PATHS.callback, async (c) => {
      c.header('Cache-Control', 'no-store');
      let identity: Awaited<ReturnType<MynaPortalLogin['finish']>>;
      try {
        identity = await myna.finish(getCookie(c, PENDING_LOGIN_COOKIE), new URL(c.req.url));
      } catch (error) {
        return failed(c, error);
      }
      deleteCookie(c, PENDING_LOGIN_COOKIE, pendingCookie);
      const user = loadAccounts().find((a) => a.mynaportal.userId === identity.sub);
      if (!user) return render(c, <ErrorScreen message="このマイナポータルの利用者は、求職者マイページと連携されていません。" />, 403);
      return startSession(c, user, 'mynaportal', identity);
    });

    if (added.site.joinsPortalSingleLogout) {
      // HelloWork joins マイナポータル's 一斉ログアウト (a deviation: the manual says it does not).
      let verify: ((token: string) => Promise<{ sub?: string; sid?: string }>) | undefined;
      kyushoku.post(HELLOWORK_MYNAPORTAL_PATHS.backchannel, async (c) => {
        c.header('Cache-Control', 'no-store');
        const form = await readForm(c);
        try {
          const meta = (await myna.config()).serverMetadata();
          verify ??= logoutTokenVerifier(meta.issuer, String(meta.jwks_uri), myna.settings.clientId);
          const { sub, sid } = await verify(field(form, 'logout_token'));
          sessions.destroyWhere((s) => s.mynaportal !== undefined && (sid ? s.mynaportal.sid === sid : s.mynaportal.sub === sub));
          return c.body(null, 200);
        } catch (error) {
          return c.json({ error: 'invalid_request', error_description: error instanceof Error ? error.message : String(error) }, 400);
        }
      });
    }
  }

  // ------------------------------------------------------------ host dispatch
  app.all('*', (c) => {
    const { hostname } = requestHost(c);
    if (hostname === HELLOWORK_HOSTS.top || (hostname === HELLOWORK_HOSTS.mirror && added.site.mirrorServesTop)) {
      return www.fetch(c.req.raw, c.env);
    }
    if (hostname === HELLOWORK_HOSTS.mypage) return kyushoku.fetch(c.req.raw, c.env);
    const o = originsFor(c, 'hellowork');
    return c.text(`This server answers on ${o.top}/ (top page) and ${o.mypage}${HELLOWORK_LOGIN.path} (login, 求職者マイページ).\n`, 404);
  });

  for (const sub of [www, kyushoku]) {
    sub.notFound((c) => render(c, <ErrorScreen message="お探しのページは見つかりませんでした。" />, 404));
    sub.onError((err, c) => {
      if (err instanceof MalformedFormError) return render(c, <ErrorScreen message="送信された内容を読み取れませんでした。" />, 400);
      console.error('[hellowork]', err);
      return render(c, <ErrorScreen message="システムエラーが発生しました。" />, 500);
    });
  }

  return { app, sessions, site: added.site };
}
