/**
 * Referral reads remembered while a person's turn is being handled, so the several dialogs a
 * turn passes through read the person's referral from MongoDB once, not once each. A write by the
 * repository replaces the person's entry with the document the write returned (or forgets it).
 * Outside a turn nothing is cached.
 *
 * Scoped by person key, not by async context: AsyncLocalStorage made Node track every promise of
 * every turn (about 13% of a turn's CPU). Whatever reads the person's referral through the same
 * repository while their turn runs (a second turn of theirs, the link-worker API) shares the entry:
 * it sees the turn's own writes, and may miss another writer's for the few milliseconds the turn lasts.
 */
export class TurnCache<T> {
  private readonly entries = new Map<string, { open: number; value?: Promise<T> }>();

  /** Runs one turn of the person's with their entry open; the entry goes when their last open turn ends. */
  async during<R>(personKey: string, work: () => Promise<R>): Promise<R> {
    const entry = this.entries.get(personKey) ?? { open: 0 };
    entry.open++;
    this.entries.set(personKey, entry);
    try {
      return await work();
    } finally {
      if (--entry.open === 0) this.entries.delete(personKey);
    }
  }

  read(personKey: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(personKey);
    if (!entry) return load();
    if (entry.value) return entry.value;
    const pending = load();
    entry.value = pending;
    pending.catch(() => {
      if (entry.value === pending) entry.value = undefined;
    });
    return pending;
  }

  /** A write that returned the document as it now is: later reads in this turn need no round trip. */
  remember(personKey: string, value: T): void {
    const entry = this.entries.get(personKey);
    if (entry) entry.value = Promise.resolve(value);
  }

  forget(personKey: string): void {
    const entry = this.entries.get(personKey);
    if (entry) entry.value = undefined;
  }
}
