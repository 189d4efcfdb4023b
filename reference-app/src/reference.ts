/**
 * Wires the two stand-ins together: HelloWork (relying party) and マイナポータル
 * (OpenID Provider), each on its own origin. Used by main.ts and by tests.
 */
import { randomBytes } from 'node:crypto';
import type { ClientMetadata } from './mynaportal/oidc-provider.ts';
import { HELLOWORK_CLIENT_ID } from './constants.ts';
import { Deviations } from './deviations.ts';
import { createHelloWorkApp, MYNAPORTAL_PATHS } from './hellowork/app.tsx';
import { MynaPortalLogin } from './hellowork/mynaportal-login.ts';
import { HELLOWORK_MYNAPORTAL_PATHS, type Markup } from './markup.ts';
import { createMynaPortal } from './mynaportal/app.tsx';
import type { Section, SectionSettings } from './sections/kit.ts';

export { HELLOWORK_CLIENT_ID };

export interface ReferenceOrigins {
  /** Origin of HelloWork's login and 求職者マイページ, e.g. http://hellowork.localhost:38080 (hellowork markup: http://kyushoku.hellowork.localhost:38080). */
  readonly hellowork: string;
  /** e.g. http://mynaportal.localhost:38081 */
  readonly mynaportal: string;
  /** Origin of HelloWork's top page, when it is another host (hellowork markup: http://www.hellowork.localhost:38080); default `hellowork`. */
  readonly top?: string;
}

export interface ReferenceOptions {
  /** Which HelloWork markup to serve (markup.ts); default `bundled`. */
  readonly markup?: Markup;
  /** The manual sections (sections/kit.ts loadSections); default every one found in sections/. */
  readonly sections?: readonly Section[];
  /** Whole-number settings the sections read before the environment (kit.setting), e.g. a deviation's delay in ms. */
  readonly settings?: SectionSettings;
}

/** HelloWork's paths for the マイナポータル login in a markup. */
export function mynaportalPaths(markup: Markup = 'bundled') {
  return markup === 'hellowork' ? HELLOWORK_MYNAPORTAL_PATHS : MYNAPORTAL_PATHS;
}

/** HelloWork as マイナポータル's client; `joinsSingleLogout` registers its back-channel logout URI. */
export function helloworkClient(
  origins: ReferenceOrigins,
  secret: string,
  joinsSingleLogout: boolean,
  markup: Markup = 'bundled',
): ClientMetadata & { client_id: string } {
  const paths = mynaportalPaths(markup);
  return {
    client_id: HELLOWORK_CLIENT_ID,
    client_secret: secret,
    client_name: 'ハローワークインターネットサービス',
    redirect_uris: [`${origins.hellowork}${paths.callback}`],
    post_logout_redirect_uris: [`${origins.top ?? origins.hellowork}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    // As the manual's 注意 says, HelloWork does not take part in 一斉ログアウト: no back-channel logout URI (unless a deviation joins it).
    ...(joinsSingleLogout ? { backchannel_logout_uri: `${origins.hellowork}${paths.backchannel}`, backchannel_logout_session_required: true } : {}),
  };
}

export function createReference(origins: ReferenceOrigins, deviations = new Deviations(), options: ReferenceOptions = {}) {
  const markup = options.markup ?? 'bundled';
  const paths = mynaportalPaths(markup);
  const secret = randomBytes(32).toString('base64url');
  const login = new MynaPortalLogin({
    issuer: origins.mynaportal,
    clientId: HELLOWORK_CLIENT_ID,
    clientSecret: secret,
    redirectUri: `${origins.hellowork}${paths.callback}`,
    postLogoutRedirectUri: `${origins.top ?? origins.hellowork}/`,
  });
  const hellowork = createHelloWorkApp({ mynaportal: login, deviations, markup, settings: options.settings, sections: options.sections });
  const lateMs = hellowork.site.endsSessionsAfterPortalLogoutMs;
  const mynaportal = createMynaPortal({
    issuer: origins.mynaportal,
    client: helloworkClient(origins, secret, hellowork.site.joinsPortalSingleLogout, markup),
    helloworkLoginUrl: `${origins.hellowork}${paths.start}`,
    // A late single logout: an in-process hook, not a protocol message, so マイナポータル records no delivery. Only the
    // sessions that logged in with this portal session's ID tokens end: other browsers of the same user stay logged in.
    onPortalLogout:
      lateMs === undefined
        ? undefined
        : ({ accountId, idTokens }) => {
            const ended = new Set(idTokens);
            setTimeout(() => {
              hellowork.sessions.destroyWhere((s) => s.mynaportal?.sub === accountId && ended.has(s.mynaportal.idToken));
            }, lateMs).unref();
          },
  });
  return { hellowork, mynaportal, login, markup };
}
