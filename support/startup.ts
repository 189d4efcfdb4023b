/**
 * How every runner starts: .env, then free ports for the bundled app, then the validated
 * configuration (support/config.ts). playwright.config.ts, the cucumber-js World
 * (fixtures/cucumber-js/world.ts), scripts/conformance-cucumber.ts and the bench floor
 * (scripts/bench/floor.ts) call startUp(); config files that need a few settings only
 * (cucumber.mjs, allurerc.mjs) call settingsOrStop().
 *
 * A bad setting throws a ConfigError (a bad --shard a ScaleOutSettingError): the callers
 * stop with its message alone (support/cannot-start.ts).
 */
import { config as loadDotenv } from 'dotenv';
import { orStop } from './cannot-start.ts';
import { loadConfig, pickSettings, type Settings, type SuiteConfig } from './config.ts';
import { ensurePorts } from './ports.ts';
import { applyShardArgument } from './scale-out.ts';

/** The bundled app's ports, chosen free when unset (or 0). */
export const BUNDLED_APP_PORTS = ['HELLOWORK_PORT', 'MYNAPORTAL_PORT'] as const;

export interface StartUpOptions {
  /** The environment to read and complete (default process.env): .env fills what it lacks, then the free ports. */
  readonly env?: NodeJS.ProcessEnv;
  /** The .env file to load (default .env in the working directory), or false for none. */
  readonly dotenv?: string | false;
  /** Playwright's command line, whose --shard overrides SHARD (Playwright runs only). */
  readonly argv?: readonly string[];
}

function loadEnvFile(env: NodeJS.ProcessEnv, file: string | false | undefined): void {
  // Never overrides: what the environment says wins over .env.
  if (file !== false) loadDotenv({ quiet: true, processEnv: env, ...(file ? { path: file } : {}) });
}

/**
 * .env → free ports for the bundled app (without TARGET_URL; written to `env`, so that the app, Playwright's
 * workers and child processes see the same ones) → the validated configuration.
 */
export function startUp(options: StartUpOptions = {}): SuiteConfig {
  const env = options.env ?? process.env;
  loadEnvFile(env, options.dotenv);
  if (options.argv) applyShardArgument(env, options.argv);
  // Unset as the schema reads it (empty or blank); a bad TARGET_URL is reported by loadConfig with the rest.
  if (!env.TARGET_URL?.trim()) ensurePorts(BUNDLED_APP_PORTS, env);
  return loadConfig(env);
}

/** .env → some settings only, validated as startUp would; no ports chosen. */
export function readSettings<K extends keyof Settings>(keys: readonly K[], options: Omit<StartUpOptions, 'argv'> = {}): Pick<Settings, K> {
  const env = options.env ?? process.env;
  loadEnvFile(env, options.dotenv);
  return pickSettings(keys, env);
}

/**
 * readSettings for the .mjs config files: a bad setting stops the process with its message alone. (They load this
 * module through tsx's tsImport, so they could not tell a ConfigError of their own copy from any other error.)
 */
export function settingsOrStop<K extends keyof Settings>(keys: readonly K[]): Pick<Settings, K> {
  return orStop(() => readSettings(keys));
}
