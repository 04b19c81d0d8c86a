import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Binary, BSON } from 'bson';
import { z } from 'zod';

/**
 * Field-level encryption at rest (ARCHITECTURE.md, "Storage"): what people write and how to reach
 * them is stored sealed with AES-256-GCM when an operator configures a key
 * (FIELD_ENCRYPTION_KEY), so a database dump, backup or stray query shows no words, names,
 * places or numbers. Keys, statuses and dates stay readable: queries, retention and erasure need
 * them, and they say nothing of what a person said.
 *
 * A sealed value is `{ sealed: <key id>, box: Binary(iv | tag | ciphertext) }`. The plaintext is a
 * format byte and then UTF-8 for a string (most values: words, names, bot state as JSON), or the
 * BSON of `{ v: value }` for anything else, so objects, arrays and dates come back as they went in.
 * Reads tolerate plain values (data written before a key was set, or with none), so turning
 * encryption on needs no migration; older keys can stay configured for reading while they are
 * rotated out.
 */
export interface SealedValue {
  sealed: string;
  box: Binary;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A short, stable name for a key, stored beside what it sealed (never the key itself). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('front-door field key\u0000').update(key).digest('hex').slice(0, 16);
}

export function isSealed(value: unknown): value is SealedValue {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<SealedValue>;
  return typeof candidate.sealed === 'string' && candidate.box instanceof Binary && Object.keys(value).length === 2;
}

/** A stored field that may be sealed: `schema` for the plain (older, or unkeyed) form. */
export function sealedOr<S extends z.ZodType>(schema: S) {
  return z.union([schema, z.custom<SealedValue>(isSealed)]);
}

/** A sealed value whose key this process does not have: reading it would be guessing. */
export class FieldKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(
      `A stored field was encrypted with key ${keyId}, which is not configured. ` +
        'Set FIELD_ENCRYPTION_KEY to that key, or list it in FIELD_ENCRYPTION_PREVIOUS_KEYS while rotating.',
    );
    this.name = 'FieldKeyMissingError';
  }
}

export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId?: string;

  private constructor(current?: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [...(current ? [current] : []), ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error(`A field encryption key must be ${KEY_BYTES} bytes; this one is ${key.length}.`);
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = current ? keyIdOf(current) : undefined;
  }

  /** No key configured: values are stored as they are, and sealed values cannot be read. */
  static off(): FieldCipher {
    return new FieldCipher();
  }

  /** Seals with `current`; reads values sealed with it or with any of `previous`. */
  static withKeys(current: Buffer, previous: readonly Buffer[] = []): FieldCipher {
    return new FieldCipher(current, previous);
  }

  get enabled(): boolean {
    return this.currentKeyId !== undefined;
  }

  /** The id of the key new values are sealed with (undefined when encryption is off). */
  get keyId(): string | undefined {
    return this.currentKeyId;
  }

  /** Every key id this process can read. */
  get readableKeyIds(): string[] {
    return [...this.keys.keys()];
  }

  /**
   * The value as it should be stored: sealed when a key is configured. `null` and `undefined`
   * stay as they are ("skipped" and "not asked" are not personal, and queries rely on them).
   */
  seal<T>(value: T): T | SealedValue {
    if (!this.currentKeyId || value === null || value === undefined) return value;
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(encodePlain(value)), cipher.final()]);
    return { sealed: this.currentKeyId, box: new Binary(Buffer.concat([iv, cipher.getAuthTag(), body])) };
  }

  /** The value as it was given: sealed values are opened; anything else is returned unchanged. */
  open(stored: unknown): unknown {
    if (!isSealed(stored)) return stored;
    const key = this.keys.get(stored.sealed);
    if (!key) throw new FieldKeyMissingError(stored.sealed);
    const box = stored.box.buffer;
    const bytes = Buffer.from(box.buffer, box.byteOffset, box.byteLength);
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return decodePlain(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]));
  }

  /** A copy of `doc` with the named top-level fields opened. */
  openFields<D>(doc: D, fields: readonly string[]): D {
    if (doc === null || typeof doc !== 'object') return doc;
    const source = doc as Record<string, unknown>;
    if (!fields.some((field) => isSealed(source[field]))) return doc;
    const copy: Record<string, unknown> = { ...source };
    for (const field of fields) copy[field] = this.open(copy[field]);
    return copy as D;
  }
}

const PLAIN_UTF8 = 1;
const PLAIN_BSON = 2;

function encodePlain(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.concat([Buffer.of(PLAIN_UTF8), Buffer.from(value, 'utf8')]);
  return Buffer.concat([Buffer.of(PLAIN_BSON), BSON.serialize({ v: value })]);
}

function decodePlain(plain: Buffer): unknown {
  if (plain[0] === PLAIN_UTF8) return plain.toString('utf8', 1);
  if (plain[0] === PLAIN_BSON) return BSON.deserialize(plain.subarray(1)).v;
  throw new Error(`A sealed field has an unknown format (${plain[0]}).`);
}

/** Parses a configured key: base64 (or hex) of 32 random bytes. Throws with what is wrong. */
export function parseFieldKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const bytes = Buffer.from(trimmed, 'base64');
  // Node's base64 decoder skips stray characters: a key only counts if it encodes back to itself.
  if (bytes.length !== KEY_BYTES || bytes.toString('base64').replace(/=+$/, '') !== trimmed.replace(/=+$/, '')) {
    throw new Error(`must be ${KEY_BYTES} random bytes in base64 (e.g. from: openssl rand -base64 32) or 64 hex digits`);
  }
  return bytes;
}
