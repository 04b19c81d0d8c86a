/**
 * `npm run linkworker -- add <email> [--admin] [--password-stdin] | set-password <email> | disable <email> |
 *   enable <email> | list`
 *
 * Manages link-worker accounts in MONGODB_URI, or in the embedded database in ./data/db when it is
 * unset (stop `npm start` first: only one process can open the embedded database).
 */
import { askHidden, parseLinkWorkerArgs, readAllStdin, runLinkWorkerCli, UsageError } from '../src/linkworker/cli';
import { runOnConfiguredDatabase } from './configuredDatabase';

async function main(): Promise<number> {
  let command;
  try {
    command = parseLinkWorkerArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  return runOnConfiguredDatabase((database) =>
    runLinkWorkerCli(command, database.db, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      askPassword: (prompt) => askHidden(prompt),
      readStdin: () => readAllStdin(),
    }),
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`linkworker failed: ${error.message}`);
    process.exit(1);
  },
);
