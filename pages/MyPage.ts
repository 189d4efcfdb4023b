import type { Locator, Page, Response } from '@playwright/test';
import type { SuiteConfig } from '../support/config.ts';
import { foldedPattern, locate, locateAll, locateReading, type TargetProfile } from '../support/target-profile.ts';
import { navigatingBy, press, whatIsOnTop } from './interact.ts';
import { type ControlOnScreen, describeScreen, visibleControls } from './observe.ts';

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

  private screen(name: string): { url: string; title: string } {
    const screen = this.site.screens[name];
    if (!screen) {
      throw new Error(
        `求職者マイページに「${name}」という画面は設定されていません（設定済み: ${this.screenNames().join('、')}）。プロファイル ${this.profile.name} の screens か TARGET_MYPAGE_SCREENS を確認してください。`,
      );
    }
    return screen;
  }

  /** The title the page itself gives a screen (may differ from the features' name, e.g. 「…一覧」). */
  titleOf(name: string): string {
    return this.screen(name).title;
  }

  urlOf(name: string): string {
    return this.screen(name).url;
  }

  /** Opens a My Page screen by name; returns the main response (for its headers). */
  async open(name: string): Promise<Response | null> {
    return this.page.goto(this.screen(name).url);
  }

  /** The element naming the given screen (profile.screenTitle reading that screen's title). */
  screenTitle(name: string): Locator {
    return locateReading(this.page, this.profile.screenTitle, this.screen(name).title);
  }

  /** The title of whichever My Page screen is shown: My Page content is on screen. */
  anyScreenTitle(): Locator {
    const titles = Object.values(this.site.screens).map((s) => foldedPattern(s.title).source);
    return locateAll(this.page, this.profile.screenTitle)
      .filter({ visible: true, hasText: new RegExp(titles.join('|')) })
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
    await navigatingBy(this.page, () => press(this.logoutControl, this.touch, this.actionTimeout), this.actionTimeout);
  }

  async tapMenu(): Promise<void> {
    await press(this.menuButton, this.touch, this.actionTimeout);
  }

  /** Taps ログアウト in the menu and waits for the screen it leads to (NavigationProblem otherwise). */
  async tapMenuLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.menuLogout, this.touch, this.actionTimeout), this.actionTimeout);
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

  /** The names of the visible controls inside the opened menu, top to bottom. */
  async menuItems(): Promise<string[]> {
    if (!(await this.menu.isVisible())) return [];
    return this.menu.evaluate((menu) =>
      [...menu.querySelectorAll('a[href], button, [role="button"], [role="link"], [role="menuitem"], input[type="submit"], input[type="button"]')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) =>
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
          (el.getAttribute('aria-label') || (el instanceof HTMLInputElement ? el.value : (el as HTMLElement).innerText) || '').replace(/\s+/g, ' ').trim(),
        ),
    );
  }

  describe(): Promise<string> {
    return describeScreen(this.page, this.profile.screenTitle);
  }
}
