/**
 * Wires the two stand-ins together: HelloWork (relying party) and マイナポータル
 * (OpenID Provider), each on its own origin. Used by main.ts and by tests.
 */
import { randomBytes } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import { HELLOWORK_CLIENT_ID } from './constants.ts';
import { Deviations } from './deviations.ts';
import { createHelloWorkApp, MYNAPORTAL_PATHS } from './hellowork/app.tsx';
import { MynaPortalLogin } from './hellowork/mynaportal-login.ts';
import { createMynaPortal } from './mynaportal/app.tsx';

export { HELLOWORK_CLIENT_ID };

export interface ReferenceOrigins {
  /** e.g. http://hellowork.localhost:38080 */
  readonly hellowork: string;
  /** e.g. http://mynaportal.localhost:38081 */
  readonly mynaportal: string;
}

export function helloworkClient(origins: ReferenceOrigins, secret: string, deviations: Deviations): ClientMetadata & { client_id: string } {
  return {
    client_id: HELLOWORK_CLIENT_ID,
    client_secret: secret,
    client_name: 'ハローワークインターネットサービス',
    redirect_uris: [`${origins.hellowork}${MYNAPORTAL_PATHS.callback}`],
    post_logout_redirect_uris: [`${origins.hellowork}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    // As the manual's 注意 says, HelloWork does not take part in 一斉ログアウト: no back-channel logout URI.
    ...(deviations.has('mynaportal-backchannel')
      ? { backchannel_logout_uri: `${origins.hellowork}${MYNAPORTAL_PATHS.backchannel}`, backchannel_logout_session_required: true }
      : {}),
  };
}

export function createReference(origins: ReferenceOrigins, deviations = new Deviations()) {
  const secret = randomBytes(32).toString('base64url');
  const mynaportal = createMynaPortal({
    issuer: origins.mynaportal,
    client: helloworkClient(origins, secret, deviations),
    helloworkLoginUrl: `${origins.hellowork}${MYNAPORTAL_PATHS.start}`,
  });
  const login = new MynaPortalLogin({
    issuer: origins.mynaportal,
    clientId: HELLOWORK_CLIENT_ID,
    clientSecret: secret,
    redirectUri: `${origins.hellowork}${MYNAPORTAL_PATHS.callback}`,
    postLogoutRedirectUri: `${origins.hellowork}/`,
  });
  const hellowork = createHelloWorkApp({ mynaportal: login, deviations });
  return { hellowork, mynaportal, login };
}
