/**
 * Last reporter of the run: masks passwords and PINs in everything the run wrote
 * (traces, HTML / Cucumber / Allure reports, sign-off, logs). See support/redact.ts.
 */
import type { Reporter } from '@playwright/test/reporter';
import { loadAccounts } from '../../reference-app/src/accounts.ts';
import { loadConfig } from '../config.ts';
import { redact } from '../redact.ts';

export function suiteSecrets(): string[] {
  const env = process.env;
  const secrets = [env.LOGIN_PASSWORD, env.MYNAPORTAL_PIN].filter((s): s is string => Boolean(s));
  try {
    const suite = loadConfig(env);
    secrets.push(suite.account.password);
    if (suite.mynaportal) secrets.push(suite.mynaportal.pin);
  } catch {
    // a bad configuration stopped the run before anything was typed
  }
  // The bundled app's test accounts are typed too (and are recognisable canaries for the secrets test).
  for (const a of loadAccounts()) secrets.push(a.password, a.mynaportal.pin);
  return secrets;
}

/** Masks the suite's secrets in everything under `dirs`, and says how many files it changed. */
export function redactSuiteSecrets(dirs: readonly string[]): number {
  const n = redact(dirs, suiteSecrets());
  if (n > 0) console.log(`[redact] パスワード・暗証番号を ${n} 個のファイル（またはトレース内のファイル）で伏せました。`);
  return n;
}

export default class RedactSecrets implements Reporter {
  /**
   * `dirs`: what this run wrote. A whole run (or a merge) owns reports/ and test-results/; a shard owns only its
   * own folders, because shards may share a checkout and another shard may still be writing its blob zip there
   * (reading a half-written zip failed a shard, and rewriting another run's zip could corrupt it).
   */
  constructor(private readonly options: { dirs: readonly string[] }) {}

  printsToStdio(): boolean {
    return false;
  }

  async onExit(): Promise<void> {
    // onExit runs after every reporter's onEnd, when the HTML report has copied its traces.
    redactSuiteSecrets(this.options.dirs);
  }
}
