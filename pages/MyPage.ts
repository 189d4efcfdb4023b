import type { Locator, Page, Response } from '@playwright/test';
import type { ScreenConfig, SuiteConfig } from '../support/config.ts';
import { anyOf, foldedPattern, locate, locateAll, locateReading, type TargetProfile } from '../support/target-profile.ts';
import type { DialogWatch } from './dialogs.ts';
import { navigatingBy, press, whatIsOnTop } from './interact.ts';
import { type ControlOnScreen, describeScreen, USER_TAB, visibleControls } from './observe.ts';

/** The screen 求職者マイページ opens on after the login (one of the profile's screens). */
export const HOME_SCREEN = '求職者マイページホーム';

/** Where an element sits relative to the first viewport (document coordinates, CSS px). */
export interface Placement {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly viewportWidth: number;
  readonly viewportHeight: number;
}

/** 求職者マイページ: any of its screens, with the header they share, found as the target profile says (profile.myPage). */
export class MyPage {
  /** The PC logout control (the visible one: PC and smart-device headers may both be in the page). */
  readonly logoutControl: Locator;
  /** The menu control of the smart-device header. */
  readonly menuButton: Locator;
  /** The panel that the menu control opens. */
  readonly menu: Locator;
  /** ログアウト inside the opened menu. */
  readonly menuLogout: Locator;
  readonly profile: TargetProfile;

  constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
    private readonly touch: boolean,
    private readonly actionTimeout: number,
    /** The scenario's dialogs: a press answered by a dialog the suite dismisses stops its wait (pages/dialogs.ts). */
    private readonly dialogs?: DialogWatch,
  ) {
    const my = site.profile.myPage;
    this.profile = site.profile;
    this.logoutControl = locate(page, my.logout);
    this.menuButton = locate(page, my.menuButton);
    this.menu = locate(page, my.menuPanel);
    this.menuLogout = locate(this.menu, my.menuLogout);
  }

  screenNames(): string[] {
    return Object.keys(this.site.screens);
  }

  /** Whether the screen is configured (TARGET_MYPAGE_SCREENS may leave out a screen the site lacks). */
  has(name: string): boolean {
    return name in this.site.screens;
  }

  /** Why a screen cannot be opened: it is not configured (a scenario that starts from it is skipped with this reason). */
  notConfigured(name: string): string {
    return (
      `求職者マイページの「${name}」画面は設定されていないため、この画面から始まるシナリオは実行しません（設定済みの画面: ${this.screenNames().join('、')}。` +
      `プロファイル ${this.profile.name} の screens、または TARGET_MYPAGE_SCREENS）。`
    );
  }

  private screen(name: string): ScreenConfig {
    const screen = this.site.screens[name];
    if (!screen) {
      throw new Error(
        `求職者マイページに「${name}」という画面は設定されていません（設定済みの画面: ${this.screenNames().join('、')}）。プロファイル ${this.profile.name} の screens か TARGET_MYPAGE_SCREENS に加えてください。`,
      );
    }
    return screen;
  }

  /** Every title that names the screen, the manual's first. */
  titles(name: string): readonly string[] {
    return this.screen(name).titles;
  }

  /** Every title that names the screen, in words: 「求職者マイページホーム」または「マイページトップ」. */
  titlesOf(name: string): string {
    return this.screen(name).titles.map((t) => `「${t}」`).join('または');
  }

  /** The setting that defines the screen, in words (プロファイル hellowork の screens.メッセージ). */
  entryOf(name: string): string {
    return this.screen(name).entry;
  }

  urlOf(name: string): string {
    return this.screen(name).url;
  }

  /** The HTTP status of the last screen opened with open(), until the tab goes elsewhere. */
  #opened: { url: string; status: number } | undefined;

  /** Opens a My Page screen by name; returns the main response (for its headers). */
  async open(name: string): Promise<Response | null> {
    this.#opened = undefined;
    const response = await this.page.goto(this.screen(name).url);
    if (response) this.#opened = { url: this.page.url(), status: response.status() };
    return response;
  }

  /**
   * What the tab shows after open(name) failed to show the screen: an HTTP error is said first, naming the setting
   * that gives the screen's address (a 404 is a wrong address, not a screen that looks different).
   */
  async describeOpened(name: string): Promise<string> {
    const opened = this.#opened?.url === this.page.url() ? this.#opened : undefined;
    const screen = this.site.screens[name];
    const failed = opened && opened.status >= 400 && screen ? `「${name}」（${screen.entry}: ${screen.url}）を開くと HTTP ${opened.status} が返りました。` : '';
    return `${failed}${await describeScreen(this.page, this.profile.screenTitle, USER_TAB, opened?.status)}`;
  }

  /** The element naming the given screen (profile.screenTitle reading that screen's title). */
  screenTitle(name: string): Locator {
    return locateReading(this.page, this.profile.screenTitle, this.screen(name).titles);
  }

  /** The title of whichever My Page screen is shown: My Page content is on screen. */
  anyScreenTitle(): Locator {
    return locateAll(this.page, this.profile.screenTitle)
      .filter({ visible: true, hasText: anyOf(Object.values(this.site.screens).flatMap((s) => s.titles)) })
      .first();
  }

  /** The job seeker's name as My Page shows it (「明日 勇気様」), wherever it is visible on this device. */
  userName(name: string): Locator {
    return this.page.getByText(this.profile.userName.replace('{name}', name)).filter({ visible: true }).first();
  }

  /** What the profile says a logged-out visitor of a My Page address sees (login form or ended-session screen). */
  get loggedOut(): Locator {
    return locate(this.page, this.profile.loggedOut);
  }

  /** Closes the smart-device menu if it is open (Escape, as a user would dismiss it). */
  async closeMenu(): Promise<void> {
    if (await this.menu.isVisible()) await this.page.keyboard.press('Escape');
  }

  /** Clicks (or taps) the PC ログアウト control and waits for the screen it leads to (NavigationProblem otherwise). */
  async clickLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.logoutControl, this.touch, this.actionTimeout), this.actionTimeout, this.dialogs);
  }

  async tapMenu(): Promise<void> {
    await press(this.menuButton, this.touch, this.actionTimeout);
  }

  /** Taps ログアウト in the menu and waits for the screen it leads to (NavigationProblem otherwise). */
  async tapMenuLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.menuLogout, this.touch, this.actionTimeout), this.actionTimeout, this.dialogs);
  }

  /** 'self' when a press at the element's centre reaches it; else what lies on top of it. */
  whatIsOnTop(target: Locator): Promise<string> {
    return whatIsOnTop(target);
  }

  /** The accessible name of an element as Playwright computes it (from its ARIA snapshot). */
  async accessibleName(target: Locator): Promise<string | undefined> {
    if (!(await target.isVisible())) return undefined;
    const snapshot = await target.ariaSnapshot({ timeout: this.actionTimeout }).catch(() => '');
    const quoted = /^- [\w-]+ "((?:[^"\\]|\\.)*)"/.exec(snapshot)?.[1];
    if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
    return (await target.innerText().catch(() => '')).trim() || ((await target.getAttribute('value')) ?? undefined);
  }

  async placement(target: Locator): Promise<Placement | undefined> {
    if (!(await target.isVisible())) return undefined;
    return target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        top: r.top + window.scrollY,
        bottom: r.bottom + window.scrollY,
        left: r.left + window.scrollX,
        right: r.right + window.scrollX,
        viewportWidth: window.innerWidth,
        viewportHeight: window.innerHeight,
      };
    });
  }

  /** Buttons and links whose whole box lies in the top `ratio` of the first viewport. */
  async controlsInTopArea(ratio: number): Promise<{ limit: number; controls: ControlOnScreen[] }> {
    const limit = Math.round((await this.page.evaluate(() => window.innerHeight)) * ratio);
    const controls = (await visibleControls(this.page)).filter((c) => c.bottom <= limit);
    return { limit, controls };
  }

  /** Visible controls whose name reads `name` after NFKC folding. */
  async controlsNamed(name: string): Promise<ControlOnScreen[]> {
    const pattern = foldedPattern(name);
    return (await visibleControls(this.page)).filter((c) => pattern.test(c.name));
  }

  /** The names of the visible controls inside the opened menu (its open shadow roots too), top to bottom. */
  async menuItems(): Promise<string[]> {
    if (!(await this.menu.isVisible())) return [];
    // The menu's own opener (a <details>'s <summary>) is not one of its items.
    return (await visibleControls(this.menu)).filter((c) => c.role !== '開閉ボタン').map((c) => c.name);
  }

  /** What the user's tab shows, labelled as the user's tab. */
  describe(): Promise<string> {
    return describeScreen(this.page, this.profile.screenTitle, USER_TAB);
  }
}
