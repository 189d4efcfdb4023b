/**
 * OIDC Back-Channel Logout receiver for HelloWork. The manual says HelloWork
 * does NOT take part in マイナポータル's 一斉ログアウト, so this endpoint is only
 * registered only when a deviation makes HelloWork join 一斉ログアウト (SiteChanges.joinsPortalSingleLogout), to prove that the suite
 * notices when it does. It validates the logout token as the spec requires.
 */
import { createRemoteJWKSet, customFetch, jwtVerify } from 'jose';
import { loopbackFetch } from '../shared/loopback-fetch.ts';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export interface LogoutTokenSubject {
  readonly sub?: string;
  readonly sid?: string;
}

export function logoutTokenVerifier(issuer: string, jwksUri: string, clientId: string) {
  const jwks = createRemoteJWKSet(new URL(jwksUri), {
    [customFetch]: (url: string, options: RequestInit) => loopbackFetch(url, options),
  });
  return async (token: string): Promise<LogoutTokenSubject> => {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience: clientId, maxTokenAge: '2 minutes', typ: 'logout+jwt' });
    const events = payload.events as Record<string, unknown> | undefined;
    if (!events || typeof events !== 'object' || !(BACKCHANNEL_EVENT in events)) throw new Error('logout token has no back-channel logout event');
    if ('nonce' in payload) throw new Error('logout token must not carry a nonce');
    const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!sub && !sid) throw new Error('logout token names neither sub nor sid');
    return { sub, sid };
  };
}
