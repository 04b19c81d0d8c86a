/**
 * A referral confirmed or crisis-flagged just before a crash (its handoff never opened) reaches
 * the link workers' queue anyway: the sweep opens the missing handoff, at start-up and every 10 minutes.
 */
import { HandoffRepository } from '../../src/handoff';
import { openMissedHandoffs } from '../../src/handoff/missedReferrals';
import { ReferralRepository } from '../../src/referrals';
import { startFrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const MINUTE = 60_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const WORDS = "I'd like to get out of the house and meet people who like birds.";
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

const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * MINUTE);

/** A referral with the person's words, marked ready `minutesAgo` before `at`, as confirming writes it. */
async function confirmed(minutesAgo: number, at = NOW): Promise<string> {
  const personKey = `test:missed-${++counter}`;
  const repo = new ReferralRepository(t.db, () => minutesBefore(at, minutesAgo));
  await repo.getOrCreate(personKey, 'webchat', 'en');
  await repo.saveAnswer(personKey, 'whatMatters', WORDS);
  await repo.markReady(personKey);
  return personKey;
}

const handoffsOf = (personKey: string) => t.db.collection(Collections.handoffs).find({ personKey }).toArray();

test('a confirmed referral with no handoff gets one, with its summary; nothing twice; the log names no one', async () => {
  const lost = await confirmed(3);
  const opened: [string, Date][] = [];
  const lines: string[] = [];
  const sweep = { referrals, handoffs, now: NOW, log: (line: string) => lines.push(line), onOpened: async (key: string, at: Date) => void opened.push([key, at]) };

  expect(await openMissedHandoffs(t.db, sweep)).toBe(1);
  const [handoff] = await handoffsOf(lost);
  expect(handoff).toMatchObject({ status: 'open', urgent: false, reasons: [{ reason: 'referralConfirmed', at: NOW }] });
  expect(JSON.stringify(handoff.summary)).toContain(WORDS);
  expect(opened).toEqual([[lost, minutesBefore(NOW, 3)]]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain(lost);

  expect(await openMissedHandoffs(t.db, sweep)).toBe(0);
  expect(await handoffsOf(lost)).toHaveLength(1);
});

test('crisis language flagged on a referral with no handoff (even without consent) opens an urgent one naming the rule', async () => {
  const personKey = `test:missed-${++counter}`;
  await new ReferralRepository(t.db, () => minutesBefore(NOW, 5)).markUrgent(personKey, 'en.hopelessness', 'webchat', 'en');
  const onOpened = jest.fn();

  expect(await openMissedHandoffs(t.db, { referrals, handoffs, now: NOW, onOpened })).toBe(1);
  const [handoff] = await handoffsOf(personKey);
  expect(handoff).toMatchObject({ status: 'open', urgent: true, reasons: [{ reason: 'crisis', at: NOW }] });
  expect(handoff.riskFlags).toEqual([expect.objectContaining({ rule: 'en.hopelessness' })]);
  // Not confirmed: no follow-up texts are set going.
  expect(onOpened).not.toHaveBeenCalled();
});

test('a handoff the team already closed does not cover crisis language flagged after it', async () => {
  const personKey = await confirmed(60);
  const earlier = new HandoffRepository(t.db, () => minutesBefore(NOW, 30));
  const { handoff } = await earlier.open({ referral: (await referrals.find(personKey))!, reason: 'referralConfirmed' });
  await earlier.claim(handoff._id, worker);
  await earlier.close(handoff._id, worker, { outcome: 'connectedToActivity' });
  // Later, crisis language; the crash came before its handoff opened.
  await new ReferralRepository(t.db, () => minutesBefore(NOW, 5)).markUrgent(personKey, 'en.selfHarm', 'webchat', 'en');

  expect(await openMissedHandoffs(t.db, { referrals, handoffs, now: NOW })).toBe(1);
  const active = (await handoffsOf(personKey)).filter((h) => h.status === 'open');
  expect(active).toEqual([expect.objectContaining({ urgent: true, reasons: [{ reason: 'crisis', at: NOW }] })]);
});

test('"talk to a person" recorded with no handoff opens one; a crisis flag before it keeps it urgent', async () => {
  const asked = `test:missed-${++counter}`;
  await new ReferralRepository(t.db, () => minutesBefore(NOW, 4)).recordHumanRequest(asked, 'webchat', 'en');
  const both = `test:missed-${++counter}`;
  await new ReferralRepository(t.db, () => minutesBefore(NOW, 9)).markUrgent(both, 'en.hopelessness', 'webchat', 'en');
  await new ReferralRepository(t.db, () => minutesBefore(NOW, 4)).recordHumanRequest(both, 'webchat', 'en');

  expect(await openMissedHandoffs(t.db, { referrals, handoffs, now: NOW })).toBe(2);
  expect(await handoffsOf(asked)).toEqual([expect.objectContaining({ urgent: false, reasons: [{ reason: 'askedForPerson', at: NOW }] })]);
  expect(await handoffsOf(both)).toEqual([expect.objectContaining({ urgent: true, reasons: [{ reason: 'askedForPerson', at: NOW }] })]);
});

test('left alone: just confirmed (its turn may still open it), already handed off (open or closed), long ago, or neither ready nor flagged', async () => {
  const justNow = await confirmed(0.5);
  const withOpen = await confirmed(30);
  await handoffs.open({ referral: (await referrals.find(withOpen))!, reason: 'referralConfirmed' });
  const withClosed = await confirmed(30);
  const { handoff } = await handoffs.open({ referral: (await referrals.find(withClosed))!, reason: 'askedForPerson' });
  await handoffs.claim(handoff._id, worker);
  await handoffs.close(handoff._id, worker, { outcome: 'connectedToActivity' });
  const longAgo = await confirmed(20 * 24 * 60);
  const inProgress = `test:missed-${++counter}`;
  await referrals.getOrCreate(inProgress, 'webchat', 'en');
  await referrals.saveAnswer(inProgress, 'whatMatters', WORDS);

  expect(await openMissedHandoffs(t.db, { referrals, handoffs, now: NOW })).toBe(0);
  for (const personKey of [justNow, longAgo, inProgress]) expect(await handoffsOf(personKey)).toHaveLength(0);
  expect(await handoffsOf(withOpen)).toHaveLength(1);
  expect((await handoffsOf(withClosed)).map((h) => h.status)).toEqual(['closed']);
});

test('the app opens it when it starts (after a crash) and schedules the follow-ups confirming would have', async () => {
  const personKey = await confirmed(5, new Date());

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
