/**
 * Starts the bundled reference app: the HelloWork stand-in on HELLOWORK_PORT and the
 * マイナポータル stand-in on http://mynaportal.localhost:<MYNAPORTAL_PORT>. Listens on loopback only.
 *
 * REFERENCE_MARKUP=bundled (default) serves HelloWork at http://hellowork.localhost:<port>;
 * REFERENCE_MARKUP=hellowork serves it like the real site, on two hosts of the same port:
 * http://www.hellowork.localhost:<port>/ (top page) and http://kyushoku.hellowork.localhost:<port>/kyushoku/…
 * (login, 求職者マイページ). http://127.0.0.1:<port>/healthz answers `ok` in both.
 *
 * DEVIATIONS=id,id switches on deliberate deviations from the manual (see deviations.ts);
 * LATE_LOGOUT_MS and SLOW_LOGOUT_MS tune the late-single-logout and slow-logout deviations.
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Deviations } from './deviations.ts';
import { SLOW_LOGOUT_MS } from './hellowork/common.ts';
import { HELLOWORK_LOGIN, helloworkOrigins, parseMarkup } from './markup.ts';
import { createReference, LATE_LOGOUT_MS } from './reference.ts';

function integer(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
  }
  return value;
}
const port = (name: string, fallback: number) => integer(name, fallback, 65535);

const hostname = '127.0.0.1';
const helloworkPort = port('HELLOWORK_PORT', 38080);
const mynaportalPort = port('MYNAPORTAL_PORT', 38081);
const deviations = Deviations.parse(process.env.DEVIATIONS);
const markup = parseMarkup(process.env.REFERENCE_MARKUP);
const site = helloworkOrigins(helloworkPort, markup);
const origins = {
  hellowork: site.mypage,
  top: site.top,
  mynaportal: `http://mynaportal.localhost:${mynaportalPort}`,
};
const { hellowork, mynaportal } = createReference(origins, deviations, {
  markup,
  lateLogoutMs: integer('LATE_LOGOUT_MS', LATE_LOGOUT_MS, 600_000),
  slowLogoutMs: integer('SLOW_LOGOUT_MS', SLOW_LOGOUT_MS, 600_000),
});

// マイナポータル first: HelloWork's /healthz answering (Playwright's webServer check) means both are up.
const mpServer = createServer(mynaportal.listener);
await new Promise<void>((resolve) => mpServer.listen(mynaportalPort, hostname, resolve));
console.log(`[reference-app] マイナポータル stand-in: ${origins.mynaportal}/`);
const hwServer = serve({ fetch: hellowork.app.fetch, hostname, port: helloworkPort }, () => {
  if (markup === 'hellowork') {
    console.log(`[reference-app] HelloWork stand-in (markup: hellowork): top page ${site.top}/`);
    console.log(`[reference-app] HelloWork stand-in (markup: hellowork): 求職者マイページ login ${site.mypage}${HELLOWORK_LOGIN.path}`);
  } else {
    console.log(`[reference-app] HelloWork stand-in: ${site.top}/`);
  }
  if (deviations.list.length > 0) console.log(`[reference-app] deviations on: ${deviations.list.join(', ')}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    hwServer.close();
    mpServer.close();
    process.exit(0);
  });
}
