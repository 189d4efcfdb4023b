/**
 * HelloWork as a relying party of マイナポータル, with openid-client:
 * authorization code + PKCE, state and nonce checked. As the manual's 注意
 * documents, HelloWork does not take part in マイナポータル's 一斉ログアウト:
 * its client registers no back-channel logout URI, and its logout does not
 * call the provider's end-session endpoint (unless a deviation says so).
 */
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { loopbackFetch } from '../shared/loopback-fetch.ts';

export interface MynaPortalClientSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** Where マイナポータル sends the browser after an RP-initiated logout (deviation only). */
  readonly postLogoutRedirectUri: string;
}

/** マイナポータル could not be reached (down, refused, timed out). */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}
/** The authorization response or the token exchange was refused (bad state, replayed code, bad ID token…). */
export class LoginRejectedError extends Error {
  override name = 'LoginRejectedError';
}

interface Pending {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly createdAt: number;
}

export interface MynaPortalIdentity {
  readonly sub: string;
  readonly sid?: string;
  readonly idToken: string;
}

const PENDING_TTL_MS = 10 * 60 * 1000;

export class MynaPortalLogin {
  readonly #settings: MynaPortalClientSettings;
  readonly #pending = new Map<string, Pending>();
  #config: Promise<oidc.Configuration> | undefined;

  constructor(settings: MynaPortalClientSettings) {
    this.#settings = settings;
  }

  get settings(): MynaPortalClientSettings {
    return this.#settings;
  }

  /** Discovery, done once and retried on the next login if マイナポータル was down. */
  config(): Promise<oidc.Configuration> {
    this.#config ??= oidc
      .discovery(new URL(this.#settings.issuer), this.#settings.clientId, undefined, oidc.ClientSecretBasic(this.#settings.clientSecret), {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: guardedFetch,
        timeout: 5,
      })
      .catch((error: unknown) => {
        this.#config = undefined;
        throw classify(error);
      });
    return this.#config;
  }

  /** Starts a login: returns the pending-login id (for a cookie) and the authorization URL. */
  async start(): Promise<{ pendingId: string; url: URL }> {
    const config = await this.config();
    const pending: Pending = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      createdAt: Date.now(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#settings.redirectUri,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    this.#sweep();
    const pendingId = randomBytes(24).toString('base64url');
    this.#pending.set(pendingId, pending);
    return { pendingId, url };
  }

  /** Completes a login from the callback URL. The pending login is used up whether or not it succeeds. */
  async finish(pendingId: string | undefined, callbackUrl: URL): Promise<MynaPortalIdentity> {
    const pending = pendingId ? this.#pending.get(pendingId) : undefined;
    if (pendingId) this.#pending.delete(pendingId);
    if (!pending || Date.now() - pending.createdAt > PENDING_TTL_MS) {
      throw new LoginRejectedError('no pending マイナポータル login for this browser (expired, used, or never started)');
    }
    const config = await this.config();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new LoginRejectedError('no ID token in the token response');
      return { sub: claims.sub, sid: typeof claims.sid === 'string' ? claims.sid : undefined, idToken: tokens.id_token };
    } catch (error) {
      throw classify(error);
    }
  }

  /** RP-initiated logout URL (used only by a deviation that ends the マイナポータル session on logout). */
  async endSessionUrl(idToken: string): Promise<URL> {
    const config = await this.config();
    return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.#settings.postLogoutRedirectUri });
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, p] of this.#pending) if (now - p.createdAt > PENDING_TTL_MS) this.#pending.delete(id);
  }
}

/** Network failures become ProviderUnavailableError, so they can be told apart from refusals. */
async function guardedFetch(url: string, options: oidc.CustomFetchOptions): Promise<Response> {
  try {
    return await loopbackFetch(url, options as RequestInit);
  } catch (error) {
    throw new ProviderUnavailableError(
      `マイナポータル (${new URL(url).origin}) did not answer: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
  }
}

function classify(error: unknown): Error {
  if (error instanceof ProviderUnavailableError || error instanceof LoginRejectedError) return error;
  let cause: unknown = error;
  for (let i = 0; i < 5 && cause instanceof Error; i++) {
    if (cause instanceof ProviderUnavailableError) return cause;
    cause = cause.cause;
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ProviderUnavailableError(`マイナポータル did not answer in time: ${error.message}`);
  }
  return new LoginRejectedError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
