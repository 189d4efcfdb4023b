/** Pages of the HelloWork stand-in, modelled on the figures of the manual. */
import type { Child } from 'hono/jsx';
import type { JobSeeker } from '../accounts.ts';
import { type LayoutParts, layoutParts, type MyPageLayout, type SectionNavLink, type SiteChanges } from '../sections/kit.ts';
import { MENU_SUMMARY_TEXT, NOT_FOUND_MESSAGE, NOT_FOUND_TITLE, ShadowHeader } from './deviation-markup.tsx';
import { helloworkCss, PC_MIN_WIDTH, spMenuDetailsCss } from './styles.ts';

export const SITE_NAME = 'ハローワークインターネットサービス';

export const Document = (props: { title: string; children: Child }) => (
  <html lang="ja">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <link rel="stylesheet" href="/assets/hellowork.css" />
    </head>
    <body>
      {props.children}
      <footer class="site-footer">© 厚生労働省職業安定局（リファレンス実装・試験用）</footer>
    </body>
  </html>
);

const PublicHeader = () => (
  <header class="site-header">
    <div class="bar">
      <a class="logo" href="/">
        <span class="main">{SITE_NAME}</span>
        <span class="sub">Hello Work Internet Service</span>
      </a>
      <nav class="header-links" aria-label="サイト">
        <a href="/#offices">所在地情報</a>
        <a href="/">サイトマップ</a>
      </nav>
    </div>
  </header>
);

