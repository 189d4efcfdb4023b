/**
 * §3.3 「求職者マイページをログアウトする」 in the HelloWork stand-in: the ログアウト button in the PC header, ログアウト as the
 * smart-device menu's last item, the logout they post to (the session ends, the cookie goes, the browser lands on the
 * top page), and every deviation of this section's catalogue (deviations.json) that changes them.
 */
import type { Child } from 'hono/jsx';
import { TOP_COPY_PATH } from '../../hellowork/deviation-markup.tsx';
import type { Session, SessionStore } from '../../hellowork/sessions.ts';
import { HELLOWORK_TOKEN_FIELD, type Markup, screenPath } from '../../markup.ts';
import type { ActionContext, LayoutView, SectionKit } from '../kit.ts';
import { ConfirmLogout, CoverBanner, EXTRA_MENU_ITEMS, FirstClickIgnored } from './deviation-markup.tsx';

/** Where the logout forms post, in each markup. */
export const LOGOUT_PATH = { bundled: '/mypage/logout', hellowork: screenPath('GEAA040010', 'logout') } as const satisfies Record<Markup, string>;

/** The `slow-logout` deviation's delay (SLOW_LOGOUT_MS overrides it). */
export const SLOW_LOGOUT_MS = 20_000;
/** The `late-single-logout` deviation's delay (LATE_LOGOUT_MS overrides it). */
export const LATE_LOGOUT_MS = 3000;
/** The longest either delay may be set to. */
const MAX_DELAY_MS = 600_000;

/** The 応募中の求人 screen (the built-in screens' key in both markups). */
const APPLICATIONS = 'applications';
const RETIRED_MAX = 1000;

/** A logout form: the bundled markup's button, or the hellowork markup's submit input (Struts token, duplicate id). */
function logoutForm(markup: Markup, view: LayoutView, options: { label: string; newTab: boolean; place: 'header' | 'menu' }): Child {
  const target = options.newTab ? '_blank' : undefined;
  if (markup === 'hellowork') {
    return (
      <form name="logoutForm" class="logout_form" method="post" action={LOGOUT_PATH.hellowork} target={target}>
        <input type="hidden" name={HELLOWORK_TOKEN_FIELD} value={view.token} />
        <input type="submit" id="ID_logoutBtn" name="logoutBtn" class={options.place === 'header' ? 'btn_logout' : 'btn_logout_sp'} value={options.label} />
      </form>
    );
  }
  return (
    <form class="inline-form" method="post" action={LOGOUT_PATH.bundled} target={target}>
      <input type="hidden" name="csrf_token" value={view.token} />
      <button type="submit" class={options.place === 'header' ? 'btn logout' : undefined}>
        {options.label}
      </button>
    </form>
  );
}

