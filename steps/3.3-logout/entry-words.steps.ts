/**
 * The words of §3.3 that the target profile's entries stand for, for `npm run target:check`'s candidates
 * (steps/define.ts defineEntryWords): the manual's ログアウト and マイナポータル, 3.3(2)①'s 「画面上部にあるメニュー」,
 * and the top page's blocks as the figure of 3.3(1)② shows them.
 */
import { defineEntryWords } from '../define.ts';
import { MY_PAGE_HOME, MYNA_PORTAL, TOP_PAGE } from './manual-figures.ts';

defineEntryWords({
  logout: MY_PAGE_HOME.logout,
  menu: 'メニュー',
  mynaportal: MYNA_PORTAL.name,
  topSections: TOP_PAGE.sections,
  topOther: TOP_PAGE.officeInfo,
});
