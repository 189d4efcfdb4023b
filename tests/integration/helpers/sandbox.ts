/**
 * A throw-away copy of the working tree (tracked and untracked files that git does not ignore:
 * what a fresh checkout of this change would hold) with node_modules linked in. Integration tests
 * that run the suite work there, so that their reports, test-results and generated files never
 * replace the reports of the last real run in the project itself. KEEP_SANDBOX=1 keeps it for a look.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface Sandbox {
  readonly dir: string;
  /** Runs a command in the sandbox (env: the test's environment without .env settings of the project, plus `env`). */
  run(command: string, args: readonly string[], env?: Record<string, string>, timeoutMs?: number): Run;
  /** The same, without blocking the event loop (for commands that run beside an in-process server). */
  start(command: string, args: readonly string[], env?: Record<string, string>, timeoutMs?: number): Promise<Run>;
  path(...parts: string[]): string;
  remove(): void;
}

/** The environment of a run: no target, deviations or shard leaking in from the shell that runs the tests. */
function runEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DEVIATIONS: '', TARGET_URL: '', SHARD: '', PROJECTS: '', FORCE_COLOR: '0' };
  delete env.PW_TEST_CONNECT_WS_ENDPOINT;
  return { ...env, ...extra };
}

const done = (res: SpawnSyncReturns<string>, started: number): Run => ({
  status: res.status,
  stdout: res.stdout ?? '',
  stderr: `${res.stderr ?? ''}${res.error ? `\n${res.error.message}` : ''}`,
  seconds: (Date.now() - started) / 1000,
});

export function makeSandbox(name: string): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), `conformance-${name}-`));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    // In a git worktree node_modules may be a link to the main checkout's: git lists the link (`node_modules/` ignores folders only).
    if (file === 'node_modules') continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    run(command, args, env = {}, timeoutMs = 300_000) {
      const started = Date.now();
      return done(spawnSync(command, args, { cwd: dir, env: runEnv(env), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }), started);
    },
    start(command, args, env = {}, timeoutMs = 300_000) {
      const started = Date.now();
      return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: dir, env: runEnv(env), timeout: timeoutMs });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += String(chunk);
        });
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        child.on('error', (error) => {
          stderr += `\n${error.message}`;
        });
        child.on('close', (status) => resolve({ status, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
      });
    },
    path: (...parts) => join(dir, ...parts),
    remove() {
      if (process.env.KEEP_SANDBOX === '1') console.log(`sandbox kept: ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
