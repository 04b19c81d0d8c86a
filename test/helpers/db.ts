import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { startEmbeddedServer } from '../../src/store/embedded';
import { ensureIndexes } from '../../src/store/indexes';

export interface TestDatabase {
  uri: string;
  client: MongoClient;
  db: Db;
  stop(): Promise<void>;
}

/**
 * A fresh, empty database reached through the official driver: on TEST_MONGODB_URI when set
 * (an operator's own MongoDB), otherwise on an in-memory embedded server. Indexes are created
 * as at start-up. Each call gets its own database name, so suites never see each other's data.
 */
export async function startTestDatabase(options: { indexes?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const external = process.env.TEST_MONGODB_URI;
  const server = external ? undefined : await startEmbeddedServer({ port: 0, memory: true, log: () => undefined });
  const uri = external ?? server!.uri;
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  const db = client.db(name);
  if (options.indexes !== false) await ensureIndexes(db);
  return {
    uri,
    client,
    db,
    stop: async () => {
      if (external) await db.dropDatabase().catch(() => undefined);
      await client.close();
      await server?.close();
    },
  };
}

export const usingExternalDatabase = (): boolean => Boolean(process.env.TEST_MONGODB_URI);
