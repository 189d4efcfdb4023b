/**
 * Server-to-server fetch for the reference app. Chromium resolves `*.localhost`
 * to loopback, but Node's resolver does not, so requests between the two
 * stand-ins (token endpoint, JWKS, back-channel logout) are sent to 127.0.0.1
 * on the same port, keeping the original Host header.
 *
 * Only used by the bundled stand-ins, never against a configured target.
 */
export const LOOPBACK_SUFFIX = '.localhost';

export function toLoopback(input: string | URL): { url: URL; host: string } {
  const url = new URL(input);
  const host = url.host;
  if (url.hostname === 'localhost' || url.hostname.endsWith(LOOPBACK_SUFFIX)) url.hostname = '127.0.0.1';
  return { url, host };
}

/** A fetch with the signature of the global one. Drops oidc-provider's SSRF dispatcher, which refuses loopback by design. */
export async function loopbackFetch(input: string | URL | Request, init: RequestInit & { dispatcher?: unknown } = {}): Promise<Response> {
  const request = input instanceof Request ? input : undefined;
  const { url, host } = toLoopback(request ? request.url : input instanceof URL ? input : String(input));
  const { dispatcher: _ignored, ...rest } = init;
  const headers = new Headers(request?.headers ?? undefined);
  for (const [k, v] of new Headers(rest.headers ?? undefined)) headers.set(k, v);
  headers.set('x-forwarded-host', host);
  return fetch(url, {
    method: request?.method,
    body: request && !['GET', 'HEAD'].includes(request.method) ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
    ...rest,
    headers,
  });
}
