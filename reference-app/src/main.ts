/**
 * Starts the bundled reference app: the HelloWork stand-in on
 * http://hellowork.localhost:<HELLOWORK_PORT>. Listens on loopback only.
 */
import { serve } from '@hono/node-server';
import { createHelloWorkApp } from './hellowork/app.tsx';

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
const { app } = createHelloWorkApp();

const server = serve({ fetch: app.fetch, hostname, port: helloworkPort }, (info) => {
  console.log(`[reference-app] HelloWork stand-in: http://hellowork.localhost:${info.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
