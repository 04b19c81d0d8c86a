/** Accounts: scrypt with a salt per user, emails unique and case-blind, disabled accounts cannot log in. */
import { AccountError, AccountRepository, hashPassword, verifyPassword } from '../../src/linkworker';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let accounts: AccountRepository;
beforeAll(async () => {
  t = await startTestDatabase();
  accounts = new AccountRepository(t.db);
});
afterAll(async () => {
  await t.stop();
});

test('passwords are stored only as salted scrypt hashes', async () => {
  const password = 'correct horse battery staple';
  const one = await accounts.create('Alice@Example.org', password);
  const two = await accounts.create('bob@example.org', password, 'admin');
  expect(one.email).toBe('alice@example.org');
  expect(two.role).toBe('admin');
  const stored = await t.db.collection(Collections.linkWorkers).find().toArray();
  expect(JSON.stringify(stored)).not.toContain(password);
  expect(stored.every((doc) => doc.password.algorithm === 'scrypt')).toBe(true);
  // Same password, different salts, different hashes.
  expect(stored[0].password.salt).not.toBe(stored[1].password.salt);
  expect(stored[0].password.hash).not.toBe(stored[1].password.hash);

  const hash = await hashPassword(password);
  expect(await verifyPassword(password, hash)).toBe(true);
  expect(await verifyPassword(`${password}!`, hash)).toBe(false);
});

test('credentials are checked case-blind on the email, exactly on the password', async () => {
  await accounts.create('carol@example.org', 'a long enough password');
  expect((await accounts.verifyCredentials('  CAROL@example.org ', 'a long enough password'))?.email).toBe('carol@example.org');
  expect(await accounts.verifyCredentials('carol@example.org', 'A long enough password')).toBeNull();
  expect(await accounts.verifyCredentials('nobody@example.org', 'a long enough password')).toBeNull();
  expect(await accounts.verifyCredentials('not an email', 'a long enough password')).toBeNull();
});

test('short passwords, bad emails and duplicates are refused with a clear reason', async () => {
  await expect(accounts.create('dan@example.org', 'elevenchars')).rejects.toThrow('at least 12 characters');
  await expect(accounts.create('dan@example', 'a long enough password')).rejects.toThrow(/not an email/);
  await accounts.create('dan@example.org', 'a long enough password');
  await expect(accounts.create('DAN@example.org', 'another long password')).rejects.toThrow(AccountError);
  await expect(accounts.create('DAN@example.org', 'another long password')).rejects.toThrow(/already an account/);
});

test('a disabled account cannot log in until enabled again', async () => {
  await accounts.create('erin@example.org', 'a long enough password');
  expect((await accounts.setDisabled('erin@example.org', true))?.disabled).toBe(true);
  expect(await accounts.verifyCredentials('erin@example.org', 'a long enough password')).toBeNull();
  await accounts.setDisabled('erin@example.org', false);
  expect(await accounts.verifyCredentials('erin@example.org', 'a long enough password')).not.toBeNull();
  expect(await accounts.setDisabled('nobody@example.org', true)).toBeNull();
});
