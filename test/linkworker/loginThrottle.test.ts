/** Login throttling: per-account lockout after repeated failures, per-address limit across accounts. */
import { LoginThrottle } from '../../src/linkworker';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clock);
const MINUTE = 60_000;

/** One wrong password, as the login route reports it: reserved first, then failed. */
async function fail(throttle: LoginThrottle, email: string, ip: string): Promise<void> {
  const verdict = await throttle.reserve(email, ip);
  if (verdict.allowed) await throttle.recordFailure(verdict.reservation);
}

/** Whether an attempt may go ahead now (its slots given back, so the counts stay as they were). */
async function check(throttle: LoginThrottle, email: string, ip: string) {
  const verdict = await throttle.reserve(email, ip);
  if (!verdict.allowed) return verdict;
  await throttle.cancel(verdict.reservation);
  return { allowed: true };
}

beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

test('five failures in 15 minutes lock the account for 15 minutes, from any address', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  for (let i = 0; i < 4; i++) await fail(throttle, 'alice@example.org', `10.0.0.${i}`);
  expect(await check(throttle, 'alice@example.org', '10.0.0.9')).toEqual({ allowed: true });
  await fail(throttle, 'Alice@Example.org', '10.0.0.5');
  expect(await check(throttle, 'alice@example.org', '10.0.0.9')).toEqual({ allowed: false, scope: 'account', retryAfterMs: 15 * MINUTE });
  expect(await check(throttle, 'bob@example.org', '10.0.0.9')).toEqual({ allowed: true });
  clock += 14 * MINUTE;
  expect((await check(throttle, 'alice@example.org', '10.0.0.9')).allowed).toBe(false);
  clock += 2 * MINUTE;
  expect((await check(throttle, 'alice@example.org', '10.0.0.9')).allowed).toBe(true);
});

test('failures spread out over more than the window do not lock; a good login clears the count', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  for (let i = 0; i < 8; i++) {
    await fail(throttle, 'carol@example.org', '10.0.1.1');
    clock += 4 * MINUTE; // at most four inside any 15 minutes
  }
  expect((await check(throttle, 'carol@example.org', '10.0.1.2')).allowed).toBe(true);
  for (let i = 0; i < 4; i++) await fail(throttle, 'dan@example.org', '10.0.1.3');
  const good = await throttle.reserve('dan@example.org', '10.0.1.3');
  if (good.allowed) await throttle.recordSuccess(good.reservation);
  await fail(throttle, 'dan@example.org', '10.0.1.3');
  expect((await check(throttle, 'dan@example.org', '10.0.1.4')).allowed).toBe(true);
});

test('an address over its limit gets one attempt per account with a clean window, no more', async () => {
  const throttle = new LoginThrottle(t.db, { ip: { maxFailures: 10 } }, now);
  for (let i = 0; i < 10; i++) await fail(throttle, `user${i}@example.org`, '192.0.2.7');
  // Accounts guessed from it: refused there, as the address is over its limit; still fine from elsewhere.
  expect(await check(throttle, 'user3@example.org', '192.0.2.7')).toMatchObject({ allowed: false, scope: 'ip' });
  expect((await check(throttle, 'user3@example.org', '192.0.2.8')).allowed).toBe(true);
  // An account nobody has failed on gets its one attempt (a link worker behind a shared address gets in) ...
  expect((await check(throttle, 'someone-new@example.org', '192.0.2.7')).allowed).toBe(true);
  const good = await throttle.reserve('someone-new@example.org', '192.0.2.7');
  expect(good.allowed).toBe(true);
  if (good.allowed) await throttle.recordSuccess(good.reservation);
  // ... and one wrong guess from the address uses it up.
  await fail(throttle, 'someone-new@example.org', '192.0.2.7');
  expect(await check(throttle, 'someone-new@example.org', '192.0.2.7')).toMatchObject({ allowed: false, scope: 'ip' });
  expect((await check(throttle, 'someone-new@example.org', '192.0.2.8')).allowed).toBe(true);
});

test('attempts arriving at once are counted before any is answered: at most 5 per account, 20 per address', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  const account = await Promise.all(Array.from({ length: 40 }, (_, i) => throttle.reserve('erin@example.org', `10.9.0.${i}`)));
  expect(account.filter((verdict) => verdict.allowed)).toHaveLength(5);
  const spray = await Promise.all(Array.from({ length: 60 }, (_, i) => throttle.reserve(`spray${i}@example.org`, '10.9.1.1')));
  const counted = spray.filter((verdict) => verdict.allowed && verdict.reservation.ipCounted);
  expect(counted).toHaveLength(20);
});

test('purgeStale forgets old failures and ended locks, and keeps what still counts', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  await fail(throttle, 'old@example.org', '198.51.100.1');
  for (let i = 0; i < 5; i++) await fail(throttle, 'locked-then@example.org', '198.51.100.2');
  clock += 20 * MINUTE;
  await fail(throttle, 'recent@example.org', '198.51.100.3');
  for (let i = 0; i < 5; i++) await fail(throttle, 'locked-now@example.org', '198.51.100.4');
  const before = await t.db.collection(Collections.loginThrottle).countDocuments();
  const purged = await throttle.purgeStale();
  expect(purged).toBeGreaterThanOrEqual(4); // old@ and locked-then@, and their two addresses
  expect(await t.db.collection(Collections.loginThrottle).countDocuments()).toBe(before - purged);
  expect((await check(throttle, 'locked-now@example.org', '203.0.113.1')).allowed).toBe(false);
  for (let i = 0; i < 4; i++) await fail(throttle, 'recent@example.org', '198.51.100.3');
  expect((await check(throttle, 'recent@example.org', '203.0.113.1')).allowed).toBe(false);
});
