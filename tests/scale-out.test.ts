/** Scale-out settings (support/scale-out.ts) and the merge's shard check (scripts/merge-reports.ts), without a browser. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import AdmZip from 'adm-zip';
import { blobShard, shardProblems } from '../scripts/merge-reports.ts';
import { allureResultsDir, blobDir, isMergeReports, parseShard, remoteBrowser, resolveShard, shardArgument, testResultsDir } from '../support/scale-out.ts';

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
  const env: NodeJS.ProcessEnv = { SHARD: '1/4' };
  assert.deepEqual(resolveShard(env, ['node', 'cli.js', 'test', '--shard=3/4']), { current: 3, total: 4 });
  assert.equal(env.SHARD, '3/4');
  const worker: NodeJS.ProcessEnv = { SHARD: env.SHARD };
  assert.deepEqual(resolveShard(worker, ['node', 'workerMain.js']), { current: 3, total: 4 });
  assert.equal(resolveShard({}, ['node', 'cli.js', 'test']), undefined);
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
  assert.equal(remoteBrowser({}), undefined);
  assert.deepEqual(remoteBrowser({ PW_TEST_CONNECT_WS_ENDPOINT: 'ws://browsers.example.jp:3000/secret-token?x=1' }), {
    wsEndpoint: 'ws://browsers.example.jp:3000/secret-token?x=1',
    origin: 'ws://browsers.example.jp:3000',
  });
  assert.throws(() => remoteBrowser({ PW_TEST_CONNECT_WS_ENDPOINT: 'not a url' }), /PW_TEST_CONNECT_WS_ENDPOINT/);
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
  assert.deepEqual(shardProblems([blob(1), blob(3)], new Set([1, 3])), ['shard 2/3: no blob report', 'shard 2/3: no Allure results (shard-2 under the Allure results folder)']);
  assert.match(shardProblems([blob(1), blob(1), blob(2), blob(3)], new Set([1, 2, 3])).join(), /shard 1\/3: 2 blob reports/);
  assert.match(shardProblems([blob(1, 2), blob(2, 3)], new Set([1, 2])).join(), /differently sharded runs/);
  assert.match(shardProblems([{ file: 'report.zip', shard: undefined }], new Set()).join(), /unsharded run/);
  assert.deepEqual(shardProblems([], new Set()), ['no blob reports found']);
});
