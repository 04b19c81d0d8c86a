/**
 * `npm run linkworker -- add <email> [--admin] [--password-stdin] | set-password <email> | disable <email> |
 *   enable <email> | list`
 *
 * Manages link-worker accounts in MONGODB_URI, or in the embedded database in ./data/db when it is
 * unset (stop `npm start` first: only one process can open the embedded database).
 */
import { ConfigError, loadConfig } from '../src/config';
import { askHidden, explainDatabaseError, parseLinkWorkerArgs, readAllStdin, runLinkWorkerCli, UsageError } from '../src/linkworker/cli';
import { openDatabase, type Database } from '../src/store';

async function main(): Promise<number> {
  let command;
  let config;
  try {
    command = parseLinkWorkerArgs(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
  let database: Database;
  try {
    database = await openDatabase({ uri: config.mongodbUri, databaseName: config.mongodbDatabase, dbPath: config.dbPath, log: () => undefined });
  } catch (error) {
    console.error(explainDatabaseError(error as Error, config.dbPath));
    return 1;
  }
  try {
    return await runLinkWorkerCli(command, database.db, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      askPassword: (prompt) => askHidden(prompt),
      readStdin: () => readAllStdin(),
    });
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`linkworker failed: ${error.message}`);
    process.exit(1);
  },
);
