/** A data directory deleted (or a journal replaced) under a running embedded server is said loudly, not carried on with. */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { openDatabase } from '../../src/store';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded';
import { Journal } from '../../src/store/embedded/journal';

jest.setTimeout(30_000);

let dbPath: string;
let server: EmbeddedServer | undefined;
let client: MongoClient | undefined;
let lines: string[];

beforeEach(() => {
  dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-lost-'));
  lines = [];
});
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
  rmSync(dbPath, { recursive: true, force: true });
});

async function connect(options: { storageCheckMs?: number } = {}): Promise<MongoClient> {
  server = await startEmbeddedServer({ port: 0, dbPath, log: (line) => lines.push(line), ...options });
  client = await MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 2000 });
  return client;
}

async function until(check: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ping = (c: MongoClient) => c.db('app').command({ ping: 1 });

test('a deleted data directory is noticed by the periodic check: one loud line, and ping fails', async () => {
  const c = await connect({ storageCheckMs: 100 });
  await c.db('app').collection('t').insertOne({ k: 1 });
  rmSync(dbPath, { recursive: true, force: true });

  await until(() => lines.some((line) => line.includes('DATA DIRECTORY LOST')), 2_000);
  expect(lines.filter((line) => line.includes('DATA DIRECTORY LOST'))).toEqual([
    expect.stringMatching(/journal .*journal\.bson was deleted while the server was running.*restore it from a backup/),
  ]);
  await expect(ping(c)).rejects.toThrow(/data directory lost/);
  await expect(c.db('app').collection('t').insertOne({ k: 2 })).rejects.toThrow(/was deleted/);
  // What was there can still be read, e.g. to save it.
  expect(await c.db('app').collection('t').countDocuments({ k: 1 })).toBe(1);
});

test('a write into a deleted data directory is refused at once, not acknowledged', async () => {
  const c = await connect();
  await c.db('app').collection('t').insertOne({ k: 1 });
  rmSync(dbPath, { recursive: true, force: true });
  await expect(c.db('app').collection('t').insertOne({ k: 2 })).rejects.toThrow(/journal .* was deleted/);
  expect(lines.join('\n')).toMatch(/DATA DIRECTORY LOST/);
  await expect(ping(c)).rejects.toThrow(/data directory lost/);
});

test('a journal replaced by another file is noticed too', async () => {
  const c = await connect();
  await c.db('app').collection('t').insertOne({ k: 1 });
  renameSync(path.join(dbPath, 'journal.bson'), path.join(dbPath, 'journal.old'));
  writeFileSync(path.join(dbPath, 'journal.bson'), '');
  await expect(c.db('app').collection('t').insertOne({ k: 2 })).rejects.toThrow(/was replaced by another file/);
  await expect(ping(c)).rejects.toThrow(/data directory lost/);
});

test('a compaction (the journal renamed over by its snapshot) is not mistaken for a lost journal', async () => {
  const { journal } = Journal.open(dbPath, () => undefined);
  for (let i = 0; i < 5; i++) await journal.append({ o: 'cc', d: 'app', c: `t${i}` });
  await journal.compact(() => [{ o: 'cc', d: 'app', c: 't0' }]);
  expect(journal.checkStillThere()).toBeUndefined();
  await journal.append({ o: 'cc', d: 'app', c: 'after' });
  await journal.close();
  const records: unknown[] = [];
  await Journal.open(dbPath, (record) => records.push(record)).journal.close();
  expect(records).toHaveLength(2);
});

test('starting on an empty data directory says so', async () => {
  const first = await connect();
  await first.db('app').collection('t').insertOne({ k: 1 });
  expect(lines.join('\n')).toMatch(/holds no data: starting with an empty database .*check the path and that its volume is mounted/);
  await client?.close();
  await server?.close();
  lines = [];
  await connect();
  expect(lines.join('\n')).not.toMatch(/holds no data/);
});

test('through openDatabase, /readyz\'s ping turns false once the data directory is gone', async () => {
  const database = await openDatabase({ dbPath, log: () => undefined, onEmbeddedServerLost: () => undefined });
  try {
    expect(await database.ping()).toBe(true);
    rmSync(dbPath, { recursive: true, force: true });
    await expect(database.db.collection('t').insertOne({ k: 1 })).rejects.toThrow(/was deleted/);
    expect(await database.ping()).toBe(false);
  } finally {
    await database.close();
  }
});
