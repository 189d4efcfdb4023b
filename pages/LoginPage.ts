import type { Locator, Page, Response } from '@playwright/test';
import type { SuiteConfig } from '../support/config.ts';
import { type LocatorSpec, locate, type TargetProfile } from '../support/target-profile.ts';
import { navigatingBy } from './interact.ts';
import { describeScreen } from './observe.ts';

export interface Credentials {
  readonly loginId: string;
  readonly password: string;
}

/** 求職者マイページのログイン画面, found as the target profile says (profile.login). */
export class LoginPage {
  readonly idField: Locator;
  readonly passwordField: Locator;
  readonly submit: Locator;
  /** What the login screen shows when it refuses the credentials. */
  readonly error: Locator | undefined;
  readonly profile: TargetProfile;

  constructor(
    readonly page: Page,
    private readonly site: SuiteConfig['hellowork'],
  ) {
    this.profile = site.profile;
    const login = site.profile.login;
    this.idField = locate(page, login.id);
    this.passwordField = locate(page, login.password);
    this.submit = locate(page, login.submit);
    this.error = login.error ? locate(page, login.error) : undefined;
  }

  /** The fields in the order a person fills them, with the profile entry each comes from. */
  fields(): { entry: string; spec: LocatorSpec; locator: Locator }[] {
    const login = this.profile.login;
    return [
      { entry: 'login.id', spec: login.id, locator: this.idField },
      { entry: 'login.password', spec: login.password, locator: this.passwordField },
      { entry: 'login.submit', spec: login.submit, locator: this.submit },
    ];
  }

  /** Extra screens the profile says may follow the password (e.g. a one-time password), found at this instant. */
  async extraStepShown(): Promise<{ name: string; index: number } | undefined> {
    for (const [index, step] of this.profile.login.extraSteps.entries()) {
      if (await locate(this.page, step.detect).isVisible()) return { name: step.name, index };
    }
    return undefined;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.site.loginURL);
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
    } finally {
      this.page.context().off('response', listener);
    }
    return (await Promise.all(pending)).flat();
  }

  async fill(credentials: Credentials): Promise<void> {
    await this.idField.fill(credentials.loginId);
    await this.passwordField.fill(credentials.password);
  }

  /** Presses the login button and waits for the next screen (NavigationProblem otherwise). */
  async submitAndWait(timeout: number): Promise<void> {
    await navigatingBy(this.page, () => this.submit.click({ timeout }), timeout);
  }

  describe(): Promise<string> {
    return describeScreen(this.page, this.profile.screenTitle);
  }
}
