import type { Locator, Page, Response } from '@playwright/test';

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

  /** Runs an action and returns the Set-Cookie headers that responses from `origin` sent meanwhile (redirects included). */
  async recordingSetCookies(origin: string, action: () => Promise<void>): Promise<string[]> {
    const pending: Promise<string[]>[] = [];
    const listener = (response: Response) => {
      if (new URL(response.url()).origin !== origin) return;
      pending.push(response.headersArray().then((hs) => hs.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)));
    };
    this.page.context().on('response', listener);
    try {
      await action();
      await this.page.waitForLoadState();
    } finally {
      this.page.context().off('response', listener);
    }
    const seen = (await Promise.all(pending)).flat();
    return seen;
  }

  async logIn(credentials: Credentials): Promise<void> {
    await this.idField.fill(credentials.loginId);
    await this.passwordField.fill(credentials.password);
    await this.submit.click();
  }
}
