/** Scale-out settings (support/scale-out.ts) and the merge's shard check (scripts/merge-reports.ts), without a browser. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import AdmZip from 'adm-zip';
import { blobShard, shardProblems } from '../scripts/merge-reports.ts';
import { ConfigError } from '../support/config.ts';
import { redact, UnreadableArchiveError } from '../support/redact.ts';
import {
  allureResultsDir,
  blobDir,
  isMergeReports,
  ownOutputDirs,
  parseRemoteBrowser,
  parseShard,
  shardArgument,
  testResultsDir,
} from '../support/scale-out.ts';
import { startUp } from '../support/startup.ts';

/** The bundled app's ports given, so that startUp picks none. */
const PORTS = { HELLOWORK_PORT: '4000', MYNAPORTAL_PORT: '4001' };

test('SHARD and --shard name one shard of a run', () => {
  assert.deepEqual(parseShard('2/3'), { current: 2, total: 3 });
  assert.equal(parseShard(''), undefined);
  assert.equal(parseShard(undefined), undefined);
  for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /SHARD=.*expected <current>\/<total>/);
  assert.equal(shardArgument(['node', 'cli.js', 'test', '--shard=1/2']), '1/2');
  assert.equal(shardArgument(['node', 'cli.js', 'test', '--shard', '2/2', '--project', 'x']), '2/2');
  assert.equal(shardArgument(['node', 'cli.js', 'test']), undefined);
});

test('--shard wins over SHARD, and the answer is written back for the workers', () => {
  const env: NodeJS.ProcessEnv = { ...PORTS, SHARD: '1/4' };
  assert.deepEqual(startUp({ env, dotenv: false, argv: ['node', 'cli.js', 'test', '--shard=3/4'] }).run.shard, { current: 3, total: 4 });
  assert.equal(env.SHARD, '3/4');
  const worker: NodeJS.ProcessEnv = { ...PORTS, SHARD: env.SHARD };
  assert.deepEqual(startUp({ env: worker, dotenv: false, argv: ['node', 'workerMain.js'] }).run.shard, { current: 3, total: 4 });
  assert.equal(startUp({ env: { ...PORTS }, dotenv: false, argv: ['node', 'cli.js', 'test'] }).run.shard, undefined);
  assert.throws(() => startUp({ env: { ...PORTS }, dotenv: false, argv: ['node', 'cli.js', 'test', '--shard=5/4'] }), /--shard=5\/4: expected/);
  assert.throws(
    () => startUp({ env: { ...PORTS, SHARD: '5/4' }, dotenv: false }),
    (e: unknown) => e instanceof ConfigError && /SHARD: expected <current>\/<total>.*\(got "5\/4"\)/.test(e.message),
  );
});

test("a shard's outputs have their own folders; an unsharded run keeps the usual ones", () => {
  const shard = { current: 2, total: 2 };
  assert.equal(blobDir(shard), 'reports/blob/shard-2');
  assert.equal(allureResultsDir(shard), 'reports/allure-results/shard-2');
  assert.equal(allureResultsDir(undefined), 'reports/allure-results');
  assert.equal(testResultsDir(shard), 'test-results/shard-2');
  assert.equal(testResultsDir(undefined), 'test-results');
});

test('merge-reports is recognised from the command line', () => {
  assert.equal(isMergeReports(['node', 'cli.js', 'merge-reports', '--config', 'playwright.config.ts', 'reports/blob-all']), true);
  assert.equal(isMergeReports(['node', 'cli.js', 'test', '--grep', 'merge-reports']), false);
});

test('a remote browser is named by its origin only (endpoints may carry a token)', () => {
  assert.equal(parseRemoteBrowser(undefined), undefined);
  assert.equal(startUp({ env: { ...PORTS }, dotenv: false }).run.remote, undefined);
  const remote = startUp({ env: { ...PORTS, PW_TEST_CONNECT_WS_ENDPOINT: 'ws://browsers.example.jp:3000/secret-token?x=1' }, dotenv: false }).run.remote;
  assert.deepEqual(remote, { wsEndpoint: 'ws://browsers.example.jp:3000/secret-token?x=1', origin: 'ws://browsers.example.jp:3000' });
  assert.throws(
    () => startUp({ env: { ...PORTS, PW_TEST_CONNECT_WS_ENDPOINT: 'not a url' }, dotenv: false }),
    (e: unknown) => e instanceof ConfigError && /PW_TEST_CONNECT_WS_ENDPOINT: a ws:\/\/ or wss:\/\/ URL/.test(e.message),
  );
});

test("a blob report's shard is read from its own metadata", () => {
  const dir = mkdtempSync(join(tmpdir(), 'blob-'));
  try {
    const file = join(dir, 'report-2.zip');
    const zip = new AdmZip();
    const metadata = { method: 'onBlobReportMetadata', params: { version: 2, shard: { total: 2, current: 2 } } };
    zip.addFile('report.jsonl', Buffer.from(`${JSON.stringify(metadata)}\n{"method":"onConfigure","params":{}}\n`));
    zip.writeZip(file);
    assert.deepEqual(blobShard(file), { total: 2, current: 2 });
    const other = join(dir, 'other.zip');
    new AdmZip().writeZip(other);
    assert.throws(() => blobShard(other), /not a Playwright blob report/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the merge accepts only a complete set of shards, each with its Allure results', () => {
  const blob = (current: number, total = 3) => ({ file: `report-${current}.zip`, shard: { current, total } });
  assert.deepEqual(shardProblems([blob(1), blob(2), blob(3)], new Set([1, 2, 3])), []);
  assert.deepEqual(shardProblems([blob(1), blob(3)], new Set([1, 3])), [
    'shard 2/3: no blob report',
    'shard 2/3: no Allure results (shard-2 under the Allure results folder)',
  ]);
  assert.match(shardProblems([blob(1), blob(1), blob(2), blob(3)], new Set([1, 2, 3])).join(), /shard 1\/3: 2 blob reports/);
  assert.match(shardProblems([blob(1, 2), blob(2, 3)], new Set([1, 2])).join(), /differently sharded runs/);
  assert.match(shardProblems([{ file: 'report.zip', shard: undefined }], new Set()).join(), /unsharded run/);
  assert.deepEqual(shardProblems([], new Set()), ['no blob reports found']);
});

test("a shard masks secrets only in its own folders: never in another shard's blob zip, which may be half-written", () => {
  const one = ownOutputDirs({ current: 1, total: 2 });
  const two = { current: 2, total: 2 };
  const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
  for (const other of [blobDir(two), allureResultsDir(two), testResultsDir(two), `${blobDir(two)}/report-2.zip`]) {
    for (const dir of one) assert.ok(!inside(other, dir), `shard 1 would rewrite ${other} (it masks ${dir})`);
  }
  assert.deepEqual(one, [testResultsDir({ current: 1, total: 2 }), blobDir({ current: 1, total: 2 }), allureResultsDir({ current: 1, total: 2 })]);
  // A whole run, or the merge after every shard has ended, owns everything it wrote.
  assert.deepEqual(ownOutputDirs(undefined), ['reports', 'test-results']);
});

test('a zip that cannot be read is named, as not checked for secrets (no bare adm-zip stack)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redact-'));
  try {
    writeFileSync(join(dir, 'report-2.zip'), 'PK\u0003\u0004 half written');
    assert.throws(
      () => redact([dir], ['a-long-secret']),
      (e: Error) => e instanceof UnreadableArchiveError && e.message.includes('report-2.zip') && /could not be checked for passwords/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
