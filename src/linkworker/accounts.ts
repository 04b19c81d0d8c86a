import { scrypt, randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MongoServerError, ObjectId, type Collection, type Db } from 'mongodb';
import { z } from 'zod';
import { Collections } from '../store/collections';
import { ROLES, type Role } from './roles';

/** Shortest password we accept: length beats complexity rules for passwords people can remember. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest: scrypt reads it all, so a huge "password" is a cheap way to burn our CPU. */
export const MAX_PASSWORD_LENGTH = 1024;

/** scrypt cost (N = 2^14, r = 8, p = 1: about 16 MB and tens of milliseconds per hash). */
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 } as const;
const DUPLICATE_KEY = 11000;

export const PasswordHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  hash: z.string(),
});
export type PasswordHash = z.infer<typeof PasswordHashSchema>;

export const AccountSchema = z.object({
  _id: z.instanceof(ObjectId),
  email: z.string(),
  role: z.enum(ROLES).catch('linkWorker'),
  password: PasswordHashSchema,
  disabled: z.boolean().catch(false),
  createdAt: z.date().catch(new Date(0)),
  updatedAt: z.date().catch(new Date(0)),
});
export type Account = z.infer<typeof AccountSchema>;

/** What the API and the audit log may show of an account: never the hash. */
export interface AccountSummary {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email());

export class AccountError extends Error {}

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return { algorithm: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(stored.salt, 'base64'), expected.length, { N: stored.N, r: stored.r, p: stored.p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Checks a new password; returns what is wrong with it, or undefined when it will do. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  if (password.trim().length === 0) return 'The password cannot be only spaces.';
  return undefined;
}

export function summariseAccount(account: Account): AccountSummary {
  return { id: account._id.toHexString(), email: account.email, role: account.role, disabled: account.disabled, createdAt: account.createdAt };
}

/**
 * Link-worker and admin accounts in MongoDB. Emails are stored lower-case and unique; passwords
 * only as scrypt hashes with a salt of their own.
 */
export class AccountRepository {
  private readonly accounts: Collection;
  /** A hash of nothing in particular, checked when the email is unknown so that answer takes as long as a wrong password. */
  private decoy: Promise<PasswordHash> | undefined;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = db.collection(Collections.linkWorkers);
  }

  async create(emailInput: string, password: string, role: Role = 'linkWorker'): Promise<Account> {
    const email = EmailSchema.safeParse(emailInput);
    if (!email.success) throw new AccountError(`"${emailInput}" is not an email address.`);
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    const at = this.now();
    const doc = { _id: new ObjectId(), email: email.data, role, password: await hashPassword(password), disabled: false, createdAt: at, updatedAt: at };
    try {
      await this.accounts.insertOne(doc);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        throw new AccountError(`There is already an account for ${email.data}.`);
      }
      throw error;
    }
    return AccountSchema.parse(doc);
  }

  async findByEmail(emailInput: string): Promise<Account | null> {
    const email = EmailSchema.safeParse(emailInput);
    if (!email.success) return null;
    return this.read(await this.accounts.findOne({ email: email.data }));
  }

  async findById(id: ObjectId | string): Promise<Account | null> {
    if (typeof id === 'string' && !ObjectId.isValid(id)) return null;
    return this.read(await this.accounts.findOne({ _id: typeof id === 'string' ? new ObjectId(id) : id }));
  }

  async list(): Promise<Account[]> {
    const docs = await this.accounts.find({}).sort({ email: 1 }).toArray();
    return docs.map((doc) => this.read(doc)).filter((a): a is Account => a !== null);
  }

  /** The account when the email and password match an enabled account; otherwise null (never says which part was wrong). */
  async verifyCredentials(emailInput: string, password: string): Promise<Account | null> {
    const account = await this.findByEmail(emailInput);
    if (!account) {
      this.decoy ??= hashPassword('not a real password, only spends the same time');
      await verifyPassword(password, await this.decoy);
      return null;
    }
    const matches = await verifyPassword(password, account.password);
    return matches && !account.disabled ? account : null;
  }

  /** Disables an account. Returns false when there is no such account. (Sessions are ended by the caller.) */
  async setDisabled(emailInput: string, disabled: boolean): Promise<Account | null> {
    const email = EmailSchema.safeParse(emailInput);
    if (!email.success) return null;
    const doc = await this.accounts.findOneAndUpdate(
      { email: email.data },
      { $set: { disabled, updatedAt: this.now() } },
      { returnDocument: 'after' },
    );
    return this.read(doc);
  }

  async setPassword(emailInput: string, password: string): Promise<Account | null> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    const email = EmailSchema.safeParse(emailInput);
    if (!email.success) return null;
    const doc = await this.accounts.findOneAndUpdate(
      { email: email.data },
      { $set: { password: await hashPassword(password), updatedAt: this.now() } },
      { returnDocument: 'after' },
    );
    return this.read(doc);
  }

  private read(doc: unknown): Account | null {
    if (!doc) return null;
    const parsed = AccountSchema.safeParse(doc);
    return parsed.success ? parsed.data : null;
  }
}
