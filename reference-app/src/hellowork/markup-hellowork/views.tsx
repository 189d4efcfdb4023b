// biome-ignore-all lint/a11y/useValidAnchor: links to screens this stand-in does not have are placeholders (href="#"), and the smart-device menu button is a javascript:void(0) link as on the real site.
/**
 * The `hellowork` markup: screens built like the real HelloWork Internet Service (public traces),
 * not like the suite's own bundled markup. Titles are `div.page_title` (no headings on My Page),
 * form fields sit in tables without labels, and the PC and smart-device headers are both in the
 * DOM (one hidden by a media query), with duplicate ids as such sites have.
 */
import type { Child } from 'hono/jsx';
import type { JobSeeker } from '../../accounts.ts';
import {
  HELLOWORK_ENDED_SESSION,
  HELLOWORK_LOGIN,
  HELLOWORK_PC_MIN_WIDTH,
  HELLOWORK_SCREENS,
  HELLOWORK_TITLE_SUFFIX,
  HELLOWORK_TOKEN_FIELD,
  HELLOWORK_TOP_TITLE,
  type HelloWorkOrigins,
  type HelloWorkScreenKey,
} from '../../markup.ts';
import { type LayoutParts, layoutParts, type MyPageLayout, type SectionNavLink, type SiteChanges } from '../../sections/kit.ts';
import { MENU_SUMMARY_TEXT, NOT_FOUND_MESSAGE, NOT_FOUND_TITLE, ShadowHeader } from '../deviation-markup.tsx';
import { type AddedScreen, JOB } from '../views.tsx';
import { kyushokuCss, spMenuDetailsCss } from './styles.ts';

export const TOP_CSS_PATH = '/common/css/top.css';
export const KYUSHOKU_CSS_PATH = '/kyushoku/common/css/kyushoku.css';

const svg = (body: string, w: number, h: number) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`)}`;

/** The logo: an image with the site's name drawn in it (its alt text is its accessible name). */
const LOGO = svg(
  '<circle cx="18" cy="24" r="14" fill="#0068b7"/><circle cx="30" cy="24" r="14" fill="#f08300" fill-opacity=".85"/>' +
    '<text x="52" y="25" font-family="IPAPGothic,IPAGothic,sans-serif" font-size="19" font-weight="bold" fill="#00417a">ハローワーク</text>' +
    '<text x="53" y="42" font-family="IPAPGothic,IPAGothic,sans-serif" font-size="11" fill="#0068b7">インターネットサービス</text>',
  210,
  48,
);
/** The menu button's href, as the real site writes it (the click is handled by MENU_SCRIPT). */
const VOID_HREF = ['javascript', 'void(0)'].join(':');
/** The smart-device menu icon: three bars. */
const MENU_ICON = svg('<path d="M5 8h22M5 16h22M5 24h22" stroke="#0068b7" stroke-width="3" stroke-linecap="round"/>', 32, 32);

const Page = (props: { title: string; css: string; bodyClass: string; children: Child }) => (
  <html lang="ja">
    <head>
      <meta charset="UTF-8" />
      <meta http-equiv="X-UA-Compatible" content="IE=edge" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <link rel="stylesheet" type="text/css" href={props.css} />
    </head>
    <body class={props.bodyClass}>{props.children}</body>
  </html>
);

const Footer = () => (
  <div id="ID_footer" class="footer">
    <ul class="footer_link">
      <li>
        <a href="#">サイトマップ</a>
      </li>
      <li>
        <a href="#">利用規約</a>
      </li>
      <li>
        <a href="#">プライバシーポリシー</a>
      </li>
    </ul>
    <p class="copyright">Copyright © Ministry of Health, Labour and Welfare. All Rights Reserved.（参照実装・試験用）</p>
  </div>
);

// ---------------------------------------------------------------- top page (www host)

