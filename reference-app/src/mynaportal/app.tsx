/**
 * The マイナポータル stand-in: an OpenID Provider (panva/oidc-provider) with its
 * own login (a stand-in for マイナンバーカード authentication), portal home with
 * a menu, logout with a confirmation step, and 一斉ログアウト for relying parties
 * that register for it (OIDC Back-Channel Logout).
 *
 * Hono serves the pages the provider does not (home, login interaction,
 * test-only records); everything else goes to the provider itself.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { type ClientMetadata, type Configuration, type KoaContextWithOIDC, Provider } from './oidc-provider.ts';
import { type JobSeeker, loadAccounts } from '../accounts.ts';
import { field, MalformedFormError, readForm } from '../shared/form.ts';
import { loopbackFetch } from '../shared/loopback-fetch.ts';
import { sameSecret } from '../shared/secrets.ts';
import { StandInStore } from './store.ts';
import { mynaportalCss, PortalError, PortalHome, PortalLoggedOut, PortalLogin, PortalLogoutConfirm } from './views.tsx';

type NodeEnv = { Bindings: { incoming: IncomingMessage; outgoing: ServerResponse } };

export interface MynaPortalOptions {
  /** Public origin, e.g. http://mynaportal.localhost:38081 (the OIDC issuer). */
  readonly issuer: string;
  /** The HelloWork relying party as it registers itself. */
  readonly client: ClientMetadata & { client_id: string };
  /** Where the portal's "go to HelloWork" link starts HelloWork's login via マイナポータル. */
  readonly helloworkLoginUrl: string;
  /**
   * Called in-process when a user ends their whole マイナポータル session (ログアウト confirmed), with the
   * ID tokens issued in that session (the client's ID tokens carry no `sid` unless it registers for
   * back-channel logout, so they are how a relying party's session is told apart). Not a protocol message and not recorded:
   * only SiteChanges.endsSessionsAfterPortalLogoutMs uses it (reference.ts).
   */
  readonly onPortalLogout?: (event: PortalLogoutEvent) => void;
}

export interface PortalLogoutEvent {
  readonly accountId: string;
  /** The ID tokens the portal issued in the session that ended (HelloWork keeps the one it logged in with). */
  readonly idTokens: readonly string[];
}

/** What the stand-in did, for the suite to check the mechanism (reference app only). */
export interface BackchannelDelivery {
  readonly clientId: string;
  readonly accountId: string;
  readonly sid: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly at: string;
}
export interface EndSessionRecord {
  readonly clientId?: string;
  readonly at: string;
}

function html(node: JSX.Element): string {
  return `<!DOCTYPE html>${node}`;
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
}

const accountBySub = (sub: string): JobSeeker | undefined => loadAccounts().find((a) => a.mynaportal.userId === sub);

