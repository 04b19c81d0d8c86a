/**
 * A handoff stores each kind of safety worry once: a person who says crisis words again and again
 * (or whose request is sent twice) does not grow the stored handoff by a flag a message. The flag keeps
 * the first time and its words, how many times in all and when last; the repository, the summary and
 * the link-worker API all read the same. Handoffs stored before (a flag per message) read the same way.
 * Real driver, embedded database, field encryption on (flags are sealed, so they compare only when opened).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Document } from 'mongodb';
import { ObjectId } from 'mongodb';
import restify, { type Server } from 'restify';
import { HandoffRepository, type RiskFlag } from '../../src/handoff';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { Collections } from '../../src/store/collections';
import { FieldCipher, isSealed } from '../../src/store/fieldCipher';
import { enableFieldEncryption } from '../../src/store/fieldEncryption';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let clock = new Date('2026-03-02T12:00:00Z').getTime();
const now = () => new Date(clock);
const later = (seconds: number) => new Date((clock += seconds * 1000));
let handoffs: HandoffRepository;
let referrals: ReferralRepository;
let counter = 0;
let api: LinkWorkerApiDeps;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await startTestDatabase();
  await enableFieldEncryption(t.db, FieldCipher.withKeys(randomBytes(32)));
  handoffs = new HandoffRepository(t.db, now);
  referrals = new ReferralRepository(t.db, now);
  api = createLinkWorkerServices(t.db, { messenger: { send: async () => undefined }, log: () => undefined });
  server = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  registerLinkWorkerApi(server, api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/linkworker`;
});
afterAll(async () => {
  server.close();
  await t.stop();
});

async function person(): Promise<string> {
  const personKey = `test:flags-once-${++counter}`;
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  return personKey;
}

const find = async (personKey: string) => (await referrals.find(personKey)) as Referral;

/** What the bot does on a crisis turn: mark the referral urgent, then ask for a handoff with the words. */
async function crisisTurn(personKey: string, rule: string, message: string): Promise<RiskFlag> {
  later(30);
  await referrals.markUrgent(personKey, rule, 'webchat', 'en');
  const flag = { rule, message, at: later(0.01) };
  await handoffs.open({ referral: await find(personKey), reason: 'crisis', riskFlags: [flag] });
  return flag;
}

async function storedFlags(personKey: string): Promise<Document[]> {
  const doc = await t.db.collection(Collections.handoffs).findOne({ personKey });
  return doc!.riskFlags as Document[];
}

