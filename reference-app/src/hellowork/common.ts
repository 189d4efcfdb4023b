/** What both markups of the HelloWork stand-in share: options, accounts, host and origin helpers. */
import type { Context } from 'hono';
import { type JobSeeker, loadAccounts } from '../accounts.ts';
import type { Deviations } from '../deviations.ts';
import { type HelloWorkOrigins, helloworkOrigins, type Markup } from '../markup.ts';
import { sameSecret } from '../shared/secrets.ts';
import type { Section, SectionSettings } from '../sections/kit.ts';
import type { MynaPortalLogin } from './mynaportal-login.ts';
import type { Session, SessionStore } from './sessions.ts';

export interface HelloWorkOptions {
  readonly sessions?: SessionStore;
  /** Login via マイナポータル; without it the login page offers ID/password only. */
  readonly mynaportal?: MynaPortalLogin;
  readonly deviations?: Deviations;
  /** Which markup to serve (markup.ts); default `bundled`. */
  readonly markup?: Markup;
  /** The manual sections (reference-app/src/sections/); default: every one found there ([]: the site without them). */
  readonly sections?: readonly Section[];
  /** Whole-number settings the sections read (kit.setting), before the environment: e.g. a deviation's delay in ms. */
  readonly settings?: SectionSettings;
}

export type Env = { Variables: { session: Session } };

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
