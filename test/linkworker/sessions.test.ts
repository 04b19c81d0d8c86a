/** Sessions: only hashes stored, idle and absolute expiry, logout and logout everywhere, CSRF tokens per session. */
import { ObjectId } from 'mongodb';
import { csrfTokenMatches, hashToken, SessionStore } from '../../src/linkworker';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clock);
const MINUTE = 60_000;
let store: SessionStore;

beforeAll(async () => {
  t = await startTestDatabase();
  store = new SessionStore(t.db, { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE }, now);
});
afterAll(async () => {
  await t.stop();
});

test('the session id and CSRF token are 256-bit random values, stored only as SHA-256 hashes', async () => {
  const created = await store.create(new ObjectId());
  expect(Buffer.from(created.sessionId, 'base64url')).toHaveLength(32);
  expect(Buffer.from(created.csrfToken, 'base64url')).toHaveLength(32);
  const raw = JSON.stringify(await t.db.collection(Collections.linkWorkerSessions).find().toArray());
  expect(raw).not.toContain(created.sessionId);
  expect(raw).not.toContain(created.csrfToken);
  expect(raw).toContain(hashToken(created.sessionId));
  expect(await store.touch(created.sessionId)).not.toBeNull();
  expect(await store.touch(`${created.sessionId}x`)).toBeNull();
});

test('a session ends after 30 idle minutes, but use keeps it alive until the 12-hour limit', async () => {
  const idle = await store.create(new ObjectId());
  clock += 31 * MINUTE;
  expect(await store.touch(idle.sessionId)).toBeNull();
  // Gone for good, not just hidden.
  expect(await t.db.collection(Collections.linkWorkerSessions).countDocuments({ _id: hashToken(idle.sessionId) } as object)).toBe(0);

  const busy = await store.create(new ObjectId());
  for (let minutes = 0; minutes < 11 * 60 + 40; minutes += 20) {
    clock += 20 * MINUTE;
    expect(await store.touch(busy.sessionId)).not.toBeNull();
  }
  clock += 20 * MINUTE; // past 12 hours since login
  expect(await store.touch(busy.sessionId)).toBeNull();
});

test('logout ends one session; logout everywhere ends all of the account’s sessions and no one else’s', async () => {
  const me = new ObjectId();
  const other = new ObjectId();
  const [laptop, phone, tablet] = [await store.create(me), await store.create(me), await store.create(me)];
  const theirs = await store.create(other);
  await store.end(laptop.sessionId);
  expect(await store.touch(laptop.sessionId)).toBeNull();
  expect(await store.touch(phone.sessionId)).not.toBeNull();
  expect(await store.endAllFor(me)).toBe(2);
  expect(await store.touch(phone.sessionId)).toBeNull();
  expect(await store.touch(tablet.sessionId)).toBeNull();
  expect(await store.touch(theirs.sessionId)).not.toBeNull();
});

test('CSRF tokens: each session has its own, a further token works alongside the first', async () => {
  const one = await store.create(new ObjectId());
  const two = await store.create(new ObjectId());
  const s1 = (await store.touch(one.sessionId))!;
  expect(csrfTokenMatches(one.csrfToken, s1.csrfHashes)).toBe(true);
  expect(csrfTokenMatches(two.csrfToken, s1.csrfHashes)).toBe(false);
  expect(csrfTokenMatches(undefined, s1.csrfHashes)).toBe(false);
  expect(csrfTokenMatches('', s1.csrfHashes)).toBe(false);
  const extra = await store.issueCsrfToken(s1);
  const again = (await store.touch(one.sessionId))!;
  expect(csrfTokenMatches(extra, again.csrfHashes)).toBe(true);
  expect(csrfTokenMatches(one.csrfToken, again.csrfHashes)).toBe(true);
});

test('purgeExpired deletes what has expired and keeps what has not', async () => {
  await t.db.collection(Collections.linkWorkerSessions).deleteMany({});
  await store.create(new ObjectId());
  clock += 10 * MINUTE;
  const fresh = await store.create(new ObjectId());
  clock += 25 * MINUTE;
  expect(await store.purgeExpired()).toBe(1);
  expect(await store.touch(fresh.sessionId)).not.toBeNull();
});
