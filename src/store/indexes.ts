import type { Db, IndexDescription } from 'mongodb';
import { Collections, type CollectionName } from './collections';

/**
 * Indexes every deployment needs, created at start-up (idempotent: createIndexes with
 * the same spec is a no-op on MongoDB, Cosmos DB and the embedded server alike).
 */
export const INDEXES: Partial<Record<CollectionName, IndexDescription[]>> = {
  [Collections.referrals]: [
    { key: { personKey: 1 }, name: 'personKey_1', unique: true },
    { key: { status: 1, updatedAt: 1 }, name: 'status_1_updatedAt_1' },
  ],
  [Collections.consents]: [{ key: { personKey: 1, recordedAt: 1 }, name: 'personKey_1_recordedAt_1' }],
  [Collections.erasures]: [{ key: { erasedAt: 1 }, name: 'erasedAt_1' }],
  [Collections.taxonomies]: [
    { key: { vocabulary: 1, conceptId: 1 }, name: 'vocabulary_1_conceptId_1', unique: true },
    { key: { vocabulary: 1, labels: 1 }, name: 'vocabulary_1_labels_1' },
  ],
  [Collections.linkWorkers]: [{ key: { email: 1 }, name: 'email_1', unique: true }],
  [Collections.linkWorkerSessions]: [
    { key: { accountId: 1 }, name: 'accountId_1' },
    { key: { absoluteExpiresAt: 1 }, name: 'absoluteExpiresAt_1' },
  ],
  [Collections.handoffs]: [
    // One active handoff per person: openFor is the personKey while open or claimed, the handoff's own id once closed.
    { key: { openFor: 1 }, name: 'openFor_1', unique: true },
    { key: { status: 1, urgent: -1, createdAt: 1 }, name: 'status_1_urgent_-1_createdAt_1' },
    { key: { personKey: 1 }, name: 'personKey_1' },
  ],
  [Collections.auditLog]: [
    { key: { at: -1 }, name: 'at_-1' },
    { key: { handoffId: 1, at: -1 }, name: 'handoffId_1_at_-1' },
    { key: { 'actor.id': 1, at: -1 }, name: 'actor.id_1_at_-1' },
  ],
  [Collections.followUps]: [
    // One job per person and kind: scheduling twice (two processes, a restart) never makes two messages.
    { key: { personKey: 1, kind: 1 }, name: 'personKey_1_kind_1', unique: true },
    // Workers claim the earliest due pending job.
    { key: { status: 1, dueAt: 1 }, name: 'status_1_dueAt_1' },
  ],
};

/** Adds an index set another module owns (e.g. handoffs), before ensureIndexes runs. */
export function declareIndexes(collection: string, indexes: IndexDescription[]): void {
  const table = INDEXES as Record<string, IndexDescription[]>;
  const existing = table[collection] ?? [];
  table[collection] = [...existing, ...indexes.filter((i) => !existing.some((e) => e.name === i.name))];
}

export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    if (indexes && indexes.length > 0) await db.collection(collection).createIndexes(indexes);
  }
}
