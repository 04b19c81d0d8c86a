/** Login throttling: per-account lockout after repeated failures, per-address limit across accounts. */
import { LoginThrottle } from '../../src/linkworker';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clock);
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

test('five failures in 15 minutes lock the account for 15 minutes, from any address', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  for (let i = 0; i < 4; i++) await throttle.recordFailure('alice@example.org', `10.0.0.${i}`);
  expect(await throttle.check('alice@example.org', '10.0.0.9')).toEqual({ allowed: true });
  await throttle.recordFailure('Alice@Example.org', '10.0.0.5');
  expect(await throttle.check('alice@example.org', '10.0.0.9')).toEqual({ allowed: false, scope: 'account', retryAfterMs: 15 * MINUTE });
  expect(await throttle.check('bob@example.org', '10.0.0.9')).toEqual({ allowed: true });
  clock += 14 * MINUTE;
  expect((await throttle.check('alice@example.org', '10.0.0.9')).allowed).toBe(false);
  clock += 2 * MINUTE;
  expect((await throttle.check('alice@example.org', '10.0.0.9')).allowed).toBe(true);
});

test('failures spread out over more than the window do not lock; a good login clears the count', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  for (let i = 0; i < 8; i++) {
    await throttle.recordFailure('carol@example.org', '10.0.1.1');
    clock += 4 * MINUTE; // at most four inside any 15 minutes
  }
  expect((await throttle.check('carol@example.org', '10.0.1.2')).allowed).toBe(true);
  for (let i = 0; i < 4; i++) await throttle.recordFailure('dan@example.org', '10.0.1.3');
  await throttle.recordSuccess('dan@example.org');
  await throttle.recordFailure('dan@example.org', '10.0.1.3');
  expect((await throttle.check('dan@example.org', '10.0.1.4')).allowed).toBe(true);
});

test('one address guessing across many accounts is blocked', async () => {
  const throttle = new LoginThrottle(t.db, { ip: { maxFailures: 10 } }, now);
  for (let i = 0; i < 10; i++) await throttle.recordFailure(`user${i}@example.org`, '192.0.2.7');
  expect(await throttle.check('someone-new@example.org', '192.0.2.7')).toMatchObject({ allowed: false, scope: 'ip' });
  expect((await throttle.check('someone-new@example.org', '192.0.2.8')).allowed).toBe(true);
});

test('purgeStale forgets old failures and ended locks, and keeps what still counts', async () => {
  const throttle = new LoginThrottle(t.db, {}, now);
  await throttle.recordFailure('old@example.org', '198.51.100.1');
  for (let i = 0; i < 5; i++) await throttle.recordFailure('locked-then@example.org', '198.51.100.2');
  clock += 20 * MINUTE;
  await throttle.recordFailure('recent@example.org', '198.51.100.3');
  for (let i = 0; i < 5; i++) await throttle.recordFailure('locked-now@example.org', '198.51.100.4');
  const before = await t.db.collection(Collections.loginThrottle).countDocuments();
  const purged = await throttle.purgeStale();
  expect(purged).toBeGreaterThanOrEqual(4); // old@ and locked-then@, and their two addresses
  expect(await t.db.collection(Collections.loginThrottle).countDocuments()).toBe(before - purged);
  expect((await throttle.check('locked-now@example.org', '203.0.113.1')).allowed).toBe(false);
  for (let i = 0; i < 4; i++) await throttle.recordFailure('recent@example.org', '198.51.100.3');
  expect((await throttle.check('recent@example.org', '203.0.113.1')).allowed).toBe(false);
});
