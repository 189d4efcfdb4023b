import type { Locator, Page, Response } from '@playwright/test';
import { navigatingBy, press } from './interact.ts';
import { type ControlOnScreen, describeScreen, visibleControls } from './observe.ts';

/** Where an element sits relative to the first viewport (document coordinates, CSS px). */
export interface Placement {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly viewportWidth: number;
  readonly viewportHeight: number;
}

/** 求職者マイページ: any of its screens, with the header they share. */
export class MyPage {
  /** The visible control named ログアウト (a button, or a link styled as one). */
  readonly logoutControl: Locator;
  /** The menu control of the smart-device header. */
  readonly menuButton: Locator;
  /** The menu that the menu control opens. */
  readonly menu: Locator;
  /** ログアウト inside the opened menu. */
  readonly menuLogout: Locator;

  constructor(
    readonly page: Page,
    private readonly screens: Readonly<Record<string, string>>,
    private readonly touch: boolean,
  ) {
    const named = (root: Page | Locator, name: string) =>
      root.getByRole('button', { name, exact: true }).or(root.getByRole('link', { name, exact: true }));
    this.logoutControl = named(page, 'ログアウト');
    this.menuButton = page.getByRole('button', { name: /メニュー/ });
    this.menu = page
      .getByRole('navigation', { name: 'メニュー', exact: true })
      .or(page.getByRole('menu'))
      .or(page.getByRole('dialog', { name: /メニュー/ }));
    this.menuLogout = named(this.menu, 'ログアウト');
  }

  screenNames(): string[] {
    return Object.keys(this.screens);
  }

  /** Opens a My Page screen by name; returns the main response (for its headers). */
  async open(screen: string): Promise<Response | null> {
    const path = this.screens[screen];
    if (!path) {
      throw new Error(`求職者マイページに「${screen}」という画面は設定されていません（設定済み: ${this.screenNames().join('、')}）。TARGET_MYPAGE_SCREENS を確認してください。`);
    }
    return this.page.goto(path);
  }

  /** The heading of whichever My Page screen is shown: My Page content is on screen. */
  anyScreenHeading(): Locator {
    const names = this.screenNames().map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return this.page.getByRole('heading', { level: 1, name: new RegExp(`^(${names.join('|')})$`) });
  }

  /** Closes the smart-device menu if it is open (Escape, as a user would dismiss it). */
  async closeMenu(): Promise<void> {
    if (await this.menu.first().isVisible()) await this.page.keyboard.press('Escape');
  }

  /** The job seeker's name as My Page shows it (「明日 勇気様」), wherever it is visible on this device. */
  userName(name: string): Locator {
    return this.page.getByText(`${name}様`).filter({ visible: true }).first();
  }

  heading(screen: string): Locator {
    return this.page.getByRole('heading', { name: screen, exact: true, level: 1 });
  }

  /** Clicks ログアウト and waits for the screen it leads to. */
  async clickLogout(): Promise<void> {
    await this.navigatingBy(() => this.logoutControl.click());
  }

  async tapMenu(): Promise<void> {
    await this.press(this.menuButton);
  }

  /** Taps ログアウト in the menu and waits for the screen it leads to. */
  async tapMenuLogout(): Promise<void> {
    await this.navigatingBy(() => this.press(this.menuLogout));
  }

  private navigatingBy(action: () => Promise<void>): Promise<void> {
    return navigatingBy(this.page, action);
  }

  private press(target: Locator): Promise<void> {
    return press(target, this.touch);
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

  async controlsNamed(name: string): Promise<ControlOnScreen[]> {
    return (await visibleControls(this.page)).filter((c) => c.name === name);
  }

  describe(): Promise<string> {
    return describeScreen(this.page);
  }
}
