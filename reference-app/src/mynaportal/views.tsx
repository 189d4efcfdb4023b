/** Pages of the マイナポータル stand-in: portal home with its menu, login (card-authentication stand-in), logout confirmation. */
import type { Child } from 'hono/jsx';

export const PORTAL_NAME = 'マイナポータル';

export const mynaportalCss = `
* { box-sizing:border-box; }
body { margin:0; font-family:"IPAPGothic","IPAGothic","Noto Sans CJK JP",sans-serif; color:#1a1a1a; background:#f6f7f9; line-height:1.6; }
.mp-header { display:flex; align-items:center; gap:12px; padding:10px 20px; background:#fff; border-bottom:4px solid #d7004a; }
.mp-logo { font-weight:bold; font-size:20px; color:#d7004a; text-decoration:none; }
.mp-menu-button { margin-left:auto; display:inline-flex; flex-direction:column; align-items:center; border:1px solid #333; background:#fff; border-radius:4px; padding:4px 12px; font:inherit; font-size:11px; min-height:44px; cursor:pointer; }
.mp-menu-button .icon { font-size:20px; line-height:1; }
#mp-menu { margin:0; inset:auto 8px auto auto; top:64px; border:1px solid #ccc; border-radius:6px; padding:8px 0; width:min(260px, calc(100vw - 16px)); box-shadow:0 6px 24px rgba(0,0,0,.2); }
#mp-menu ul { list-style:none; margin:0; padding:0; }
#mp-menu a { display:block; padding:12px 16px; color:#1a1a1a; text-decoration:none; font-size:16px; }
#mp-menu li + li { border-top:1px solid #ddd; }
main { max-width:960px; margin:0 auto; padding:20px; }
h1 { font-size:22px; margin:8px 0 16px; }
.card { background:#fff; border:1px solid #ddd; border-radius:8px; padding:16px 20px; margin-bottom:16px; }
.btn { display:inline-flex; align-items:center; justify-content:center; min-height:44px; padding:8px 20px; border-radius:22px; border:1px solid #d7004a; background:#d7004a; color:#fff; font:inherit; font-size:16px; text-decoration:none; cursor:pointer; }
.btn.secondary { background:#fff; color:#d7004a; }
.actions { display:flex; gap:12px; flex-wrap:wrap; }
.form-row { display:flex; flex-direction:column; margin-bottom:12px; max-width:360px; }
.form-row input { font:inherit; padding:8px; border:1px solid #999; border-radius:4px; }
.error { color:#b00020; font-weight:bold; }
`;

export const PortalDocument = (props: { title: string; children: Child }) => (
  <html lang="ja">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title === PORTAL_NAME ? PORTAL_NAME : `${props.title}｜${PORTAL_NAME}`}</title>
      <link rel="stylesheet" href="/assets/mynaportal.css" />
    </head>
    <body>{props.children}</body>
  </html>
);

const Header = (props: { loggedIn: boolean; helloworkLoginUrl: string }) => (
  <header class="mp-header">
    <a class="mp-logo" href="/">
      {PORTAL_NAME}
    </a>
    {props.loggedIn ? (
      <>
        <button type="button" class="mp-menu-button" popovertarget="mp-menu">
          <span class="icon" aria-hidden="true">
            ≡
          </span>
          <span>メニュー</span>
        </button>
        <nav id="mp-menu" popover="auto" aria-label="マイナポータルのメニュー">
          <ul>
            <li>
              <a href="/">ホーム</a>
            </li>
            <li>
              <a href={props.helloworkLoginUrl}>ハローワークインターネットサービス</a>
            </li>
            <li>
              <a href="/session/end">ログアウト</a>
            </li>
          </ul>
        </nav>
      </>
    ) : null}
  </header>
);

export const PortalHome = (props: { name?: string; helloworkLoginUrl: string }) => (
  <PortalDocument title={PORTAL_NAME}>
    <Header loggedIn={props.name !== undefined} helloworkLoginUrl={props.helloworkLoginUrl} />
    <main>
      <h1>{PORTAL_NAME}</h1>
      {props.name !== undefined ? (
        <section class="card" aria-label="ログイン中の利用者">
          <p class="greeting">{props.name} さん</p>
          <p>マイナポータルにログインしています。</p>
          <a class="btn secondary" href={props.helloworkLoginUrl}>
            ハローワークインターネットサービス（求職者マイページ）へ
          </a>
        </section>
      ) : (
        <section class="card" aria-label="ログインしていません">
          <p role="status">ログインしていません。</p>
        </section>
      )}
    </main>
  </PortalDocument>
);

export const PortalLogin = (props: { uid: string; clientName?: string; error?: string }) => (
  <PortalDocument title="ログイン">
    <Header loggedIn={false} helloworkLoginUrl="/" />
    <main>
      <h1>マイナポータルにログイン</h1>
      <div class="card">
        {props.clientName ? <p>{props.clientName}へのログインのため、マイナンバーカードで本人確認をします（試験用の代替: 利用者IDと暗証番号）。</p> : null}
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action={`/interaction/${props.uid}/login`}>
          <div class="form-row">
            <label for="mp-user">利用者ID</label>
            <input id="mp-user" name="userId" type="text" autocomplete="username" required />
          </div>
          <div class="form-row">
            <label for="mp-pin">暗証番号（数字4桁）</label>
            <input id="mp-pin" name="pin" type="password" inputmode="numeric" autocomplete="off" required />
          </div>
          <div class="actions">
            <button class="btn" type="submit">
              ログイン
            </button>
          </div>
        </form>
      </div>
    </main>
  </PortalDocument>
);

/** oidc-provider hands us its hidden logout form (xsrf); the ログアウト button submits it with logout=yes. */
export const PortalLogoutConfirm = (props: { form: string; autoSubmit: boolean }) => (
  <PortalDocument title="ログアウトの確認">
    <Header loggedIn={false} helloworkLoginUrl="/" />
    <main>
      <h1>ログアウトの確認</h1>
      <div class="card">
        <p>マイナポータルからログアウトしますか？</p>
        <div dangerouslySetInnerHTML={{ __html: props.form }} />
        <div class="actions">
          <button class="btn" type="submit" form="op.logoutForm" name="logout" value="yes">
            ログアウト
          </button>
          <a class="btn secondary" href="/">
            キャンセル
          </a>
        </div>
        {props.autoSubmit ? (
          <script
            dangerouslySetInnerHTML={{
              __html:
                "(function(){var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();})();",
            }}
          />
        ) : null}
      </div>
    </main>
  </PortalDocument>
);

export const PortalLoggedOut = () => (
  <PortalDocument title="ログアウトしました">
    <Header loggedIn={false} helloworkLoginUrl="/" />
    <main>
      <h1>ログアウトしました</h1>
      <div class="card">
        <p role="status">マイナポータルからログアウトしました。</p>
        <a href="/">マイナポータルのトップへ</a>
      </div>
    </main>
  </PortalDocument>
);

export const PortalError = (props: { status: number; message: string }) => (
  <PortalDocument title="エラー">
    <Header loggedIn={false} helloworkLoginUrl="/" />
    <main>
      <h1>エラー（{props.status}）</h1>
      <p role="alert">{props.message}</p>
      <a href="/">マイナポータルのトップへ</a>
    </main>
  </PortalDocument>
);
