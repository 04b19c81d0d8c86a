/** HandoffRepository on the real driver and embedded server: one active handoff per person, atomic claims, closing rules. */
import { Collections } from '../../src/store/collections';
import { HandoffConflictError, HandoffNotFoundError, HandoffRepository, HandoffValidationError } from '../../src/handoff';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { completeReferral } from './referralFixture';

let t: TestDatabase;
let clock = new Date('2026-03-02T12:00:00Z').getTime();
const now = () => new Date(clock);
let repo: HandoffRepository;
let counter = 0;
const alice = { id: 'a'.repeat(24), email: 'alice@example.org' };
const bob = { id: 'b'.repeat(24), email: 'bob@example.org' };

beforeAll(async () => {
  t = await startTestDatabase();
  repo = new HandoffRepository(t.db, now);
});
afterAll(async () => {
  await t.stop();
});

async function referral(): Promise<Referral> {
  const personKey = `test:handoff-${++counter}`;
  const referrals = new ReferralRepository(t.db, now);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.saveAnswer(personKey, 'whatMatters', `Person ${counter} wants company`);
  return (await referrals.find(personKey)) as Referral;
}
const countFor = (personKey: string) => t.db.collection(Collections.handoffs).countDocuments({ personKey });

test('asking again while a handoff is open adds a reason, not a second handoff; urgency only goes up', async () => {
  const r = await referral();
  const first = await repo.open({ referral: r, reason: 'referralConfirmed' });
  expect(first.created).toBe(true);
  expect(first.handoff).toMatchObject({ status: 'open', urgent: false });

  clock += 1000;
  const crisis = await repo.open({ referral: r, reason: 'crisis', riskFlags: [{ rule: 'en.selfHarm', message: 'I want to hurt myself', at: now() }] });
  expect(crisis.created).toBe(false);
  expect(crisis.handoff._id.equals(first.handoff._id)).toBe(true);
  expect(crisis.handoff.urgent).toBe(true);

  clock += 1000;
  const again = await repo.open({ referral: r, reason: 'askedForPerson', urgent: false });
  expect(again.handoff.urgent).toBe(true); // never de-escalated
  expect(again.handoff.reasons.map((x) => x.reason)).toEqual(['referralConfirmed', 'crisis', 'askedForPerson']);
  // The flag raised by the second request is still on the summary after the third.
  expect(again.handoff.summary.riskFlags).toEqual([{ rule: 'en.selfHarm', message: 'I want to hurt myself', at: expect.any(Date) }]);
  expect(await countFor(r.personKey)).toBe(1);
});

test('ten simultaneous requests for one person still make one handoff', async () => {
  const r = await referral();
  const results = await Promise.all(Array.from({ length: 10 }, () => repo.open({ referral: r, reason: 'askedForPerson' })));
  expect(results.filter((x) => x.created)).toHaveLength(1);
  expect(await countFor(r.personKey)).toBe(1);
  expect((await repo.activeFor(r.personKey))?.reasons).toHaveLength(10);
});

test('re-sending the transcript does not duplicate it; later lines are appended', async () => {
  const { referral: r, transcript } = await completeReferral(t.db, `test:handoff-transcript`);
  await repo.open({ referral: r, reason: 'referralConfirmed', transcript: transcript.slice(0, 2) });
  const { handoff } = await repo.open({ referral: r, reason: 'askedForPerson', transcript });
  expect(handoff.transcript).toHaveLength(transcript.length);
  expect(await repo.recordPersonMessage(r.personKey, 'Are you there?')).toBe(true);
  expect((await repo.get(handoff._id))?.transcript.at(-1)).toMatchObject({ from: 'person', text: 'Are you there?' });
  expect(await repo.recordPersonMessage('test:nobody', 'hello')).toBe(false);
});

test('the queue lists urgent handoffs first, then the oldest', async () => {
  await t.db.collection(Collections.handoffs).deleteMany({});
  const opened: Record<string, string> = {};
  for (const [name, reason] of [
    ['oldCalm', 'referralConfirmed'],
    ['newUrgent', 'crisis'],
    ['midCalm', 'askedForPerson'],
    ['oldUrgent', 'crisis'],
  ] as const) {
    clock += 60_000;
    opened[name] = (await repo.open({ referral: await referral(), reason })).handoff._id.toHexString();
  }
  // Make "oldUrgent" the oldest of all, to show age orders within the urgent group.
  await t.db.collection(Collections.handoffs).updateOne({ _id: (await repo.get(opened.oldUrgent))!._id }, { $set: { createdAt: new Date(0) } });
  const queue = await repo.list();
  const byId = Object.fromEntries(Object.entries(opened).map(([name, id]) => [id, name]));
  expect(queue.map((h) => byId[h._id.toHexString()])).toEqual(['oldUrgent', 'newUrgent', 'oldCalm', 'midCalm']);
  expect(queue.every((h) => h.transcript.length === 0)).toBe(true);
});

