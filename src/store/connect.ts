import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { spawnEmbeddedServer, superviseEmbeddedServer, type SupervisedServer, type SupervisorOptions } from './embedded';
import { withinDeadline } from './deadline';
import { ensureIndexes } from './indexes';

export interface DatabaseOptions {
  /** A real MongoDB; always wins over the embedded server. */
  uri?: string;
  /** Data directory of the embedded server when uri is unset. */
  dbPath?: string;
  /** Run the embedded server in memory (tests, demos). */
  memory?: boolean;
  /** Database name when the URI does not name one. */
  databaseName?: string;
  /** How long to look for the server before giving up (default 10 s). */
  serverSelectionTimeoutMS?: number;
  log?: (line: string) => void;
  /**
   * When the embedded server died and could not be restarted. Default: exit the process with code 1,
   * so whatever supervises Front Door restarts it rather than leave it running without a database.
   */
  onEmbeddedServerLost?: (error: Error) => void;
  /** How hard to try restarting the embedded server (tests); see SupervisorOptions. */
  embeddedRestart?: Pick<SupervisorOptions, 'attempts' | 'retryDelayMs' | 'maxRestarts' | 'windowMs'>;
}

export interface Database {
  client: MongoClient;
  db: Db;
  uri: string;
  /** True when this process started the embedded server. */
  embedded: boolean;
  /** The embedded server's process id (a new one after it was restarted); undefined with MONGODB_URI. */
  embeddedPid(): number | undefined;
  /** Whether the database answers a ping within `withinMs` (default 2 s). */
  ping(withinMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const DEFAULT_DATABASE = 'frontdoor';
const PING_TIMEOUT_MS = 2_000;

/**
 * Connects through the official driver: to MONGODB_URI when given, otherwise to the embedded
 * server started in a child process. Creates the indexes Front Door needs.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const log = options.log ?? ((line: string) => console.log(line));
  let spawned: SupervisedServer | undefined;
  let uri = options.uri;
  const connected: { db?: Db } = {};
  if (!uri) {
    spawned = await startSupervisedServer(options, log, () => connected.db);
    uri = spawned.uri;
    log(`Embedded MongoDB listening at ${uri}`);
  }
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000, appName: 'front-door' });
  try {
    await client.connect();
  } catch (error) {
    await spawned?.stop();
    throw new Error(`Could not connect to MongoDB at ${redact(uri)}: ${(error as Error).message}`);
  }
  const db = client.db(options.databaseName ?? databaseNameFrom(uri) ?? DEFAULT_DATABASE);
  await ensureIndexes(db);
  connected.db = db;
  return {
    client,
    db,
    uri,
    embedded: spawned !== undefined,
    embeddedPid: () => spawned?.pid(),
    // A down server would hold the ping for the server selection timeout (or, gone silent, far
    // longer) than a load balancer's probe waits: answer "down" once it has had a fair chance.
    ping: (withinMs = PING_TIMEOUT_MS) =>
      withinDeadline(db.command({ ping: 1 }), withinMs, 'ping').then(
        () => true,
        () => false,
      ),
    close: async () => {
      await client.close();
      await spawned?.stop();
    },
  };
}

/**
 * The embedded server in a child process, started again on the same data and port if it dies
 * (the driver then reconnects by itself). db is the connected database once there is one.
 */
function startSupervisedServer(options: DatabaseOptions, log: (line: string) => void, db: () => Db | undefined): Promise<SupervisedServer> {
  const dbPath = path.resolve(options.dbPath ?? './data/db');
  return superviseEmbeddedServer({
    ...options.embeddedRestart,
    start: (port) => spawnEmbeddedServer(options.memory ? { memory: true, port } : { dbPath, port }),
    log,
    // Indexes are in the journal already, but an in-memory server starts again empty.
    onRestarted: () => void ensureIndexesAgain(db(), log),
    onGiveUp: options.onEmbeddedServerLost ?? (() => process.exit(1)),
  });
}

async function ensureIndexesAgain(db: Db | undefined, log: (line: string) => void): Promise<void> {
  if (!db) return;
  try {
    await ensureIndexes(db);
  } catch (error) {
    log(`Embedded MongoDB: could not check the indexes after the restart: ${(error as Error).message}`);
  }
}

function databaseNameFrom(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** A URI fit for logs: the password replaced. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
