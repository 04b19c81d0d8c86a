import { randomBytes } from 'node:crypto';
import { MongoServerError, type Db } from 'mongodb';
import { Collections } from './collections';

interface SecretDocument {
  _id: string;
  value: string;
  createdAt: Date;
}

/**
 * A random secret shared by every Front Door process on one database (created by the first
 * to ask). Kept in the database, not on one machine's disk, so that several instances agree.
 */
export async function getOrCreateSecret(db: Db, name: string): Promise<Buffer> {
  const secrets = db.collection<SecretDocument>(Collections.settings);
  const existing = await secrets.findOne({ _id: `secret:${name}` });
  if (existing) return Buffer.from(existing.value, 'base64');
  const value = randomBytes(32).toString('base64');
  try {
    await secrets.insertOne({ _id: `secret:${name}`, value, createdAt: new Date() });
    return Buffer.from(value, 'base64');
  } catch (error) {
    // Another process created it first: use theirs.
    if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    const created = await secrets.findOne({ _id: `secret:${name}` });
    return Buffer.from(created!.value, 'base64');
  }
}
