import net from 'node:net';
import path from 'node:path';
import type { Document } from 'bson';
import { runCommand } from './commands';
import { Cursors } from './cursors';
import { Engine } from './engine';
import { CommandError } from './errors';
import { DbPathLock } from './lock';
import { encodeReply, HEADER_BYTES, MAX_MESSAGE_BYTES, parseMessage, ProtocolError, type Command } from './wire';

export interface EmbeddedServerOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Data directory; ignored when memory is true. */
  dbPath?: string;
  /** Keep everything in memory (tests). */
  memory?: boolean;
  /** Database name used in the printed URI. */
  databaseName?: string;
  /** Journal records beyond twice the live documents before the journal is compacted (default 10,000). */
  compactAfterRecords?: number;
  /** How long to wait for a previous server on the same data directory to finish stopping. */
  lockWaitMs?: number;
  /** How often to check that the data files are still there (default 5 s; writes check too). */
  storageCheckMs?: number;
  /** Where operator messages go (never document contents). */
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  uri: string;
  port: number;
  close(): Promise<void>;
}

const COMPACTION_CHECK_MS = 30_000;
const STORAGE_CHECK_MS = 5_000;

/**
 * A MongoDB wire-protocol server on loopback for development and tests: the official
 * driver connects to it as to a standalone mongod. See ARCHITECTURE.md, "Storage".
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const dbPath = options.memory ? undefined : (options.dbPath ?? './data/db');
  const lock = dbPath ? await acquireLock(dbPath, options.lockWaitMs ?? 0) : undefined;
  let engine: Engine;
  try {
    const opened = Engine.open(dbPath, { compactAfterRecords: options.compactAfterRecords });
    engine = opened.engine;
    if (dbPath && opened.recovery?.records === 0) {
      log(`Embedded MongoDB: the data directory ${path.resolve(dbPath)} holds no data: starting with an empty database (expected on a first start; if not, check the path and that its volume is mounted)`);
    }
    if (opened.recovery?.droppedBytes) {
      log(`Embedded MongoDB: recovered ${opened.recovery.records} journal records; dropped ${opened.recovery.droppedBytes} bytes of an unfinished write`);
    }
    await engine.maybeCompact();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const storage = watchStorage(engine, log);
  const cursors = new Cursors();
  const sockets = new Set<net.Socket>();
  let nextConnectionId = 1;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, nextConnectionId++, engine, cursors, storage, log);
  });
  server.maxConnections = 1000;

  const timer = setInterval(() => {
    cursors.sweep();
    engine.maybeCompact().catch((error: Error) => log(`Embedded MongoDB: journal compaction failed: ${error.message}`));
  }, COMPACTION_CHECK_MS);
  timer.unref();
  const storageTimer = setInterval(() => storage.check(), options.storageCheckMs ?? STORAGE_CHECK_MS);
  storageTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 27017, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const uri = `mongodb://127.0.0.1:${port}/${options.databaseName ?? 'frontdoor'}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(timer);
      clearInterval(storageTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await engine.close();
      lock?.release();
    })());
  return { uri, port, close };
}

interface StorageWatch {
  /** Why the data files no longer keep what this server is told (said loudly once), or undefined. */
  check(): string | undefined;
}

/**
 * Notices when the data directory is deleted (or its journal replaced) under a running server: from then on
 * nothing written would survive a restart, which would quietly start from an empty directory.
 */
function watchStorage(engine: Engine, log: (line: string) => void): StorageWatch {
  let reported = false;
  return {
    check() {
      const lost = engine.storageLost();
      if (lost && !reported) {
        reported = true;
        log(
          `Embedded MongoDB: DATA DIRECTORY LOST: ${lost} while the server was running. Writes are now refused and ` +
            'ping fails (/readyz: not ready). Everything so far is still in this server\'s memory, but a restart would ' +
            'start from whatever the directory then holds (nothing if it is gone): restore it from a backup or check its volume.',
        );
      }
      return lost;
    },
  };
}

/** A server that is still stopping (e.g. after its parent was killed) gets a moment to let go. */
async function acquireLock(dbPath: string, waitMs: number): Promise<DbPathLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return DbPathLock.acquire(dbPath);
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Reads framed messages off one socket and answers them in order. */
function serveConnection(socket: net.Socket, connectionId: number, engine: Engine, cursors: Cursors, storage: StorageWatch, log: (line: string) => void): void {
  let buffered = Buffer.alloc(0);
  let queue = Promise.resolve();
  socket.setNoDelay(true);

  const fail = (reason: string) => {
    log(`Embedded MongoDB: closed connection ${connectionId}: ${reason}`);
    socket.destroy();
  };

  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = buffered.readInt32LE(0);
      if (length < HEADER_BYTES || length > MAX_MESSAGE_BYTES) return fail(`invalid message length ${length}`);
      if (buffered.length < length) return;
      const message = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      let command: Command;
      try {
        command = parseMessage(message);
      } catch (error) {
        return fail(error instanceof ProtocolError ? error.message : 'unreadable message');
      }
      queue = queue.then(() => answer(command)).catch(() => void socket.destroy());
    }
  });

  async function answer(command: Command): Promise<void> {
    const reply = await execute(command);
    if (!command.moreToCome && !socket.destroyed) socket.write(encodeReply(command, reply));
  }

  async function execute(command: Command): Promise<Document> {
    const lost = Object.keys(command.body)[0] === 'ping' ? storage.check() : undefined;
    if (lost) return { ok: 0, errmsg: `data directory lost: ${lost}`, code: 1, codeName: 'InternalError' };
    try {
      const reply = runCommand(command.body, { engine, cursors, database: command.database, connectionId });
      // Acknowledge only what is on disk.
      await engine.durable();
      return reply;
    } catch (error) {
      await engine.durable().catch(() => undefined);
      if (error instanceof CommandError) return error.toReply();
      storage.check();
      log(`Embedded MongoDB: internal error in '${Object.keys(command.body)[0]}': ${(error as Error).message}`);
      return { ok: 0, errmsg: `internal error: ${(error as Error).message}`, code: 1, codeName: 'InternalError' };
    }
  }
}
