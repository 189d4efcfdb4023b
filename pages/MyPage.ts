import type { Locator, Page, Response } from '@playwright/test';
import type { ScreenConfig, SuiteConfig } from '../support/config.ts';
import { anyOf, locate, locateAll, locateReading, type TargetProfile } from '../support/target-profile.ts';
import { describeScreen, USER_TAB } from './observe.ts';

/** The screen 求職者マイページ opens on after the login (one of the profile's screens). */
export const HOME_SCREEN = '求職者マイページホーム';

/** 求職者マイページ: any of its screens, found as the target profile says (profile.screens, profile.screenTitle). */
export class MyPage {
  readonly profile: TargetProfile;

  constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
  ) {
    this.profile = site.profile;
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
    return this.screen(name)
      .titles.map((t) => `「${t}」`)
      .join('または');
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

  /** What the user's tab shows, labelled as the user's tab. */
  describe(): Promise<string> {
    return describeScreen(this.page, this.profile.screenTitle, USER_TAB);
  }
}
