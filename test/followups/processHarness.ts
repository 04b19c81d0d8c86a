import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Db } from 'mongodb';
import { followUpsCollection } from '../../src/followups/schedule';
import { ensureIndexes } from '../../src/store/indexes';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { FOLLOW_UP_SCHEMA_VERSION } from '../../src/followups/schema';

/**
 * Helpers for the multi-process follow-up tests: real worker processes (node --import tsx, see
 * workerProcess.ts), each with its own driver connection to one database, sending to a loopback
 * HTTP recorder in the test process.
 */
const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'workerProcess.ts');

export interface Received {
  jobId: string;
  personKey: string;
  worker: string;
}

/** Counts every follow-up that reaches "the provider"; can delay replies or hold some back. */
export class Recorder {
  received: Received[] = [];
  delayMs = 0;
  hold: (body: Received) => boolean = () => false;
  url = '';
  private readonly held: http.ServerResponse[] = [];
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as Received;
      this.received.push(parsed);
      if (this.hold(parsed)) {
        this.held.push(res);
        return;
      }
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ providerId: `SM-${parsed.jobId}` }));
      }, this.delayMs);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  countsByJob(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) counts.set(r.jobId, (counts.get(r.jobId) ?? 0) + 1);
    return counts;
  }

  byWorker(name: string): number {
    return this.received.filter((r) => r.worker === name).length;
  }
}

export interface WorkerChild {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

const hhmm = (date: Date) => date.toISOString().slice(11, 16);

/** Starts one worker process; resolves once it says "ready". */
export function startWorkerProcess(
  children: WorkerChild[],
  options: { name: string; uri: string; db: Db; recorder: Recorder; env?: Record<string, string> },
): Promise<WorkerChild> {
  const now = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      FOLLOWUP_TEST_WORKER: options.name,
      FOLLOWUP_TEST_URI: options.uri,
      FOLLOWUP_TEST_DB: options.db.databaseName,
      FOLLOWUP_TEST_RECORDER: options.recorder.url,
      // A real sending window (UTC) open from an hour ago to two hours ahead.
      FOLLOWUP_TEST_WINDOW_START: hhmm(new Date(now - 3600_000)),
      FOLLOWUP_TEST_WINDOW_END: hhmm(new Date(now + 2 * 3600_000)),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: WorkerChild = { child, exited, output: () => output };
  children.push(handle);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${options.name} did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve(handle);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${options.name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** SIGKILLs whatever is still running (after each test). */
export async function killAll(children: WorkerChild[]): Promise<void> {
  for (const { child, exited } of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/** `count` check-ins already due, in a known order (personKey prefix-000, prefix-001, ...). */
export async function insertDueJobs(db: Db, prefix: string, count: number): Promise<void> {
  const now = new Date();
  const firstDue = now.getTime() - 60_000;
  await followUpsCollection(db).insertMany(
    Array.from({ length: count }, (_, i) => ({
      schemaVersion: FOLLOW_UP_SCHEMA_VERSION,
      kind: 'referralCheckIn' as const,
      personKey: `${prefix}-${String(i).padStart(3, '0')}`,
      dueAt: new Date(firstDue + i),
      status: 'pending' as const,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** These tests start real processes on a shared 2-core machine: generous limits, so load slows them rather than fails them. */
export const PROCESS_TEST_TIMEOUT_MS = 150_000;

export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Jobs by status (each test has its own database). */
export async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await followUpsCollection(db)
    .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
    .toArray();
  return Object.fromEntries(rows.map((r) => [r._id, r.n]));
}

export interface WorkerProcessSuite {
  /** This test's own database (fresh for each test). */
  readonly db: Db;
  /** This test's HTTP recorder (fresh for each test). */
  readonly recorder: Recorder;
  /** Starts a named worker process on this test's database and recorder. */
  start(name: string, env?: Record<string, string>): Promise<WorkerChild>;
}

/**
 * The hooks every multi-process test file needs: one embedded server for the file, a fresh database
 * with indexes and a fresh recorder for each test, and every worker process killed after it.
 */
export function useWorkerProcesses(): WorkerProcessSuite {
  let database: TestDatabase;
  let db: Db;
  let recorder: Recorder;
  const children: WorkerChild[] = [];
  beforeAll(async () => {
    database = await startTestDatabase({ indexes: false });
  });
  beforeEach(async () => {
    db = database.client.db(`${database.db.databaseName}_${Math.random().toString(36).slice(2, 8)}`);
    await ensureIndexes(db);
    recorder = new Recorder();
    await recorder.start();
  });
  afterEach(async () => {
    await killAll(children);
    await recorder.stop();
  }, PROCESS_TEST_TIMEOUT_MS);
  afterAll(() => database.stop());
  return {
    get db() {
      return db;
    },
    get recorder() {
      return recorder;
    },
    start: (name, env) => startWorkerProcess(children, { name, uri: database.uri, db, recorder, env }),
  };
}