test('twenty simultaneous claims: exactly one wins, the rest are told it was lost', async () => {
  const { handoff } = await repo.open({ referral: await referral(), reason: 'referralConfirmed' });
  const workers = Array.from({ length: 20 }, (_, i) => ({ id: i.toString(16).padStart(24, '0'), email: `w${i}@example.org` }));
  const results = await Promise.allSettled(workers.map((w) => repo.claim(handoff._id, w)));
  const won = results.filter((r) => r.status === 'fulfilled');
  expect(won).toHaveLength(1);
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(lost.every((r) => r.reason instanceof HandoffConflictError && r.reason.code === 'claimLost')).toBe(true);
  const stored = await repo.get(handoff._id);
  expect(stored?.claimedBy).toEqual((won[0] as PromiseFulfilledResult<{ claimedBy: unknown }>).value.claimedBy);
});

test('only the holder (or an admin) can release, message or close', async () => {
  const { handoff } = await repo.open({ referral: await referral(), reason: 'referralConfirmed' });
  await expect(repo.release(handoff._id, alice)).rejects.toMatchObject({ code: 'notClaimed' });
  await repo.claim(handoff._id, alice);
  await expect(repo.release(handoff._id, bob)).rejects.toMatchObject({ code: 'notYours' });
  await expect(repo.heldBy(handoff._id, bob)).rejects.toMatchObject({ code: 'notYours' });
  await expect(repo.close(handoff._id, bob, { outcome: 'contacted' })).rejects.toMatchObject({ code: 'notYours' });
  expect((await repo.release(handoff._id, alice)).status).toBe('open');
  await repo.claim(handoff._id, bob);
  expect((await repo.release(handoff._id, alice, { asAdmin: true })).claimedBy).toBeNull();
  await expect(repo.claim('f'.repeat(24), alice)).rejects.toBeInstanceOf(HandoffNotFoundError);
  await expect(repo.claim('not-an-id', alice)).rejects.toBeInstanceOf(HandoffNotFoundError);
});

test('closing needs a follow-up date in the future and within a year, and frees the person for a new handoff', async () => {
  const r = await referral();
  const { handoff } = await repo.open({ referral: r, reason: 'referralConfirmed' });
  await repo.claim(handoff._id, alice);
  const day = 24 * 60 * 60 * 1000;
  await expect(repo.close(handoff._id, alice, { outcome: 'contacted', followUpAt: new Date(clock - day) })).rejects.toBeInstanceOf(HandoffValidationError);
  await expect(repo.close(handoff._id, alice, { outcome: 'contacted', followUpAt: new Date(clock + 400 * day) })).rejects.toThrow(/within a year/);
  expect((await repo.get(handoff._id))?.status).toBe('claimed');

  const followUpAt = new Date(clock + 14 * day);
  const closed = await repo.close(handoff._id, alice, { outcome: 'connectedToActivity', note: 'Going to the bird walk on Saturday', followUpAt });
  expect(closed).toMatchObject({ status: 'closed', outcome: 'connectedToActivity', note: 'Going to the bird walk on Saturday', followUpAt, closedBy: alice });
  await expect(repo.claim(handoff._id, bob)).rejects.toMatchObject({ code: 'closed' });
  await expect(repo.close(handoff._id, alice, { outcome: 'declined' })).rejects.toMatchObject({ code: 'closed' });

  const next = await repo.open({ referral: r, reason: 'askedForPerson' });
  expect(next.created).toBe(true);
  expect(next.handoff._id.equals(handoff._id)).toBe(false);
  expect(await countFor(r.personKey)).toBe(2);
  expect(await repo.eraseFor(r.personKey)).toBe(2);
});

test('the latest conversation reference is kept for replies, and an older request without one does not wipe it', async () => {
  const r = await referral();
  const first = await repo.open({ referral: r, reason: 'referralConfirmed' });
  expect(first.handoff.conversationReference).toBeNull();
  const reference = { channelId: 'directline', conversation: { id: 'conv-1' }, user: { id: 'user-1' }, serviceUrl: 'http://127.0.0.1:3978/' };
  await repo.open({ referral: r, reason: 'askedForPerson', conversationReference: reference });
  const again = await repo.open({ referral: r, reason: 'askedForPerson' });
  expect(again.handoff.conversationReference).toEqual(reference);
});
