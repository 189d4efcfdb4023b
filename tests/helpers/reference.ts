/** Both stand-ins of the reference app, in-process on loopback ports, for tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Deviations } from '../../reference-app/src/deviations.ts';
import { helloworkOrigins, type Markup } from '../../reference-app/src/markup.ts';
import { createReference } from '../../reference-app/src/reference.ts';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export interface StartOptions {
  readonly mynaportalDown?: boolean;
  /** `hellowork`: HelloWork on its two *.localhost hosts (reach it with `hellowork.app.request(url)`, which keeps the host). */
  readonly markup?: Markup;
  readonly lateLogoutMs?: number;
  readonly slowLogoutMs?: number;
}

/**
 * Both stand-ins on loopback ports. Bundled markup: both on 127.0.0.1 (Node cannot resolve *.localhost;
 * cookie names differ, so one host is fine here). Hellowork markup: HelloWork's origins are
 * www./kyushoku.hellowork.localhost (its host dispatch needs them), マイナポータル stays on 127.0.0.1.
 */
export async function startReference(deviations = new Deviations(), options: StartOptions = {}) {
  const markup = options.markup ?? 'bundled';
  const hwServer = createServer();
  const mpServer = createServer();
  const hwPort = await listen(hwServer);
  const mpPort = await listen(mpServer);
  hwServer.close();
  const site = helloworkOrigins(hwPort, markup);
  const origins =
    markup === 'hellowork'
      ? { hellowork: site.mypage, top: site.top, mynaportal: `http://127.0.0.1:${mpPort}` }
      : { hellowork: `http://127.0.0.1:${hwPort}`, mynaportal: `http://127.0.0.1:${mpPort}` };
  const ref = createReference(origins, deviations, { markup, settings: { SLOW_LOGOUT_MS: options.slowLogoutMs, LATE_LOGOUT_MS: options.lateLogoutMs } });
  if (options.mynaportalDown) mpServer.close();
  else mpServer.on('request', ref.mynaportal.listener);
  const hw = serve({ fetch: ref.hellowork.app.fetch, hostname: '127.0.0.1', port: hwPort });
  await new Promise((resolve) => hw.once('listening', resolve));
  return {
    ...ref,
    origins,
    site,
    async close() {
      hw.close();
      mpServer.close();
    },
  };
}
