/**
 * Shard runs only (playwright.config.ts lists it just before the blob reporter): masks passwords and PINs
 * in the shard's test-results — traces, which carry the fill call, the login POST body and DOM snapshots —
 * at onEnd, before the blob reporter packs them into its zip. support/reporters/redact-secrets.ts runs at
 * onExit, when the blob is already written, and leaves zips inside zips (a blob's traces) alone; without
 * this, a shard's blob artifact would carry the secrets in clear.
 */
import type { Reporter } from '@playwright/test/reporter';
import { redact } from '../redact.ts';
import { suiteSecrets } from './redact-secrets.ts';

export default class RedactBeforeBlob implements Reporter {
  constructor(private readonly options: { dirs: readonly string[] }) {}

  printsToStdio(): boolean {
    return false;
  }

  // Reporters' onEnd run one after the other, in the configured order (Playwright's Multiplexer).
  onEnd(): void {
    redact(this.options.dirs, suiteSecrets());
  }
}
