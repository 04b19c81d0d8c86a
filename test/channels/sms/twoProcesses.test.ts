/**
 * More than one SMS process on one database (two started together, or a restart while another
 * instance runs): each text left from before is answered once, by whichever process claims it,
 * and a claim whose process died runs out so the text is still answered.
 */
import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import { createSmsChannel, newMessageSid, SmsCollections, SmsStore, TEXT_CLAIM_LEASE_MS, type SmsChannel, type SmsConfig } from '../../../src/channels/sms';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'6'.repeat(32)}`;
const AUTH_TOKEN = 'f'.repeat(32);
const PEOPLE = ['+447700900601', '+447700900602'];

let database: TestDatabase;
let fake: FakeTwilio;
const running: { channel: SmsChannel; server: Server }[] = [];
/** What the bots saw, in order, as "<person> <text>". */
let seen: string[] = [];

beforeEach(async () => {
  database = await startTestDatabase();
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  seen = [];
});
afterEach(async () => {
  for (const { channel, server } of running.splice(0)) {
    await channel.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await fake.stop();
  await database.stop();
});

/** One SMS process on the shared database, whose bot answers "got <text>" (slowly enough for the two to overlap). */
async function process(): Promise<SmsChannel> {
  const config: SmsConfig = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+447700900000', publicBaseUrl: 'https://frontdoor.example.org', apiBaseUrl: fake.url };
  const bot = {
    run: async (context: TurnContext) => {
      seen.push(`${context.activity.from.id} ${context.activity.text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await context.sendActivity(`got ${context.activity.text}`);
    },
  };
  return createSmsChannel({ db: database.db, config, bot, serviceName: 'Front Door', log: () => undefined, retry: { maxAttempts: 2, firstDelayMs: 5, maxDelayMs: 10 } });
}

/** Registers the routes (which takes up texts left from before) and listens. */
async function listen(channel: SmsChannel): Promise<void> {
  const server = restify.createServer({ name: 'sms-two-processes-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  channel.register(server);
  running.push({ channel, server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

/** Texts taken in (200 sent) by a run that died before their turns: `count` from each person, oldest first. */
async function leftOver(store: SmsStore, count: number): Promise<void> {
  let at = Date.now() - 60_000;
  for (let i = 1; i <= count; i++) {
    for (const person of PEOPLE) {
      const { numberKey, conversationId } = await store.remember(person);
      await store.takeIn(newMessageSid(), { numberKey, conversationId, text: `text ${i}` }, new Date(at++));
    }
  }
}

const inbound = () => database.db.collection(SmsCollections.inbound);

/** Waits until no text is left unhandled (the start-up replays have run). */
async function allHandled(): Promise<void> {
  for (let waited = 0; (await inbound().countDocuments({ unhandledSince: { $exists: true } })) > 0 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('two processes started together over one database answer each left-over text once, in order', async () => {
  const [first, second] = await Promise.all([process(), process()]);
  await leftOver(first.store, 3);

  await Promise.all([listen(first), listen(second)]);
  await allHandled();
  await Promise.all([first.idle(), second.idle()]);

  for (const person of PEOPLE) {
    expect(fake.to(person).map((m) => m.body)).toEqual(['got text 1', 'got text 2', 'got text 3']);
    const key = first.numberKey(person);
    expect(seen.filter((line) => line.startsWith(key))).toEqual([`${key} text 1`, `${key} text 2`, `${key} text 3`]);
  }
  expect(await inbound().countDocuments({ unhandledSince: { $exists: true } })).toBe(0);
});

it('a process started while another is answering a text leaves that text alone; once a dead claimer\'s claim runs out it is answered', async () => {
  const first = await process();
  await leftOver(first.store, 1);
  const [mine, dead] = await inbound().find({}).sort({ receivedAt: 1 }).toArray();
  // Another instance is in the middle of the first person's text; the second person's was claimed by one that died.
  await inbound().updateOne({ _id: mine._id }, { $set: { claimedBy: 'a live instance', claimedUntil: new Date(Date.now() + TEXT_CLAIM_LEASE_MS) } });
  await inbound().updateOne({ _id: dead._id }, { $set: { claimedBy: 'an instance that died', claimedUntil: new Date(Date.now() - 1) } });

  await listen(first);
  await first.idle();

  expect(fake.to(PEOPLE[0])).toHaveLength(0);
  expect(fake.to(PEOPLE[1]).map((m) => m.body)).toEqual(['got text 1']);
  expect(await inbound().findOne({ _id: mine._id })).toHaveProperty('body');
});

describe('SmsStore.claim', () => {
  it('gives a text to one of several racing claimants, renews it for that one, and to another once it runs out', async () => {
    const store = new SmsStore(database.db, randomBytes(32), randomBytes(32));
    const sid = newMessageSid();
    await store.takeIn(sid, { numberKey: 'k', conversationId: 'sms-k', text: 'hello' });

    const claims = await Promise.all(['a', 'b', 'c', 'd'].map(async (who) => ({ who, text: await store.claim(sid, who) })));
    const winners = claims.filter((claim) => claim.text !== undefined);
    expect(winners).toHaveLength(1);
    const { who } = winners[0];
    expect(winners[0].text).toMatchObject({ text: 'hello', repliesSent: 0 });
    expect(await store.claim(sid, who)).toBeDefined();
    expect(await store.claim(sid, 'someone else')).toBeUndefined();

    expect(await store.claim(sid, 'someone else', { now: new Date(Date.now() + TEXT_CLAIM_LEASE_MS + 1) })).toBeDefined();
    await store.markHandled(sid);
    expect(await store.claim(sid, 'someone else')).toBeUndefined();
  });
});
