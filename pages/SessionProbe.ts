import type { Browser, BrowserContext, Cookie, Locator, Page } from '@playwright/test';
import type { SuiteConfig } from '../support/config.ts';
import { locate, locateReading } from '../support/target-profile.ts';
import { describeScreen } from './observe.ts';

/**
 * A tab that asks "is the session still alive?" without touching the tab the reader is
 * looking at: a second tab of the same browser, or a fresh browser given old cookies.
 * Its descriptions say which it is (`viewpoint`), never to be mistaken for the user's tab.
 */
export class SessionProbe {
  /** The HTTP status of the last address opened. */
  #status: number | undefined;

  private constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
    /** Which tab or browser this is, in words (確認用の別のタブ …). */
    readonly viewpoint: string,
    private readonly owned?: BrowserContext,
  ) {}

  /** Another tab of the same browser (same cookie jar). */
  static async inContext(context: BrowserContext, site: SuiteConfig['hellowork'], viewpoint = '確認用に開いた同じブラウザーの別のタブ'): Promise<SessionProbe> {
    return new SessionProbe(await context.newPage(), site, viewpoint);
  }

  /** A fresh browser holding only the given cookies. */
  static async withCookies(
    browser: Browser,
    cookies: readonly Cookie[],
    site: SuiteConfig['hellowork'],
    viewpoint = 'ログアウト前のクッキーだけを入れた確認用の別のブラウザー',
  ): Promise<SessionProbe> {
    const context = await browser.newContext();
    await context.addCookies([...cookies]);
    return new SessionProbe(await context.newPage(), site, viewpoint, context);
  }

  async open(url: string): Promise<void> {
    this.#status = undefined;
    const response = await this.page.goto(url);
    this.#status = response?.status();
  }

  /** The HTTP status the last address answered with (after redirects), if it answered. */
  get status(): number | undefined {
    return this.#status;
  }

  /** What the profile says a logged-out visitor of a My Page address sees (login form or ended-session screen). */
  get loggedOut(): Locator {
    return locate(this.page, this.site.profile.loggedOut);
  }

  /** The title of a My Page screen (any of its titles), as the profile locates it. */
  screenTitle(titles: string | readonly string[]): Locator {
    return locateReading(this.page, this.site.profile.screenTitle, titles);
  }

  describe(): Promise<string> {
    return describeScreen(this.page, this.site.profile.screenTitle, this.viewpoint, this.#status);
  }

  async close(): Promise<void> {
    if (this.owned) await this.owned.close();
    else await this.page.close();
  }
}
