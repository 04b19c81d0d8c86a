/**
 * For scripts that work on Front Door's own database: reads the configuration and opens the
 * database as `npm start` would (MONGODB_URI, or the embedded one in ./data/db), runs the work and
 * closes it. A bad configuration or a database that cannot be opened is explained, and gives exit 1.
 */
import { ConfigError, loadConfig, type Config } from '../src/config';
import { explainDatabaseError } from '../src/linkworker/cli';
import { openDatabase, type Database } from '../src/store';

export async function runOnConfiguredDatabase(
  work: (database: Database, config: Config) => Promise<number>,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  let database: Database;
  try {
    database = await openDatabase({ uri: config.mongodbUri, databaseName: config.mongodbDatabase, dbPath: config.dbPath, log });
  } catch (error) {
    console.error(explainDatabaseError(error as Error, config.dbPath));
    return 1;
  }
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}
