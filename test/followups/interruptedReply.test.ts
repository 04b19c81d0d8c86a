/**
 * The app was killed while the provider was accepting a follow-up text: the provider had it, so the
 * person most likely got it. Their reply must count as an answer to it, as for a text recorded sent.
 */
import { renderFollowUpThanks } from '../../src/followups/messages';
import { handleFollowUpReply } from '../../src/followups/replies';
import { followUpsCollection, FollowUpSchedule } from '../../src/followups/schedule';
import type { FollowUpKind } from '../../src/followups/schema';
import { FollowUpWorker } from '../../src/followups/worker';
import { ReferralRepository } from '../../src/referrals/repository';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const MINUTE = 60_000;
const LEASE_MS = 5 * MINUTE;

describe('a reply to a follow-up whose send was cut off by a crash', () => {
  let database: TestDatabase;
  let clock: Date;
  const now = () => new Date(clock);
  let schedule: FollowUpSchedule;
  let referrals: ReferralRepository;
  let reopened: string[];
  const deps = () => ({ schedule, referrals, reopenHandoff: async (personKey: string) => void reopened.push(personKey) });

  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(() => database.stop());
  beforeEach(() => {
    clock = new Date('2026-06-01T10:00:00Z');
    schedule = new FollowUpSchedule(database.db, now);
    referrals = new ReferralRepository(database.db, now);
    reopened = [];
  });

  const worker = (owner: string, send: () => Promise<{ providerId?: string }>) =>
    new FollowUpWorker({
      db: database.db,
      sender: { send },
      optOuts: { isOptedOut: async () => false },
      window: { start: '09:00', end: '20:00', timeZone: 'Europe/London' },
      clock: { now },
      owner,
      leaseMs: LEASE_MS,
    });

  /** A follow-up is due; worker A hands it to the provider and dies before recording it (its send never returns). */
  async function killedMidSend(personKey: string, kind: FollowUpKind): Promise<void> {
    await referrals.getOrCreate(personKey, 'sms', 'en');
    await schedule.scheduleForReferral(personKey, new Date('2026-04-01T10:00:00Z'));
    await followUpsCollection(database.db).updateMany({ personKey, kind: { $ne: kind } }, { $set: { status: 'cancelled' } });
    let handedOver!: () => void;
    const atProvider = new Promise<void>((resolve) => (handedOver = resolve));
    void worker('A', () => {
      handedOver();
      return new Promise(() => undefined);
    }).runOnce();
    await atProvider;
  }

  const jobOf = async (personKey: string, kind: FollowUpKind) => (await schedule.listFor(personKey)).find((job) => job.kind === kind)!;

  it('"3" after the restart marked the check-in interrupted: help is asked for, the reply stored, the job reads answered', async () => {
    await killedMidSend('p-interrupted', 'referralCheckIn');
    clock = new Date(clock.getTime() + LEASE_MS + MINUTE);
    expect((await worker('B', async () => ({})).runOnce()).interrupted).toBe(1);
    expect(await schedule.listFailed()).toHaveLength(1);

    expect(await handleFollowUpReply(deps(), 'p-interrupted', '3', 'en')).toEqual({ answer: 'needHelp', thanks: renderFollowUpThanks('needHelp', 'en') });
    expect(reopened).toEqual(['p-interrupted']);
    const replies = (await referrals.find('p-interrupted'))!.followUps!.replies;
    expect(replies.map((reply) => [reply.answer, reply.kind])).toEqual([['needHelp', 'referralCheckIn']]);

    const job = await jobOf('p-interrupted', 'referralCheckIn');
    expect([job.status, job.answer, job.lastError, job.inFlightSince]).toEqual(['sent', 'needHelp', undefined, undefined]);
    expect(job.sentAt).toEqual(new Date('2026-06-01T10:00:00Z'));
    expect(await schedule.listFailed()).toEqual([]);
  });

  it('a reply while the dead worker still holds the send counts, and the recovery then records it sent, not failed', async () => {
    await killedMidSend('p-sending', 'referralCheckIn');
    clock = new Date(clock.getTime() + MINUTE);
    expect((await handleFollowUpReply(deps(), 'p-sending', '2', 'en'))?.answer).toBe('notYet');

    clock = new Date(clock.getTime() + LEASE_MS);
    expect((await worker('B', async () => ({})).runOnce()).interrupted).toBe(0);
    const job = await jobOf('p-sending', 'referralCheckIn');
    expect([job.status, job.answer, job.lease, job.inFlightSince]).toEqual(['sent', 'notYet', undefined, undefined]);
    expect(await schedule.listFailed()).toEqual([]);
  });

  it('the six-week text cut off mid-send still waits for its YES', async () => {
    await killedMidSend('p-wellbeing', 'ons4Repeat');
    clock = new Date(clock.getTime() + LEASE_MS + MINUTE);
    await worker('B', async () => ({})).runOnce();

    const repeat = await schedule.awaitingWellbeingRepeat('p-wellbeing');
    expect([repeat?.kind, repeat?.sentAt]).toEqual(['ons4Repeat', new Date('2026-06-01T10:00:00Z')]);
    await schedule.markReplied(repeat!._id, 'went');
    expect((await jobOf('p-wellbeing', 'ons4Repeat')).status).toBe('sent');
    expect(await schedule.awaitingWellbeingRepeat('p-wellbeing')).toBeNull();
  });

  it('an interrupted text older than the reply window is not answered by a late "3"', async () => {
    await killedMidSend('p-old', 'referralCheckIn');
    clock = new Date(clock.getTime() + 15 * 24 * 60 * MINUTE);
    await worker('B', async () => ({})).runOnce();
    expect(await handleFollowUpReply(deps(), 'p-old', '3', 'en')).toBeUndefined();
    expect(reopened).toEqual([]);
  });
});
