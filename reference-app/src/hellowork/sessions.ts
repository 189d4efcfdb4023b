/**
 * Server-side sessions of the HelloWork stand-in. The cookie only carries an
 * opaque random id; everything else lives here, so logout can really end it.
 */
import { randomBytes } from 'node:crypto';
import type { JobSeeker } from '../accounts.ts';

export type LoginMethod = 'password' | 'mynaportal';

export interface Session {
  readonly id: string;
  readonly csrfToken: string;
  readonly user: JobSeeker;
  readonly via: LoginMethod;
  /** Set when the login came from マイナポータル (OpenID Connect). */
  readonly mynaportal?: { readonly sub: string; readonly sid?: string; readonly idToken: string };
  readonly createdAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #idleMs: number;
  readonly #now: () => number;

  constructor(options: { idleMs?: number; now?: () => number } = {}) {
    this.#idleMs = options.idleMs ?? 30 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  create(user: JobSeeker, via: LoginMethod, mynaportal?: Session['mynaportal']): Session {
    const now = this.#now();
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      csrfToken: randomBytes(32).toString('base64url'),
      user,
      via,
      ...(mynaportal ? { mynaportal } : {}),
      createdAt: now,
      lastSeenAt: now,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session for an id, touching it; undefined when unknown or idle too long. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    const now = this.#now();
    if (now - session.lastSeenAt > this.#idleMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string): boolean {
    return this.#sessions.delete(id);
  }

  /** Ends every session that matches (used by back-channel logout); returns how many. */
  destroyWhere(match: (session: Session) => boolean): number {
    let n = 0;
    for (const [id, session] of this.#sessions) {
      if (match(session)) {
        this.#sessions.delete(id);
        n++;
      }
    }
    return n;
  }

  get size(): number {
    return this.#sessions.size;
  }
}
