/**
 * What both markups of the HelloWork stand-in share: options, accounts, the logout's
 * server-side effects (and the deviations that change them), host and origin helpers.
 */
import type { Context } from 'hono';
import { type JobSeeker, loadAccounts } from '../accounts.ts';
import type { Deviations } from '../deviations.ts';
import { type HelloWorkOrigins, helloworkOrigins, type Markup } from '../markup.ts';
import { sameSecret } from '../shared/secrets.ts';
import type { Section } from '../sections/kit.ts';
import type { MynaPortalLogin } from './mynaportal-login.ts';
import type { Session, SessionStore } from './sessions.ts';

export interface HelloWorkOptions {
  readonly sessions?: SessionStore;
  /** Login via マイナポータル; without it the login page offers ID/password only. */
  readonly mynaportal?: MynaPortalLogin;
  readonly deviations?: Deviations;
  /** Which markup to serve (markup.ts); default `bundled`. */
  readonly markup?: Markup;
  /** How long the `slow-logout` deviation holds the logout answer; default SLOW_LOGOUT_MS. */
  readonly slowLogoutMs?: number;
  /** The manual sections' screens (reference-app/src/sections/, loaded by main.ts); none: the built-in screens only. */
  readonly sections?: readonly Section[];
}

export type Env = { Variables: { session: Session } };

/** The `slow-logout` deviation's delay (SLOW_LOGOUT_MS overrides it in main.ts). */
export const SLOW_LOGOUT_MS = 20_000;

/** The job seeker with this login id and password, if any (constant-time password comparison). */
export function findJobSeeker(loginId: string, password: string): JobSeeker | undefined {
  return loadAccounts().find((a) => a.loginId === loginId && sameSecret(a.password, password));
}

/**
 * The host the browser asked for. Server-to-server requests between the stand-ins reach us on
 * 127.0.0.1 and name the public host in X-Forwarded-Host (shared/loopback-fetch.ts).
 */
export function requestHost(c: Context): { hostname: string; port: string } {
  const forwarded = c.req.header('x-forwarded-host');
  const url = new URL(c.req.url);
  if (forwarded) {
    try {
      const f = new URL(`http://${forwarded}`);
      return { hostname: f.hostname, port: f.port };
    } catch {
      // a malformed header: fall back to the URL
    }
  }
  return { hostname: url.hostname, port: url.port };
}

/** The stand-in's origins as seen from this request's port. */
export function originsFor(c: Context, markup: Markup): HelloWorkOrigins {
  return helloworkOrigins(requestHost(c).port, markup);
}

const RETIRED_MAX = 1000;

/** The server-side part of a logout, shared by both markups, with the deviations that change it. */
export class LogoutEffects {
  readonly #sessions: SessionStore;
  readonly #deviations: Deviations;
  readonly #slowMs: number;
  /** Sessions ended by logout that the `subscreen-served-after-logout` deviation still honours on one screen. */
  readonly #retired = new Map<string, Session>();

  constructor(sessions: SessionStore, deviations: Deviations, slowMs = SLOW_LOGOUT_MS) {
    this.#sessions = sessions;
    this.#deviations = deviations;
    this.#slowMs = slowMs;
  }

  /** Ends the session (after the `slow-logout` delay); the caller then expires the cookie and redirects. */
  async end(session: Session): Promise<void> {
    if (this.#deviations.has('slow-logout')) await new Promise((resolve) => setTimeout(resolve, this.#slowMs));
    // Deviation session-kept-after-logout: only the cookie goes, the server-side session lives on.
    if (!this.#deviations.has('session-kept-after-logout')) this.#sessions.destroy(session.id);
    if (this.#deviations.has('subscreen-served-after-logout')) {
      this.#retired.set(session.id, session);
      if (this.#retired.size > RETIRED_MAX) {
        const oldest = this.#retired.keys().next().value;
        if (oldest !== undefined) this.#retired.delete(oldest);
      }
    }
  }

  /** Deviation subscreen-served-after-logout: the logged-out session behind an old cookie, for the one screen that still serves it. */
  retired(id: string | undefined): Session | undefined {
    if (!id || !this.#deviations.has('subscreen-served-after-logout')) return undefined;
    return this.#retired.get(id);
  }
}