export function register(kit: SectionKit): void {
  const { markup, deviations: dev } = kit;
  const slowMs = kit.setting('SLOW_LOGOUT_MS', SLOW_LOGOUT_MS, MAX_DELAY_MS);
  const label = dev.has('logout-renamed') ? 'サインアウト' : markup === 'bundled' && dev.has('logout-label-halfwidth') ? 'ﾛｸﾞｱｳﾄ' : 'ログアウト';
  const newTab = dev.has('logout-new-tab');
  const unreachable = (view: LayoutView) => dev.has('logout-unreachable-on-subpage') && view.screen === APPLICATIONS;
  const forms = markup === 'hellowork' ? 'form.logout_form' : `form[action="${LOGOUT_PATH.bundled}"]`;

  // What the site does otherwise, for the deviations that change the site around the logout rather than its controls.
  const { site } = kit;
  if (dev.has('mypage-cacheable')) site.myPageCacheable = true;
  if (dev.has('screen-not-found')) site.screensNotFound.push(APPLICATIONS);
  if (dev.has('top-section-missing')) site.topWithoutEmployers = true;
  if (dev.has('top-sections-reordered')) site.topEmployersFirst = true;
  if (dev.has('logout-other-origin')) site.mirrorServesTop = true;
  if (dev.has('top-lookalike-on-mypage-host')) site.topCopyOnMyPageHost = true;
  if (dev.has('message-count-changed')) site.newMessages = (count) => count + 5;
  if (dev.has('mynaportal-backchannel')) site.joinsPortalSingleLogout = true;
  if (dev.has('late-single-logout')) site.endsSessionsAfterPortalLogoutMs = kit.setting('LATE_LOGOUT_MS', LATE_LOGOUT_MS, MAX_DELAY_MS);

  kit.myPageLayout({
    pcHeader: (view) =>
      unreachable(view) || dev.has('logout-missing-pc') || dev.has('logout-at-bottom') ? null : logoutForm(markup, view, { label, newTab, place: 'header' }),
    menuLinks: () => (dev.has('sp-logout-below-fold') ? EXTRA_MENU_ITEMS : []),
    menuEnd: (view) => (unreachable(view) || dev.has('sp-menu-without-logout') ? null : logoutForm(markup, view, { label, newTab, place: 'menu' })),
    // Deviation logout-at-bottom: the PC button below the content (the bundled markup's keeps its own word and shows on every screen).
    contentEnd: (view) => {
      if (!dev.has('logout-at-bottom')) return null;
      if (markup === 'bundled') {
        return <div class="page-bottom pc-only">{logoutForm(markup, view, { label: 'ログアウト', newTab, place: 'header' })}</div>;
      }
      return unreachable(view) ? null : <div class="bottom_logout pc_only">{logoutForm(markup, view, { label, newTab, place: 'header' })}</div>;
    },
    pageEnd: () => (
      <>
        {/* Deviation header-colour (looks only, the bundled markup's figures): My Page's header in crimson. */}
        {markup === 'bundled' && dev.has('header-colour') ? <style>{'.site-header{border-bottom-color:#c2185b}.global-nav{background:#c2185b}'}</style> : null}
        {dev.has('logout-covered') ? <CoverBanner target={markup === 'hellowork' ? '#ID_header_pc #ID_logoutBtn' : '.header-links .btn.logout'} /> : null}
        {dev.has('first-click-ignored') ? <FirstClickIgnored forms={forms} /> : null}
        {dev.has('logout-confirm-dialog') ? <ConfirmLogout forms={forms} /> : null}
      </>
    ),
    header: {
      pcHeaderInShadowRoot: dev.has('logout-in-shadow-header'),
      menu: dev.has('sp-menu-button-missing') ? 'none' : dev.has('sp-menu-details') ? 'details' : 'button',
      // The bundled markup's panel scrolls within the viewport; the hellowork markup's is as its stylesheet makes it.
      menuScrolls: markup === 'bundled' && dev.has('sp-logout-below-fold'),
    },
  });

  /** Sessions ended by logout that the `subscreen-served-after-logout` deviation still honours on the メッセージ screen. */
  const retired = new Map<string, Session>();
  const end = async (session: Session, sessions: SessionStore) => {
    if (dev.has('slow-logout')) await new Promise((resolve) => setTimeout(resolve, slowMs));
    // Deviation session-kept-after-logout: only the cookie goes, the server-side session lives on.
    if (!dev.has('session-kept-after-logout')) sessions.destroy(session.id);
    if (dev.has('subscreen-served-after-logout')) {
      retired.set(session.id, session);
      if (retired.size > RETIRED_MAX) {
        const oldest = retired.keys().next().value;
        if (oldest !== undefined) retired.delete(oldest);
      }
    }
  };
  if (dev.has('subscreen-served-after-logout')) kit.servesEndedSession((id, screen) => (screen === 'messages' ? retired.get(id) : undefined));

  kit.myPageAction({
    path: LOGOUT_PATH[markup],
    handle: async (action: ActionContext) => {
      const { session, origins } = action;
      await end(session, action.sessions);
      action.expireSessionCookie();
      if (dev.has('logout-to-login')) return action.loginPath;
      if (action.mynaportal && session.mynaportal && dev.has('mynaportal-rp-logout')) {
        // Deviation: the logout also ends the マイナポータル session (the manual says it does not).
        return (await action.mynaportal.endSessionUrl(session.mynaportal.idToken)).href;
      }
      if (dev.has('logout-other-origin')) return `${origins.mirror}/`;
      if (dev.has('top-lookalike-on-mypage-host')) return markup === 'hellowork' ? `${origins.mypage}${TOP_COPY_PATH.hellowork}` : TOP_COPY_PATH.bundled;
      return markup === 'hellowork' ? `${origins.top}/` : '/';
    },
  });
}
