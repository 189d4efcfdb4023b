/**
 * A bad configuration or an unreachable target must stop the run at once, naming the culprit,
 * before any browser starts (issue: real targets). Spawns Playwright itself, as a user would.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { checkOrigin, UnreachableTargetError } from '../support/preflight.ts';

function runPlaywright(env: Record<string, string>, args: readonly string[] = ['test', '--reporter=line']) {
  const started = Date.now();
  const res = spawnSync('npx', ['playwright', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, DEVIATIONS: '' },
    timeout: 60_000,
  });
  return { status: res.status, seconds: (Date.now() - started) / 1000, output: `${res.stdout}\n${res.stderr}` };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('checkOrigin names the variable and the URL of an origin that does not answer', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  await assert.rejects(checkOrigin('TARGET_URL', url, 2000), (e: unknown) => e instanceof UnreachableTargetError && e.message.includes(`TARGET_URL=${url}`));
});

test('a bad .env stops the run within 2 s naming each bad variable', () => {
  // The 2 s are the suite's: measured beyond what npx and Playwright's CLI take to start on this machine right now
  // (under load both grow; an absolute limit failed on a busy machine while the suite's own part stayed small).
  const cli = runPlaywright({}, ['--version']).seconds;
  const run = runPlaywright({ TARGET_URL: 'not a url', LOGIN_ID: 'someone', LOGIN_PASSWORD: '' });
  assert.notEqual(run.status, 0);
  assert.match(run.output, /TARGET_URL: an absolute http\(s\) URL/);
  assert.ok(run.seconds - cli < 2, `took ${run.seconds.toFixed(2)} s, of which npx and Playwright's CLI start-up ${cli.toFixed(2)} s`);
  const missing = runPlaywright({ TARGET_URL: 'https://staging.example.jp', LOGIN_ID: 'someone', LOGIN_PASSWORD: '' });
  assert.notEqual(missing.status, 0);
  assert.match(missing.output, /LOGIN_PASSWORD: required when TARGET_URL is set/);
  // Settings of the run itself too (support/config.ts), one paragraph without a stack.
  const shard = runPlaywright({ SHARD: '3/2', PW_TEST_CONNECT_WS_ENDPOINT: 'localhost:3000' });
  assert.notEqual(shard.status, 0);
  assert.match(shard.output, /SHARD: expected <current>\/<total>/);
  assert.match(shard.output, /PW_TEST_CONNECT_WS_ENDPOINT: a ws:\/\/ or wss:\/\/ URL/);
  assert.doesNotMatch(shard.output, /\n\s+at /);
});

test('an unreachable target stops the run within 10 s with one line naming it, before any scenario', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const run = runPlaywright({ TARGET_URL: url, TARGET_PROFILE: 'reference', LOGIN_ID: 'someone', LOGIN_PASSWORD: 'x' });
  assert.notEqual(run.status, 0);
  assert.match(run.output, new RegExp(`Preflight: TARGET_URL=${url.replace(/[.]/g, '\\.')} is not reachable`));
  assert.doesNotMatch(run.output, /passed|✓/);
  assert.ok(run.seconds < 10, `took ${run.seconds} s`);
});
