import type { Browser, BrowserContext, Cookie, Locator, Page } from '@playwright/test';
import type { SuiteConfig } from '../support/config.ts';
import { locate, locateReading } from '../support/target-profile.ts';
import { describeScreen } from './observe.ts';

/**
 * A tab that asks "is the session still alive?" without touching the tab the reader is
 * looking at: a second tab of the same browser, or a fresh browser given old cookies.
 */
export class SessionProbe {
  private constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
    private readonly owned?: BrowserContext,
  ) {}

  /** Another tab of the same browser (same cookie jar). */
  static async inContext(context: BrowserContext, site: SuiteConfig['hellowork']): Promise<SessionProbe> {
    return new SessionProbe(await context.newPage(), site);
  }

  /** A fresh browser holding only the given cookies. */
  static async withCookies(browser: Browser, cookies: readonly Cookie[], site: SuiteConfig['hellowork']): Promise<SessionProbe> {
    const context = await browser.newContext();
    await context.addCookies([...cookies]);
    return new SessionProbe(await context.newPage(), site, context);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** What the profile says a logged-out visitor of a My Page address sees (login form or ended-session screen). */
  get loggedOut(): Locator {
    return locate(this.page, this.site.profile.loggedOut);
  }

  /** The title of the given My Page screen, as the profile locates it. */
  screenTitle(title: string): Locator {
    return locateReading(this.page, this.site.profile.screenTitle, title);
  }

  describe(): Promise<string> {
    return describeScreen(this.page, this.site.profile.screenTitle);
  }

  async close(): Promise<void> {
    if (this.owned) await this.owned.close();
    else await this.page.close();
  }
}
