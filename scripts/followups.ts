/**
 * `npm run followups -- list | retry <id> | retry --all | --help`
 *
 * Follow-up texts that failed (retries used up) or were interrupted mid-send (the app died while the
 * provider was taking the text), for an operator to see and send again. Works on MONGODB_URI, or on
 * the embedded database in ./data/db when it is unset (stop `npm start` first: only one process can
 * open the embedded database). Prints no phone numbers, names or person keys: only the job's facts.
 */
import { ObjectId, type Db } from 'mongodb';
import { FollowUpSchedule } from '../src/followups/schedule';
import { INTERRUPTED, type FollowUpJob, type FollowUpKind } from '../src/followups/schema';
import { runOnConfiguredDatabase } from './configuredDatabase';

export const USAGE = `Usage: npm run followups -- <command>

  list          Failed and interrupted follow-up texts, oldest due first (times in UTC)
  retry <id>    Send that follow-up again (the id as "list" shows it, or the full 24-character id)
  retry --all   Send every failed and interrupted follow-up again
  --help        Show this

An "interrupted" text was cut off mid-send: the provider most likely had it, so check its message
log first and retry only a text that did not go (a reply from the person already counts as an
answer). A retried text goes at the next run of the follow-up worker, within sending hours, and
not to anyone who has opted out meanwhile.`;

/** Characters of the job id that "list" shows: the end of an ObjectId, which differs between jobs. */
export const SHORT_ID_LENGTH = 8;

export class UsageError extends Error {}

export type FollowUpsCommand = { name: 'help' } | { name: 'list' } | { name: 'retry'; id: string } | { name: 'retryAll' };

export interface FollowUpsIo {
  out(line: string): void;
  err(line: string): void;
}

export function parseFollowUpsArgs(argv: readonly string[]): FollowUpsCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { name: 'help' };
  const [name, ...rest] = argv;
  if (name === 'list') {
    if (rest.length > 0) throw new UsageError(`"list" takes no arguments.\n\n${USAGE}`);
    return { name };
  }
  if (name === 'retry') return parseRetry(rest);
  throw new UsageError(name ? `Unknown command "${name}".\n\n${USAGE}` : USAGE);
}

function parseRetry(rest: readonly string[]): FollowUpsCommand {
  if (rest.length === 1 && rest[0] === '--all') return { name: 'retryAll' };
  if (rest.length !== 1 || rest[0].startsWith('-')) throw new UsageError(`"retry" needs one id, or --all.\n\n${USAGE}`);
  const id = rest[0].toLowerCase();
  if (!/^[0-9a-f]+$/.test(id) || (id.length < SHORT_ID_LENGTH && id.length !== 24) || id.length > 24) {
    throw new UsageError(`"${rest[0]}" is not a follow-up id: use the ${SHORT_ID_LENGTH}-character id "list" shows, or the full 24-character one.`);
  }
  return { name: 'retry', id };
}

/** Runs one command; returns the exit code. */
export async function runFollowUpsCli(command: FollowUpsCommand, db: Db, io: FollowUpsIo): Promise<number> {
  const schedule = new FollowUpSchedule(db);
  switch (command.name) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'list':
      return listFailed(schedule, io);
    case 'retry':
      return retryOne(schedule, command.id, io);
    case 'retryAll':
      return retryAll(schedule, io);
  }
}

const LIST_LIMIT = 1000;

async function listFailed(schedule: FollowUpSchedule, io: FollowUpsIo): Promise<number> {
  const jobs = await schedule.listFailed(LIST_LIMIT);
  if (jobs.length === 0) {
    io.out('No failed or interrupted follow-ups.');
    return 0;
  }
  io.out(['id', 'kind', 'status', 'due', 'changed', 'reason'].join('\t'));
  for (const job of jobs) io.out(describeJob(job).join('\t'));
  const interrupted = jobs.filter(isInterrupted).length;
  if (interrupted > 0) io.out(`${interrupted} interrupted: check the provider's message log before retrying them.`);
  if (jobs.length === LIST_LIMIT) io.out(`Showing the first ${LIST_LIMIT}.`);
  return 0;
}

const KIND_NAMES: Record<FollowUpKind, string> = {
  referralCheckIn: 'check-in',
  ons4Repeat: 'six-week wellbeing',
  linkWorkerFollowUp: 'link worker follow-up',
};

/** One row of the list: the job's facts only (never its person key, number or name). */
function describeJob(job: FollowUpJob): string[] {
  const reason = isInterrupted(job)
    ? `cut off mid-send at ${formatTime(job.inFlightSince ?? job.updatedAt)}: may have gone`
    : `${job.attempts} attempt(s): ${withoutNumbers(job.lastError ?? 'unknown').slice(0, 80)}`;
  return [shortId(job._id), KIND_NAMES[job.kind], isInterrupted(job) ? 'interrupted' : 'failed', formatTime(job.dueAt), formatTime(job.updatedAt), reason];
}

/** Errors are stored without phone numbers (describeError); this keeps it so for any older record. */
function withoutNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s-]{6,}\d/g, '[number]');
}

function isInterrupted(job: FollowUpJob): boolean {
  return job.lastError === INTERRUPTED;
}

function shortId(id: ObjectId): string {
  return id.toHexString().slice(-SHORT_ID_LENGTH);
}

function formatTime(time: Date): string {
  return time.toISOString().slice(0, 16).replace('T', ' ');
}

async function retryOne(schedule: FollowUpSchedule, id: string, io: FollowUpsIo): Promise<number> {
  const matches = (await schedule.listFailed(LIST_LIMIT)).filter((job) => job._id.toHexString().endsWith(id));
  if (matches.length === 0) {
    io.err(`No failed or interrupted follow-up has the id ${id} (it may have been retried or answered already). See "npm run followups -- list".`);
    return 1;
  }
  if (matches.length > 1) {
    io.err(`The id ${id} matches ${matches.length} follow-ups: give the full id, one of ${matches.map((job) => job._id.toHexString()).join(', ')}.`);
    return 1;
  }
  const [job] = matches;
  if (!(await schedule.retryFailed(job._id))) {
    io.err(`Follow-up ${id} changed meanwhile (retried or answered); nothing done.`);
    return 1;
  }
  io.out(`Follow-up ${shortId(job._id)} (${KIND_NAMES[job.kind]}) will be sent again at the worker's next run.`);
  return 0;
}

async function retryAll(schedule: FollowUpSchedule, io: FollowUpsIo): Promise<number> {
  const seen = new Set<string>();
  let retried = 0;
  for (;;) {
    const batch = (await schedule.listFailed(LIST_LIMIT)).filter((job) => !seen.has(job._id.toHexString()));
    if (batch.length === 0) break;
    for (const job of batch) {
      seen.add(job._id.toHexString());
      if (await schedule.retryFailed(job._id)) retried += 1;
    }
  }
  io.out(retried === 0 ? 'No failed or interrupted follow-ups.' : `${retried} follow-up(s) will be sent again at the worker's next run.`);
  return 0;
}

async function main(): Promise<number> {
  let command: FollowUpsCommand;
  try {
    command = parseFollowUpsArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (command.name === 'help') {
    console.log(USAGE);
    return 0;
  }
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  return runOnConfiguredDatabase((database) => runFollowUpsCli(command, database.db, io));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`followups failed: ${error.message}`);
      process.exit(1);
    },
  );
}