const PREFECTURES = [
  ['北海道・東北', ['北海道', '青森', '岩手', '宮城', '秋田', '山形', '福島']],
  ['関東', ['茨城', '栃木', '群馬', '埼玉', '千葉', '東京', '神奈川']],
  ['中部', ['新潟', '富山', '石川', '福井', '山梨', '長野', '岐阜', '静岡', '愛知']],
  ['近畿', ['三重', '滋賀', '京都', '大阪', '兵庫', '奈良', '和歌山']],
  ['中国・四国', ['鳥取', '島根', '岡山', '広島', '山口', '徳島', '香川', '愛媛', '高知']],
  ['九州・沖縄', ['福岡', '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '沖縄']],
] as const;

export const TopPage = (props: { origins: HelloWorkOrigins; site?: SiteChanges }) => (
  <Page title={HELLOWORK_TOP_TITLE} css={TOP_CSS_PATH} bodyClass="top">
    <header id="top_header">
      <div class="header_inner">
        <h1 class="header_logo">
          <a href="/">
            <img src={LOGO} alt="ハローワークインターネットサービス" width="210" height="48" />
          </a>
        </h1>
        <ul class="header_menu">
          <li>
            <a href="#ID_shozaichi">ハローワークの所在地</a>
          </li>
          <li>
            <a href="#">サイトマップ</a>
          </li>
          <li>
            <a href="#">English</a>
          </li>
        </ul>
      </div>
    </header>
    <div id="top_main" class="top_main">
      <div class="top_boxes">
        <div class="top_box top_box_kyushoku">
          <p class="box_ttl">仕事をお探しの方</p>
          <a class="btn_search" href="#">
            求人情報検索
          </a>
          <p class="box_txt">求職者マイページをお持ちの方は、ログインして求人情報検索などのメニューをご利用ください。</p>
          <a id="ID_loginLink" class="btn_login" href={`${props.origins.mypage}${HELLOWORK_LOGIN.path}`}>
            求職者マイページにログイン
          </a>
          <a class="link_arrow" href="#">
            求職者マイページアカウント作成
          </a>
        </div>
        {props.site?.topWithoutEmployers ? null : (
          <div class="top_box top_box_kyujin">
            <p class="box_ttl">事業者の方</p>
            <a class="btn_search" href="#">
              求職情報検索
            </a>
            <p class="box_txt">求人者マイページをお持ちの方は、ログインして求人申込みなどのメニューをご利用ください。</p>
            <a id="ID_kyujinLoginLink" class="btn_login" href="#">
              求人者マイページにログイン
            </a>
          </div>
        )}
        <div class="top_box top_box_teikyo">
          <p class="box_ttl">ハローワーク求人・求職情報提供サービスをご利用の方</p>
          <p class="box_txt">地方自治体、民間人材ビジネスなどの方は、ログインして求人・求職情報提供サービスをご利用ください。</p>
          <a id="ID_teikyoLoginLink" class="btn_login" href="#">
            ログイン
          </a>
        </div>
      </div>
      <div id="ID_shozaichi" class="shozaichi_box">
        <p class="box_ttl">ハローワークなどの所在地情報</p>
        <dl class="pref_list">
          {PREFECTURES.map(([area, prefs]) => (
            <>
              <dt>{area}</dt>
              <dd>
                {prefs.map((p) => (
                  <a href="#">{p}</a>
                ))}
              </dd>
            </>
          ))}
        </dl>
      </div>
    </div>
    <Footer />
  </Page>
);

// ---------------------------------------------------------------- kyushoku host, public screens

const PublicHeader = () => (
  <div id="ID_header_public" class="header_public">
    <div class="header_inner">
      <a class="logo" href={HELLOWORK_LOGIN.path}>
        <img src={LOGO} alt="ハローワークインターネットサービス" width="210" height="48" />
      </a>
    </div>
  </div>
);

const PublicScreen = (props: { pageTitle: string; children: Child }) => (
  <Page title={`${props.pageTitle}${HELLOWORK_TITLE_SUFFIX}`} css={KYUSHOKU_CSS_PATH} bodyClass="kyushoku public">
    <PublicHeader />
    <div id="ID_ID_container" class="container">
      <div class="page_title">{props.pageTitle}</div>
      {props.children}
    </div>
    <Footer />
  </Page>
);

/** After the password, for accounts with a second factor: the one-time password sent by e-mail. */
export const OneTimePasswordScreen = () => (
  <PublicScreen pageTitle="ワンタイムパスワード入力">
    <div class="login_area">
      <p class="lead">登録したメールアドレスに送信したワンタイムパスワードを入力してください。</p>
      <form name="GEAA040020Form" method="post" action="#">
        <table class="tbl_input">
          <tbody>
            <tr>
              <th>ワンタイムパスワード</th>
              <td>
                <input id="ID_otpTxt" name="otpTxt" type="text" class="txt_short" maxlength={6} autocomplete="one-time-code" />
              </td>
            </tr>
          </tbody>
        </table>
        <div class="btn_area">
          <input type="submit" id="ID_otpBtn" class="btn_primary" value="認証" />
        </div>
      </form>
    </div>
  </PublicScreen>
);

export const LoginScreen = (props: { error?: string; mynaportalStart?: string }) => (
  <PublicScreen pageTitle={HELLOWORK_LOGIN.pageTitle}>
    {props.error ? (
      <div class="err_msg">
        <p>{props.error}</p>
      </div>
    ) : null}
    <div class="login_area">
      <p class="lead">登録したメールアドレスとパスワードを入力して、「ログイン」ボタンを押してください。</p>
      <form name="GEAA040010Form" method="post" action={HELLOWORK_LOGIN.submitPath}>
        <table class="tbl_input">
          <tbody>
            <tr>
              <th>メールアドレス</th>
              <td>
                <input id="ID_loginMailTxt" name="loginMailTxt" type="text" class="txt_long" maxlength={256} autocomplete="username" />
              </td>
            </tr>
            <tr>
              <th>パスワード</th>
              <td>
                <input id="ID_loginPasswordTxt" name="loginPasswordTxt" type="password" class="txt_long" maxlength={64} autocomplete="current-password" />
              </td>
            </tr>
          </tbody>
        </table>
        <div class="btn_area">
          <input type="submit" id="ID_loginBtn" name="loginBtn" class="btn_primary" value="ログイン" />
        </div>
      </form>
      <p class="sub_link">
        <a href="#">パスワードを忘れた方</a>
      </p>
    </div>
    {props.mynaportalStart ? (
      <div class="myna_area">
        <p class="box_ttl">マイナポータルをご利用の方</p>
        <p>マイナンバーカードでマイナポータルにログインして、求職者マイページをご利用いただけます。</p>
        <a id="ID_mynaLoginLink" class="btn_sub" href={props.mynaportalStart}>
          マイナポータルからログイン
        </a>
      </div>
    ) : null}
  </PublicScreen>
);

/** A My Page address without a live session: this screen, status 200, no redirect. */
export const EndedSessionScreen = () => (
  <PublicScreen pageTitle={HELLOWORK_ENDED_SESSION.pageTitle}>
    <div class="err_msg">
      <p>{HELLOWORK_ENDED_SESSION.message}</p>
    </div>
    <p class="btn_area">
      <a id="ID_toLoginLink" class="btn_sub" href={HELLOWORK_LOGIN.path}>
        {HELLOWORK_ENDED_SESSION.loginLink}
      </a>
    </p>
  </PublicScreen>
);

/** What a screen not found (SiteChanges.screensNotFound) answers instead of itself (404), logged in or not. */
export const NotFoundScreen = () => (
  <PublicScreen pageTitle={NOT_FOUND_TITLE}>
    <div class="err_msg">
      <p>{NOT_FOUND_MESSAGE}</p>
    </div>
    <p class="btn_area">
      <a class="btn_sub" href={HELLOWORK_SCREENS.home.path}>
        求職者マイページホームへ
      </a>
    </p>
  </PublicScreen>
);

export const ErrorScreen = (props: { message: string }) => (
  <PublicScreen pageTitle="エラー">
    <div class="err_msg">
      <p>{props.message}</p>
    </div>
    <p class="btn_area">
      <a class="btn_sub" href={HELLOWORK_LOGIN.path}>
        ログイン画面へ
      </a>
    </p>
  </PublicScreen>
);

// ---------------------------------------------------------------- 求職者マイページ

export interface ScreenView {
  readonly user: JobSeeker;
  readonly token: string;
  /** A built-in screen, or one a manual section added (reference-app/src/sections/). */
  readonly current: HelloWorkScreenKey | AddedScreen;
  /** What the sections' deviations changed of the site (none: as usual). */
  readonly site?: SiteChanges;
  /** Links to the screens the manual sections added, after the built-in ones in both menus (none: the menus as they are). */
  readonly sectionNav?: readonly SectionNavLink[];
  /** The manual sections' parts of the layout (reference-app/src/sections/kit.ts). */
  readonly layout?: readonly MyPageLayout[];
}

const pageTitleOf = (current: ScreenView['current']) => (typeof current === 'string' ? HELLOWORK_SCREENS[current].pageTitle : current.title);

const SCREEN_KEYS = Object.keys(HELLOWORK_SCREENS) as HelloWorkScreenKey[];

/** The smart-device menu's contents: the screens, the sections' screens and links, then the sections' last items. */
const SpMenuContents = (props: ScreenView & { parts: LayoutParts }) => (
  <>
    <ul class="sp_menu_list">
      {SCREEN_KEYS.map((key) => (
        <li>
          <a href={HELLOWORK_SCREENS[key].path}>{HELLOWORK_SCREENS[key].pageTitle}</a>
        </li>
      ))}
      {(props.sectionNav ?? []).map((link) => (
        <li>
          <a href={link.path}>{link.label}</a>
        </li>
      ))}
      {props.parts.menuLinks.map((item) => (
        <li class="sp_menu_info">
          <a href="#">{item}</a>
        </li>
      ))}
    </ul>
    {props.parts.menuEnd.map((item) => (
      <div class="sp_menu_logout">{item}</div>
    ))}
  </>
);

const Headers = (props: ScreenView & { parts: LayoutParts }) => {
  const { parts } = props;
  const name = `${props.user.name}様`;
  const headerPc = (
    <div id="ID_header_pc" class="header_pc">
      <div class="header_inner">
        <a class="logo" href={HELLOWORK_SCREENS.home.path}>
          <img src={LOGO} alt="ハローワークインターネットサービス 求職者マイページ" width="210" height="48" />
        </a>
        <span class="site_sub">求職者マイページ</span>
        <div class="header_user">
          <span class="user_name">{name}</span>
          {parts.pcHeader}
        </div>
      </div>
      <div class="gnavi">
        <ul>
          {SCREEN_KEYS.map((key) => (
            <li class={key === props.current ? 'current' : undefined}>
              <a href={HELLOWORK_SCREENS[key].path}>{HELLOWORK_SCREENS[key].pageTitle}</a>
            </li>
          ))}
          {(props.sectionNav ?? []).map((link) => (
            <li class={typeof props.current !== 'string' && props.current.path === link.path ? 'current' : undefined}>
              <a href={link.path}>{link.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
  // A <details> disclosure in the header instead of the image link and the #ID_spMenu panel, or no menu, when a section's layout says so.
  const menuControl =
    parts.menu === 'none' ? null : parts.menu === 'details' ? (
      <>
        <style dangerouslySetInnerHTML={{ __html: spMenuDetailsCss }} />
        <details class="sp_menu_details">
          <summary>{MENU_SUMMARY_TEXT}</summary>
          <nav>
            <SpMenuContents {...props} />
          </nav>
        </details>
      </>
    ) : (
      <a href={VOID_HREF} class="sp_menu_btn">
        <img alt="メニュー" src={MENU_ICON} width="32" height="32" />
      </a>
    );
  return (
    <>
      {/* The PC header inside <hw-header>'s shadow root, with its own copy of the stylesheet, when a section's layout says so. */}
      {parts.pcHeaderInShadowRoot ? (
        <ShadowHeader css={kyushokuCss} pcMinWidth={HELLOWORK_PC_MIN_WIDTH}>
          {headerPc}
        </ShadowHeader>
      ) : (
        headerPc
      )}
      <div id="ID_header_sp" class="header_sp">
        <a class="logo" href={HELLOWORK_SCREENS.home.path}>
          <img src={LOGO} alt="ハローワークインターネットサービス 求職者マイページ" width="150" height="34" />
        </a>
        <span class="user_name">{name}</span>
        {menuControl}
      </div>
      {parts.menu === 'details' ? null : (
        <div id="ID_spMenu" class="sp_menu">
          <SpMenuContents {...props} />
        </div>
      )}
    </>
  );
};

/** Opens and closes the smart-device menu; Escape closes it. */
const MENU_SCRIPT =
  "(function(){var m=document.getElementById('ID_spMenu'),b=document.querySelectorAll('.sp_menu_btn');if(!m)return;function set(o){m.className=o?'sp_menu is_open':'sp_menu';}for(var i=0;i<b.length;i++){b[i].addEventListener('click',function(e){e.preventDefault();set(m.className.indexOf('is_open')<0);});}document.addEventListener('keydown',function(e){if(e.key==='Escape'||e.key==='Esc')set(false);});})();";

/** A My Page screen: both headers (with the sections' parts), page title, content; also what a manual section's screen is rendered in. */
export const Screen = (props: ScreenView & { children: Child }) => {
  const pageTitle = pageTitleOf(props.current);
  const parts = layoutParts(props.layout, {
    user: props.user,
    token: props.token,
    screen: typeof props.current === 'string' ? props.current : props.current.path,
  });
  return (
    <Page title={`${pageTitle}${HELLOWORK_TITLE_SUFFIX}`} css={KYUSHOKU_CSS_PATH} bodyClass="kyushoku mypage">
      <Headers {...props} parts={parts} />
      <div id="ID_ID_container" class="container">
        <div class="page_title">{pageTitle}</div>
        {props.children}
        {parts.contentEnd}
      </div>
      <Footer />
      <script dangerouslySetInnerHTML={{ __html: MENU_SCRIPT }} />
      {parts.pageEnd}
    </Page>
  );
};

const JobBox = () => (
  <div class="kyujin_box">
    <p class="kyujin_ttl">{JOB.title}</p>
    <table class="tbl_kyujin">
      <tbody>
        {JOB.rows.map(([k, v]) => (
          <tr>
            <th>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <div class="kyujin_btn">
      <a class="btn_sub" href="#">
        詳細を表示
      </a>
    </div>
  </div>
);

export const HomeScreen = (props: ScreenView) => (
  <Screen {...props}>
    <div class="col_wrap">
      <div class="col_main">
        <p class="sec_ttl">保存した検索条件の新着求人</p>
        <JobBox />
      </div>
      <div class="col_side">
        <p class="side_name">{props.user.name}様</p>
        <table class="tbl_side">
          <tbody>
            <tr>
              <th>利用安定所名</th>
              <td>{props.user.office}</td>
            </tr>
            <tr>
              <th>新着メッセージ</th>
              <td>
                <a href={HELLOWORK_SCREENS.messages.path}>{props.user.newMessages}件</a>
              </td>
            </tr>
            <tr>
              <th>求職公開状況</th>
              <td>{props.user.publicationStatus}</td>
            </tr>
            <tr>
              <th>応募中の求人</th>
              <td>{props.user.applications.length > 0 ? props.user.applications.join('、') : 'なし'}</td>
            </tr>
          </tbody>
        </table>
        <a class="btn_sub btn_block" href={HELLOWORK_SCREENS.applications.path}>
          応募中の求人を全て表示
        </a>
      </div>
    </div>
  </Screen>
);

export const SearchScreen = (props: ScreenView) => (
  <Screen {...props}>
    <form
      name="GECA110010Form"
      method="post"
      action={`/kyushoku/${HELLOWORK_SCREENS.search.screenId}.do?action=search&screenId=${HELLOWORK_SCREENS.search.screenId}`}
    >
      <input type="hidden" name={HELLOWORK_TOKEN_FIELD} value={props.token} />
      <table class="tbl_input">
        <tbody>
          <tr>
            <th>職種</th>
            <td>
              <input id="ID_shokushuTxt" name="shokushuTxt" type="text" class="txt_long" />
            </td>
          </tr>
          <tr>
            <th>就業場所</th>
            <td>
              <select id="ID_todofukenSel" name="todofukenSel">
                <option value="13">東京都</option>
                <option value="14">神奈川県</option>
                <option value="27">大阪府</option>
              </select>
            </td>
          </tr>
          <tr>
            <th>フリーワード</th>
            <td>
              <input id="ID_freeWordTxt" name="freeWordTxt" type="text" class="txt_long" />
            </td>
          </tr>
        </tbody>
      </table>
      <div class="btn_area">
        <input type="submit" id="ID_searchBtn" name="searchBtn" class="btn_primary" value="検索" />
      </div>
    </form>
    <p class="result_count">検索結果 1件</p>
    <JobBox />
  </Screen>
);

export const MessagesScreen = (props: ScreenView) => (
  <Screen {...props}>
    <table class="tbl_list">
      <thead>
        <tr>
          <th>受信日</th>
          <th>件名</th>
          <th>送信元</th>
        </tr>
      </thead>
      <tbody>
        <tr class="unread">
          <td>2026/04/03</td>
          <td>
            <a href="#">紹介状の発行について</a>
          </td>
          <td>{props.user.office}</td>
        </tr>
        <tr class="unread">
          <td>2026/04/01</td>
          <td>
            <a href="#">職業相談の予約確認</a>
          </td>
          <td>{props.user.office}</td>
        </tr>
      </tbody>
    </table>
  </Screen>
);

export const ApplicationsScreen = (props: ScreenView) => (
  <Screen {...props}>{props.user.applications.length > 0 ? <JobBox /> : <p class="no_data">応募中の求人はありません。</p>}</Screen>
);

export const SCREEN_VIEWS = {
  home: HomeScreen,
  search: SearchScreen,
  messages: MessagesScreen,
  applications: ApplicationsScreen,
} as const satisfies Record<HelloWorkScreenKey, (v: ScreenView) => unknown>;
