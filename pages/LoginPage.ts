import type { Locator, Page } from '@playwright/test';

export interface Credentials {
  readonly loginId: string;
  readonly password: string;
}

/** 求職者マイページのログイン画面. */
export class LoginPage {
  readonly idField: Locator;
  readonly passwordField: Locator;
  readonly submit: Locator;
  /** The entry that starts a login through マイナポータル (OpenID Connect). */
  readonly mynaportalEntry: Locator;

  constructor(
    readonly page: Page,
    private readonly path: string,
  ) {
    this.idField = page.getByLabel(/ID|メールアドレス/);
    this.passwordField = page.getByLabel('パスワード', { exact: true });
    this.submit = page.getByRole('button', { name: 'ログイン', exact: true });
    this.mynaportalEntry = page.getByRole('link', { name: 'マイナポータルからログイン' }).or(page.getByRole('button', { name: 'マイナポータルからログイン' }));
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path);
  }

  async logIn(credentials: Credentials): Promise<void> {
    await this.idField.fill(credentials.loginId);
    await this.passwordField.fill(credentials.password);
    await this.submit.click();
  }
}
