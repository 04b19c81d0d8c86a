import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startTestDatabase, type TestDatabase } from './db';

export interface AppOnTestDatabase {
  t: TestDatabase;
  app: FrontDoor;
  stop(): Promise<void>;
}

/** The whole application, in this process, on a fresh test database; `env` adds or overrides variables. */
export async function startAppOnTestDatabase(env: Record<string, string> = {}): Promise<AppOnTestDatabase> {
  const t = await startTestDatabase();
  const app = await startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, ...env }), () => undefined);
  return {
    t,
    app,
    stop: async () => {
      await app.stop();
      await t.stop();
    },
  };
}
