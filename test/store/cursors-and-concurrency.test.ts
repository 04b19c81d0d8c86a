/** Behaviour any MongoDB gives, checked through the driver (also runs on TEST_MONGODB_URI). */
import { MongoClient } from 'mongodb';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase({ indexes: false });
});
afterAll(async () => t.stop());

test('a 20k-document find streams in batches through getMore', async () => {
  const items = t.db.collection('items');
  const docs = Array.from({ length: 20_000 }, (_, i) => ({ i, pad: 'x'.repeat(50) }));
  await items.insertMany(docs);
  const cursor = items.find({}, { batchSize: 1000 }).sort({ i: 1 });
  let seen = 0;
  let expected = 0;
  for await (const doc of cursor) {
    expect(doc.i).toBe(expected++);
    seen++;
  }
  expect(seen).toBe(20_000);
  // The first batch is the requested size, not the whole result.
  const batched = items.find({}, { batchSize: 500 });
  await batched.hasNext();
  expect(batched.bufferedCount()).toBe(500);
  await batched.close();
  // Aggregation cursors batch the same way.
  const agg = items.aggregate([{ $match: { i: { $gte: 10_000 } } }], { batchSize: 300 });
  let aggSeen = 0;
  for await (const _doc of agg) aggSeen++;
  expect(aggSeen).toBe(10_000);
});

test('two clients incrementing one counter lose no update', async () => {
  const counters = t.db.collection<{ _id: string; n: number }>('counters');
  await counters.insertOne({ _id: 'c', n: 0 });
  const other = await MongoClient.connect(t.uri);
  try {
    const otherCounters = other.db(t.db.databaseName).collection<{ _id: string; n: number }>('counters');
    const bump = (c: typeof counters, times: number) =>
      Promise.all(Array.from({ length: times }, (_, i) => (i % 2 ? c.updateOne({ _id: 'c' }, { $inc: { n: 1 } }) : c.findOneAndUpdate({ _id: 'c' }, { $inc: { n: 1 } }))));
    await Promise.all([bump(counters, 500), bump(otherCounters, 500)]);
    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(1000);
  } finally {
    await other.close();
  }
});
