import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import { z } from 'zod';
import { Collections } from './collections';
import { sealedOr, type FieldCipher } from './fieldCipher';
import { fieldCipherOf } from './fieldEncryption';

/**
 * A stored bot-state item. The state itself is kept as JSON text: botbuilder state is
 * JSON by contract (MemoryStorage round-trips it the same way), and its keys may hold
 * characters ('.', '$') that not every MongoDB-compatible server accepts in field names.
 * With a field key configured the text is sealed: dialog state can hold a person's name or
 * words (prompt options, a question's read-back).
 */
const StoredStateSchema = z.object({
  _id: z.string(),
  schemaVersion: z.literal(1).default(1),
  data: sealedOr(z.string()),
  eTag: z.string(),
  updatedAt: z.date(),
});
type StoredState = z.infer<typeof StoredStateSchema>;

/** ConversationState's storage key for a conversation (botbuilder-core conversationState.js): to erase one outside a turn. */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * botbuilder Storage on MongoDB with optimistic concurrency: a write carrying an eTag
 * succeeds only if the stored item still has that eTag; '*' or no eTag overwrites.
 */
export class MongoBotStorage implements Storage {
  private readonly items: Collection<StoredState>;
  private readonly cipher: FieldCipher;

  constructor(db: Db) {
    this.items = db.collection<StoredState>(Collections.botState);
    this.cipher = fieldCipherOf(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys || keys.length === 0) return {};
    const found = await this.items.find({ _id: { $in: keys } }).toArray();
    const result: StoreItems = {};
    for (const raw of found) {
      const stored = StoredStateSchema.parse(raw);
      result[stored._id] = { ...JSON.parse(this.cipher.open(stored.data) as string), eTag: stored.eTag };
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) return;
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys || keys.length === 0) return;
    await this.items.deleteMany({ _id: { $in: keys } });
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...state } = (item ?? {}) as { eTag?: unknown } & Record<string, unknown>;
    const next: StoredState = { _id: key, schemaVersion: 1, data: this.cipher.seal(JSON.stringify(state)), eTag: randomUUID(), updatedAt: new Date() };
    if (typeof expected !== 'string' || expected === '*' || expected === '') {
      await this.items.replaceOne({ _id: key }, next, { upsert: true });
      return;
    }
    const updated = await this.items.replaceOne({ _id: key, eTag: expected }, next);
    if (updated.matchedCount === 1) return;
    // No match: either someone else wrote first (conflict) or the item is gone. Like
    // MemoryStorage, a write to an item that no longer exists creates it.
    try {
      await this.items.insertOne(next);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) throw new ETagConflictError(key);
      throw error;
    }
  }
}
