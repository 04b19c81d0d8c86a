/**
 * Texts taken in (Twilio answered 200) whose turn never ran, because the app died: kept with their
 * words sealed until handled, taken up again when the channel starts, in order and before newer
 * texts of the same number, and dropped when too old.
 */
import type { TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import {
  createSmsChannel,
  inboundTextParams,
  MAX_REPLAYS,
  newMessageSid,
  postSignedWebhook,
  SmsCollections,
  UNHANDLED_TEXT_HOURS,
  type SmsChannel,
  type SmsConfig,
} from '../../../src/channels/sms';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'4'.repeat(32)}`;
const AUTH_TOKEN = 'd'.repeat(32);
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';
const PERSON = '+447700900321';

let database: TestDatabase;
let fake: FakeTwilio;
const running: { channel: SmsChannel; server: Server }[] = [];
let log: string[] = [];
/** What the bot saw, in order. */
let seen: string[] = [];

beforeEach(async () => {
  database = await startTestDatabase();
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  log = [];
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

/** A channel on the test database whose bot records each text and answers "got <text>". */
async function channelOn(unhandledSweepMs?: number): Promise<SmsChannel> {
  const config: SmsConfig = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+447700900000', publicBaseUrl: PUBLIC_BASE_URL, apiBaseUrl: fake.url };
  const bot = {
    run: async (context: TurnContext) => {
      seen.push(context.activity.text);
      await context.sendActivity(`got ${context.activity.text}`);
    },
  };
  return createSmsChannel({ db: database.db, config, bot, serviceName: 'Front Door', log: (line) => log.push(line), retry: { maxAttempts: 2, firstDelayMs: 5, maxDelayMs: 10 }, unhandledSweepMs });
}

/** Registers the channel's routes (which takes up left-over texts) and listens; returns the base URL. */
async function listen(channel: SmsChannel): Promise<string> {
  const server = restify.createServer({ name: 'sms-unhandled-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  channel.register(server);
  running.push({ channel, server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${server.address().port}`;
}

const webhook = (baseUrl: string, body: string, messageSid = newMessageSid()) =>
  postSignedWebhook({
    url: `${baseUrl}/api/sms/twilio`,
    signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
    authToken: AUTH_TOKEN,
    params: inboundTextParams({ accountSid: ACCOUNT_SID, from: PERSON, to: '+447700900000', body, messageSid }),
  });

/** As an earlier run that died would have left it: taken in (200 sent), turn never run. */
async function leftOver(channel: SmsChannel, body: string, receivedAt = new Date()): Promise<string> {
  const messageSid = newMessageSid();
  const { numberKey, conversationId } = await channel.store.remember(PERSON);
  expect(await channel.store.takeIn(messageSid, { numberKey, conversationId, text: body }, receivedAt)).toBe(true);
  return messageSid;
}

const inbound = () => database.db.collection<{ _id: string; [field: string]: unknown }>(SmsCollections.inbound);

it('answers texts left from before a restart, oldest first and before a newer text of that number', async () => {
  const channel = await channelOn();
  const first = await leftOver(channel, 'first', new Date(Date.now() - 2_000));
  await leftOver(channel, 'second', new Date(Date.now() - 1_000));
  // Their words are kept sealed meanwhile, never in the clear.
  expect(JSON.stringify(await inbound().findOne({ _id: first }))).not.toContain('first');

  const baseUrl = await listen(channel);
  expect((await webhook(baseUrl, 'third')).status).toBe(200);
  await channel.idle();

  expect(seen).toEqual(['first', 'second', 'third']);
  expect(fake.to(PERSON).map((m) => m.body)).toEqual(['got first', 'got second', 'got third']);
  // Handled: only the MessageSids stay (for Twilio's retries), not whose they were nor what they said.
  for (const doc of await inbound().find({}).toArray()) expect(Object.keys(doc).sort()).toEqual(['_id', 'receivedAt']);
});

it('a retry of a text stored but never queued is answered once, however often it comes', async () => {
  const channel = await channelOn();
  const baseUrl = await listen(channel);
  await channel.idle();
  // E.g. the database took the text but its answer never reached the app, so Twilio tries again.
  const messageSid = await leftOver(channel, 'are you there?');
  expect((await webhook(baseUrl, 'are you there?', messageSid)).status).toBe(200);
  expect((await webhook(baseUrl, 'are you there?', messageSid)).status).toBe(200);
  await channel.idle();
  expect((await webhook(baseUrl, 'are you there?', messageSid)).status).toBe(200);
  await channel.idle();

  expect(seen).toEqual(['are you there?']);
  expect(fake.to(PERSON)).toHaveLength(1);
});

it(`drops a text never answered after ${UNHANDLED_TEXT_HOURS} h, or after ${MAX_REPLAYS} start-ups took it up, with a log line naming no one`, async () => {
  const channel = await channelOn();
  const tooOld = await leftOver(channel, 'from yesterday', new Date(Date.now() - (UNHANDLED_TEXT_HOURS + 1) * 3_600_000));
  const crashing = await leftOver(channel, 'the text that kills the app');
  await inbound().updateOne({ _id: crashing }, { $set: { replays: MAX_REPLAYS } });

  await listen(channel);
  await channel.idle();

  expect(seen).toEqual([]);
  expect(fake.messages).toHaveLength(0);
  for (const sid of [tooOld, crashing]) expect(Object.keys((await inbound().findOne({ _id: sid }))!).sort()).toEqual(['_id', 'receivedAt']);
  const lines = log.filter((line) => line.includes('dropped'));
  expect(lines).toHaveLength(2);
  const numberKey = channel.numberKey(PERSON);
  for (const line of lines) {
    expect(line).not.toContain(PERSON);
    expect(line).not.toContain(numberKey.slice(0, 6));
  }
});

it('while running, a sweep answers a text stored minutes ago and never queued, and leaves a just-stored one to its webhook', async () => {
  const channel = await channelOn(50);
  await listen(channel);
  await channel.idle();
  const stranded = await leftOver(channel, 'stranded', new Date(Date.now() - 3 * 60_000));
  const justStored = await leftOver(channel, 'just stored');

  await new Promise((resolve) => setTimeout(resolve, 300));
  await channel.idle();
  expect(seen).toEqual(['stranded']);
  expect(Object.keys((await inbound().findOne({ _id: stranded }))!).sort()).toEqual(['_id', 'receivedAt']);
  expect(await inbound().findOne({ _id: justStored })).toHaveProperty('body');
});
