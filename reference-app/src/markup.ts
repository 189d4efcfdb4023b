/**
 * The two markups of the HelloWork stand-in (no imports: the suite and its tests may load this).
 *
 * - `bundled`: the suite's own markup, one origin `http://hellowork.localhost:<port>` (headings, labels,
 *   a popover menu).
 * - `hellowork`: mimics the structure of the real HelloWork Internet Service, from public traces:
 *   the top page on `www.hellowork.localhost:<port>`, login and 求職者マイページ on
 *   `kyushoku.hellowork.localhost:<port>` under `/kyushoku/`, Struts-style screens
 *   (`GEAA040010.do?action=initDisp&screenId=GEAA040010`), a `div.page_title` instead of a heading,
 *   fields without labels, a `JSESSIONID` cookie on `Path=/kyushoku`, PC and smart-device headers both
 *   in the DOM with duplicate ids.
 *
 * Both share accounts, sessions, the マイナポータル stand-in and every deviation. Chromium resolves every
 * `*.localhost` name to loopback, so one port serves all hosts (dispatch on the Host header).
 */

export const MARKUPS = ['bundled', 'hellowork'] as const;
export type Markup = (typeof MARKUPS)[number];

/** Reads REFERENCE_MARKUP (default `bundled`); anything else is an error naming the known markups. */
export function parseMarkup(raw: string | undefined): Markup {
  const value = (raw ?? '').trim();
  if (value === '') return 'bundled';
  if ((MARKUPS as readonly string[]).includes(value)) return value as Markup;
  throw new Error(`REFERENCE_MARKUP must be one of ${MARKUPS.join(', ')}, got "${raw}"`);
}

export interface HelloWorkOrigins {
  /** Origin of the top page (ハローワークインターネットサービスのトップ画面). */
  readonly top: string;
  /** Origin of login and 求職者マイページ (the OpenID Connect relying party's redirect URIs live here). */
  readonly mypage: string;
  /** Another origin serving the same top-page HTML: served only when a deviation asks (SiteChanges.mirrorServesTop). */
  readonly mirror: string;
}

/** The HelloWork stand-in's origins for a port and markup. */
export function helloworkOrigins(port: number | string, markup: Markup = 'bundled'): HelloWorkOrigins {
  const p = port === '' ? '' : `:${port}`;
  if (markup === 'hellowork') {
    return {
      top: `http://${HELLOWORK_HOSTS.top}${p}`,
      mypage: `http://${HELLOWORK_HOSTS.mypage}${p}`,
      mirror: `http://${HELLOWORK_HOSTS.mirror}${p}`,
    };
  }
  return {
    top: `http://${BUNDLED_HOSTS.top}${p}`,
    mypage: `http://${BUNDLED_HOSTS.top}${p}`,
    mirror: `http://${BUNDLED_HOSTS.mirror}${p}`,
  };
}

/** Host names of the bundled markup (it answers on any host; the mirror only matters to SiteChanges.mirrorServesTop). */
export const BUNDLED_HOSTS = {
  top: 'hellowork.localhost',
  mirror: 'hellowork-mirror.localhost',
} as const;

/** Host names of the hellowork markup (without the port). */
export const HELLOWORK_HOSTS = {
  top: 'www.hellowork.localhost',
  mypage: 'kyushoku.hellowork.localhost',
  mirror: 'www2.hellowork.localhost',
} as const;

/** A Struts-style screen address: `/kyushoku/<id>.do?action=<action>&screenId=<id>`. */
export function screenPath(screenId: string, action = 'initDisp'): string {
  return `/kyushoku/${screenId}.do?action=${action}&screenId=${screenId}`;
}

/** The login screen of the hellowork markup. */
export const HELLOWORK_LOGIN = {
  screenId: 'GEAA040010',
  path: screenPath('GEAA040010'),
  /** The form posts here (fields loginMailTxt, loginPasswordTxt). */
  submitPath: screenPath('GEAA040010', 'login'),
  pageTitle: '求職者マイページログイン',
} as const;

/** The name of the hidden CSRF field of the hellowork markup's forms (as a Struts app names it). */
export const HELLOWORK_TOKEN_FIELD = 'org.apache.struts.taglib.html.TOKEN';

export interface HelloWorkScreen {
  readonly screenId: string;
  /** The screen's address, e.g. /kyushoku/GEAB010010.do?action=initDisp&screenId=GEAB010010. */
  readonly path: string;
  /** The screen's name in the manual (and in the features' Examples tables). */
  readonly manualName: string;
  /** The text of its `div.page_title`: the manual's name on the home screen (as the manual's figure shows it), its own words elsewhere. */
  readonly pageTitle: string;
}

const screen = (screenId: string, manualName: string, pageTitle: string): HelloWorkScreen => ({ screenId, path: screenPath(screenId), manualName, pageTitle });

/** 求職者マイページ's screens in the hellowork markup, keyed like the bundled MY_PAGE_SCREENS. */
export const HELLOWORK_SCREENS = {
  home: screen('GEAB010010', '求職者マイページホーム', '求職者マイページホーム'),
  search: screen('GECA110010', '求人情報検索', '求人情報検索・一覧'),
  messages: screen('GEAC030010', 'メッセージ', 'メッセージ一覧'),
  applications: screen('GEAD050010', '応募中の求人', '応募中求人一覧'),
} as const satisfies Record<string, HelloWorkScreen>;
export type HelloWorkScreenKey = keyof typeof HELLOWORK_SCREENS;

/** The screen shown (status 200) for a My Page address without a live session. */
export const HELLOWORK_ENDED_SESSION = {
  pageTitle: 'ログインエラー',
  message: 'ログインしていないか、セッションの有効期限が切れました。再度ログインしてください。',
  loginLink: 'ログイン画面へ',
} as const;

/** Paths of the マイナポータル login (OpenID Connect relying party) in the hellowork markup. */
export const HELLOWORK_MYNAPORTAL_PATHS = {
  start: '/kyushoku/auth/mynaportal',
  callback: '/kyushoku/auth/mynaportal/callback',
  backchannel: '/kyushoku/auth/mynaportal/backchannel-logout',
} as const;

export const HELLOWORK_SESSION_COOKIE = 'JSESSIONID';
export const HELLOWORK_COOKIE_PATH = '/kyushoku';
/** The breakpoint between the smart-device header (below) and the PC header (at and above). */
export const HELLOWORK_PC_MIN_WIDTH = 768;
export const HELLOWORK_TITLE_SUFFIX = '｜ハローワークインターネットサービス';
export const HELLOWORK_TOP_TITLE = 'ハローワークインターネットサービス - トップページ';