export const TopPage = (props: { site?: SiteChanges }) => (
  <Document title={SITE_NAME}>
    <PublicHeader />
    <main>
      <h1>{SITE_NAME}</h1>
      {props.site?.topEmployersFirst ? <style>{'.top-sections .employer{order:-1}'}</style> : null}
      <div class="top-sections">
        <section aria-labelledby="sec-seeker" class="seeker">
          <h2 id="sec-seeker">仕事をお探しの方</h2>
          <a class="btn secondary" href="/search">
            求人情報検索
          </a>
          <p>求職者マイページをお持ちの方は、ログインして求人情報検索などのメニューをご利用ください。</p>
          <a class="btn large" href="/login">
            求職者マイページにログイン
          </a>
          <a href="/login">求職者マイページアカウント作成</a>
        </section>
        {props.site?.topWithoutEmployers ? null : (
          <section aria-labelledby="sec-employer" class="employer">
            <h2 id="sec-employer">事業者の方</h2>
            <p>求人者マイページをお持ちの方は、ログインして求人申込みなどのメニューをご利用ください。</p>
            <a class="btn large" href="/employer/login">
              求人者マイページにログイン
            </a>
          </section>
        )}
        <section aria-labelledby="sec-provision" class="provision">
          <h2 id="sec-provision">ハローワーク求人・求職情報提供サービスをご利用の方</h2>
          <p>地方自治体・民間人材ビジネスの方は、ログインして求人・求職情報提供サービスをご利用ください。</p>
          <a class="btn large" href="/provision/login">
            求人・求職情報提供サービスにログイン
          </a>
        </section>
      </div>
      <section id="offices" class="card offices" aria-labelledby="sec-offices">
        <h2 id="sec-offices">ハローワークなどの所在地情報</h2>
        <ul>
          {['北海道', '青森県', '岩手県', '宮城県', '東京都', '神奈川県', '愛知県', '大阪府', '福岡県', '沖縄県'].map((p) => (
            <li>
              <a href="/">{p}</a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  </Document>
);

export const LoginPage = (props: { error?: string; next?: string; mynaportal?: string }) => (
  <Document title={`ログイン｜${SITE_NAME}`}>
    <PublicHeader />
    <main>
      <h1>求職者マイページにログイン</h1>
      <div class="card login-box">
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={props.next ?? '/mypage'} />
          <div class="form-row">
            <label for="login-id">ID（メールアドレス）</label>
            <input id="login-id" name="loginId" type="text" autocomplete="username" required />
          </div>
          <div class="form-row">
            <label for="login-password">パスワード</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button class="btn large" type="submit">
            ログイン
          </button>
        </form>
      </div>
      {props.mynaportal ? (
        <div class="card login-box">
          <h2>マイナポータルをお使いの方</h2>
          <p>マイナンバーカードでマイナポータルにログインして、求職者マイページを利用できます。</p>
          <a class="btn large secondary" href={props.mynaportal}>
            マイナポータルからログイン
          </a>
        </div>
      ) : null}
    </main>
  </Document>
);

export interface MyPageScreen {
  readonly path: string;
  readonly title: string;
}

export const MY_PAGE_SCREENS = {
  home: { path: '/mypage', title: '求職者マイページホーム' },
  search: { path: '/mypage/search', title: '求人情報検索' },
  messages: { path: '/mypage/messages', title: 'メッセージ' },
  applications: { path: '/mypage/applications', title: '応募中の求人' },
} as const satisfies Record<string, MyPageScreen>;
export type MyPageScreenId = keyof typeof MY_PAGE_SCREENS;

/** A screen a manual section added (reference-app/src/sections/): its address and title. */
export interface AddedScreen {
  readonly path: string;
  readonly title: string;
}

export interface MyPageView {
  readonly user: JobSeeker;
  readonly csrfToken: string;
  readonly current: MyPageScreenId | AddedScreen;
  /** What the sections' deviations changed of the site (none: as usual). */
  readonly site?: SiteChanges;
  /** Links to the screens the manual sections added, after the built-in ones in both menus (none: the menus as they are). */
  readonly sectionNav?: readonly SectionNavLink[];
  /** The manual sections' parts of the layout (reference-app/src/sections/kit.ts). */
  readonly layout?: readonly MyPageLayout[];
}

const titleOf = (current: MyPageView['current']) => (typeof current === 'string' ? MY_PAGE_SCREENS[current].title : current.title);
const isCurrent = (current: MyPageView['current'], path: string) => typeof current !== 'string' && current.path === path;

const navItems = (Object.keys(MY_PAGE_SCREENS) as MyPageScreenId[]).map((id) => ({ id, ...MY_PAGE_SCREENS[id] }));

/** The sections' layout parts for this screen. */
const partsOf = (props: MyPageView): LayoutParts =>
  layoutParts(props.layout, { user: props.user, token: props.csrfToken, screen: typeof props.current === 'string' ? props.current : props.current.path });

/** The smart-device menu's items: the screens, the sections' screens, then the sections' links and last items. */
const SpMenuItems = (props: MyPageView & { parts: LayoutParts }) => (
  <ul>
    {navItems.map((item) => (
      <li>
        <a href={item.path}>{item.title}</a>
      </li>
    ))}
    {(props.sectionNav ?? []).map((link) => (
      <li>
        <a href={link.path}>{link.label}</a>
      </li>
    ))}
    {props.parts.menuLinks.map((item) => (
      <li>
        <a href="/mypage">{item}</a>
      </li>
    ))}
    {props.parts.menuEnd.map((item) => (
      <li>{item}</li>
    ))}
  </ul>
);

const MyPageHeader = (props: MyPageView & { parts: LayoutParts }) => {
  const { parts } = props;
  const scrolls = parts.menuScrolls ? 'max-height:calc(100vh - 72px);overflow-y:auto' : undefined;
  const logo = (
    <a class="logo" href="/mypage">
      <span class="main">{SITE_NAME}</span>
      <span class="sub">求職者マイページ</span>
    </a>
  );
  const pcLinks = (
    <div class="header-links pc-only">
      <span class="user-name">{props.user.name}様</span>
      {parts.pcHeader}
    </div>
  );
  const globalNav = (
    <nav class="global-nav pc-only" aria-label="求職者マイページのメニュー">
      <ul>
        {navItems.map((item) => (
          <li>
            <a href={item.path} aria-current={item.id === props.current ? 'page' : undefined}>
              {item.title}
            </a>
          </li>
        ))}
        {(props.sectionNav ?? []).map((link) => (
          <li>
            <a href={link.path} aria-current={isCurrent(props.current, link.path) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
  // A <details> disclosure instead of the button and its popover, or no menu at all, when a section's layout says so.
  const menuControl =
    parts.menu === 'none' ? null : parts.menu === 'details' ? (
      <>
        <style dangerouslySetInnerHTML={{ __html: spMenuDetailsCss }} />
        <details class="sp-menu-disclosure">
          <summary>{MENU_SUMMARY_TEXT}</summary>
          <nav style={scrolls}>
            <SpMenuItems {...props} />
          </nav>
        </details>
      </>
    ) : (
      <button type="button" class="sp-menu-button" popovertarget="sp-menu">
        <span class="icon" aria-hidden="true">
          ≡
        </span>
        <span>メニュー</span>
      </button>
    );
  const spMenu =
    parts.menu === 'details' ? null : (
      <nav id="sp-menu" popover="auto" aria-label="メニュー" style={scrolls}>
        <SpMenuItems {...props} />
      </nav>
    );
  if (parts.pcHeaderInShadowRoot) {
    // The PC header (logo, name, the sections' header parts, navigation) in a shadow root; the smart-device header
    // (logo, menu) stays in the page, hidden at PC widths.
    return (
      <>
        <ShadowHeader css={helloworkCss} pcMinWidth={PC_MIN_WIDTH}>
          <header class="site-header">
            <div class="bar">
              {logo}
              {pcLinks}
            </div>
            {globalNav}
          </header>
        </ShadowHeader>
        <style dangerouslySetInnerHTML={{ __html: `@media (min-width:${PC_MIN_WIDTH}px) { .site-header.sp-header { display:none; } }` }} />
        <header class="site-header sp-header">
          <div class="bar">
            {logo}
            {menuControl}
          </div>
          {spMenu}
        </header>
      </>
    );
  }
  return (
    <header class="site-header">
      <div class="bar">
        {logo}
        {pcLinks}
        {menuControl}
      </div>
      {globalNav}
      {spMenu}
    </header>
  );
};

/** A My Page screen: header (with the sections' parts), title, content; also what a manual section's screen is rendered in. */
export const MyPageDocument = (props: MyPageView & { children: Child }) => {
  const parts = partsOf(props);
  return (
    <Document title={`${titleOf(props.current)}｜${SITE_NAME}`}>
      <MyPageHeader {...props} parts={parts} />
      <main>
        <h1>{titleOf(props.current)}</h1>
        {props.children}
        {parts.contentEnd}
        {parts.pageEnd}
      </main>
    </Document>
  );
};

const Sidebar = (props: { user: JobSeeker; newMessages?: number }) => (
  <aside class="card sidebar" aria-label="利用者情報">
    <p class="greeting">{props.user.name}様</p>
    <dl>
      <dt>利用安定所名</dt>
      <dd>{props.user.office}</dd>
      <dt>新着メッセージ</dt>
      <dd>
        <a href="/mypage/messages">{props.newMessages ?? props.user.newMessages}件</a>
      </dd>
      <dt>求職公開状況</dt>
      <dd>{props.user.publicationStatus}</dd>
      <dt>応募中の求人</dt>
      <dd>{props.user.applications.length > 0 ? props.user.applications.join('、') : 'なし'}</dd>
    </dl>
    <a class="btn secondary" href="/mypage/applications">
      応募中の求人を全て表示
    </a>
  </aside>
);

export const JOB = {
  title: '介護福祉士',
  rows: [
    ['求人区分', 'フルタイム(障)'],
    ['就業時間', '(1)08時00分~18時00分'],
    ['休日', '土日祝'],
    ['就業場所', '東京都千代田区'],
    ['仕事の内容', 'グループホーム(2ユニット:18人定員)にて、ご利用者様に対する生活全般の介護サービスを提供いたします。(主な業務)'],
    ['雇用形態', '正社員'],
    ['賃金(手当等を含む)', '205,000円~290,000円'],
  ],
} as const;

const JobCard = () => (
  <article class="card job-card" aria-label={JOB.title}>
    <h3>{JOB.title}</h3>
    <dl class="job">
      {JOB.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  </article>
);

export const MyPageHome = (props: MyPageView) => (
  <MyPageDocument {...props}>
    <div class="mypage-layout">
      <section aria-labelledby="sec-new-jobs">
        <h2 id="sec-new-jobs">保存した検索条件の新着求人</h2>
        <JobCard />
      </section>
      <Sidebar user={props.user} newMessages={props.site?.newMessages?.(props.user.newMessages)} />
    </div>
  </MyPageDocument>
);

export const MyPageSearch = (props: MyPageView) => (
  <MyPageDocument {...props}>
    <form class="card tall" method="get" action="/mypage/search">
      <div class="form-row">
        <label for="q-occupation">職種</label>
        <input id="q-occupation" name="occupation" type="text" />
      </div>
      <div class="form-row">
        <label for="q-place">就業場所</label>
        <select id="q-place" name="place">
          <option>東京都</option>
          <option>神奈川県</option>
          <option>大阪府</option>
        </select>
      </div>
      <div class="form-row">
        <label for="q-keyword">フリーワード</label>
        <input id="q-keyword" name="keyword" type="text" />
      </div>
      <button class="btn" type="submit">
        検索
      </button>
    </form>
  </MyPageDocument>
);

export const MyPageMessages = (props: MyPageView) => (
  <MyPageDocument {...props}>
    <section class="card" aria-label="受信メッセージ">
      <ul class="message-list">
        <li>【{props.user.office}】紹介状の発行について</li>
        <li>【{props.user.office}】職業相談の予約確認</li>
      </ul>
    </section>
  </MyPageDocument>
);

export const MyPageApplications = (props: MyPageView) => (
  <MyPageDocument {...props}>{props.user.applications.length > 0 ? <JobCard /> : <p>応募中の求人はありません。</p>}</MyPageDocument>
);

export const ErrorPage = (props: { status: number; message: string }) => (
  <Document title={`エラー｜${SITE_NAME}`}>
    <PublicHeader />
    <main>
      <h1>エラー（{props.status}）</h1>
      <p role="alert">{props.message}</p>
      <a href="/">トップ画面へ</a>
    </main>
  </Document>
);

/** What a screen not found (SiteChanges.screensNotFound) answers instead of itself (404), logged in or not. */
export const NotFoundPage = () => (
  <Document title={`${NOT_FOUND_TITLE}｜${SITE_NAME}`}>
    <PublicHeader />
    <main>
      <h1>{NOT_FOUND_TITLE}</h1>
      <p>{NOT_FOUND_MESSAGE}</p>
      <a href="/">トップ画面へ</a>
    </main>
  </Document>
);
