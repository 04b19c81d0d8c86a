import { followUpsCollection } from '../../src/followups/schedule';
import {
  insertDueJobs,
  PROCESS_TEST_TIMEOUT_MS,
  statusCounts,
  until,
  useWorkerProcesses,
} from './processHarness';

/** The scheduler's acceptance, part 2: a worker process stopped gracefully (SIGTERM) half-way and replaced. */
describe('follow-up workers restarted mid-run', () => {
  const suite = useWorkerProcesses();

  it('a restart half-way (SIGTERM, graceful) loses none and doubles none', async () => {
    const { db, recorder, start } = suite;
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
  }, PROCESS_TEST_TIMEOUT_MS);
});
