/**
 * Remote browser (README "Remote browser"): with PW_TEST_CONNECT_WS_ENDPOINT set, Playwright's own
 * `connectOptions` fixture connects to a browser server instead of launching a browser. Here the server is
 * the system Chromium started by chromium.launchServer() in this process, on loopback (the reference app's
 * *.localhost names resolve to loopback inside Chromium, so the same-machine "remote" browser reaches it).
 * A subset of the suite (pc-chromium, manual 3.3(1)) runs in a sandbox copy of the working tree.
 *
 * What proves the server served the run, and nothing else did:
 *  - the server's own protocol log (launchServer's logger): a browser context per scenario, and page loads
 *    of this run's reference app (its ports are chosen here, so no other run can be mistaken for it);
 *  - the run had no local Chromium to launch: Playwright's own build is not installed here and CHROMIUM_PATH
 *    points nowhere, which makes the same command without the endpoint fail at once (NoChromiumError) — so
 *    the config needs no local browser in remote mode, and the scenarios' browser can only have been the
 *    server's. (Where Playwright's build is installed, that last check is skipped.)
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type BrowserServer, chromium } from '@playwright/test';
import { BARE_MACHINE_FLAG, bareMachine, resolveChromium } from '../../support/browser.ts';
import { freePortsSync } from '../../support/ports.ts';
import { makeSandbox, type Run } from './helpers/sandbox.ts';

const SUBSET = ['playwright', 'test', '--project', 'pc-chromium', '--grep', '@3.3-1(?![\\w-])', '--reporter=json'];
const NO_LOCAL_CHROMIUM = '/nonexistent/chromium-for-remote-test';

interface JsonReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  errors: unknown[];
}

describe('the suite in a remote browser (PW_TEST_CONNECT_WS_ENDPOINT)', () => {
  const sb = makeSandbox('remote');
  const [helloworkPort, mynaportalPort] = freePortsSync(2);
  const ports = { HELLOWORK_PORT: String(helloworkPort), MYNAPORTAL_PORT: String(mynaportalPort) };
  const resolved = resolveChromium();
  /** CDP commands the server sent to its Chromium, by method; and the URLs it navigated to. */
  const sent = new Map<string, number>();
  const navigations: string[] = [];
  let server: BrowserServer;
  let run: Run;
  let report: JsonReport | undefined;

  before(async () => {
    server = await chromium.launchServer({
      ...resolved.launchOptions, // the system Chromium (executablePath) with the background-networking flags (args)
      headless: true,
      host: '127.0.0.1',
      logger: {
        isEnabled: (name) => name === 'protocol',
        log: (_name, _severity, message) => {
          const m = /^SEND ► (\{.*\})$/s.exec(String(message));
          if (!m?.[1]) return;
          const { method, params } = JSON.parse(m[1]) as { method: string; params?: { url?: string } };
          sent.set(method, (sent.get(method) ?? 0) + 1);
          if (method === 'Page.navigate' && params?.url) navigations.push(params.url);
        },
      },
    });
    assert.equal(sb.run('npx', ['bddgen']).status, 0);
    // Asynchronous: this process must keep serving the browser while the run uses it.
    run = await sb.start('npx', SUBSET, {
      ...ports,
      CHROMIUM_PATH: NO_LOCAL_CHROMIUM,
      PW_TEST_CONNECT_WS_ENDPOINT: server.wsEndpoint(),
      PLAYWRIGHT_JSON_OUTPUT_FILE: sb.path('remote.json'),
    });
    if (existsSync(sb.path('remote.json'))) report = JSON.parse(readFileSync(sb.path('remote.json'), 'utf8')) as JsonReport;
    console.log(`remote run: ${run.seconds.toFixed(1)} s`);
  });

  after(async () => {
    await server?.close();
    sb.remove();
  });

  test('the scenarios pass in the remote browser', () => {
    assert.equal(run.status, 0, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    assert.ok(report, 'no JSON report');
    assert.deepEqual(report.errors, []);
    assert.ok(report.stats.expected >= 1, 'no scenario ran');
    const { unexpected, skipped, flaky } = report.stats;
    assert.deepEqual({ unexpected, skipped, flaky }, { unexpected: 0, skipped: 0, flaky: 0 });
  });

  test("the browser server's own log shows a context per scenario and this run's pages", () => {
    assert.ok(report, 'no JSON report');
    const { stats } = report;
    const contexts = sent.get('Target.createBrowserContext') ?? 0;
    assert.ok(contexts >= stats.expected, `${contexts} browser contexts on the server for ${stats.expected} scenarios`);
    const ours = navigations.filter((url) => url.startsWith(`http://hellowork.localhost:${helloworkPort}/`));
    assert.ok(ours.length >= stats.expected, `the server loaded ${ours.length} pages of this run's app: ${navigations.join(', ')}`);
  });

  test('the run had no local browser to fall back on', (t) => {
    if (resolved.source === 'playwright') {
      t.skip("Playwright's own Chromium is installed here and wins over CHROMIUM_PATH");
      return;
    }
    if (bareMachine()) {
      t.skip(`${BARE_MACHINE_FLAG}=1 ignores CHROMIUM_PATH and takes the npm Chromium: there is always a local browser to fall back on`);
      return;
    }
    // The same command and environment, without the endpoint: the config itself refuses, before any scenario.
    const local = sb.run('npx', SUBSET, { ...ports, CHROMIUM_PATH: NO_LOCAL_CHROMIUM });
    assert.notEqual(local.status, 0);
    assert.match(`${local.stdout}${local.stderr}`, /No Chromium found .*CHROMIUM_PATH=\/nonexistent/);
  });
});
