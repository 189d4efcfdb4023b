/**
 * Starts the bundled reference app as a child process and waits until it answers,
 * for runners that have no webServer of their own (cucumber-js, the benchmark).
 * playwright.config.ts starts the same command through Playwright's webServer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const REFERENCE_APP_MAIN = fileURLToPath(new URL('../reference-app/src/main.ts', import.meta.url));
/** How long the app may take to answer its health check. */
const TIMEOUT_MS = 30_000;

export interface RunningReferenceApp {
  readonly helloworkPort: number;
  readonly mynaportalPort: number;
  stop(): Promise<void>;
}

export async function startReferenceApp(options: {
  helloworkPort: number;
  mynaportalPort: number;
  deviations?: string;
  /** Which markup it renders (REFERENCE_MARKUP); default: the environment's. */
  markup?: 'bundled' | 'hellowork';
}): Promise<RunningReferenceApp> {
  const { helloworkPort, mynaportalPort } = options;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', REFERENCE_APP_MAIN], {
    env: {
      ...process.env,
      HELLOWORK_PORT: String(helloworkPort),
      MYNAPORTAL_PORT: String(mynaportalPort),
      DEVIATIONS: options.deviations ?? '',
      ...(options.markup ? { REFERENCE_MARKUP: options.markup } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const health = `http://127.0.0.1:${helloworkPort}/healthz`;
  const deadline = Date.now() + TIMEOUT_MS;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(health, { signal: AbortSignal.timeout(1000) })).ok) return { helloworkPort, mynaportalPort, stop };
    } catch {
      // not listening yet
    }
    await delay(50);
  }
  await stop();
  throw new Error(
    `the reference app did not answer at ${health} ${gone ? '(it exited)' : `within ${TIMEOUT_MS / 1000} s`}${stderr ? `:\n${stderr.trim()}` : ''}`,
  );
}
