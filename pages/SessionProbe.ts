import type { BrowserContext, Page } from '@playwright/test';
import { LoginPage } from './LoginPage.ts';
import { describeScreen } from './observe.ts';

/**
 * A second tab in the same browser context, used to ask "is the session still alive?"
 * without navigating the tab the reader is looking at.
 */
export class SessionProbe {
  private constructor(
    readonly page: Page,
    readonly loginPage: LoginPage,
  ) {}

  static async open(context: BrowserContext, myPagePath: string, loginPath: string): Promise<SessionProbe> {
    const page = await context.newPage();
    await page.goto(myPagePath);
    return new SessionProbe(page, new LoginPage(page, loginPath));
  }

  describe(): Promise<string> {
    return describeScreen(this.page);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
