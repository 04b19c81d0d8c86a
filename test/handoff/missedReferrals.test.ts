/**
 * A referral confirmed just before a crash (marked ready, its handoff never opened) reaches the
 * link workers' queue anyway: the sweep opens the missing handoff, at start-up and hourly.
 */
import { HandoffRepository } from '../../src/handoff';
import { openMissedHandoffs } from '../../src/handoff/missedReferrals';
import { ReferralRepository } from '../../src/referrals';
import { startFrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { completeReferral, WHAT_MATTERS } from './referralFixture';

const MINUTE = 60_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const worker = { id: 'a'.repeat(24), email: 'alice@example.org' };

let t: TestDatabase;
let referrals: ReferralRepository;
let handoffs: HandoffRepository;
let counter = 0;

beforeEach(async () => {
  t = await startTestDatabase();
  referrals = new ReferralRepository(t.db, () => NOW);
  handoffs = new HandoffRepository(t.db, () => NOW);
});
afterEach(async () => t.stop());

/** A complete referral marked ready `minutesAgo` before NOW, as confirming writes it. */
async function confirmed(minutesAgo: number): Promise<string> {
  const personKey = `test:missed-${++counter}`;
  await completeReferral(t.db, personKey);
  await new ReferralRepository(t.db, () => new Date(NOW.getTime() - minutesAgo * MINUTE)).markReady(personKey);
  return personKey;
}

const handoffsOf = (personKey: string) => t.db.collection(Collections.handoffs).find({ personKey }).toArray();

test('a confirmed referral with no handoff gets one, with its summary; nothing twice; the log names no one', async () => {
  const lost = await confirmed(11);
  const opened: [string, Date][] = [];
  const lines: string[] = [];
  const sweep = { referrals, handoffs, now: NOW, log: (line: string) => lines.push(line), onOpened: async (key: string, at: Date) => void opened.push([key, at]) };

  expect(await openMissedHandoffs(t.db, sweep)).toBe(1);
  const [handoff] = await handoffsOf(lost);
  expect(handoff).toMatchObject({ status: 'open', reasons: [{ reason: 'referralConfirmed', at: NOW }] });
  expect(JSON.stringify(handoff.summary)).toContain(WHAT_MATTERS);
  expect(opened).toEqual([[lost, new Date(NOW.getTime() - 11 * MINUTE)]]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain(lost);

  expect(await openMissedHandoffs(t.db, sweep)).toBe(0);
  expect(await handoffsOf(lost)).toHaveLength(1);
});

test('left alone: just confirmed (its turn may still open it), already handed off (open or closed), long ago, or not ready', async () => {
  const justNow = await confirmed(2);
  const withOpen = await confirmed(30);
  await handoffs.open({ referral: (await referrals.find(withOpen))!, reason: 'referralConfirmed' });
  const withClosed = await confirmed(30);
  const { handoff } = await handoffs.open({ referral: (await referrals.find(withClosed))!, reason: 'askedForPerson' });
  await handoffs.claim(handoff._id, worker);
  await handoffs.close(handoff._id, worker, { outcome: 'connectedToActivity' });
  const longAgo = await confirmed(20 * 24 * 60);
  const notReady = `test:missed-${++counter}`;
  await completeReferral(t.db, notReady);

  expect(await openMissedHandoffs(t.db, { referrals, handoffs, now: NOW })).toBe(0);
  expect(await handoffsOf(justNow)).toHaveLength(0);
  expect(await handoffsOf(withOpen)).toHaveLength(1);
  expect((await handoffsOf(withClosed)).map((h) => h.status)).toEqual(['closed']);
  expect(await handoffsOf(longAgo)).toHaveLength(0);
  expect(await handoffsOf(notReady)).toHaveLength(0);
});

test('the app opens it when it starts (after a crash) and schedules the follow-ups confirming would have', async () => {
  const now = Date.now();
  const personKey = `test:missed-${++counter}`;
  await completeReferral(t.db, personKey, new Date(now - 60 * MINUTE));
  await new ReferralRepository(t.db, () => new Date(now - 15 * MINUTE)).markReady(personKey);

  const app = await startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName }), () => undefined);
  try {
    const deadline = Date.now() + 10_000;
    while ((await handoffsOf(personKey)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    await app.stop(); // waits for a sweep under way
  }
  expect(await handoffsOf(personKey)).toEqual([expect.objectContaining({ status: 'open' })]);
  const kinds = (await t.db.collection(Collections.followUps).find({ personKey }).toArray()).map((job) => job.kind).sort();
  expect(kinds).toEqual(['ons4Repeat', 'referralCheckIn']);
});
