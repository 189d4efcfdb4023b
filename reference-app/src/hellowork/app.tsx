/**
 * The HelloWork Internet Service stand-in: top page, login, 求職者マイページ
 * and its logout, with real server-side sessions.
 */
import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadAccounts } from '../../../fixtures/accounts.ts';
import { type Session, SessionStore } from './sessions.ts';
import { helloworkCss } from './styles.ts';
import {
  ErrorPage,
  LoginPage,
  MY_PAGE_SCREENS,
  type MyPageScreenId,
  type MyPageView,
  MyPageApplications,
  MyPageHome,
  MyPageMessages,
  MyPageSearch,
  TopPage,
} from './views.tsx';

export const SESSION_COOKIE = 'HW_SESSION';

export interface HelloWorkOptions {
  readonly sessions?: SessionStore;
}

type Env = { Variables: { session: Session } };

function render(c: Context, node: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 413 | 500 = 200) {
  return c.html(`<!DOCTYPE html>${node}`, status);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only same-site relative paths under /mypage may be used as a post-login destination. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/mypage(\/[a-z]*)?$/.test(next) ? next : MY_PAGE_SCREENS.home.path;
}

export function createHelloWorkApp(options: HelloWorkOptions = {}) {
  const sessions = options.sessions ?? new SessionStore();
  const app = new Hono<Env>();

  app.use(
    '*',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => render(c, <ErrorPage status={413} message="送信されたデータが大きすぎます。" />, 413),
    }),
  );

  app.get('/healthz', (c) => c.text('ok'));
  app.get('/assets/hellowork.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(helloworkCss);
  });

  app.get('/', (c) => render(c, <TopPage />));

  app.get('/login', (c) => render(c, <LoginPage next={safeNext(c.req.query('next'))} />));

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const loginId = typeof form.loginId === 'string' ? form.loginId : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const user = loadAccounts().find((a) => a.loginId === loginId && sameToken(a.password, password));
    if (!user) {
      return render(c, <LoginPage error="IDまたはパスワードが正しくありません。" next={safeNext(form.next)} />, 401);
    }
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) sessions.destroy(previous);
    const session = sessions.create(user, 'password');
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect(safeNext(form.next), 303);
  });

  // Everything under /mypage (including /mypage itself) needs a live session and must never be cached.
  app.use('/mypage/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
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
      return render(c, <Screen user={session.user} csrfToken={session.csrfToken} current={id} />);
    });
  }

  app.post('/mypage/logout', async (c) => {
    const session = c.get('session');
    const form = await c.req.parseBody();
    const token = typeof form.csrf_token === 'string' ? form.csrf_token : '';
    if (!sameToken(token, session.csrfToken)) {
      return render(c, <ErrorPage status={403} message="不正な操作です。画面を開き直してください。" />, 403);
    }
    sessions.destroy(session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.redirect('/', 303);
  });

  app.notFound((c) => render(c, <ErrorPage status={404} message="お探しのページは見つかりませんでした。" />, 404));
  app.onError((err, c) => {
    console.error('[hellowork]', err);
    return render(c, <ErrorPage status={500} message="システムエラーが発生しました。" />, 500);
  });

  return { app, sessions };
}
