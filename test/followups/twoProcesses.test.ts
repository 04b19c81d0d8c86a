import type { Db } from 'mongodb';
import { followUpsCollection } from '../../src/followups/schedule';
import { ensureIndexes } from '../../src/store/indexes';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import {
  insertDueJobs,
  killAll,
  PROCESS_TEST_TIMEOUT_MS,
  Recorder,
  startWorkerProcess,
  statusCounts,
  until,
  type WorkerChild,
} from './processHarness';

/** The scheduler's acceptance, part 1: two worker processes share 500 due follow-ups. */
describe('two follow-up worker processes', () => {
  let database: TestDatabase;
  let db: Db;
  let recorder: Recorder;
  const children: WorkerChild[] = [];

  beforeAll(async () => {
    database = await startTestDatabase({ indexes: false });
    db = database.client.db(`${database.db.databaseName}_two`);
    await ensureIndexes(db);
    recorder = new Recorder();
    await recorder.start();
  });
  afterAll(async () => {
    await killAll(children);
    await recorder.stop();
    await database.stop();
  }, PROCESS_TEST_TIMEOUT_MS);

  it('500 due follow-ups: each sent exactly once, both workers sharing the work', async () => {
    recorder.delayMs = 1;
    const start = (name: string) => startWorkerProcess(children, { name, uri: database.uri, db, recorder });
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
