/** `npm run linkworker`: argument parsing, the commands on the real database, and the script as a real process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountRepository, SessionStore } from '../../src/linkworker';
import { parseLinkWorkerArgs, runLinkWorkerCli, UsageError, type CliIo } from '../../src/linkworker/cli';
import { startEmbeddedServer } from '../../src/store/embedded';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.resolve(__dirname, '../..');
let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

/** A terminal that answers password prompts from a list and records what is printed. */
function terminal(answers: string[] = [], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    askPassword: async () => {
      const next = answers.shift();
      if (next === undefined) throw new Error('asked for a password nobody typed');
      return next;
    },
    readStdin: async () => stdin,
  };
  return { io, out, err };
}

test('arguments: add with --admin and --password-stdin, and clear usage errors', () => {
  expect(parseLinkWorkerArgs(['add', 'a@example.org', '--admin', '--password-stdin'])).toEqual({
    name: 'add',
    email: 'a@example.org',
    role: 'admin',
    passwordStdin: true,
  });
  expect(parseLinkWorkerArgs(['add', 'a@example.org'])).toMatchObject({ role: 'linkWorker', passwordStdin: false });
  expect(parseLinkWorkerArgs(['list'])).toEqual({ name: 'list' });
  expect(parseLinkWorkerArgs(['disable', 'a@example.org'])).toEqual({ name: 'disable', email: 'a@example.org' });
  expect(() => parseLinkWorkerArgs([])).toThrow(/Usage: npm run linkworker/);
  expect(() => parseLinkWorkerArgs(['add'])).toThrow(/needs an email/);
  expect(() => parseLinkWorkerArgs(['remove', 'a@example.org'])).toThrow(/Unknown command "remove"/);
  expect(() => parseLinkWorkerArgs(['disable', 'a@example.org', '--admin'])).toThrow(UsageError);
});

test('add asks twice without echo, refuses short or mismatched passwords, then the account can log in', async () => {
  const accounts = new AccountRepository(t.db);
  const short = terminal(['too short']);
  expect(await runLinkWorkerCli({ name: 'add', email: 'ann@example.org', role: 'linkWorker', passwordStdin: false }, t.db, short.io)).toBe(1);
  expect(short.err.join('\n')).toMatch(/at least 12 characters/);
  const mismatch = terminal(['a long enough password', 'a long enough passwort']);
  expect(await runLinkWorkerCli({ name: 'add', email: 'ann@example.org', role: 'linkWorker', passwordStdin: false }, t.db, mismatch.io)).toBe(1);
  expect(mismatch.err.join('\n')).toMatch(/different/);
  expect(await accounts.findByEmail('ann@example.org')).toBeNull();

  const ok = terminal(['a long enough password', 'a long enough password']);
  expect(await runLinkWorkerCli({ name: 'add', email: 'ann@example.org', role: 'admin', passwordStdin: false }, t.db, ok.io)).toBe(0);
  expect(ok.out).toEqual(['Created admin account ann@example.org.']);
  expect((await accounts.verifyCredentials('ann@example.org', 'a long enough password'))?.role).toBe('admin');

  const again = terminal([], 'another long password\n');
  expect(await runLinkWorkerCli({ name: 'add', email: 'ANN@example.org', role: 'linkWorker', passwordStdin: true }, t.db, again.io)).toBe(1);
  expect(again.err.join('\n')).toMatch(/already an account/);
});

test('disable logs the account out everywhere and stops logins; list shows who there is', async () => {
  const accounts = new AccountRepository(t.db);
  const sessions = new SessionStore(t.db);
  const bea = await accounts.create('bea@example.org', 'a long enough password');
  const live = await sessions.create(bea._id);
  const run = terminal();
  expect(await runLinkWorkerCli({ name: 'disable', email: 'bea@example.org' }, t.db, run.io)).toBe(0);
  expect(run.out).toEqual(['Disabled bea@example.org and logged it out of 1 session.']);
  expect(await sessions.touch(live.sessionId)).toBeNull();
  expect(await accounts.verifyCredentials('bea@example.org', 'a long enough password')).toBeNull();

  const list = terminal();
  await runLinkWorkerCli({ name: 'list' }, t.db, list.io);
  expect(list.out.find((l) => l.startsWith('bea@example.org'))).toMatch(/link worker\tdisabled/);
  const missing = terminal();
  expect(await runLinkWorkerCli({ name: 'disable', email: 'nobody@example.org' }, t.db, missing.io)).toBe(1);
  expect(missing.err.join('\n')).toMatch(/no account for nobody@example.org/);
});

function runScript(args: string[], env: Record<string, string | undefined>, stdin = '') {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/linkworker.ts'), ...args], { cwd: ROOT, env: childEnv });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

test('the script as a real process: add --password-stdin against MONGODB_URI', async () => {
  const env = { MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName };
  const added = await runScript(['add', 'cai@example.org', '--password-stdin'], env, 'a long enough password\n');
  expect(added).toEqual({ code: 0, out: 'Created link worker account cai@example.org.\n' });
  expect(await new AccountRepository(t.db).verifyCredentials('cai@example.org', 'a long enough password')).not.toBeNull();
  const noTerminal = await runScript(['add', 'dai@example.org'], env);
  expect(noTerminal.code).toBe(1);
  expect(noTerminal.out).toMatch(/no terminal.*--password-stdin/i);
});

test('when npm start holds the embedded database, the script says so and what to do', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fd-linkworker-'));
  const running = await startEmbeddedServer({ port: 0, dbPath: path.join(dataDir, 'db'), log: () => undefined });
  try {
    const result = await runScript(['list'], { MONGODB_URI: undefined, MONGODB_DATABASE: undefined, FRONTDOOR_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/in use, most likely by a running Front Door \(npm start\)/);
    expect(result.out).toMatch(/stop Front Door|MONGODB_URI/);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
