import type { Db } from 'mongodb';
import { FollowUpSchedule, followUpsCollection } from '../../src/followups/schedule';
import type { FollowUpJob, FollowUpKind } from '../../src/followups/schema';
import { FollowUpUndeliverable, FollowUpWorker, type FollowUpWorkerOptions } from '../../src/followups/worker';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LONDON = { start: '09:00', end: '20:00', timeZone: 'Europe/London' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A clock the test moves by hand. */
class FakeClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Records every send; can be told to fail the next few sends. */
class RecordingSender {
  sent: FollowUpJob[] = [];
  failNext = 0;
  undeliverable?: string;
  async send(job: FollowUpJob) {
    if (this.undeliverable) throw new FollowUpUndeliverable(this.undeliverable);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('Provider said no to +447700900123'), { code: 20429 });
    }
    this.sent.push(job);
    return { providerId: `SM${this.sent.length}` };
  }
}

describe('FollowUpWorker', () => {
  let database: TestDatabase;
  let db: Db;
  let clock: FakeClock;
  let sender: RecordingSender;
  let optedOut: Set<string>;
  let schedule: FollowUpSchedule;

  const worker = (options: Partial<FollowUpWorkerOptions> = {}) =>
    new FollowUpWorker({
      db,
      sender,
      optOuts: { isOptedOut: async (personKey) => optedOut.has(personKey) },
      window: LONDON,
      clock,
      retryBaseMs: 10 * MINUTE,
      maxAttempts: 3,
      ...options,
    });
  const jobs = () => followUpsCollection(db);
  const jobOf = async (personKey: string, kind: FollowUpKind = 'referralCheckIn') => (await jobs().findOne({ personKey, kind }))!;

  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(() => database.stop());

  beforeEach(async () => {
    db = database.client.db(`${database.db.databaseName}_${Math.random().toString(36).slice(2, 8)}`);
    await db.collection('followUps').createIndexes([
      { key: { personKey: 1, kind: 1 }, name: 'personKey_1_kind_1', unique: true },
      { key: { status: 1, dueAt: 1 }, name: 'status_1_dueAt_1' },
    ]);
    clock = new FakeClock(new Date('2026-06-01T11:00:00Z'));
    sender = new RecordingSender();
    optedOut = new Set();
    schedule = new FollowUpSchedule(db, clock.now);
  });

  describe('scheduling', () => {
    it('a referral gets a check-in after 7 days and an ONS4 repeat after 6 weeks, once however often it is asked', async () => {
      const readyAt = new Date('2026-06-01T10:00:00Z');
      expect(await schedule.scheduleForReferral('p1', readyAt)).toEqual(['referralCheckIn', 'ons4Repeat']);
      expect(await schedule.scheduleForReferral('p1', readyAt)).toEqual([]);
      await Promise.all([1, 2, 3].map(() => schedule.scheduleForReferral('p1', new Date('2026-06-03T10:00:00Z'))));
      const list = await schedule.listFor('p1');
      expect(list.map((j) => [j.kind, j.dueAt.toISOString(), j.status, j.attempts])).toEqual([
        ['referralCheckIn', '2026-06-08T10:00:00.000Z', 'pending', 0],
        ['ons4Repeat', '2026-07-13T10:00:00.000Z', 'pending', 0],
      ]);
      // No text, no number in the job.
      expect(Object.keys(await jobOf('p1')).sort()).toEqual(
        ['_id', 'attempts', 'createdAt', 'dueAt', 'kind', 'personKey', 'schemaVersion', 'status', 'updatedAt'].sort(),
      );
    });

    it('the check-in delay is configurable', async () => {
      await schedule.scheduleForReferral('p2', new Date('2026-06-01T10:00:00Z'), { checkInDays: 3 });
      expect((await jobOf('p2')).dueAt).toEqual(new Date('2026-06-04T10:00:00Z'));
    });

    it("the link worker's date re-arms the one link-worker follow-up", async () => {
      expect(await schedule.scheduleLinkWorkerFollowUp('p3', new Date('2026-06-05T10:00:00Z'))).toBe('scheduled');
      clock.set('2026-06-05T10:00:00Z');
      await worker().runOnce();
      expect((await jobOf('p3', 'linkWorkerFollowUp')).status).toBe('sent');
      await schedule.scheduleLinkWorkerFollowUp('p3', new Date('2026-06-20T10:00:00Z'));
      const job = await jobOf('p3', 'linkWorkerFollowUp');
      expect([job.status, job.dueAt, job.sentAt, job.attempts]).toEqual(['pending', new Date('2026-06-20T10:00:00Z'), undefined, 0]);
      expect(await jobs().countDocuments({ personKey: 'p3' })).toBe(1);
    });

    it('cancelFor withdraws pending follow-ups (opt-out); eraseFor removes them all', async () => {
      await schedule.scheduleForReferral('p4', new Date('2026-05-01T10:00:00Z'));
      expect(await schedule.cancelFor('p4')).toBe(2);
      await worker().runOnce();
      expect(sender.sent).toEqual([]);
      expect((await schedule.listFor('p4')).map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
      expect(await schedule.eraseFor('p4')).toBe(2);
      expect(await schedule.listFor('p4')).toEqual([]);
    });

    it('retention: purges ended follow-ups older than the cut-off, never pending ones', async () => {
      await schedule.scheduleForReferral('p5', new Date('2026-05-01T10:00:00Z')); // check-in due, ONS4 still pending
      await worker().runOnce();
      expect((await schedule.listFor('p5')).map((j) => j.status)).toEqual(['sent', 'pending']);
      expect(await schedule.purgeEndedBefore(new Date('2026-06-01T11:00:00Z'))).toBe(0); // ended just now
      clock.advance(DAY);
      expect(await schedule.purgeEndedBefore(clock.now())).toBe(1);
      expect((await schedule.listFor('p5')).map((j) => j.kind)).toEqual(['ons4Repeat']);
    });
  });

  describe('sending', () => {
    it('sends due jobs, earliest first, and leaves the rest', async () => {
      await schedule.scheduleLinkWorkerFollowUp('late', new Date('2026-06-01T10:30:00Z'));
      await schedule.scheduleLinkWorkerFollowUp('early', new Date('2026-06-01T10:00:00Z'));
      await schedule.scheduleLinkWorkerFollowUp('future', new Date('2026-06-01T11:00:01Z'));
      const summary = await worker().runOnce();
      expect(summary.sent).toBe(2);
      expect(sender.sent.map((j) => j.personKey)).toEqual(['early', 'late']);
      const sent = await jobOf('early', 'linkWorkerFollowUp');
      expect([sent.status, sent.sentAt, sent.providerId, sent.attempts, sent.lease, sent.inFlightSince]).toEqual([
        'sent',
        new Date('2026-06-01T11:00:00Z'),
        'SM1',
        1,
        undefined,
        undefined,
      ]);
      expect((await jobOf('future', 'linkWorkerFollowUp')).status).toBe('pending');
    });

    it('quiet hours: a job due at night is not sent but moved to 09:00 London time, then sent then', async () => {
      await schedule.scheduleLinkWorkerFollowUp('night', new Date('2026-06-01T21:00:00Z'));
      clock.set('2026-06-01T21:30:00Z'); // 22:30 BST
      const summary = await worker().runOnce();
      expect(summary).toMatchObject({ sent: 0, deferred: 1 });
      expect(sender.sent).toEqual([]);
      const deferred = await jobOf('night', 'linkWorkerFollowUp');
      expect([deferred.status, deferred.dueAt, deferred.lease]).toEqual(['pending', new Date('2026-06-02T08:00:00Z'), undefined]);

      clock.set('2026-06-02T07:59:00Z');
      expect((await worker().runOnce()).sent).toBe(0);
      clock.set('2026-06-02T08:00:00Z');
      expect((await worker().runOnce()).sent).toBe(1);
      expect(sender.sent.map((j) => j.personKey)).toEqual(['night']);
    });

    it('quiet hours across the autumn clock change: 09:00 GMT on Sunday 25 October', async () => {
      await schedule.scheduleLinkWorkerFollowUp('autumn', new Date('2026-10-24T19:30:00Z'));
      clock.set('2026-10-24T19:30:00Z'); // 20:30 BST
      await worker().runOnce();
      expect((await jobOf('autumn', 'linkWorkerFollowUp')).dueAt).toEqual(new Date('2026-10-25T09:00:00Z'));
      clock.set('2026-10-25T08:30:00Z'); // 08:30 GMT: an hour-off bug would send here
      expect((await worker().runOnce()).sent).toBe(0);
      clock.set('2026-10-25T09:00:00Z');
      expect((await worker().runOnce()).sent).toBe(1);
    });

    it('opt-out is checked at send time: someone who opted out after scheduling is skipped, not texted', async () => {
      await schedule.scheduleLinkWorkerFollowUp('stopper', new Date('2026-06-01T10:00:00Z'));
      await schedule.scheduleLinkWorkerFollowUp('stayer', new Date('2026-06-01T10:00:00Z'));
      optedOut.add('stopper');
      const summary = await worker().runOnce();
      expect(summary).toMatchObject({ sent: 1, skipped: 1 });
      expect(sender.sent.map((j) => j.personKey)).toEqual(['stayer']);
      const skipped = await jobOf('stopper', 'linkWorkerFollowUp');
      expect([skipped.status, skipped.lastError, skipped.attempts]).toEqual(['skipped', 'optedOut', 0]);
    });

    it('a sender that says it can never deliver (no SMS contact) skips the job without retrying', async () => {
      await schedule.scheduleLinkWorkerFollowUp('web-only', new Date('2026-06-01T10:00:00Z'));
      sender.undeliverable = 'noSmsContact';
      expect((await worker().runOnce()).skipped).toBe(1);
      const job = await jobOf('web-only', 'linkWorkerFollowUp');
      expect([job.status, job.lastError]).toEqual(['skipped', 'noSmsContact']);
    });

    it('retries a failed send with exponential backoff, then succeeds; the error is kept without the number', async () => {
      await schedule.scheduleLinkWorkerFollowUp('flaky', new Date('2026-06-01T10:00:00Z'));
      sender.failNext = 2;
      expect((await worker().runOnce()).retried).toBe(1);
      let job = await jobOf('flaky', 'linkWorkerFollowUp');
      expect([job.status, job.attempts, job.dueAt]).toEqual(['pending', 1, new Date('2026-06-01T11:10:00Z')]);
      expect(job.lastError).toBe('Error 20429: Provider said no to [number]');

      clock.advance(9 * MINUTE);
      expect((await worker().runOnce()).retried).toBe(0); // not yet due
      clock.advance(1 * MINUTE);
      expect((await worker().runOnce()).retried).toBe(1);
      job = await jobOf('flaky', 'linkWorkerFollowUp');
      expect([job.attempts, job.dueAt]).toEqual([2, new Date('2026-06-01T11:30:00Z')]); // 20 minutes: doubled

      clock.set('2026-06-01T11:30:00Z');
      expect((await worker().runOnce()).sent).toBe(1);
      job = await jobOf('flaky', 'linkWorkerFollowUp');
      expect([job.status, job.attempts, job.lastError]).toEqual(['sent', 3, undefined]);
      expect(sender.sent).toHaveLength(1);
    });

    it('gives up after the last attempt: failed, with the reason', async () => {
      await schedule.scheduleLinkWorkerFollowUp('broken', new Date('2026-06-01T10:00:00Z'));
      sender.failNext = 99;
      for (let i = 0; i < 5; i++) {
        await worker().runOnce();
        clock.advance(DAY / 4);
      }
      const job = await jobOf('broken', 'linkWorkerFollowUp');
      expect([job.status, job.attempts]).toEqual(['failed', 3]);
      expect(job.lastError).toContain('20429');
      expect(sender.sent).toEqual([]);
    });
  });

  describe('claims left by a crashed worker (the interrupted rule)', () => {
    const leaseMs = 5 * MINUTE;

    async function crashedClaim(personKey: string, inFlight: boolean) {
      await schedule.scheduleLinkWorkerFollowUp(personKey, new Date('2026-06-01T10:00:00Z'));
      const now = clock.now();
      await jobs().updateOne(
        { personKey },
        {
          $set: {
            status: 'sending',
            lease: { owner: 'crashed-worker', until: new Date(now.getTime() + leaseMs) },
            ...(inFlight ? { inFlightSince: now, attempts: 1 } : {}),
          },
        },
      );
    }

    it('a claim that never reached the sender goes back to pending once its lease runs out, and is sent once', async () => {
      await crashedClaim('claimed-only', false);
      expect((await worker({ leaseMs }).runOnce()).sent).toBe(0); // lease still held
      clock.advance(leaseMs + 1);
      const summary = await worker({ leaseMs }).runOnce();
      expect(summary).toMatchObject({ released: 1, sent: 1 });
      expect(sender.sent.map((j) => j.personKey)).toEqual(['claimed-only']);
    });

    it('a claim that was mid-send is NOT resent: failed with "interrupted" for a person to check', async () => {
      await crashedClaim('mid-send', true);
      clock.advance(leaseMs + 1);
      const summary = await worker({ leaseMs }).runOnce();
      expect(summary).toMatchObject({ interrupted: 1, sent: 0 });
      expect(sender.sent).toEqual([]);
      const job = await jobOf('mid-send', 'linkWorkerFollowUp');
      expect([job.status, job.lastError]).toEqual(['failed', 'interrupted']);
      await worker({ leaseMs }).runOnce();
      expect(sender.sent).toEqual([]);

      // A person checks the provider's log, finds it never went, and asks for it to be tried again.
      const [failed] = await schedule.listFailed();
      expect(failed.personKey).toBe('mid-send');
      expect(await schedule.retryFailed(failed._id)).toBe(true);
      expect(await schedule.retryFailed(failed._id)).toBe(false); // pending now, not failed
      expect((await worker({ leaseMs }).runOnce()).sent).toBe(1);
      expect(sender.sent.map((j) => j.personKey)).toEqual(['mid-send']);
    });

    it('a worker that stalled past its lease cannot overwrite the job once another has taken it', async () => {
      await schedule.scheduleLinkWorkerFollowUp('slow', new Date('2026-06-01T10:00:00Z'));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slowSender = {
        sent: 0,
        async send() {
          await gate;
          slowSender.sent += 1;
          return { providerId: 'SM-late' };
        },
      };
      const slow = worker({ leaseMs, sender: slowSender, owner: 'slow' }).runOnce();
      await new Promise((resolve) => setTimeout(resolve, 200));
      clock.advance(leaseMs + 1);
      expect((await worker({ leaseMs, owner: 'other' }).runOnce()).interrupted).toBe(1);
      release();
      expect((await slow).sent).toBe(1);
      // The late send did happen, so its own record wins over the guess.
      const job = await jobOf('slow', 'linkWorkerFollowUp');
      expect([job.status, job.providerId, job.lastError]).toEqual(['sent', 'SM-late', undefined]);
      expect(sender.sent).toEqual([]);
    });
  });

  it('a reply is matched to the latest check-in sent in the last 14 days that has no answer yet', async () => {
    await schedule.scheduleForReferral('replier', new Date('2026-05-20T10:00:00Z'), { checkInDays: 1, ons4Weeks: 1 });
    clock.set('2026-06-01T11:00:00Z');
    expect((await worker().runOnce()).sent).toBe(2); // the check-in and the ONS4 repeat
    expect(await schedule.awaitingReply('nobody')).toBeNull();
    const awaiting = await schedule.awaitingReply('replier');
    expect(awaiting?.kind).toBe('referralCheckIn'); // the ONS4 repeat does not ask 1/2/3
    await schedule.markReplied(awaiting!._id, 'went');
    expect(await schedule.awaitingReply('replier')).toBeNull();
    expect((await jobOf('replier')).answer).toBe('went');

    await schedule.scheduleLinkWorkerFollowUp('replier', new Date('2026-06-01T11:00:00Z'));
    await worker().runOnce();
    expect((await schedule.awaitingReply('replier'))?.kind).toBe('linkWorkerFollowUp');
    clock.advance(15 * DAY);
    expect(await schedule.awaitingReply('replier')).toBeNull(); // too long ago to be a reply to it
  });

  it('start()/stop(): sends what becomes due while running; stop finishes the job in hand', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowSender = {
      started: 0,
      done: 0,
      async send() {
        slowSender.started += 1;
        await gate;
        slowSender.done += 1;
        return {};
      },
    };
    await schedule.scheduleLinkWorkerFollowUp('a', new Date('2026-06-01T10:00:00Z'));
    await schedule.scheduleLinkWorkerFollowUp('b', new Date('2026-06-01T10:00:00Z'));
    const running = worker({ sender: slowSender, pollMs: 20 });
    running.start();
    while (slowSender.started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = running.stop();
    release();
    await stopped;
    expect(slowSender).toMatchObject({ started: 1, done: 1 });
    const statuses = (await jobs().find({}).toArray()).map((j) => j.status).sort();
    expect(statuses).toEqual(['pending', 'sent']);
  });
});
