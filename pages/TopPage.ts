import type { Locator, Page } from '@playwright/test';
import { describeScreen } from './observe.ts';

/** One section of the top page as a reader sees it: its heading and the login control inside it. */
export interface TopPageSection {
  readonly heading: string;
  readonly visible: boolean;
  readonly loginControls: string[];
}

/** ハローワークインターネットサービスのトップ画面. */
export class TopPage {
  constructor(
    readonly page: Page,
    private readonly path: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(this.path);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true });
  }

  /** The section introduced by a heading: a named region, or the nearest section element around the heading. */
  section(name: string): Locator {
    return this.page
      .getByRole('region', { name, exact: true })
      .or(this.page.locator('section').filter({ has: this.heading(name) }))
      .last();
  }

  /** Buttons or links inside a section whose name mentions ログイン. */
  loginControls(sectionName: string): Locator {
    const section = this.section(sectionName);
    return section.getByRole('link', { name: /ログイン/ }).or(section.getByRole('button', { name: /ログイン/ }));
  }

  /** What the screen shows of the given sections, read at this instant. */
  async sections(names: readonly string[]): Promise<TopPageSection[]> {
    return Promise.all(
      names.map(async (heading) => ({
        heading,
        visible: await this.heading(heading).isVisible(),
        loginControls: (await this.loginControls(heading).filter({ visible: true }).allInnerTexts()).map((t) => t.trim()),
      })),
    );
  }

  async title(): Promise<string> {
    return this.page.title();
  }

  describe(): Promise<string> {
    return describeScreen(this.page);
  }
}
