import { MongoClient } from 'mongodb';
import { spawnEmbeddedServer } from '../../src/store/embedded';

export interface Kill9Round {
  acknowledged: number;
  missing: number;
  present: number;
}

/**
 * One fault round: writers insert as fast as they can into the embedded server in a child
 * process, which is killed with SIGKILL mid-burst; then it is restarted on the same data
 * and every insert that had been acknowledged must be there.
 */
export async function kill9Round(dbPath: string, options: { writers?: number; burstMs?: number } = {}): Promise<Kill9Round> {
  const server = await spawnEmbeddedServer({ dbPath });
  const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 2000, socketTimeoutMS: 2000, retryWrites: false });
  await client.connect();
  const acknowledged: string[] = [];
  const round = Date.now().toString(36);
  let stop = false;
  const writer = async (w: number) => {
    const burst = client.db('fault').collection('burst');
    for (let i = 0; !stop; i++) {
      const _id = `${round}-${w}-${i}`;
      try {
        await burst.insertOne({ _id, w, i, at: new Date() } as never);
        acknowledged.push(_id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: options.writers ?? 8 }, (_, w) => writer(w));
  await new Promise((resolve) => setTimeout(resolve, options.burstMs ?? 150 + Math.random() * 250));
  server.child.kill('SIGKILL');
  await new Promise((resolve) => server.child.once('exit', resolve));
  stop = true;
  await Promise.all(writers);
  await client.close(true).catch(() => undefined);

  const restarted = await spawnEmbeddedServer({ dbPath });
  const check = await MongoClient.connect(restarted.uri);
  try {
    const burst = check.db('fault').collection<{ _id: string }>('burst');
    const present = new Set((await burst.find({ _id: { $in: acknowledged } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
    // The store is usable after recovery, not just readable.
    await burst.insertOne({ _id: `${round}-after` });
    return { acknowledged: acknowledged.length, present: present.size, missing: acknowledged.filter((id) => !present.has(id)).length };
  } finally {
    await check.close();
    await restarted.stop();
  }
}
