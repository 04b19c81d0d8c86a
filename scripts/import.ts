/**
 * `npm run import -- <file.json|dir|services.csv|activity-list.jsonld|https://host/api> [--format json|csv|openactive]
 *   [--source NAME] [--full] [--batch-size N] [--max-mb N]`
 *
 * Imports Open Referral UK services (a JSON file, a paged ORUK API, or HSDS 3.0 CSV tables) into the
 * `services` collection, or the OpenActive activity list into `taxonomies`, of MONGODB_URI, or of the
 * embedded database in ./data/db when it is unset. Prints progress and a summary; exits 0 when
 * everything readable was imported, 1 otherwise.
 */
import { parseImportArgs, runImport, UsageError } from '../src/directory/cli';
import { runOnConfiguredDatabase } from './configuredDatabase';

async function main(): Promise<number> {
  let args;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  return runOnConfiguredDatabase(
    (database) => runImport(args, database.db, (line) => console.log(line)),
    (line) => console.log(line),
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Import failed: ${error.message}`);
    process.exit(1);
  },
);
