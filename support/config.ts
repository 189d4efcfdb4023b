/**
 * Suite configuration: .env (loaded by playwright.config.ts) plus the environment,
 * validated in one place. Without TARGET_URL the suite runs against the bundled
 * reference app; with it, against that deployment.
 */
import { z } from 'zod';
import { defaultJobSeeker } from '../fixtures/accounts.ts';
import { loadProfile, ProfileError, type TargetProfile } from './target-profile.ts';

/** The bundled app's markups (REFERENCE_MARKUP) and the profile each is checked with. */
export const REFERENCE_MARKUPS = { bundled: 'reference', hellowork: 'hellowork' } as const;
export type ReferenceMarkup = keyof typeof REFERENCE_MARKUPS;

/** Origins of the bundled HelloWork stand-in in each markup (the top page may be on another host than My Page). */
export function bundledOrigins(markup: ReferenceMarkup, port: number): { top: string; myPage: string } {
  if (markup === 'hellowork') return { top: `http://www.hellowork.localhost:${port}`, myPage: `http://kyushoku.hellowork.localhost:${port}` };
  return { top: `http://hellowork.localhost:${port}`, myPage: `http://hellowork.localhost:${port}` };
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const path = z.string().trim().regex(/^\//, 'a path starting with "/"');
const port = z.coerce.number().int().min(0).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const ms = z.coerce.number().int().min(0).max(600_000);

const EnvSchema = z.object({
  TARGET_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://staging.example.jp' }).optional()),
  TARGET_TOP_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL of the top page\'s origin, such as https://www.example.jp' }).optional()),
  TARGET_PROFILE: optionalText,
  REFERENCE_MARKUP: z.enum(['bundled', 'hellowork'], { error: 'bundled (the reference app\'s own markup) or hellowork (the real site\'s structure)' }).default('bundled'),
  TARGET_TOP_PATH: optionalText.pipe(path.optional()),
  TARGET_LOGIN_PATH: optionalText.pipe(path.optional()),
  TARGET_MYPAGE_SCREENS: optionalText.pipe(
    z
      .string()
      .transform((raw, ctx) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'JSON such as {"求職者マイページホーム":"/mypage"}' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string().min(1), path))
      .optional(),
  ),
  LOGIN_ID: optionalText,
  LOGIN_PASSWORD: optionalText,
  HELLOWORK_PORT: port.default(0),
  MYNAPORTAL_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://myna.example.jp' }).optional()),
  MYNAPORTAL_HOME_PATH: path.default('/'),
  MYNAPORTAL_USER_ID: optionalText,
  MYNAPORTAL_PIN: optionalText,
  MYNAPORTAL_PORT: port.default(0),
  TOP_AREA_RATIO: z.coerce.number().gt(0).max(1).default(0.25),
  HEADLESS: flag.default(true),
  STEP_SCREENSHOTS: flag.default(true),
  FIGURES: flag.default(true),
  PROJECTS: optionalText.pipe(
    z
      .string()
      .regex(/^[\w-]+(,[\w-]+)*$/, 'comma-separated project names such as pc-chromium,sp-android')
      .transform((v) => v.split(','))
      .optional(),
  ),
  REPORT_LOCALE: z.enum(['ja', 'en']).default('ja'),
  MANUAL_BASE_URL: optionalText.pipe(z.url({ error: 'an absolute URL of the folder holding manual/*.md' }).optional()),
  SLOW_MO: ms.default(0),
  WORKERS: z.coerce.number({ error: 'a whole number of parallel workers, 1 or more' }).int().min(1).max(16).default(2),
  ACTION_TIMEOUT: ms.default(10_000),
  EXPECT_TIMEOUT: ms.default(5_000),
  TEST_TIMEOUT: ms.default(60_000),
  /** The 注意 scenarios: how long My Page is watched after the マイナポータル logout before 「ログアウトされない」 is accepted. */
  NOTE_SETTLE_MS: ms.default(5_000),
});

