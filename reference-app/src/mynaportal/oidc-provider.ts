/**
 * oidc-provider, loaded without its one start-up line for Node before 22 LTS ("oidc-provider WARNING: Unsupported
 * runtime"). The suite runs on Node 20 and later (README); on Node 20 the stand-in's whole use of the library —
 * discovery, authorization code with PKCE, RP-initiated and back-channel logout — is covered by
 * tests/mynaportal-login.test.ts and the conformance runs, so the line only made every run look faulty. Any other
 * warning the library prints still shows.
 */
const UNSUPPORTED_RUNTIME = 'oidc-provider WARNING: Unsupported runtime';

const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes(UNSUPPORTED_RUNTIME)) return;
  warn(...args);
};
const loaded = await import('oidc-provider').finally(() => {
  console.warn = warn;
});

export const Provider = loaded.default;
export type Provider = import('oidc-provider').default;
export type { Adapter, AdapterPayload, ClientMetadata, Configuration, KoaContextWithOIDC } from 'oidc-provider';
