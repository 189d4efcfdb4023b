/**
 * Starts the bundled reference app: the HelloWork stand-in on
 * http://hellowork.localhost:<HELLOWORK_PORT> and the マイナポータル stand-in on
 * http://mynaportal.localhost:<MYNAPORTAL_PORT>. Listens on loopback only.
 * DEVIATIONS=id,id switches on deliberate deviations from the manual (see deviations.ts).
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Deviations } from './deviations.ts';
import { createReference } from './reference.ts';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port number (0-65535), got "${raw}"`);
  }
  return value;
}

const hostname = '127.0.0.1';
const helloworkPort = port('HELLOWORK_PORT', 38080);
const mynaportalPort = port('MYNAPORTAL_PORT', 38081);
const deviations = Deviations.parse(process.env.DEVIATIONS);
const origins = {
  hellowork: `http://hellowork.localhost:${helloworkPort}`,
  mynaportal: `http://mynaportal.localhost:${mynaportalPort}`,
};
const { hellowork, mynaportal } = createReference(origins, deviations);

// マイナポータル first: HelloWork's /healthz answering (Playwright's webServer check) means both are up.
const mpServer = createServer(mynaportal.listener);
await new Promise<void>((resolve) => mpServer.listen(mynaportalPort, hostname, resolve));
console.log(`[reference-app] マイナポータル stand-in: ${origins.mynaportal}/`);
const hwServer = serve({ fetch: hellowork.app.fetch, hostname, port: helloworkPort }, () => {
  console.log(`[reference-app] HelloWork stand-in: ${origins.hellowork}/`);
  if (deviations.list.length > 0) console.log(`[reference-app] deviations on: ${deviations.list.join(', ')}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    hwServer.close();
    mpServer.close();
    process.exit(0);
  });
}
