import { followUpsCollection } from '../../src/followups/schedule';
import {
  insertDueJobs,
  PROCESS_TEST_TIMEOUT_MS,
  statusCounts,
  until,
  useWorkerProcesses,
} from './processHarness';

/**
 * The scheduler's acceptance, part 3: a worker process killed (SIGKILL) mid-run. The interrupted
 * rule (src/followups/worker.ts): a follow-up that may have reached the provider is never resent
 * blindly; it is marked failed/'interrupted' for a person to check.
 */
describe('follow-up workers killed mid-run', () => {
  const suite = useWorkerProcesses();

  it('SIGKILL mid-send: the interrupted follow-up is not resent but marked for a person to check; the rest go once', async () => {
    const { db, recorder, start } = suite;
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
  }, PROCESS_TEST_TIMEOUT_MS);

  it('SIGKILL at a random moment of a busy run: nothing lost, nothing sent twice, at most the one in hand left for a person', async () => {
    const { db, recorder, start } = suite;
    const leaseMs = 1500;
    recorder.delayMs = 2;
    await insertDueJobs(db, 'random', 200);
    const [a] = await Promise.all([start('A', { FOLLOWUP_TEST_LEASE_MS: String(leaseMs) }), start('B')]);
    const killAfter = 30 + Math.floor(Math.random() * 60);
    await until(() => recorder.received.length >= killAfter, `${killAfter} sends`);
    a.child.kill('SIGKILL');
    await a.exited;
    await new Promise((resolve) => setTimeout(resolve, leaseMs + 200));

    await until(async () => {
      const counts = await statusCounts(db);
      return (counts.sent ?? 0) + (counts.failed ?? 0) === 200;
    }, 'every follow-up settled');
    const jobs = await followUpsCollection(db).find({}).toArray();
    const received = recorder.countsByJob();
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]); // nothing sent twice
    const interrupted = jobs.filter((j) => j.status === 'failed');
    expect(interrupted.length).toBeLessThanOrEqual(1); // A held one job at most
    for (const job of interrupted) expect([job.lastError, job.lease?.owner]).toEqual(['interrupted', 'A']);
    // Every job marked sent really reached the provider.
    expect(jobs.filter((j) => j.status === 'sent' && received.get(j._id!.toHexString()) !== 1)).toEqual([]);
  }, PROCESS_TEST_TIMEOUT_MS);
});
