import type { Db } from 'mongodb';
import { followUpsCollection } from '../../src/followups/schedule';
import { ensureIndexes } from '../../src/store/indexes';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { insertDueJobs, killAll, Recorder, startWorkerProcess, statusCounts, until, type WorkerChild } from './processHarness';

/** The scheduler's acceptance, part 2: worker processes stopped (SIGTERM) or killed (SIGKILL) mid-run. */
describe('follow-up workers restarted mid-run', () => {
  let database: TestDatabase;
  let db: Db;
  let recorder: Recorder;
  const children: WorkerChild[] = [];
  const start = (name: string, env?: Record<string, string>) =>
    startWorkerProcess(children, { name, uri: database.uri, db, recorder, env });

  beforeAll(async () => {
    database = await startTestDatabase({ indexes: false });
  });
  beforeEach(async () => {
    db = database.client.db(`${database.db.databaseName}_${Math.random().toString(36).slice(2, 8)}`);
    await ensureIndexes(db);
    recorder = new Recorder();
    await recorder.start();
  });
  afterEach(async () => {
    await killAll(children);
    await recorder.stop();
  });
  afterAll(() => database.stop());

  it('a restart half-way (SIGTERM, graceful) loses none and doubles none', async () => {
    recorder.delayMs = 2;
    const [a] = await Promise.all([start('A'), start('B')]);
    await insertDueJobs(db, 'restart', 500);
    await until(() => recorder.received.length >= 150, '150 sends before the restart');

    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(a.output()).toContain('stopped');
    const sentByA = recorder.byWorker('A');
    expect((await statusCounts(db)).pending).toBeGreaterThan(0); // it really was stopped mid-run
    // A finished the follow-up it had in hand: nothing is left claimed by A.
    expect(await followUpsCollection(db).countDocuments({ 'lease.owner': 'A' })).toBe(0);

    await start('C');
    await until(async () => (await statusCounts(db)).sent === 500, '500 sent after the restart');
    const counts = recorder.countsByJob();
    expect(counts.size).toBe(500);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(recorder.byWorker('A')).toBe(sentByA); // A sent nothing after it stopped
    expect(recorder.byWorker('C')).toBeGreaterThan(0);
    expect(await statusCounts(db)).toEqual({ sent: 500 });
  });

  it('SIGKILL mid-send: the interrupted follow-up is not resent but marked for a person to check; the rest go once', async () => {
    const leaseMs = 1500;
    recorder.hold = (body) => body.personKey === 'kill-000';
    await insertDueJobs(db, 'kill', 20);
    const a = await start('A', { FOLLOWUP_TEST_LEASE_MS: String(leaseMs) });
    await until(() => recorder.received.some((r) => r.personKey === 'kill-000'), 'the held send');
    a.child.kill('SIGKILL');
    await a.exited;
    const stuck = await followUpsCollection(db).findOne({ personKey: 'kill-000' });
    expect([stuck!.status, stuck!.lease?.owner, stuck!.inFlightSince instanceof Date]).toEqual(['sending', 'A', true]);

    // While A's lease lasts nobody touches its job; after that the next worker applies the interrupted rule.
    await new Promise((resolve) => setTimeout(resolve, leaseMs + 200));
    await start('B');
    await until(async () => (await statusCounts(db)).sent === 19, 'the other 19 sent');
    const interrupted = await followUpsCollection(db).findOne({ personKey: 'kill-000' });
    expect([interrupted!.status, interrupted!.lastError]).toEqual(['failed', 'interrupted']);
    await new Promise((resolve) => setTimeout(resolve, 500)); // several more polls: still not resent
    const counts = recorder.countsByJob();
    expect(counts.size).toBe(20);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await statusCounts(db)).toEqual({ sent: 19, failed: 1 });
  });
});