export interface SuiteConfig {
  readonly mode: 'bundled' | 'target';
  readonly hellowork: {
    /** Origin of the login and My Page (Playwright's baseURL). */
    readonly baseURL: string;
    /** Origin of the top page: may be another host than My Page. */
    readonly topOrigin: string;
    /** Absolute URLs. */
    readonly topURL: string;
    readonly loginURL: string;
    /** The URL whose cookies are the session's (the cookie scope of the profile). */
    readonly cookieURL: string;
    /** My Page screens by the features' names: absolute URL and the title the page itself shows. */
    readonly screens: Readonly<Record<string, { readonly url: string; readonly title: string }>>;
    /** What the page objects assume about the markup. */
    readonly profile: TargetProfile;
    /** Bundled app only: which markup it renders. */
    readonly markup?: ReferenceMarkup;
  };
  readonly account: { readonly loginId: string; readonly password: string; readonly name?: string };
  /** マイナポータル (for the 注意 scenarios); undefined against a target without MYNAPORTAL_* settings. */
  readonly mynaportal?: {
    readonly baseURL: string;
    readonly homePath: string;
    readonly userId: string;
    readonly pin: string;
    /** Test-only records of the bundled stand-in (back-channel deliveries); reachable from Node. */
    readonly recordsURL?: string;
  };
  readonly bundled?: { readonly helloworkPort: number; readonly mynaportalPort: number };
  readonly topAreaRatio: number;
  readonly headless: boolean;
  /** Device profiles / browsers to run (project names); undefined = all available. */
  readonly projects?: readonly string[];
  /** Language of the generated Allure report. */
  readonly reportLocale: 'ja' | 'en';
  /** A screenshot of the page after every step, attached to the reports (off for the sensitivity runs). */
  readonly stepScreenshots: boolean;
  /** Save manual-style figures (element boxed in red) to reports/figures/. */
  readonly figures: boolean;
  /** Where readers of the reports open the manual transcript (e.g. its page in the repository); default: the local file. */
  readonly manualBaseURL?: string;
  readonly slowMo: number;
  /** Scenarios run in parallel: Playwright workers; device-profile processes under cucumber-js. */
  readonly workers: number;
  readonly timeouts: { readonly action: number; readonly expect: number; readonly test: number };
  /** The 注意 scenarios: My Page is watched this long after the マイナポータル logout (polling). */
  readonly noteSettleMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid suite configuration (.env or environment):\n${problems.map((p) => `  • ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.TARGET_URL) {
    const problems = (['LOGIN_ID', 'LOGIN_PASSWORD'] as const)
      .filter((k) => !e[k])
      .map((k) => `${k}: required when TARGET_URL is set (the job-seeker account used to log in)`);
    const myna = (['MYNAPORTAL_URL', 'MYNAPORTAL_USER_ID', 'MYNAPORTAL_PIN'] as const).filter((k) => e[k]);
    if (myna.length > 0 && myna.length < 3) {
      for (const k of ['MYNAPORTAL_URL', 'MYNAPORTAL_USER_ID', 'MYNAPORTAL_PIN'] as const) {
        if (!e[k]) problems.push(`${k}: required with ${myna.join(' and ')} (the マイナポータル scenarios need all three; leave all unset to skip them)`);
      }
    }
    if (problems.length > 0) throw new ConfigError(problems);
  }
  const base = {
    topAreaRatio: e.TOP_AREA_RATIO,
    headless: e.HEADLESS,
    ...(e.PROJECTS ? { projects: e.PROJECTS } : {}),
    reportLocale: e.REPORT_LOCALE,
    stepScreenshots: e.STEP_SCREENSHOTS,
    figures: e.FIGURES,
    ...(e.MANUAL_BASE_URL ? { manualBaseURL: e.MANUAL_BASE_URL } : {}),
    slowMo: e.SLOW_MO,
    workers: e.WORKERS,
    timeouts: { action: e.ACTION_TIMEOUT, expect: e.EXPECT_TIMEOUT, test: e.TEST_TIMEOUT },
    noteSettleMs: e.NOTE_SETTLE_MS,
  };
  const target = Boolean(e.TARGET_URL && e.LOGIN_ID && e.LOGIN_PASSWORD);
  let profile: TargetProfile;
  try {
    // A target is the real site unless said otherwise; the bundled app is checked with the profile of its markup.
    profile = loadProfile(e.TARGET_PROFILE ?? (target ? 'hellowork' : REFERENCE_MARKUPS[e.REFERENCE_MARKUP]));
  } catch (error) {
    if (error instanceof ProfileError) throw new ConfigError([error.message]);
    throw error;
  }
  const site = (myPage: string, top: string, markup?: ReferenceMarkup): SuiteConfig['hellowork'] => {
    const at = (origin: string, p: string) => new URL(p, `${origin}/`).href;
    const overrides = e.TARGET_MYPAGE_SCREENS ?? {};
    const screens = Object.fromEntries([
      ...Object.entries(profile.screens).map(([name, s]) => [name, { url: at(myPage, overrides[name] ?? s.path), title: s.title }] as const),
      // A screen only in TARGET_MYPAGE_SCREENS is named on the page as in the features.
      ...Object.entries(overrides)
        .filter(([name]) => !(name in profile.screens))
        .map(([name, p]) => [name, { url: at(myPage, p), title: name }] as const),
    ]);
    return {
      baseURL: myPage,
      topOrigin: top,
      topURL: at(top, e.TARGET_TOP_PATH ?? profile.paths.top),
      loginURL: at(myPage, e.TARGET_LOGIN_PATH ?? profile.paths.login),
      cookieURL: at(myPage, profile.paths.cookieScope),
      screens,
      profile,
      ...(markup ? { markup } : {}),
    };
  };
  if (target && e.TARGET_URL && e.LOGIN_ID && e.LOGIN_PASSWORD) {
    const myPage = new URL(e.TARGET_URL).origin;
    const top = e.TARGET_TOP_URL ? new URL(e.TARGET_TOP_URL).origin : (profile.origins.top && profile.origins.myPage === myPage ? profile.origins.top : myPage);
    return {
      mode: 'target',
      hellowork: site(myPage, top),
      account: { loginId: e.LOGIN_ID, password: e.LOGIN_PASSWORD },
      ...(e.MYNAPORTAL_URL && e.MYNAPORTAL_USER_ID && e.MYNAPORTAL_PIN
        ? {
            mynaportal: {
              baseURL: e.MYNAPORTAL_URL.replace(/\/+$/, ''),
              homePath: e.MYNAPORTAL_HOME_PATH,
              userId: e.MYNAPORTAL_USER_ID,
              pin: e.MYNAPORTAL_PIN,
            },
          }
        : {}),
      ...base,
    };
  }
  const unset = (['HELLOWORK_PORT', 'MYNAPORTAL_PORT'] as const).filter((k) => e[k] === 0);
  if (unset.length > 0) {
    throw new ConfigError(unset.map((k) => `${k}: the bundled app needs a port; playwright.config.ts chooses a free one when unset`));
  }
  const seeker = defaultJobSeeker();
  const origins = bundledOrigins(e.REFERENCE_MARKUP, e.HELLOWORK_PORT);
  return {
    mode: 'bundled',
    hellowork: site(origins.myPage, origins.top, e.REFERENCE_MARKUP),
    account: { loginId: seeker.loginId, password: seeker.password, name: seeker.name },
    mynaportal: {
      baseURL: `http://mynaportal.localhost:${e.MYNAPORTAL_PORT}`,
      homePath: '/',
      userId: seeker.mynaportal.userId,
      pin: seeker.mynaportal.pin,
      recordsURL: `http://127.0.0.1:${e.MYNAPORTAL_PORT}/__reference__`,
    },
    bundled: { helloworkPort: e.HELLOWORK_PORT, mynaportalPort: e.MYNAPORTAL_PORT },
    ...base,
  };
}
