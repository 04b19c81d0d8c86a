/** `npm run followups`: operators see failed and interrupted follow-ups and send them again. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseFollowUpsArgs, runFollowUpsCli, UsageError, USAGE, type FollowUpsCommand } from '../../scripts/followups';
import { followUpsCollection, FollowUpSchedule } from '../../src/followups/schedule';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.join(__dirname, '..', '..');
const at = (iso: string) => new Date(`${iso}Z`);

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(() => t.stop());

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

async function run(command: FollowUpsCommand) {
  const term = terminal();
  const code = await runFollowUpsCli(command, t.db, term.io);
  return { code, out: term.out.join('\n'), err: term.err.join('\n') };
}

/** A person's jobs as they stand after one send gave up and one was cut off by a crash. */
async function failedAndInterrupted(personKey: string) {
  const jobs = followUpsCollection(t.db);
  const base = { schemaVersion: 1, personKey, createdAt: at('2026-05-01T09:00'), attempts: 5 };
  const failed = await jobs.insertOne({
    ...base, kind: 'referralCheckIn', dueAt: at('2026-05-08T09:00'), status: 'failed', lastError: 'TwilioError 21211: invalid To +447700900123', updatedAt: at('2026-05-08T11:00'),
  });
  const interrupted = await jobs.insertOne({
    ...base, kind: 'ons4Repeat', dueAt: at('2026-06-12T09:00'), status: 'failed', lastError: 'interrupted', attempts: 1,
    inFlightSince: at('2026-06-12T09:00'), lease: { owner: 'dead', until: at('2026-06-12T09:05') }, updatedAt: at('2026-06-12T09:06'),
  });
  await jobs.insertOne({ ...base, kind: 'linkWorkerFollowUp', dueAt: at('2026-05-02T09:00'), status: 'sent', sentAt: at('2026-05-02T09:00'), updatedAt: at('2026-05-02T09:00') });
  return { failed: failed.insertedId, interrupted: interrupted.insertedId };
}

beforeEach(async () => {
  await followUpsCollection(t.db).deleteMany({});
});

test('list shows failed and interrupted jobs with kind, status, reason and dates, and no person key', async () => {
  const ids = await failedAndInterrupted('secret-person-key');
  const list = await run({ name: 'list' });
  expect(list.code).toBe(0);
  const lines = list.out.split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toBe('id\tkind\tstatus\tdue\tchanged\treason');
  expect(lines[1]).toBe(`${ids.failed.toHexString().slice(-8)}\tcheck-in\tfailed\t2026-05-08 09:00\t2026-05-08 11:00\t5 attempt(s): TwilioError 21211: invalid To [number]`);
  expect(lines[2]).toBe(`${ids.interrupted.toHexString().slice(-8)}\tsix-week wellbeing\tinterrupted\t2026-06-12 09:00\t2026-06-12 09:06\tcut off mid-send at 2026-06-12 09:00: may have gone`);
  expect(lines[3]).toMatch(/1 interrupted: check the provider's message log/);
  expect(list.out).not.toMatch(/secret-person-key/);
});

test('list with nothing failed says so', async () => {
  expect(await run({ name: 'list' })).toEqual({ code: 0, out: 'No failed or interrupted follow-ups.', err: '' });
});

test('retry <short id> sends that one again at the next run; retry --all the rest; both leave "list" empty', async () => {
  const ids = await failedAndInterrupted('p');
  const retried = await run({ name: 'retry', id: ids.interrupted.toHexString().slice(-8) });
  expect(retried).toMatchObject({ code: 0, out: expect.stringMatching(/six-week wellbeing\) will be sent again/) });
  const jobs = await new FollowUpSchedule(t.db).listFor('p');
  const again = jobs.find((job) => job._id.equals(ids.interrupted))!;
  expect([again.status, again.attempts, again.lastError, again.inFlightSince, again.lease]).toEqual(['pending', 0, undefined, undefined, undefined]);
  expect(jobs.find((job) => job._id.equals(ids.failed))!.status).toBe('failed');

  expect(await run({ name: 'retryAll' })).toMatchObject({ code: 0, out: '1 follow-up(s) will be sent again at the worker\'s next run.' });
  expect((await run({ name: 'list' })).out).toBe('No failed or interrupted follow-ups.');
});

test('retry of an unknown or already retried id is a clear error (exit 1)', async () => {
  const ids = await failedAndInterrupted('p');
  const unknown = await run({ name: 'retry', id: 'deadbeef' });
  expect(unknown.code).toBe(1);
  expect(unknown.err).toMatch(/No failed or interrupted follow-up has the id deadbeef/);
  await run({ name: 'retry', id: ids.failed.toHexString() });
  expect((await run({ name: 'retry', id: ids.failed.toHexString() })).code).toBe(1);
});

test.each([
  [[], /Usage: npm run followups/],
  [['frobnicate'], /Unknown command "frobnicate"/],
  [['list', 'x'], /"list" takes no arguments/],
  [['retry'], /"retry" needs one id, or --all/],
  [['retry', 'a', 'b'], /"retry" needs one id, or --all/],
  [['retry', '+447700900123'], /not a follow-up id/],
  [['retry', 'abc'], /not a follow-up id/],
  [['retry', 'zzzzzzzz'], /not a follow-up id/],
])('arguments %j are a usage error', (argv, message) => {
  expect(() => parseFollowUpsArgs(argv)).toThrow(UsageError);
  expect(() => parseFollowUpsArgs(argv)).toThrow(message);
});

test('arguments that parse', () => {
  expect(parseFollowUpsArgs(['--help'])).toEqual({ name: 'help' });
  expect(parseFollowUpsArgs(['retry', '--help'])).toEqual({ name: 'help' });
  expect(parseFollowUpsArgs(['retry', '--all'])).toEqual({ name: 'retryAll' });
  expect(parseFollowUpsArgs(['retry', 'ABCDEF12'])).toEqual({ name: 'retry', id: 'abcdef12' });
});

function runScript(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/followups.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

test('the script as a real process: --help, a bad id (exit 2), list and retry against MONGODB_URI', async () => {
  const env = { MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName };
  expect(await runScript(['--help'], env)).toEqual({ code: 0, out: `${USAGE}\n` });
  expect((await runScript(['retry', 'nope'], env)).code).toBe(2);
  const ids = await failedAndInterrupted('p');
  const list = await runScript(['list'], env);
  expect(list.code).toBe(0);
  expect(list.out).toContain(ids.interrupted.toHexString().slice(-8));
  expect((await runScript(['retry', ids.failed.toHexString().slice(-8)], env)).code).toBe(0);
  expect((await followUpsCollection(t.db).findOne({ _id: ids.failed }))!.status).toBe('pending');
}, 60_000);
