import type { Db, MongoClient } from 'mongodb';
import { Collections } from './collections';
import { FieldCipher } from './fieldCipher';

/**
 * Which cipher seals fields for a database connection. Set once at start-up; every repository
 * built on that connection asks here, so no code path (a job, a script, the dashboard) can write
 * what a person said in plain text because someone forgot to pass a key along.
 */
const ciphers = new WeakMap<MongoClient, FieldCipher>();

export function fieldCipherOf(db: Db): FieldCipher {
  return ciphers.get(db.client) ?? OFF;
}

const OFF = FieldCipher.off();

/** The settings document listing every key id that has sealed data in this database. */
const KEY_RECORD_ID = 'fieldEncryption';

interface KeyRecord {
  _id: string;
  keyIds: string[];
  updatedAt: Date;
}

/**
 * Start-up: refuses a configuration that could not read what is stored (a key that sealed data
 * here is missing), records the key now in use, and registers the cipher for this connection.
 * Returns a line for the operator log.
 */
export async function enableFieldEncryption(db: Db, cipher: FieldCipher): Promise<string> {
  const settings = db.collection<KeyRecord>(Collections.settings);
  refuseUnreadable(await settings.findOne({ _id: KEY_RECORD_ID }), cipher);
  if (cipher.keyId) {
    await settings.updateOne({ _id: KEY_RECORD_ID }, { $addToSet: { keyIds: cipher.keyId }, $set: { updatedAt: new Date() } }, { upsert: true });
    // Checked again after recording ours: two instances started at once with different keys both stop here.
    refuseUnreadable(await settings.findOne({ _id: KEY_RECORD_ID }), cipher);
  }
  ciphers.set(db.client, cipher);
  return cipher.enabled
    ? `Field encryption: on (key ${cipher.keyId}); what people write and their contact details are sealed at rest`
    : 'Field encryption: off. Set FIELD_ENCRYPTION_KEY (openssl rand -base64 32) to seal what people write at rest';
}

function refuseUnreadable(record: KeyRecord | null, cipher: FieldCipher): void {
  const readable = new Set(cipher.readableKeyIds);
  const missing = (record?.keyIds ?? []).filter((id) => !readable.has(id));
  if (missing.length === 0) return;
  const which = missing.join(', ');
  throw new Error(
    cipher.enabled
      ? `Field encryption: data in this database was sealed with key(s) ${which}, which are not configured. Add them to FIELD_ENCRYPTION_PREVIOUS_KEYS (or set FIELD_ENCRYPTION_KEY back).`
      : `Field encryption: data in this database was sealed with key(s) ${which}, but FIELD_ENCRYPTION_KEY is not set. Set it to that key; without it what people wrote cannot be read.`,
  );
}
