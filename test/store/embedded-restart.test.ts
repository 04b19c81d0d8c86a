/** When the embedded server's process dies, Front Door starts it again on the same data and port, or gives up loudly. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { openDatabase } from '../../src/store';
import { superviseEmbeddedServer, type SpawnedServer } from '../../src/store/embedded';

jest.setTimeout(60_000);

let dbPath: string;
beforeEach(() => {
  dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-restart-'));
});
afterEach(() => rmSync(dbPath, { recursive: true, force: true }));

async function until(check: () => Promise<boolean> | boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a killed embedded server is restarted on the same port and data, and the driver reconnects by itself', async () => {
  const lines: string[] = [];
  const lost: Error[] = [];
  const database = await openDatabase({ dbPath, log: (line) => lines.push(line), onEmbeddedServerLost: (error) => lost.push(error) });
  try {
    await database.db.collection('notes').insertOne({ _id: 'before' } as never);
    const firstPid = database.embeddedPid()!;
    process.kill(firstPid, 'SIGKILL');

    await until(() => lines.some((line) => line.includes('killed by SIGKILL')), 2_000);
    expect(lines.filter((line) => /killed by SIGKILL: the database is down; restarting it/.test(line))).toHaveLength(1);
    await until(() => database.ping(), 15_000);

    expect(database.embeddedPid()).not.toBe(firstPid);
    expect(lines.join('\n')).toContain(`Embedded MongoDB restarted at ${database.uri}`);
    expect(await database.db.collection('notes').findOne({ _id: 'before' } as never)).toEqual({ _id: 'before' });
    await database.db.collection('notes').insertOne({ _id: 'after' } as never);
    expect(await database.db.collection('notes').countDocuments()).toBe(2);
    expect(lost).toEqual([]);
  } finally {
    await database.close();
  }
});

test('a server that keeps dying is a crash loop: Front Door gives up and says why', async () => {
  const lines: string[] = [];
  const lost: Error[] = [];
  const database = await openDatabase({
    dbPath,
    log: (line) => lines.push(line),
    onEmbeddedServerLost: (error) => lost.push(error),
    embeddedRestart: { maxRestarts: 1, retryDelayMs: 50 },
  });
  try {
    process.kill(database.embeddedPid()!, 'SIGKILL');
    await until(() => lines.some((line) => line.startsWith('Embedded MongoDB restarted')), 15_000);
    process.kill(database.embeddedPid()!, 'SIGKILL');
    await until(() => lost.length > 0, 5_000);
    expect(lost[0].message).toMatch(/stopped 2 times within 60 s/);
    expect(lines.at(-1)).toMatch(/could not be kept running .*giving up so Front Door can be restarted/);
  } finally {
    await database.close();
  }
});

/** A stand-in for a spawned server whose process can be made to exit. */
function fakeServer(port: number): SpawnedServer & { die(): void } {
  const child = Object.assign(new EventEmitter(), { pid: 1000 + port }) as unknown as ChildProcess;
  return {
    uri: `mongodb://127.0.0.1:${port}/frontdoor`,
    child,
    stop: async () => undefined,
    die: () => child.emit('exit', 1, null),
  };
}

test('a server that cannot be started again is retried a bounded number of times, then given up on', async () => {
  const ports: number[] = [];
  const lines: string[] = [];
  const first = fakeServer(4171);
  let gaveUp: Error | undefined;
  await superviseEmbeddedServer({
    start: async (port) => {
      ports.push(port);
      if (port === 0) return first;
      throw new Error('The embedded MongoDB server exited (code 1) before it was ready:\nEACCES: permission denied');
    },
    log: (line) => lines.push(line),
    onGiveUp: (error) => (gaveUp = error),
    attempts: 3,
    retryDelayMs: 10,
  });
  first.die();
  await until(() => gaveUp !== undefined, 2_000);
  expect(ports).toEqual([0, 4171, 4171, 4171]);
  expect(lines[0]).toMatch(/exited with code 1: the database is down; restarting it on port 4171/);
  expect(lines.at(-1)).toMatch(/could not be kept running \(.*EACCES: permission denied\)/);
});

test('stopping on purpose is not a crash', async () => {
  const server = fakeServer(4172);
  const started: number[] = [];
  const supervised = await superviseEmbeddedServer({
    start: async (port) => (started.push(port), server),
    log: () => undefined,
    onGiveUp: () => undefined,
    retryDelayMs: 10,
  });
  await supervised.stop();
  server.die();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(started).toEqual([0]);
});
