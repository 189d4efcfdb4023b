/**
 * Free TCP ports on loopback, chosen synchronously because Playwright loads its
 * config synchronously (support/startup.ts asks for the bundled app's). The chosen
 * ports are written to the environment so that the web server, every worker and
 * child process see the same ones.
 */
import { execFileSync } from 'node:child_process';

const PROBE = `
const net = require('node:net');
const n = Number(process.argv[1]);
const servers = [];
let left = n;
for (let i = 0; i < n; i++) {
  const s = net.createServer();
  servers.push(s);
  s.listen(0, '127.0.0.1', () => {
    if (--left === 0) {
      console.log(servers.map((x) => x.address().port).join(','));
      servers.forEach((x) => x.close());
    }
  });
}`;

export function freePortsSync(count: number): number[] {
  const out = execFileSync(process.execPath, ['-e', PROBE, String(count)], { encoding: 'utf8' }).trim();
  return out.split(',').map(Number);
}

/** Sets each named variable that is unset (or 0) to a free port; returns the ports by name. */
export function ensurePorts(names: readonly string[], env: NodeJS.ProcessEnv = process.env): Record<string, number> {
  const missing = names.filter((n) => !env[n] || env[n] === '0');
  const fresh = missing.length > 0 ? freePortsSync(missing.length) : [];
  missing.forEach((n, i) => {
    env[n] = String(fresh[i]);
  });
  return Object.fromEntries(names.map((n) => [n, Number(env[n])]));
}