async function asLinkWorker(path: string) {
  await api.accounts.create('once@example.org', 'a long enough password').catch(() => undefined);
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'once@example.org', password: 'a long enough password' }),
  });
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read field by field below
  return (await (await fetch(`${base}/${path}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } })).json()) as any;
}

test('saying crisis words five times stores one flag: the first words and time, five times in all, and when last', async () => {
  const personKey = await person();
  const first = await crisisTurn(personKey, 'suicide.want_to_die', 'I want to die');
  await crisisTurn(personKey, 'suicide.want_to_die', 'I want to die');
  await crisisTurn(personKey, 'suicide.kill_self', 'I am going to kill myself');
  await crisisTurn(personKey, 'cy.suicide.want_to_die', 'Dw i eisiau marw');
  const last = await crisisTurn(personKey, 'suicide.want_to_die', 'I want to die');
  // Then "talk to a person": the referral's urgent mark is rebuilt, and is not one more time.
  later(30);
  await handoffs.open({ referral: await find(personKey), reason: 'askedForPerson' });

  const expected = { rule: 'suicide.want_to_die', message: 'I want to die', at: first.at, timesRaised: 5, lastAt: last.at };
  const stored = await storedFlags(personKey);
  expect(stored).toHaveLength(1);
  expect(isSealed(stored[0].message)).toBe(true);
  const handoff = (await handoffs.activeFor(personKey))!;
  expect(handoff.riskFlags).toEqual([expected]);
  expect(handoff.summary.riskFlags).toEqual([expected]);
  expect(handoff.reasons.map((r) => r.reason)).toEqual(['crisis', 'crisis', 'crisis', 'crisis', 'crisis', 'askedForPerson']);

  const detail = (await asLinkWorker(`handoffs/${handoff._id.toHexString()}`)).handoff;
  const shown = { ...expected, at: first.at.toISOString(), lastAt: last.at.toISOString() };
  expect(detail.riskFlags).toEqual([shown]);
  expect(detail.summary.riskFlags).toEqual([shown]);
  const row = (await asLinkWorker('handoffs')).handoffs.find((h: { id: string }) => h.id === handoff._id.toHexString());
  expect(row.riskFlagCount).toBe(1);
});

test('a different kind of worry gets a flag of its own; a request sent twice is counted once', async () => {
  const personKey = await person();
  const suicide = await crisisTurn(personKey, 'suicide.want_to_die', 'I want to die');
  const danger = await crisisTurn(personKey, 'danger.being_hurt', 'He hits me');
  // The same crisis request again (a retry): same rule, words and time.
  await handoffs.open({ referral: await find(personKey), reason: 'crisis', riskFlags: [danger] });

  const handoff = (await handoffs.activeFor(personKey))!;
  expect(handoff.riskFlags).toEqual([suicide, danger]);
  expect(await storedFlags(personKey)).toHaveLength(2);
});

test('a handoff stored with a flag per message reads as one flag per kind, and is tidied on its next request', async () => {
  const personKey = await person();
  const at = (minutes: number) => new Date(Date.parse('2026-03-01T09:00:00Z') + minutes * 60_000);
  const oldFlags: RiskFlag[] = [
    { rule: 'suicide.want_to_die', message: null, at: at(0) }, // the referral's urgent mark, rebuilt without words
    { rule: 'suicide.want_to_die', message: 'I want to die', at: at(0.1) },
    { rule: 'suicide.want_to_die', message: 'I want to die', at: at(0.2) }, // the same crisis, rebuilt with its words
    { rule: 'self_harm.hurt_self', message: 'I cut myself', at: at(5) },
    { rule: 'suicide.kill_self', message: 'I will kill myself tonight', at: at(10) },
  ];
  const { _id } = await insertOldHandoff(personKey, oldFlags);

  const expected = [
    { rule: 'suicide.want_to_die', message: 'I want to die', at: at(0.1), timesRaised: 2, lastAt: at(10) },
    { rule: 'self_harm.hurt_self', message: 'I cut myself', at: at(5) },
  ];
  const read = (await handoffs.get(_id))!;
  expect(read.riskFlags).toEqual(expected);
  expect(read.summary.riskFlags).toEqual(expected);
  const detail = (await asLinkWorker(`handoffs/${_id.toHexString()}`)).handoff;
  expect(detail.riskFlags.map((flag: RiskFlag) => flag.message)).toEqual(['I want to die', 'I cut myself']);

  // The person asks for a person: the stored flags are written back one per kind.
  await handoffs.open({ referral: await find(personKey), reason: 'askedForPerson' });
  expect(await storedFlags(personKey)).toHaveLength(2);
  expect((await handoffs.get(_id))!.riskFlags).toEqual(expected);
});

/** A handoff as the repository wrote it before flags were kept one per kind (plain, before a key was set). */
async function insertOldHandoff(personKey: string, riskFlags: RiskFlag[]) {
  const referral = await find(personKey);
  const doc = {
    _id: new ObjectId(),
    openFor: personKey,
    schemaVersion: 1,
    personKey,
    status: 'open',
    urgent: true,
    reasons: riskFlags.map((flag) => ({ reason: 'crisis', at: flag.at })),
    summary: {
      whatMatters: null,
      whatMattersMore: null,
      categories: { chosen: [], ownWords: null },
      barriers: [],
      availability: { days: null, times: [] },
      location: null,
      contact: { method: null, number: null },
      language: referral.lang,
      channel: 'webchat',
      wellbeingBaseline: { lifeSatisfaction: null, worthwhile: null, happiness: null, anxiety: null },
      chosenActivities: [],
      riskFlags: riskFlags.slice(-1),
      humanRequestedAt: null,
    },
    riskFlags,
    transcript: [],
    claimedBy: null,
    claimedAt: null,
    outcome: null,
    note: null,
    followUpAt: null,
    closedBy: null,
    closedAt: null,
    conversationReference: null,
    createdAt: riskFlags[0].at,
    updatedAt: riskFlags.at(-1)!.at,
  };
  await t.db.collection(Collections.handoffs).insertOne(doc);
  return doc;
}

test('crisis messages stored at the same moment are each counted, on one flag', async () => {
  const personKey = await person();
  await referrals.markUrgent(personKey, 'suicide.want_to_die', 'webchat', 'en');
  const base = later(30).getTime();
  const flags = [3, 1, 4, 0, 2].map((i) => ({ rule: 'suicide.want_to_die', message: `message ${i}`, at: new Date(base + i * 1000) }));
  const referral = await find(personKey);
  await Promise.all(flags.map((flag) => handoffs.open({ referral, reason: 'crisis', riskFlags: [flag] })));

  expect(await storedFlags(personKey)).toHaveLength(1);
  expect((await handoffs.activeFor(personKey))!.riskFlags).toEqual([
    { rule: 'suicide.want_to_die', message: 'message 0', at: new Date(base), timesRaised: 5, lastAt: new Date(base + 4000) },
  ]);
});
