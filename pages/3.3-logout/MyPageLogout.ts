/**
 * 求職者マイページ's logout controls (manual §3.3): the PC ログアウト at the top, and on smart devices the menu at
 * the top, its panel and the ログアウト inside it, found as the target profile says.
 */
import type { Locator, Page } from '@playwright/test';
import { type Control, profileControl } from '../control.ts';
import type { DialogWatch } from '../dialogs.ts';
import { navigatingBy, press } from '../interact.ts';
import { visibleControls } from '../observe.ts';
import { entryName, locate, type TargetProfile } from '../../support/target-profile.ts';
import { LOGOUT_BLOCK } from './profile.ts';

export class MyPageLogout {
  /** The PC logout control (the visible one: PC and smart-device headers may both be in the page). */
  readonly button: Control;
  /** The menu control of the smart-device header. */
  readonly menuButton: Control;
  /** The panel that the menu control opens. */
  readonly menu: Locator;
  /** The profile entry of the panel, in words. */
  readonly menuLookedFor: string;
  /** ログアウト inside the opened menu. */
  readonly menuLogout: Control;

  constructor(
    readonly page: Page,
    profile: TargetProfile,
    private readonly touch: boolean,
    private readonly actionTimeout: number,
    /** The scenario's dialogs: a press answered by a dialog the suite dismisses stops its wait (pages/dialogs.ts). */
    private readonly dialogs?: DialogWatch,
  ) {
    const my = LOGOUT_BLOCK.of(profile);
    const at = LOGOUT_BLOCK.path;
    this.button = profileControl(page, profile, at('logout'), my.logout, '「ログアウト」ボタン');
    this.menuButton = profileControl(page, profile, at('menuButton'), my.menuButton, 'メニュー');
    this.menu = locate(page, my.menuPanel);
    this.menuLookedFor = entryName(profile, at('menuPanel'), my.menuPanel);
    this.menuLogout = profileControl(this.menu, profile, at('menuLogout'), my.menuLogout, 'メニューの「ログアウト」');
  }

  /** Clicks (or taps) the PC ログアウト control and waits for the screen it leads to (NavigationProblem otherwise). */
  async pressLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.button.locator, this.touch, this.actionTimeout), this.actionTimeout, this.dialogs);
  }

  async openMenu(): Promise<void> {
    await press(this.menuButton.locator, this.touch, this.actionTimeout);
  }

  /** Closes the smart-device menu if it is open (Escape, as a user would dismiss it). */
  async closeMenu(): Promise<void> {
    if (await this.menu.isVisible()) await this.page.keyboard.press('Escape');
  }

  /** Taps ログアウト in the menu and waits for the screen it leads to (NavigationProblem otherwise). */
  async pressMenuLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.menuLogout.locator, this.touch, this.actionTimeout), this.actionTimeout, this.dialogs);
  }

  /** The names of the visible controls inside the opened menu (its open shadow roots too), top to bottom. */
  async menuItems(): Promise<string[]> {
    if (!(await this.menu.isVisible())) return [];
    // The menu's own opener (a <details>'s <summary>) is not one of its items.
    return (await visibleControls(this.menu)).filter((c) => c.role !== '開閉ボタン').map((c) => c.name);
  }
}
