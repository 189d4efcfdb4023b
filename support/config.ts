/**
 * Suite configuration: every environment variable the suite reads, validated in one place (the
 * schemas below; .env.example documents each). .env, free ports and this validation are put
 * together by support/startup.ts, which every runner calls. Without TARGET_URL the suite runs
 * against the bundled reference app; with it, against that deployment.
 */
import { availableParallelism } from 'node:os';
import { parse as parseTagExpression } from '@cucumber/tag-expressions';
import { z } from 'zod';
import { defaultJobSeeker } from '../reference-app/src/accounts.ts';
import { DEVIATION_IDS, type DeviationId } from '../reference-app/src/deviations.ts';
import { CHROMIUM_PROFILES } from './devices.ts';
import { parseRemoteBrowser, parseShard, type RemoteBrowser, SHARD_FORMAT, type Shard } from './scale-out.ts';
import { loadProfile, ProfileError, ScreenTitle, type TargetProfile, titlesOf } from './target-profile.ts';

/** The bundled app's markups (REFERENCE_MARKUP) and the profile each is checked with. */
const REFERENCE_MARKUPS = { bundled: 'reference', hellowork: 'hellowork' } as const;
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
/** A whole number from min to max; `error` says what is expected, whichever way the value is wrong. */
const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
const port = wholeNumber(0, 65535, 'a TCP port from 0 to 65535 (0 or empty: a free one is chosen)');
/** Empty is unset (.env.example lists variables with no value): the default applies. */
const orUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
/** true/false (also 1/0, yes/no); `what` says what it switches, in the error. */
const flag = (what: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `true or false (also 1/0, yes/no): ${what}` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** Milliseconds, 0 to 10 minutes; `what` says what is timed, in the error. */
const ms = (what: string) => wholeNumber(0, 600_000, `milliseconds, a whole number from 0 to 600000: ${what}`);
const ratio = (() => {
  const error = 'a fraction of the first viewport above 0 and at most 1, such as 0.25 (the top quarter)';
  return z.coerce.number({ error }).gt(0, { error }).max(1, { error });
})();
const workers = wholeNumber(1, 16, 'a whole number of parallel workers, from 1 to 16');
/** A comma-separated list of names from `known` (spaces allowed); an unknown name is an error naming the known ones. */
const namesFrom = <T extends string>(known: readonly T[], what: string) =>
  z.string().transform((raw, ctx) => {
    const names = raw
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown ${what} ${unknown.join(', ')}; known: ${known.join(', ')}` });
      return z.NEVER;
    }
    return names as T[];
  });
const projectList = z
  .string()
  .regex(/^[\w-]+(,[\w-]+)*$/, 'comma-separated project names such as pc-chromium,sp-android')
  .transform((v) => v.split(','));

/** A text that `parse` reads (e.g. JSON.parse), or an issue saying what was expected (the schema after it checks the shape). */
const parsedText = <T>(parse: (raw: string) => T, message: (raw: string) => string) =>
  z.string().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: message(raw) });
      return z.NEVER;
    }
  });
const jsonText = (message: string) =>
  parsedText(
    (raw) => JSON.parse(raw) as unknown,
    () => message,
  );

const SCREENS_FORMAT =
  'JSON such as {"求職者マイページホーム":"/mypage"} or {"求職者マイページホーム":{"path":"/mypage","title":"求職者マイページホーム"}} (it replaces the profile\'s list of screens)';

const EnvSchema = z.object({
  TARGET_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://staging.example.jp' }).optional()),
  TARGET_TOP_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: "an absolute http(s) URL of the top page's origin, such as https://www.example.jp" }).optional(),
  ),
  TARGET_PROFILE: optionalText,
  REFERENCE_MARKUP: orUnset(
    z.enum(['bundled', 'hellowork'], { error: "bundled (the reference app's own markup) or hellowork (the real site's structure)" }).default('bundled'),
  ),
  TARGET_TOP_PATH: optionalText.pipe(path.optional()),
  TARGET_LOGIN_PATH: optionalText.pipe(path.optional()),
  /** The My Page screens of the target, replacing the profile's list: {"名前": "/path"} or {"名前": {"path": "/path", "title": "画面の表示"}}. */
  TARGET_MYPAGE_SCREENS: optionalText.pipe(
    jsonText(SCREENS_FORMAT)
      .pipe(
        z
          .record(z.string().min(1), z.union([path, z.object({ path, title: ScreenTitle.optional() }).strict()]), { error: SCREENS_FORMAT })
          .refine((screens) => Object.keys(screens).length > 0, { error: `at least one screen: ${SCREENS_FORMAT}` }),
      )
      .optional(),
  ),
  /** JavaScript dialogs (alert, confirm, prompt, beforeunload) during a check: dismissed and red (default), or accepted with a note. */
  DIALOGS: orUnset(
    z
      .enum(['dismiss', 'accept'], {
        error:
          'dismiss (a dialog during a check is closed with キャンセル and fails it: the manual has no step for it) or accept (closed with OK and noted: for a site whose manual describes the confirmation)',
      })
      .default('dismiss'),
  ),
  LOGIN_ID: optionalText,
  LOGIN_PASSWORD: optionalText,
  HELLOWORK_PORT: port.default(0),
  MYNAPORTAL_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://myna.example.jp' }).optional()),
  MYNAPORTAL_HOME_PATH: path.default('/'),
  MYNAPORTAL_USER_ID: optionalText,
  MYNAPORTAL_PIN: optionalText,
  MYNAPORTAL_PORT: port.default(0),
  TOP_AREA_RATIO: orUnset(ratio.default(0.25)),
  HEADLESS: orUnset(flag('run the browsers without a window').default(true)),
  STEP_SCREENSHOTS: orUnset(flag('a screenshot after every step').default(true)),
  FIGURES: orUnset(flag('save manual-style figures to reports/figures/').default(true)),
  /** report (default): a figure that no longer matches the approved one is a finding; fail: it fails its scenario. */
  FIGURE_DRIFT: orUnset(
    z.enum(['report', 'fail'], { error: 'report (a changed figure is a finding for the manual writer) or fail (it fails its scenario)' }).default('report'),
  ),
  PROJECTS: optionalText.pipe(projectList.optional()),
  REPORT_LOCALE: orUnset(z.enum(['ja', 'en'], { error: 'ja or en (the language of the Allure report)' }).default('ja')),
  MANUAL_BASE_URL: optionalText.pipe(z.url({ error: 'an absolute URL of the folder holding manual/*.md' }).optional()),
  SLOW_MO: orUnset(ms('how long each browser action is slowed down').default(0)),
  WORKERS: orUnset(workers.default(2)),
  ACTION_TIMEOUT: orUnset(ms('how long an action (a press, a navigation: twice this) may take').default(10_000)),
  EXPECT_TIMEOUT: orUnset(ms('how long a web-first check waits').default(5_000)),
  TEST_TIMEOUT: orUnset(ms('how long one scenario may take').default(60_000)),
  /** The 注意 scenarios: how long My Page is watched after the マイナポータル logout before 「ログアウトされない」 is accepted. */
  NOTE_SETTLE_MS: orUnset(ms('how long My Page is watched after the マイナポータル logout').default(5_000)),
  // How the run is driven (SuiteConfig.run).
  DEVIATIONS: orUnset(namesFrom(DEVIATION_IDS, 'deviation(s)').default([])),
  DEVICE_PROFILE: orUnset(
    z
      .string()
      .trim()
      .refine((name) => CHROMIUM_PROFILES.some((p) => p.name === name), {
        error: `the cucumber-js runner's device profile: one of ${CHROMIUM_PROFILES.map((p) => p.name).join(', ')}`,
      })
      .default('pc-chromium'),
  ),
  CUCUMBER_TAGS: optionalText.pipe(
    parsedText(
      (expression) => {
        parseTagExpression(expression); // throws on a malformed expression; the text itself is kept
        return expression;
      },
      (expression) => `a cucumber tag expression such as "@security and not @sec-headers" (got "${expression}")`,
    ).optional(),
  ),
  CUCUMBER_SIGNOFF: orUnset(
    z
      .enum(['per-process', 'merged'], {
        error: 'per-process (each cucumber-js process writes a sign-off) or merged (npm run conformance:cucumber writes one)',
      })
      .default('per-process'),
  ),
  REFERENCE_APP_RUNNING: orUnset(flag('whether the bundled app is already running on HELLOWORK_PORT / MYNAPORTAL_PORT').default(false)),
  BENCH_PHASES: optionalText,
  SHARD: optionalText.pipe(
    parsedText(
      (v) => parseShard(v) as Shard,
      (v) => `${SHARD_FORMAT} (got "${v}")`,
    ).optional(),
  ),
  PW_TEST_CONNECT_WS_ENDPOINT: optionalText.pipe(
    parsedText(
      (v) => parseRemoteBrowser(v) as RemoteBrowser,
      (v) => `a ws:// or wss:// URL of a Playwright browser server, such as ws://127.0.0.1:3000/ (got "${v}")`,
    ).optional(),
  ),
  // As Playwright reads it (`!!process.env.CI`): set to anything = on a CI machine (it sets it; nothing to get wrong).
  CI: z
    .string()
    .optional()
    .transform((v) => Boolean(v)),
});

