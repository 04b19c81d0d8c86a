import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Referral reads remembered for the length of one unit of work (one bot turn), so the several
 * dialogs a turn passes through read the person's referral from MongoDB once, not once each.
 * A write by the repository replaces the person's entry with the document the write returned
 * (or forgets it). Outside such a unit nothing is cached.
 */
const storage = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function withReferralCache<T>(work: () => Promise<T>): Promise<T> {
  return storage.run(new Map(), work);
}

export function cachedRead<T>(personKey: string, read: () => Promise<T>): Promise<T> {
  const cache = storage.getStore();
  if (!cache) return read();
  const hit = cache.get(personKey) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = read();
  cache.set(personKey, pending);
  pending.catch(() => cache.delete(personKey));
  return pending;
}

/** A write that returned the document as it now is: later reads in this unit need no round trip. */
export function remember<T>(personKey: string, value: T): void {
  storage.getStore()?.set(personKey, Promise.resolve(value));
}

export function forget(personKey: string): void {
  storage.getStore()?.delete(personKey);
}