export function createMynaPortal(options: MynaPortalOptions) {
  const backchannel: BackchannelDelivery[] = [];
  const endSessions: EndSessionRecord[] = [];
  const firstParty = new Set([options.client.client_id]);

  const configuration: Configuration = {
    adapter: StandInStore,
    clients: [options.client],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          // A relying party that asks to end the session with a valid id_token_hint is not asked again.
          const autoSubmit = Boolean(ctx.oidc.client && ctx.oidc.params?.id_token_hint);
          ctx.type = 'html';
          ctx.body = html(<PortalLogoutConfirm form={form} autoSubmit={autoSubmit} />);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = html(<PortalLoggedOut />);
        },
      },
    },
    async findAccount(_ctx, sub) {
      const account = accountBySub(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: account.name }) };
    },
    // Consent is implied for HelloWork (a first-party service of the government); others would need a consent page.
    async loadExistingGrant(ctx) {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!firstParty.has(clientId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = html(<PortalError status={ctx.status} message={`認証の手続きを続けられません（${String(out.error)}）。`} />);
    },
    fetch: loopbackFetch as Configuration['fetch'],
  };

  const provider = new Provider(options.issuer, configuration);
  // Server-to-server calls reach us on 127.0.0.1 (see loopback-fetch.ts) and name the public host in
  // X-Forwarded-Host; trusting it keeps the endpoint URLs in discovery on the public origin.
  provider.proxy = true;

  provider.on('backchannel.success', (_ctx, client, accountId, sid) => {
    backchannel.push({ clientId: client.clientId, accountId, sid, ok: true, at: new Date().toISOString() });
  });
  provider.on('backchannel.error', (_ctx, error, client, accountId, sid) => {
    backchannel.push({ clientId: client.clientId, accountId, sid, ok: false, error: String(error), at: new Date().toISOString() });
  });
  // ID tokens issued per portal session (by the session's uid), so that onPortalLogout can name them.
  const idTokensBySession = new Map<string, string[]>();
  if (options.onPortalLogout) {
    provider.on('grant.success', (ctx) => {
      const sessionUid = ctx.oidc.entities.AuthorizationCode?.sessionUid;
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (!sessionUid || typeof body?.id_token !== 'string') return;
      idTokensBySession.set(sessionUid, [...(idTokensBySession.get(sessionUid) ?? []), body.id_token]);
      if (idTokensBySession.size > 1000) idTokensBySession.delete(idTokensBySession.keys().next().value ?? '');
    });
  }
  provider.on('end_session.success', (ctx) => {
    endSessions.push({ clientId: ctx.oidc.client?.clientId, at: new Date().toISOString() });
    const session = ctx.oidc.session;
    if (options.onPortalLogout && ctx.oidc.params?.logout && session?.accountId) {
      const idTokens = idTokensBySession.get(session.uid) ?? [];
      idTokensBySession.delete(session.uid);
      options.onPortalLogout({ accountId: session.accountId, idTokens });
    }
  });

  const pages = new Hono<NodeEnv>();
  pages.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.html(html(<PortalError status={413} message="送信されたデータが大きすぎます。" />), 413) }));
  pages.get('/healthz', (c) => c.text('ok'));
  pages.get('/assets/mynaportal.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(mynaportalCss);
  });

  pages.get('/', async (c) => {
    const session = await provider.Session.get(provider.createContext(c.env.incoming, c.env.outgoing));
    const name = session.accountId ? accountBySub(session.accountId)?.name : undefined;
    c.header('Cache-Control', 'no-store');
    return c.html(html(<PortalHome name={name} helloworkLoginUrl={options.helloworkLoginUrl} />));
  });

  const interactionError = (c: Context) =>
    c.html(html(<PortalError status={400} message="ログインの手続きの有効期限が切れたか、無効です。最初からやり直してください。" />), 400);

  pages.get('/interaction/:uid', async (c) => {
    c.header('Cache-Control', 'no-store');
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
    } catch {
      return interactionError(c);
    }
    if (details.uid !== c.req.param('uid')) return interactionError(c);
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant for first-party clients; any other prompt is refused.
      const target = await provider.interactionResult(c.env.incoming, c.env.outgoing, { error: 'access_denied', error_description: 'consent required' });
      return c.redirect(target, 303);
    }
    const client = await provider.Client.find(String(details.params.client_id));
    return c.html(html(<PortalLogin uid={details.uid} clientName={client?.clientName} />));
  });

  pages.post('/interaction/:uid/login', async (c) => {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
    } catch {
      return interactionError(c);
    }
    if (details.uid !== c.req.param('uid') || details.prompt.name !== 'login') return interactionError(c);
    const form = await readForm(c);
    const userId = field(form, 'userId');
    const pin = field(form, 'pin');
    const account = accountBySub(userId);
    if (!account || !sameSecret(account.mynaportal.pin, pin)) {
      const client = await provider.Client.find(String(details.params.client_id));
      return c.html(html(<PortalLogin uid={details.uid} clientName={client?.clientName} error="利用者IDまたは暗証番号が正しくありません。" />), 401);
    }
    const target = await provider.interactionResult(
      c.env.incoming,
      c.env.outgoing,
      { login: { accountId: account.mynaportal.userId } },
      { mergeWithLastSubmission: false },
    );
    return c.redirect(target, 303);
  });

  // Test-only records of the reference app: what 一斉ログアウト delivered, and which sessions were ended how.
  pages.get('/__reference__/backchannel-logouts', (c) => c.json({ deliveries: backchannel }));
  pages.get('/__reference__/end-sessions', (c) => c.json({ endSessions }));

  pages.onError((err, c) => {
    if (err instanceof MalformedFormError) return c.html(html(<PortalError status={400} message="送信された内容を読み取れませんでした。" />), 400);
    console.error('[mynaportal]', err);
    return c.html(html(<PortalError status={500} message="システムエラーが発生しました。" />), 500);
  });

  const honoListener = getRequestListener(pages.fetch);
  const oidcListener = provider.callback();
  const ownPaths = /^\/(?:$|healthz$|assets\/|interaction\/|__reference__\/)/;

  /** One Node request listener for the whole マイナポータル origin. */
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (ownPaths.test(path)) {
      void honoListener(req, res);
    } else {
      void oidcListener(req, res);
    }
  };

  return { provider, listener, pages, records: { backchannel, endSessions } };
}
