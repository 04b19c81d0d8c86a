/**
 * `npm run suggest -- --text "..." [--interests music] [--postcode ...] [--json]`: what the conversation would suggest for
 * a made-up profile, with the same extraction and ranking. See src/directory/suggestCli.ts for options.
 *
 * Services come from `--directory FILE` when given; otherwise from the database (MONGODB_URI, or the
 * embedded one in ./data/db); when that holds no active services, from the sample directory. When the
 * embedded database cannot be opened (the app is running on it) it stops with exit code 2 and says why.
 */
import path from 'node:path';
import { loadConfig, ConfigError } from '../src/config';
import { ServiceDirectory } from '../src/directory/directory';
import { formatSuggestions, parseSuggestArgs, servicesFromFile, suggestFor, SuggestUsageError, type SuggestArgs } from '../src/directory/suggestCli';
import type { StoredService } from '../src/directory/schema';
import { OfflineRecognizer } from '../src/nlu/offline';
import { openDatabase } from '../src/store';

class DatabaseHeldError extends Error {
  override readonly name = 'DatabaseHeldError';
}

const SAMPLE_DIRECTORY = path.join(__dirname, '..', 'data', 'sample-directory', 'services.json');

async function loadServices(args: SuggestArgs): Promise<StoredService[]> {
  if (args.directory) return servicesFromFile(args.directory);
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase({ uri: config.mongodbUri, databaseName: config.mongodbDatabase, dbPath: config.dbPath, log: (line) => console.error(line) });
  } catch (error) {
    // Typically `npm start` holds ./data/db. Answering from the fictional sample instead would look
    // like an answer about the real directory: stop, and say what to do.
    if (config.mongodbUri) throw error;
    throw new DatabaseHeldError(
      `Could not open the embedded database in ${config.dbPath} (${(error as Error).message.split('\n')[0]}). ` +
        'If Front Door is running on this data directory, stop it first, or pass --directory FILE to rank the services in an ORUK JSON file.',
    );
  }
  try {
    const services = await new ServiceDirectory(database.db).activeServices();
    if (services.length > 0) return services;
    console.error('The database has no active services: using the sample directory (data/sample-directory/services.json).');
    return servicesFromFile(SAMPLE_DIRECTORY);
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  let args: SuggestArgs;
  try {
    args = parseSuggestArgs(process.argv.slice(2));
    const services = await loadServices(args);
    const output = await suggestFor(args, services, new OfflineRecognizer());
    console.log(args.json ? JSON.stringify(output, null, 2) : formatSuggestions(output));
    return 0;
  } catch (error) {
    if (error instanceof SuggestUsageError || error instanceof ConfigError || error instanceof DatabaseHeldError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Suggest failed: ${error.message}`);
    process.exit(1);
  },
);
