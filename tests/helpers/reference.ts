/** Both stand-ins of the reference app, in-process on loopback ports, for tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Deviations } from '../../reference-app/src/deviations.ts';
import { createReference } from '../../reference-app/src/reference.ts';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Both stand-ins on loopback ports (Node cannot resolve *.localhost; cookie names differ, so one host is fine here). */
export async function startReference(deviations = new Deviations(), options: { mynaportalDown?: boolean } = {}) {
  const hwServer = createServer();
  const mpServer = createServer();
  const hwPort = await listen(hwServer);
  const mpPort = await listen(mpServer);
  hwServer.close();
  const origins = { hellowork: `http://127.0.0.1:${hwPort}`, mynaportal: `http://127.0.0.1:${mpPort}` };
  const ref = createReference(origins, deviations);
  if (options.mynaportalDown) mpServer.close();
  else mpServer.on('request', ref.mynaportal.listener);
  const hw = serve({ fetch: ref.hellowork.app.fetch, hostname: '127.0.0.1', port: hwPort });
  await new Promise((resolve) => hw.once('listening', resolve));
  return {
    ...ref,
    origins,
    async close() {
      hw.close();
      mpServer.close();
    },
  };
}

