/**
 * The stand-in's own storage for oidc-provider models (sessions, grants, codes,
 * interactions), implementing the provider's Adapter interface. In memory on
 * purpose: the reference app starts fresh for every run. Expired entries are
 * dropped on read and swept periodically.
 */
import type { Adapter, AdapterPayload } from './oidc-provider.ts';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

const shared = new Map<string, Entry>();
const grants = new Map<string, Set<string>>();

function live(key: string): Entry | undefined {
  const entry = shared.get(key);
  if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
    shared.delete(key);
    return undefined;
  }
  return entry;
}

export class StandInStore implements Adapter {
  constructor(readonly model: string) {}

  #key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.#key(id);
    shared.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.uid) shared.set(`uid:${this.model}:${payload.uid}`, { payload: { jti: id }, expiresAt: shared.get(key)?.expiresAt });
    if (payload.userCode) shared.set(`userCode:${this.model}:${payload.userCode}`, { payload: { jti: id }, expiresAt: shared.get(key)?.expiresAt });
    if (payload.grantId) {
      const set = grants.get(payload.grantId) ?? new Set<string>();
      set.add(key);
      grants.set(payload.grantId, set);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return live(this.#key(id))?.payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const ref = live(`uid:${this.model}:${uid}`)?.payload.jti;
    return ref ? this.find(ref) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const ref = live(`userCode:${this.model}:${userCode}`)?.payload.jti;
    return ref ? this.find(ref) : undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = live(this.#key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    shared.delete(this.#key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grants.get(grantId) ?? []) shared.delete(key);
    grants.delete(grantId);
  }
}

setInterval(() => {
  for (const key of shared.keys()) live(key);
}, 60_000).unref();
