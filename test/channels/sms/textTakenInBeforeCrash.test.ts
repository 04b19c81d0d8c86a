/**
 * A text Twilio got 200 for is answered even when the app is killed (SIGKILL) straight after: the
 * restarted app takes it up again from what it stored, crisis words included, and the person's
 * next text answers the question they were really asked.
 */
import { inboundTextParams, newMessageSid, postSignedWebhook, SmsCollections } from '../../../src/channels/sms';
import { translator } from '../../../src/i18n';
import { Collections } from '../../../src/store/collections';
import { startAppProcess, type AppProcess } from '../../helpers/appProcess';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'3'.repeat(32)}`;
const AUTH_TOKEN = 'c'.repeat(32);
const FRONT_DOOR_NUMBER = '+447700900001';
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';
const PERSON = '+447700900777';
const en = translator('en');

jest.setTimeout(120_000);

let database: TestDatabase;
let fake: FakeTwilio;
let app: AppProcess | undefined;

const start = () =>
  startAppProcess({
    MONGODB_URI: database.uri,
    MONGODB_DATABASE: database.db.databaseName,
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: FRONT_DOOR_NUMBER,
    TWILIO_API_BASE_URL: fake.url,
    LINKWORKER_HOURS: 'always',
  });

const webhook = (body: string, messageSid = newMessageSid()) =>
  postSignedWebhook({
    url: `${app!.url}/api/sms/twilio`,
    signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
    authToken: AUTH_TOKEN,
    params: inboundTextParams({ accountSid: ACCOUNT_SID, from: PERSON, to: FRONT_DOOR_NUMBER, body, messageSid }),
  });

const textsToPerson = () => fake.to(PERSON).map((m) => m.body);
/** Resolves once `count` texts in all have gone to the person, and nothing more came for a moment. */
async function repliesSettle(count: number): Promise<void> {
  await fake.waitForMessages(count, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

/** Texts `body`, waits for its answer and returns the texts it brought. */
async function text(body: string): Promise<string> {
  const before = textsToPerson().length;
  const sentBefore = fake.messages.length;
  expect((await webhook(body)).status).toBe(200);
  await repliesSettle(sentBefore + 1);
  return textsToPerson().slice(before).join('\n');
}

beforeEach(async () => {
  database = await startTestDatabase();
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await fake.stop();
  await database.stop();
});

/** The person starts a conversation and is asked what matters to them. */
async function reachWhatMatters(): Promise<void> {
  app = await start();
  await text('hello');
  await text('1');
  expect(await text('1')).toContain(en('whatMatters.whatMatters.ask').slice(0, 30));
}

/** Texts `body` and kills the app the moment Twilio has its 200, then starts it again. */
async function textThenCrash(body: string, messageSid: string): Promise<void> {
  const answered = await webhook(body, messageSid);
  app!.child.kill('SIGKILL');
  expect(answered.status).toBe(200);
  await app!.kill();
  app = await start();
}

it('a crisis text taken in just before a crash gets its crisis reply by text and an urgent handoff after restart', async () => {
  await reachWhatMatters();
  const before = textsToPerson().length;
  const messageSid = newMessageSid();
  await textThenCrash('I want to end my life', messageSid);

  await repliesSettle(fake.messages.length + 1);
  const afterRestart = textsToPerson().slice(before).join('\n');
  expect(afterRestart).toContain(en('crisis.message').split('\n')[0].slice(0, 40));
  expect(await database.db.collection(Collections.handoffs).countDocuments({ urgent: true })).toBe(1);

  // Twilio's retry of the same MessageSid is a duplicate: answered once, not twice.
  const sentSoFar = fake.messages.length;
  expect((await webhook('I want to end my life', messageSid)).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(fake.messages.length).toBe(sentSoFar);

  // The next text is not taken as their answer to "What matters to you?".
  expect(await text('hello?')).not.toContain(en('whatMatters.whatMattersMore.ask'));
  const referral = await database.db.collection(Collections.referrals).findOne({});
  expect(JSON.stringify(referral ?? {})).not.toContain('hello?');

  // Handled: the stored words are gone, only the MessageSid is kept (for Twilio's retries).
  const record = await database.db.collection(SmsCollections.inbound).findOne({ _id: messageSid as never });
  expect(record).not.toBeNull();
  expect(record).not.toHaveProperty('body');
  expect(record).not.toHaveProperty('numberKey');
});

it('an ordinary text taken in just before a crash is answered after restart, and the next text answers the next question', async () => {
  await reachWhatMatters();
  const before = textsToPerson().length;
  await textThenCrash('I want to meet people, I feel lonely', newMessageSid());

  // Taken as their answer to "What matters to you?": the next question is asked.
  await repliesSettle(fake.messages.length + 1);
  const interests = en('whatMatters.interests.askSms');
  expect(textsToPerson().slice(before).join('\n')).toContain(interests);
  // So their next text answers that question, and is not taken as what matters to them.
  const next = await text('4');
  expect(next).not.toContain(interests);
  expect(next).not.toContain(en('whatMatters.whatMattersMore.ask'));
  expect(await database.db.collection(SmsCollections.inbound).countDocuments({ unhandledSince: { $exists: true } })).toBe(0);
});
