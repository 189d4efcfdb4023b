import type { Locator, Page } from '@playwright/test';
import type { SuiteConfig } from '../support/config.ts';
import { foldedPattern, locateAll, locateReading, type TargetProfile } from '../support/target-profile.ts';
import { describeScreen } from './observe.ts';

/** One section of the top page as a reader sees it: its title and the login controls inside it. */
export interface TopPageSection {
  readonly heading: string;
  readonly visible: boolean;
  readonly loginControls: string[];
}

/** ハローワークインターネットサービスのトップ画面, found as the target profile says (profile.top). */
export class TopPage {
  private readonly profile: TargetProfile;

  constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
  ) {
    this.profile = site.profile;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.site.topURL);
  }

  /** The visible block title (a heading, or what the profile names so) reading `name`. */
  heading(name: string): Locator {
    return locateReading(this.page, this.profile.top.blockTitle, name);
  }

  /** The section holding that block title (the innermost one). */
  section(name: string): Locator {
    const title = locateAll(this.page, this.profile.top.blockTitle).filter({ hasText: foldedPattern(name) });
    return locateAll(this.page, this.profile.top.section).filter({ has: title }).last();
  }

  /** The login controls inside a section. */
  loginControls(sectionName: string): Locator {
    return locateAll(this.section(sectionName), this.profile.top.sectionLogin);
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

  /** The origin of the page shown now. */
  origin(): string {
    return new URL(this.page.url()).origin;
  }

  describe(): Promise<string> {
    return describeScreen(this.page, this.profile.screenTitle);
  }
}
