/**
 * Suite configuration: .env (loaded by playwright.config.ts) plus the environment,
 * validated in one place. Without TARGET_URL the suite runs against the bundled
 * reference app; with it, against that deployment.
 */
import { z } from 'zod';
import { defaultJobSeeker } from '../fixtures/accounts.ts';

/** Reference-app screen paths, also the defaults for a configured target. */
export const DEFAULT_MYPAGE_SCREENS: Readonly<Record<string, string>> = {
  求職者マイページホーム: '/mypage',
  求人情報検索: '/mypage/search',
  メッセージ: '/mypage/messages',
  応募中の求人: '/mypage/applications',
};

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
  TARGET_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TARGET_TOP_PATH: path.default('/'),
  TARGET_LOGIN_PATH: path.default('/login'),
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
  TOP_AREA_RATIO: z.coerce.number().gt(0).max(1).default(0.25),
  HEADLESS: flag.default(true),
  SLOW_MO: ms.default(0),
  ACTION_TIMEOUT: ms.default(10_000),
  EXPECT_TIMEOUT: ms.default(5_000),
  TEST_TIMEOUT: ms.default(60_000),
});

export interface SuiteConfig {
  readonly mode: 'bundled' | 'target';
  readonly hellowork: {
    readonly baseURL: string;
    readonly topPath: string;
    readonly loginPath: string;
    readonly myPageScreens: Readonly<Record<string, string>>;
  };
  readonly account: { readonly loginId: string; readonly password: string; readonly name?: string };
  readonly bundled?: { readonly helloworkPort: number };
  readonly topAreaRatio: number;
  readonly headless: boolean;
  readonly slowMo: number;
  readonly timeouts: { readonly action: number; readonly expect: number; readonly test: number };
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
    const missing = (['LOGIN_ID', 'LOGIN_PASSWORD'] as const).filter((k) => !e[k]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((k) => `${k}: required when TARGET_URL is set (the job-seeker account used to log in)`));
    }
  }
  const base = {
    topAreaRatio: e.TOP_AREA_RATIO,
    headless: e.HEADLESS,
    slowMo: e.SLOW_MO,
    timeouts: { action: e.ACTION_TIMEOUT, expect: e.EXPECT_TIMEOUT, test: e.TEST_TIMEOUT },
  };
  const paths = {
    topPath: e.TARGET_TOP_PATH,
    loginPath: e.TARGET_LOGIN_PATH,
    myPageScreens: e.TARGET_MYPAGE_SCREENS ?? DEFAULT_MYPAGE_SCREENS,
  };
  if (e.TARGET_URL && e.LOGIN_ID && e.LOGIN_PASSWORD) {
    return {
      mode: 'target',
      hellowork: { baseURL: e.TARGET_URL.replace(/\/+$/, ''), ...paths },
      account: { loginId: e.LOGIN_ID, password: e.LOGIN_PASSWORD },
      ...base,
    };
  }
  if (e.HELLOWORK_PORT === 0) {
    throw new ConfigError(['HELLOWORK_PORT: the bundled app needs a port; playwright.config.ts chooses a free one when unset']);
  }
  const seeker = defaultJobSeeker();
  return {
    mode: 'bundled',
    hellowork: { baseURL: `http://hellowork.localhost:${e.HELLOWORK_PORT}`, ...paths },
    account: { loginId: seeker.loginId, password: seeker.password, name: seeker.name },
    bundled: { helloworkPort: e.HELLOWORK_PORT },
    ...base,
  };
}