const SENSITIVITY_PORTS_FORMAT = 'JSON such as {"<deviation>":[40001,40002]} (set by the sensitivity run itself: unset it)';

/** The sensitivity run's settings (scripts/sensitivity/). */
const SensitivitySchema = z.object({
  SENSITIVITY_DEVIATIONS: orUnset(namesFrom(DEVIATION_IDS, 'deviation(s)').default([...DEVIATION_IDS])),
  SENSITIVITY_SETTINGS: orUnset(namesFrom(['bundled', 'hellowork', 'target'] as const, 'setting(s)').default(['bundled', 'hellowork', 'target'])),
  SENSITIVITY_PROJECTS: orUnset(projectList.default(['pc-chromium', 'sp-android'])),
  SENSITIVITY_FULL: orUnset(flag('every scenario of every variant, not only the expected reds and the green sample').default(false)),
  // One more than the cores: its red scenarios spend part of their time waiting out a timeout, which another worker fills
  // (this 2-core machine, 2026-12-08, one quick run each: 389 s with 2 workers, 329 s with 3, 345 s with 4).
  SENSITIVITY_WORKERS: orUnset(workers.default(Math.min(16, availableParallelism() + 1))),
  SENSITIVITY_ACTION_TIMEOUT: orUnset(ms('how long a press that leads nowhere waits before it is red').default(2000)),
  SENSITIVITY_EXPECT_TIMEOUT: orUnset(ms('how long a web-first check waits before it is red').default(1000)),
  SENSITIVITY_JSON: orUnset(z.string().trim().default('test-results/sensitivity.json')),
  /** The variants' ports, chosen once by the main process and handed to the workers. */
  SENSITIVITY_PORTS: optionalText.pipe(
    jsonText(SENSITIVITY_PORTS_FORMAT)
      .pipe(z.record(z.string(), z.tuple([port, port]), { error: SENSITIVITY_PORTS_FORMAT }))
      .optional(),
  ),
});

