/** Durability of the embedded server's data directory. */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { spawnEmbeddedServer, startEmbeddedServer } from '../../src/store/embedded';
import { kill9Round } from '../helpers/kill9';

let dbPath: string;
beforeEach(() => {
  dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-persist-'));
});
afterEach(() => rmSync(dbPath, { recursive: true, force: true }));

const quiet = { log: () => undefined };

async function withServer<T>(run: (client: MongoClient) => Promise<T>, compactAfterRecords?: number): Promise<T> {
  const server = await startEmbeddedServer({ port: 0, dbPath, compactAfterRecords, ...quiet });
  const client = await MongoClient.connect(server.uri);
  try {
    return await run(client);
  } finally {
    await client.close();
    await server.close();
  }
}

test('data, indexes and deletions are there after a restart', async () => {
  await withServer(async (client) => {
    const c = client.db('app').collection('things');
    await c.createIndex({ name: 1 }, { unique: true });
    await c.insertMany([{ name: 'a', n: 1 }, { name: 'b', n: 2 }, { name: 'c', n: 3 }]);
    await c.updateOne({ name: 'a' }, { $set: { n: 10 } });
    await c.deleteOne({ name: 'b' });
    await client.db('app').collection('gone').insertOne({ x: 1 });
    await client.db('app').collection('gone').drop();
  });
  await withServer(async (client) => {
    const c = client.db('app').collection('things');
    expect(await c.find({}, { projection: { _id: 0 } }).sort({ name: 1 }).toArray()).toEqual([{ name: 'a', n: 10 }, { name: 'c', n: 3 }]);
    await expect(c.insertOne({ name: 'a' })).rejects.toMatchObject({ code: 11000 });
    expect((await client.db('app').listCollections().toArray()).map((x) => x.name)).toEqual(['things']);
  });
});

test('kill -9 during a burst of acknowledged inserts loses none of them, and the store opens', async () => {
  for (let round = 0; round < 3; round++) {
    const result = await kill9Round(dbPath);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result.missing).toBe(0);
  }
});

test('a torn last record (a crash mid-write) is dropped and the rest opens', async () => {
  await withServer(async (client) => {
    await client.db('app').collection('t').insertMany([{ k: 1 }, { k: 2 }]);
  });
  const journal = path.join(dbPath, 'journal.bson');
  appendFileSync(journal, Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6])); // a frame header promising more than is there
  const messages: string[] = [];
  const server = await startEmbeddedServer({ port: 0, dbPath, log: (line) => messages.push(line) });
  const client = await MongoClient.connect(server.uri);
  expect(await client.db('app').collection('t').countDocuments()).toBe(2);
  await client.db('app').collection('t').insertOne({ k: 3 });
  await client.close();
  await server.close();
  expect(messages.join('\n')).toMatch(/dropped 10 bytes/);
  await withServer(async (c) => expect(await c.db('app').collection('t').countDocuments()).toBe(3));
});

test('a corrupted record is not replayed as data', async () => {
  await withServer(async (client) => {
    await client.db('app').collection('t').insertOne({ k: 1 });
  });
  const journal = path.join(dbPath, 'journal.bson');
  const before = statSync(journal).size;
  // A whole frame whose checksum does not match its body.
  const body = Buffer.from([12, 0, 0, 0, 16, 107, 0, 2, 0, 0, 0, 0]);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(body.length, 0);
  head.writeUInt32LE(12345, 4);
  appendFileSync(journal, Buffer.concat([head, body]));
  await withServer(async (client) => expect(await client.db('app').collection('t').countDocuments()).toBe(1));
  expect(statSync(journal).size).toBeLessThanOrEqual(before + 200);
});

test('the journal is compacted: rewrites shrink it, and the data survives', async () => {
  await withServer(async (client) => {
    const c = client.db('app').collection('counter');
    await c.insertOne({ _id: 'x' as never, n: 0 });
    for (let i = 0; i < 1_200; i++) await c.updateOne({ _id: 'x' as never }, { $inc: { n: 1 } });
  }, 100);
  const journal = path.join(dbPath, 'journal.bson');
  const grown = statSync(journal).size;
  // Opening a journal that holds far more records than live documents compacts it.
  await withServer(async (client) => expect((await client.db('app').collection('counter').findOne({}))?.n).toBe(1_200), 100);
  expect(statSync(journal).size).toBeLessThan(grown / 20);
  await withServer(async (client) => expect((await client.db('app').collection('counter').findOne({}))?.n).toBe(1_200), 100);
});

test('a compaction interrupted before its rename leaves the old journal in charge', async () => {
  await withServer(async (client) => {
    await client.db('app').collection('t').insertOne({ k: 1 });
  });
  writeFileSync(path.join(dbPath, 'journal.compact.tmp'), Buffer.from('half a snapshot'));
  await withServer(async (client) => expect(await client.db('app').collection('t').countDocuments()).toBe(1));
  expect(readdirSync(dbPath)).not.toContain('journal.compact.tmp');
});

test('two servers cannot share a data directory; a dead one does not block it', async () => {
  const first = await startEmbeddedServer({ port: 0, dbPath, ...quiet });
  try {
    await expect(startEmbeddedServer({ port: 0, dbPath, ...quiet })).rejects.toThrow(/in use by another embedded MongoDB server/);
    // Another process is refused too.
    await expect(spawnEmbeddedServer({ dbPath, startTimeoutMs: 10_000 })).rejects.toThrow(/in use by another embedded MongoDB server/);
  } finally {
    await first.close();
  }
  writeFileSync(path.join(dbPath, 'server.lock'), '999999'); // a pid that is not running
  const second = await startEmbeddedServer({ port: 0, dbPath, ...quiet });
  await second.close();
  expect(existsSync(path.join(dbPath, 'server.lock'))).toBe(false);
});

test('npm run db entry point: serves a real driver connection and explains bad options', async () => {
  const spawned = await spawnEmbeddedServer({ memory: true });
  expect(spawned.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/frontdoor$/);
  const client = await MongoClient.connect(spawned.uri);
  expect(await client.db('frontdoor').command({ ping: 1 })).toMatchObject({ ok: 1 });
  await client.close();
  await spawned.stop();
  const { parseArgs } = await import('../../src/store/embedded/main');
  expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port needs a number/);
  expect(() => parseArgs(['--wat'])).toThrow(/Unknown option '--wat'/);
  expect(parseArgs(['--port', '0', '--dbpath', '/tmp/x', '--memory'])).toEqual({ port: 0, dbPath: '/tmp/x', memory: true });
});
