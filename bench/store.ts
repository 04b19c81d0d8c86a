import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { MongoClient } from 'mongodb';
import { MongoBotStorage } from '../src/store/botStorage';
import { spawnEmbeddedServer } from '../src/store/embedded';
import { measure, printHeader, printLatency, printTarget, printThroughput } from './measure';

const CONCURRENCY = 50;

/** Store benchmarks (issue: storage). Returns false when a target is missed. */
export async function benchStore(): Promise<boolean> {
  let allMet = true;
  const dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-bench-'));
  const memoryServer = await spawnEmbeddedServer({ memory: true });
  const journalServer = await spawnEmbeddedServer({ dbPath });
  const memoryClient = await MongoClient.connect(memoryServer.uri, { maxPoolSize: CONCURRENCY });
  const journalClient = await MongoClient.connect(journalServer.uri, { maxPoolSize: CONCURRENCY });
  try {
    printHeader(`Embedded MongoDB (child process, over the driver; ${CONCURRENCY} concurrent callers)`);
    const map = new Map<string, object>();
    const mapInsert = await measure(200_000, 1, (i) => map.set(`k${i}`, { key: `k${i}`, n: i }));
    const memoryInsert = await measure(20_000, CONCURRENCY, (i) => memoryClient.db('bench').collection('ins').insertOne({ key: `k${i}`, n: i }));
    printThroughput('insertOne, in memory', memoryInsert, mapInsert, 'in-process Map.set');
    const journalInsert = await measure(10_000, CONCURRENCY, (i) => journalClient.db('bench').collection('ins').insertOne({ key: `k${i}`, n: i }));
    printThroughput('insertOne, journalled (fsync, group commit)', journalInsert, mapInsert, 'in-process Map.set');

    const big = memoryClient.db('bench').collection('big');
    await big.createIndex({ key: 1 }, { unique: true });
    for (let start = 0; start < 100_000; start += 10_000) {
      await big.insertMany(Array.from({ length: 10_000 }, (_, j) => ({ key: `k${start + j}`, n: start + j, pad: 'x'.repeat(40) })));
    }
    const bigMap = new Map<string, object>();
    for (let i = 0; i < 100_000; i++) bigMap.set(`k${i}`, { key: `k${i}`, n: i });
    const lookups = 20_000;
    const pick = (i: number) => `k${(i * 7919) % 100_000}`;
    const mapGet = await measure(lookups, 1, (i) => bigMap.get(pick(i)));
    const serialFind = await measure(5_000, 1, (i) => big.findOne({ key: pick(i) }));
    printLatency('findOne by indexed field, 100k docs, one caller', serialFind, mapGet, 'Map.get');
    allMet = printTarget(`indexed findOne p50 under 1 ms at 100k documents (measured ${serialFind.p50.toFixed(3)} ms)`, serialFind.p50 < 1) && allMet;
    const concurrentFind = await measure(lookups, CONCURRENCY, (i) => big.findOne({ key: pick(i) }));
    printThroughput(`findOne by indexed field, 100k docs, ${CONCURRENCY} callers`, concurrentFind, mapGet, 'Map.get');

    printHeader('Bot state Storage: read + write of one conversation item');
    const memoryStorage = new MemoryStorage();
    const mongoStorage = new MongoBotStorage(journalClient.db('bench'));
    const roundTrip = (storage: MemoryStorage | MongoBotStorage) => async (i: number) => {
      const key = `test/conversations/c${i % 500}/`;
      const items = await storage.read([key]);
      const item = items[key] ?? { dialogState: { dialogStack: [] }, turn: 0 };
      await storage.write({ [key]: { ...item, turn: (item.turn ?? 0) + 1, eTag: '*' } });
    };
    const baseline = await measure(50_000, CONCURRENCY, roundTrip(memoryStorage));
    const mongo = await measure(10_000, CONCURRENCY, roundTrip(mongoStorage));
    printLatency('MongoBotStorage on the embedded server (journalled)', mongo, baseline, 'MemoryStorage (in-process Map)');
    printThroughput('MongoBotStorage read+write', mongo, baseline, 'MemoryStorage');
  } finally {
    await memoryClient.close();
    await journalClient.close();
    await memoryServer.stop();
    await journalServer.stop();
    rmSync(dbPath, { recursive: true, force: true });
  }
  return allMet;
}