/** The environment variables the suite reads, as validated (keys as in .env). */
export type Settings = z.infer<typeof EnvSchema>;
export type SensitivitySettings = z.infer<typeof SensitivitySchema>;

export interface ScreenConfig {
  readonly url: string;
  /** The title the page shows, the manual's own first; any of them names the screen. */
  readonly titles: readonly string[];
  /** The setting that defines the screen, in words. */
  readonly entry: string;
  /** Which setting that is: the profile's screens, or TARGET_MYPAGE_SCREENS (which replaces them). */
  readonly from: 'profile' | 'TARGET_MYPAGE_SCREENS';
}

export interface SuiteConfig {
  readonly mode: 'bundled' | 'target';
  readonly hellowork: {
    /** Origin of the login and My Page (Playwright's baseURL). */
    readonly baseURL: string;
    /** Origin of the top page: may be another host than My Page. */
    readonly topOrigin: string;
    /** Where the two origins came from, in words (printed at the start of a run: see describeOrigins). */
    readonly originSources: { readonly myPage: string; readonly top: string };
    /** Absolute URLs. */
    readonly topURL: string;
    readonly loginURL: string;
    /** The URL whose cookies are the session's (the cookie scope of the profile). */
    readonly cookieURL: string;
    /**
     * My Page screens by the features' names: absolute URL, the titles the page itself may show (the manual's first),
     * and which setting said so (for messages: 「プロファイル hellowork の screens.メッセージ」 or 「TARGET_MYPAGE_SCREENS の メッセージ」).
     */
    readonly screens: Readonly<Record<string, ScreenConfig>>;
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
  /** What a JavaScript dialog during a check gets: dismissed (and the check is red) or accepted (and noted). */
  readonly dialogs: 'dismiss' | 'accept';
  readonly headless: boolean;
  /** Device profiles / browsers to run (project names); undefined = all available. */
  readonly projects?: readonly string[];
  /** A screenshot of the page after every step, attached to the reports (off for the sensitivity runs). */
  readonly stepScreenshots: boolean;
  /** Save manual-style figures (element boxed in red) to reports/figures/. */
  readonly figures: boolean;
  /** What a figure that differs from its approved one does: a finding (report) or a red scenario (fail). */
  readonly figureDrift: 'report' | 'fail';
  /** Where readers of the reports open the manual transcript (e.g. its page in the repository); default: the local file. */
  readonly manualBaseURL?: string;
  readonly slowMo: number;
  /** Scenarios run in parallel: Playwright workers; device-profile processes under cucumber-js. */
  readonly workers: number;
  readonly timeouts: { readonly action: number; readonly expect: number; readonly test: number };
  /** The 注意 scenarios: My Page is watched this long after the マイナポータル logout (polling). */
  readonly noteSettleMs: number;
  /** How the run is driven, not what it checks: read by the runners and scripts. */
  readonly run: {
    /** Deliberate deviations the bundled app is started with (DEVIATIONS; never for a real run). */
    readonly deviations: readonly DeviationId[];
    /** cucumber-js: this process's device profile (support/devices.ts). */
    readonly deviceProfile: string;
    /** cucumber-js: a tag expression and-ed with the device profile's tag. */
    readonly cucumberTags?: string;
    /** cucumber-js: one sign-off per process, or one merged by scripts/conformance-cucumber.ts. */
    readonly cucumberSignoff: 'per-process' | 'merged';
    /** Whoever started this process started the bundled app too (scripts/conformance-cucumber.ts). */
    readonly referenceAppRunning: boolean;
    /** npm run bench: the file the phases reporter writes (scripts/bench/phases.ts). */
    readonly benchPhases?: string;
    /** This run's shard (SHARD, or Playwright's --shard: support/startup.ts writes it to SHARD). */
    readonly shard?: Shard;
    /** The browsers run in a remote Playwright browser server. */
    readonly remote?: RemoteBrowser;
    /** On a CI machine. */
    readonly ci: boolean;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid suite configuration (.env or environment):\n${problems.map((p) => `  • ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` with `schema`, or throws a ConfigError naming each bad variable. */
function validated<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  return parsed.data;
}

/**
 * Some settings only, validated as loadConfig would (for config files that need a few values and no ports,
 * e.g. allurerc.mjs, cucumber.mjs).
 */
export function pickSettings<K extends keyof Settings>(keys: readonly K[], env: NodeJS.ProcessEnv = process.env): Pick<Settings, K> {
  const mask = Object.fromEntries(keys.map((k) => [k, true])) as { [k in keyof Settings]?: true };
  return validated(EnvSchema.pick(mask), env) as unknown as Pick<Settings, K>;
}

/** The sensitivity run's settings (SENSITIVITY_*). */
export function loadSensitivitySettings(env: NodeJS.ProcessEnv = process.env): SensitivitySettings {
  return validated(SensitivitySchema, env);
}

/**
 * The top page's origin for a target when TARGET_TOP_URL is unset. A profile whose top page is on its My Page origin
 * (or names no top origin) keeps it there. A profile whose top page has a host of its own (hellowork: www. beside
 * kyushoku.) gives the top host by the first label of TARGET_URL's host: when that label is the profile's My Page
 * label, it is replaced by the top page's (kyushoku.X:port → www.X:port, for the real site, a staging copy or any
 * other domain). Otherwise the top page cannot be known, and guessing would make the verdict on "the top page is
 * shown" depend on a silent guess: a ConfigError asks for TARGET_TOP_URL.
 */
export function topOriginOf(profile: TargetProfile, myPage: string): { origin: string; source: string } {
  const { top, myPage: profileMyPage } = profile.origins;
  if (!top || !profileMyPage || top === profileMyPage) {
    return { origin: myPage, source: `TARGET_URL（プロファイル ${profile.name} ではトップ画面も求職者マイページと同じオリジン）` };
  }
  const label = (host: string) => host.split('.')[0] ?? host;
  const topHost = new URL(top).hostname;
  const profileHost = new URL(profileMyPage).hostname;
  const url = new URL(myPage);
  if (label(topHost) !== label(profileHost) && label(url.hostname) === label(profileHost) && url.hostname.includes('.')) {
    const derived = new URL(myPage);
    derived.hostname = [label(topHost), ...url.hostname.split('.').slice(1)].join('.');
    return {
      origin: derived.origin,
      source: `TARGET_URL からプロファイル ${profile.name} により導出: ${label(profileHost)}.… → ${label(topHost)}.…。TARGET_TOP_URL で指定し直せます`,
    };
  }
  throw new ConfigError([
    `TARGET_TOP_URL: required for TARGET_URL=${myPage} with the profile ${profile.name}: the profile puts the top page on a host of its own ` +
      `(${topHost}, beside My Page on ${profileHost}), and ${url.hostname} does not begin with "${label(profileHost)}.", so the top page's origin ` +
      `cannot be derived. Set TARGET_TOP_URL to the origin of the top page that logging out shows (such as ${url.protocol}//<the top page's host>${url.port ? `:${url.port}` : ''}).`,
  ]);
}

/** The origins a run checks, and where each came from: the first lines of a run. */
export function describeOrigins(suite: SuiteConfig): string {
  const site = suite.hellowork;
  return `トップ画面のオリジン: ${site.topOrigin}（${site.originSources.top}）／求職者マイページとログインのオリジン: ${site.baseURL}（${site.originSources.myPage}）`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const e = validated(EnvSchema, env);
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
    dialogs: e.DIALOGS,
    headless: e.HEADLESS,
    ...(e.PROJECTS ? { projects: e.PROJECTS } : {}),
    stepScreenshots: e.STEP_SCREENSHOTS,
    figures: e.FIGURES,
    figureDrift: e.FIGURE_DRIFT,
    ...(e.MANUAL_BASE_URL ? { manualBaseURL: e.MANUAL_BASE_URL } : {}),
    slowMo: e.SLOW_MO,
    workers: e.WORKERS,
    timeouts: { action: e.ACTION_TIMEOUT, expect: e.EXPECT_TIMEOUT, test: e.TEST_TIMEOUT },
    noteSettleMs: e.NOTE_SETTLE_MS,
    run: {
      deviations: e.DEVIATIONS,
      deviceProfile: e.DEVICE_PROFILE,
      ...(e.CUCUMBER_TAGS ? { cucumberTags: e.CUCUMBER_TAGS } : {}),
      cucumberSignoff: e.CUCUMBER_SIGNOFF,
      referenceAppRunning: e.REFERENCE_APP_RUNNING,
      ...(e.BENCH_PHASES ? { benchPhases: e.BENCH_PHASES } : {}),
      ...(e.SHARD ? { shard: e.SHARD } : {}),
      ...(e.PW_TEST_CONNECT_WS_ENDPOINT ? { remote: e.PW_TEST_CONNECT_WS_ENDPOINT } : {}),
      ci: e.CI,
    },
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
  const site = (myPage: string, top: { origin: string; source: string }, myPageSource: string, markup?: ReferenceMarkup): SuiteConfig['hellowork'] => {
    const at = (origin: string, p: string) => new URL(p, `${origin}/`).href;
    // TARGET_MYPAGE_SCREENS replaces the profile's list (a screen the site lacks is left out; the scenarios that start
    // from it are skipped with a printed reason). A path alone keeps the profile's titles for a screen it knows.
    const screens: Record<string, ScreenConfig> = e.TARGET_MYPAGE_SCREENS
      ? Object.fromEntries(
          Object.entries(e.TARGET_MYPAGE_SCREENS).map(([name, value]) => {
            const given = typeof value === 'string' ? { path: value } : value;
            const known = profile.screens[name];
            const titles = given.title !== undefined ? titlesOf(given.title) : known ? titlesOf(known.title) : [name];
            return [name, { url: at(myPage, given.path), titles, entry: `TARGET_MYPAGE_SCREENS の ${name}`, from: 'TARGET_MYPAGE_SCREENS' as const }];
          }),
        )
      : Object.fromEntries(
          Object.entries(profile.screens).map(([name, s]) => [
            name,
            { url: at(myPage, s.path), titles: titlesOf(s.title), entry: `プロファイル ${profile.name} の screens.${name}`, from: 'profile' as const },
          ]),
        );
    return {
      baseURL: myPage,
      topOrigin: top.origin,
      originSources: { myPage: myPageSource, top: top.source },
      topURL: at(top.origin, e.TARGET_TOP_PATH ?? profile.paths.top),
      loginURL: at(myPage, e.TARGET_LOGIN_PATH ?? profile.paths.login),
      cookieURL: at(myPage, profile.paths.cookieScope),
      screens,
      profile,
      ...(markup ? { markup } : {}),
    };
  };
  if (target && e.TARGET_URL && e.LOGIN_ID && e.LOGIN_PASSWORD) {
    const myPage = new URL(e.TARGET_URL).origin;
    const top = e.TARGET_TOP_URL ? { origin: new URL(e.TARGET_TOP_URL).origin, source: 'TARGET_TOP_URL' } : topOriginOf(profile, myPage);
    return {
      mode: 'target',
      hellowork: site(myPage, top, 'TARGET_URL'),
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
    throw new ConfigError(unset.map((k) => `${k}: the bundled app needs a port; support/startup.ts chooses a free one when unset`));
  }
  const seeker = defaultJobSeeker();
  const origins = bundledOrigins(e.REFERENCE_MARKUP, e.HELLOWORK_PORT);
  return {
    mode: 'bundled',
    hellowork: site(
      origins.myPage,
      { origin: origins.top, source: `同梱の参照アプリ、REFERENCE_MARKUP=${e.REFERENCE_MARKUP}` },
      `同梱の参照アプリ、REFERENCE_MARKUP=${e.REFERENCE_MARKUP}`,
      e.REFERENCE_MARKUP,
    ),
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
