import type { Db } from 'mongodb';
import { AccountError, AccountRepository, MIN_PASSWORD_LENGTH, passwordProblem } from './accounts';
import type { Role } from './roles';
import { SessionStore } from './sessions';

/**
 * `npm run linkworker -- <command>`: manage link-worker accounts from the server's shell.
 * The terminal is passed in, so tests drive the same code the script runs.
 */
export const USAGE = `Usage: npm run linkworker -- <command>

  add <email> [--admin] [--password-stdin]   Create an account (asks for the password twice,
                                             or reads it from standard input with --password-stdin)
  set-password <email> [--password-stdin]   Change a password (logs the account out everywhere)
  disable <email>                            Stop an account logging in (logs it out everywhere)
  enable <email>                             Let a disabled account log in again
  list                                       Show every account

Passwords must be at least ${MIN_PASSWORD_LENGTH} characters long.`;

export class UsageError extends Error {}

export type CliCommand =
  | { name: 'add'; email: string; role: Role; passwordStdin: boolean }
  | { name: 'set-password'; email: string; passwordStdin: boolean }
  | { name: 'disable' | 'enable'; email: string }
  | { name: 'list' };

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks for a password without echoing it (throws when there is no terminal). */
  askPassword(prompt: string): Promise<string>;
  /** All of standard input. */
  readStdin(): Promise<string>;
}

export function parseLinkWorkerArgs(argv: readonly string[]): CliCommand {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const words = argv.filter((a) => !a.startsWith('--'));
  const [name, email, ...extra] = words;
  const allowed: Record<string, string[]> = {
    add: ['--admin', '--password-stdin'],
    'set-password': ['--password-stdin'],
    disable: [],
    enable: [],
    list: [],
  };
  if (!name || !(name in allowed)) throw new UsageError(name ? `Unknown command "${name}".\n\n${USAGE}` : USAGE);
  const unknownFlag = [...flags].find((f) => !allowed[name].includes(f));
  if (unknownFlag) throw new UsageError(`"${name}" does not take ${unknownFlag}.\n\n${USAGE}`);
  if (name === 'list') {
    if (email) throw new UsageError(`"list" takes no arguments.\n\n${USAGE}`);
    return { name };
  }
  if (!email) throw new UsageError(`"${name}" needs an email address.\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".\n\n${USAGE}`);
  if (name === 'add') return { name, email, role: flags.has('--admin') ? 'admin' : 'linkWorker', passwordStdin: flags.has('--password-stdin') };
  if (name === 'set-password') return { name, email, passwordStdin: flags.has('--password-stdin') };
  return { name: name as 'disable' | 'enable', email };
}

/** Runs one command; returns the exit code. */
export async function runLinkWorkerCli(command: CliCommand, db: Db, io: CliIo): Promise<number> {
  const accounts = new AccountRepository(db);
  const sessions = new SessionStore(db);
  try {
    switch (command.name) {
      case 'add': {
        const password = await obtainPassword(command.passwordStdin, io);
        const account = await accounts.create(command.email, password, command.role);
        io.out(`Created ${account.role === 'admin' ? 'admin' : 'link worker'} account ${account.email}.`);
        return 0;
      }
      case 'set-password': {
        const password = await obtainPassword(command.passwordStdin, io);
        const account = await accounts.setPassword(command.email, password);
        if (!account) return noSuchAccount(command.email, io);
        const ended = await sessions.endAllFor(account._id);
        io.out(`Changed the password of ${account.email}${ended > 0 ? ` and logged it out of ${ended} session${ended === 1 ? '' : 's'}` : ''}.`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const account = await accounts.setDisabled(command.email, command.name === 'disable');
        if (!account) return noSuchAccount(command.email, io);
        if (command.name === 'enable') {
          io.out(`Enabled ${account.email}.`);
          return 0;
        }
        const ended = await sessions.endAllFor(account._id);
        io.out(`Disabled ${account.email}${ended > 0 ? ` and logged it out of ${ended} session${ended === 1 ? '' : 's'}` : ''}.`);
        return 0;
      }
      case 'list': {
        const all = await accounts.list();
        if (all.length === 0) {
          io.out('There are no link-worker accounts yet. Add one with: npm run linkworker -- add <email>');
          return 0;
        }
        for (const a of all) {
          io.out(`${a.email}\t${a.role === 'admin' ? 'admin' : 'link worker'}\t${a.disabled ? 'disabled' : 'active'}\tsince ${a.createdAt.toISOString().slice(0, 10)}`);
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof AccountError || error instanceof UsageError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

function noSuchAccount(email: string, io: CliIo): number {
  io.err(`There is no account for ${email}. See who there is with: npm run linkworker -- list`);
  return 1;
}

async function obtainPassword(fromStdin: boolean, io: CliIo): Promise<string> {
  if (fromStdin) {
    // One trailing newline is the pipe's, not the password's.
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password.length === 0) throw new UsageError('No password came in on standard input.');
    return password;
  }
  const password = await io.askPassword(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const again = await io.askPassword('The same password again: ');
  if (again !== password) throw new UsageError('The two passwords were different. Nothing was changed.');
  return password;
}

/** Reads a line from the terminal without showing what is typed. */
export function askHidden(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Promise<string> {
  if (!input.isTTY) {
    return Promise.reject(new UsageError('There is no terminal to ask for the password on. Pipe it in and add --password-stdin.'));
  }
  return new Promise((resolve, reject) => {
    let typed = '';
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new UsageError('Cancelled. Nothing was changed.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

export async function readAllStdin(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Says what to do when the embedded database's data directory is held by a running Front Door. */
export function explainDatabaseError(error: Error, dbPath: string): string {
  if (/in use by another embedded MongoDB server/.test(error.message)) {
    return [
      `The embedded database in ${dbPath} is in use, most likely by a running Front Door (npm start).`,
      'Only one process can open it at a time. Either stop Front Door, run this command, and start it again;',
      'or run MongoDB yourself and set MONGODB_URI for both Front Door and this command.',
    ].join('\n');
  }
  return `Could not open the database: ${error.message}`;
}
