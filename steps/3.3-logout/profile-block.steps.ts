/**
 * §3.3's words for `npm run target:check` (steps/define.ts): the top page's blocks as the figure of 3.3(1)② shows
 * them, and how to look for each entry of §3.3's profile block (pages/3.3-logout/profile.ts) — the manual's
 * ログアウト and マイナポータル, 3.3(2)①'s 「画面上部にあるメニュー」 and the panel it opens.
 */
import { LOGOUT_BLOCK } from '../../pages/3.3-logout/profile.ts';
import { defineEntryWords, defineProfileBlock } from '../define.ts';
import { MY_PAGE_HOME, MYNA_PORTAL, TOP_PAGE } from './manual-text.ts';

defineEntryWords({ topSections: TOP_PAGE.sections, topOther: TOP_PAGE.officeInfo });

const logout = { word: MY_PAGE_HOME.logout, whole: true };
defineProfileBlock({
  block: LOGOUT_BLOCK,
  looks: [
    { key: 'mynaportalEntry', on: 'login', word: { word: MYNA_PORTAL.name, whole: false } },
    { key: 'logout', on: 'pc', word: logout, logsOut: true },
    { key: 'menuButton', on: 'sp', word: { word: 'メニュー', whole: false } },
    { key: 'menuPanel', on: 'sp', after: 'menuButton' },
    { key: 'menuLogout', on: 'sp', within: 'menuPanel', word: logout },
  ],
});
