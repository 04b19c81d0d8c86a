/**
 * A link worker who has gone quiet: the person has written since the worker last acted, an hour
 * ago or more. The handoff goes back in the queue, the person is told, and the audit log says the
 * system did it. On the real driver and embedded server.
 */
import { AuditLog } from '../../src/handoff/audit';
import { HandoffRepository } from '../../src/handoff';
import { releaseQuietClaims } from '../../src/handoff/quietClaims';
import type { Handoff } from '../../src/handoff/schema';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let clock = new Date('2026-03-02T12:00:00Z').getTime();
const now = () => new Date(clock);
const minutes = (n: number) => n * 60 * 1000;
let repo: HandoffRepository;
let audit: AuditLog;
let counter = 0;
const alice = { id: 'a'.repeat(24), email: 'alice@example.org' };

beforeAll(async () => {
  t = await startTestDatabase();
  repo = new HandoffRepository(t.db, now);
  audit = new AuditLog(t.db, now);
});
afterAll(async () => t.stop());

async function claimedHandoff(): Promise<Referral> {
  const personKey = `test:quiet-${++counter}`;
  const referrals = new ReferralRepository(t.db, now);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  const referral = (await referrals.find(personKey)) as Referral;
  const { handoff } = await repo.open({ referral, reason: 'askedForPerson' });
  await repo.claim(handoff._id, alice);
  return referral;
}

async function sweep(): Promise<Handoff[]> {
  const told: Handoff[] = [];
  await releaseQuietClaims({ handoffs: repo, audit, now: now(), onReleased: async (handoff) => void told.push(handoff) });
  return told;
}

test('a person left writing to a link worker who has been quiet for an hour is put back in the queue and told', async () => {
  const waiting = await claimedHandoff();
  clock += minutes(5);
  await repo.recordPersonMessage(waiting.personKey, 'Hello? Are you still there?');

  clock += minutes(30);
  expect(await sweep()).toEqual([]);
  expect((await repo.activeFor(waiting.personKey))?.status).toBe('claimed');

  clock += minutes(31);
  const told = await sweep();
  expect(told.map((h) => h.personKey)).toEqual([waiting.personKey]);
  expect(await repo.activeFor(waiting.personKey)).toMatchObject({ status: 'open', claimedBy: null });
  const entries = await audit.list({ action: 'release' });
  expect(entries.find((e) => e.handoffId === told[0]._id.toHexString())).toMatchObject({ actor: null, detail: { reason: 'linkWorkerQuiet' } });
  // Already back in the queue: nothing more to do.
  expect(await sweep()).toEqual([]);
});

test('a link worker who answered, or a person who has not written since, is left alone', async () => {
  const answered = await claimedHandoff();
  const quietPerson = await claimedHandoff();
  const claimed = (await repo.activeFor(answered.personKey))!;
  clock += minutes(5);
  await repo.recordPersonMessage(answered.personKey, 'Hi');
  clock += minutes(1);
  await repo.recordLinkWorkerMessage(claimed._id, alice, 'Hi, I am Alice.', true);

  clock += minutes(120);
  expect((await repo.activeFor(answered.personKey))!.transcript.map((line) => line.from)).toEqual(['person', 'linkWorker']);
  expect(await sweep()).toEqual([]);
  expect((await repo.activeFor(answered.personKey))?.status).toBe('claimed');
  expect((await repo.activeFor(quietPerson.personKey))?.status).toBe('claimed');
});
