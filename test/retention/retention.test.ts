/** Retention: what nobody came back for is deleted on schedule, and the run records counts only. */
import { runRetention, DEFAULT_RETENTION } from '../../src/retention';
import { ReferralRepository } from '../../src/referrals';
import { Collections, MongoBotStorage } from '../../src/store';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => t.stop());

const HOUR = 3600_000;
const DAY = 24 * HOUR;

test('old unconsented referrals, stale conversation state and idle web chat transcripts go; the rest stays', async () => {
  const start = new Date('2026-01-01T09:00:00Z');
  let clock = start;
  const repo = new ReferralRepository(t.db, () => clock);
  await repo.getOrCreate('abandoned', 'webchat', 'en');
  await repo.getOrCreate('consented', 'webchat', 'en');
  await repo.recordConsent('consented', { noticeVersion: 'v1', channel: 'webchat', answer: 'yes' });
  await repo.markUrgent('in-crisis', 'suicide.want_to_die', 'webchat', 'en');
  await new MongoBotStorage(t.db).write({ 'webchat/conversations/old/': { dialogState: {} } });
  await t.db.collection(Collections.botState).updateOne({ _id: 'webchat/conversations/old/' as never }, { $set: { updatedAt: new Date(start.getTime() - 40 * DAY) } });
  await new MongoBotStorage(t.db).write({ 'webchat/conversations/new/': { dialogState: {} } });
  await t.db.collection(Collections.directlineConversations).insertMany([
    { _id: 'idle' as never, createdAt: new Date(start.getTime() - 60 * DAY), updatedAt: new Date(start.getTime() - 31 * DAY) },
    { _id: 'recent' as never, createdAt: start, updatedAt: start },
  ]);
  await t.db.collection(Collections.directlineActivities).insertMany([
    { conversationId: 'idle', seq: 1, activity: { text: 'my words' } },
    { conversationId: 'recent', seq: 1, activity: { text: 'other words' } },
  ]);

  // Within a day: the first-contact referral stays; month-old state and transcripts go.
  clock = new Date(start.getTime() + 23 * HOUR);
  const early = await runRetention(t.db, DEFAULT_RETENTION, clock);
  expect(early).toMatchObject({ unconsentedReferrals: 0, conversationStates: 1, webChatConversations: 1, webChatActivities: 1 });

  clock = new Date(start.getTime() + 25 * HOUR);
  const result = await runRetention(t.db, DEFAULT_RETENTION, clock);
  expect(result).toMatchObject({ unconsentedReferrals: 1, conversationStates: 0, webChatConversations: 0 });
  const keys = (await t.db.collection(Collections.referrals).find().toArray()).map((r) => r.personKey).sort();
  expect(keys).toEqual(['consented', 'in-crisis']);
  expect((await t.db.collection(Collections.botState).find().toArray()).map((d) => d._id)).toEqual(['webchat/conversations/new/']);
  expect(await t.db.collection(Collections.directlineActivities).countDocuments({ conversationId: 'idle' })).toBe(0);
  expect(await t.db.collection(Collections.directlineActivities).countDocuments({ conversationId: 'recent' })).toBe(1);

  // The run is recorded with counts, and nothing that identifies anyone.
  const runs = await t.db.collection(Collections.retentionRuns).find().toArray();
  expect(runs).toHaveLength(2);
  expect(runs[0]).toMatchObject({ unconsentedReferrals: 0, conversationStates: 1, webChatConversations: 1 });
  expect(runs[1]).toMatchObject({ unconsentedReferrals: 1, conversationStates: 0, webChatConversations: 0 });
  // Values only: the field names (e.g. abandonedReferrals) are not about anyone.
  expect(JSON.stringify(runs.map((run) => Object.values(run)))).not.toMatch(/abandoned|idle|old/);

  // Running again finds nothing more, and records nothing.
  expect(await runRetention(t.db, DEFAULT_RETENTION, clock)).toMatchObject({ unconsentedReferrals: 0, conversationStates: 0, webChatConversations: 0 });
  expect(await t.db.collection(Collections.retentionRuns).countDocuments()).toBe(2);
});
