import { followUpsCollection } from '../../src/followups/schedule';
import {
  insertDueJobs,
  PROCESS_TEST_TIMEOUT_MS,
  statusCounts,
  until,
  useWorkerProcesses,
} from './processHarness';

/** The scheduler's acceptance, part 1: two worker processes share 500 due follow-ups. */
describe('two follow-up worker processes', () => {
  const suite = useWorkerProcesses();

  it('500 due follow-ups: each sent exactly once, both workers sharing the work', async () => {
    const { db, recorder, start } = suite;
    recorder.delayMs = 1;
    const [a, b] = await Promise.all([start('A'), start('B')]);
    await insertDueJobs(db, 'two', 500);
    await until(async () => (await statusCounts(db)).sent === 500, '500 sent');

    const counts = recorder.countsByJob();
    expect(recorder.received).toHaveLength(500);
    expect(counts.size).toBe(500);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(recorder.byWorker('A')).toBeGreaterThan(25);
    expect(recorder.byWorker('B')).toBeGreaterThan(25);
    // Each job records the provider id its own send got back.
    const jobs = await followUpsCollection(db).find({}).toArray();
    expect(jobs.filter((j) => j.providerId !== `SM-${j._id!.toHexString()}`)).toEqual([]);

    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  }, PROCESS_TEST_TIMEOUT_MS);
});
