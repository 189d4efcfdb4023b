import type { Locator, Page } from '@playwright/test';
import { navigatingBy, press } from '../interact.ts';
import { describeScreen } from '../observe.ts';
import { locate, type TargetProfile } from '../../support/target-profile.ts';
import { LOGOUT_BLOCK } from './profile.ts';

/** The entry of 求職者マイページ's login screen that starts a login through マイナポータル (OpenID Connect). */
export function mynaPortalEntry(page: Page, profile: TargetProfile): Locator {
  return locate(page, LOGOUT_BLOCK.of(profile).mynaportalEntry);
}

export interface MynaPortalCredentials {
  readonly userId: string;
  readonly pin: string;
}

/**
 * マイナポータル as the job seeker sees it: its login (the bundled stand-in asks
 * for a user id and a PIN in place of the マイナンバーカード), its home with the
 * menu at the top, and its logout with a confirmation step.
 */
export class MynaPortalPage {
  readonly userIdField: Locator;
  readonly pinField: Locator;
  readonly loginButton: Locator;
  readonly menuButton: Locator;
  readonly menu: Locator;
  readonly menuLogout: Locator;
  /** The confirmation page's ログアウト (its other choice is キャンセル). */
  readonly confirmLogout: Locator;
  readonly cancelLogout: Locator;
  /** What the portal shows when nobody is logged in. */
  readonly loggedOutNotice: Locator;

  constructor(
    readonly page: Page,
    readonly origin: string,
    private readonly homePath: string,
    private readonly touch: boolean,
    private readonly actionTimeout: number,
  ) {
    this.userIdField = page.getByLabel('利用者ID');
    this.pinField = page.getByLabel(/暗証番号/);
    this.loginButton = page.getByRole('button', { name: 'ログイン', exact: true });
    this.menuButton = page.getByRole('button', { name: /メニュー/ });
    this.menu = page.getByRole('navigation', { name: /メニュー/ }).or(page.getByRole('menu'));
    this.menuLogout = this.menu.getByRole('link', { name: 'ログアウト', exact: true }).or(this.menu.getByRole('button', { name: 'ログアウト', exact: true }));
    this.confirmLogout = page.getByRole('button', { name: 'ログアウト', exact: true });
    this.cancelLogout = page.getByRole('link', { name: 'キャンセル', exact: true }).or(page.getByRole('button', { name: 'キャンセル', exact: true }));
    this.loggedOutNotice = page.getByText(/ログインしていません|ログアウトしました/);
  }

  get homeURL(): string {
    return `${this.origin}${this.homePath}`;
  }

  async gotoHome(): Promise<void> {
    await this.page.goto(this.homeURL);
  }

  /** The portal greets the logged-in user by name. */
  greeting(name: string): Locator {
    return this.page.getByText(name);
  }

  async logIn(credentials: MynaPortalCredentials): Promise<void> {
    await this.userIdField.fill(credentials.userId);
    await this.pinField.fill(credentials.pin);
    await navigatingBy(this.page, () => press(this.loginButton, this.touch, this.actionTimeout), this.actionTimeout);
  }

  async openMenu(): Promise<void> {
    await press(this.menuButton, this.touch);
  }

  async chooseMenuLogout(): Promise<void> {
    await navigatingBy(this.page, () => press(this.menuLogout, this.touch, this.actionTimeout), this.actionTimeout);
  }

  async confirm(): Promise<void> {
    await navigatingBy(this.page, () => press(this.confirmLogout, this.touch, this.actionTimeout), this.actionTimeout);
  }

  describe(): Promise<string> {
    return describeScreen(this.page);
  }
}
