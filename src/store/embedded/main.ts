/**
 * `npm run db -- [--port N] [--dbpath DIR] [--memory]`: the embedded MongoDB-compatible server alone.
 * Also what connect.ts starts in a child process when MONGODB_URI is unset.
 */
import { startEmbeddedServer } from './server';

interface CliOptions {
  port: number;
  dbPath: string;
  memory: boolean;
}

const USAGE = 'Usage: npm run db -- [--port N] [--dbpath DIR] [--memory]';

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, dbPath: process.env.FRONTDOOR_DBPATH ?? './data/db', memory: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--memory') options.memory = true;
    else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number from 0 to 65535. ${USAGE}`);
      options.port = port;
    } else if (arg === '--dbpath') {
      const dir = argv[++i];
      if (!dir) throw new Error(`--dbpath needs a directory. ${USAGE}`);
      options.dbPath = dir;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option '${arg}'. ${USAGE}`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const server = await startEmbeddedServer({ port: options.port, dbPath: options.dbPath, memory: options.memory, lockWaitMs: 5000 });
  console.log(`Embedded MongoDB listening at ${server.uri}${options.memory ? ' (in memory)' : ` (data in ${options.dbPath})`}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by connect.ts over IPC: stop with the parent, whatever way it ends.
  process.on('disconnect', stop);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`Embedded MongoDB could not start: ${error.message}`);
    process.exit(1);
  });
}
