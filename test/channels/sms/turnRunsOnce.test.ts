/**
 * A text's turn runs once, even when the app dies after the turn ran and before the text was marked
 * handled: the restarted app sends only what had not gone yet, and the person's next text answers
 * the question they were really asked. The whole app, in-process, with a fault at that exact step.
 */
import { startFrontDoor, type FrontDoor } from '../../../src/app';
import { inboundTextParams, newMessageSid, postSignedWebhook, SmsAdapter, SmsCollections, SmsStore } from '../../../src/channels/sms';
import { loadConfig } from '../../../src/config';
import { translator } from '../../../src/i18n';
import { Collections } from '../../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'5'.repeat(32)}`;
const AUTH_TOKEN = 'e'.repeat(32);
const FRONT_DOOR_NUMBER = '+447700900001';
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';
const PERSON = '+447700900555';
const en = translator('en');

jest.setTimeout(60_000);

let database: TestDatabase;
let fake: FakeTwilio;
let app: FrontDoor | undefined;

const start = async () =>
  startFrontDoor(
    loadConfig({
      PORT: '0',
      MONGODB_URI: database.uri,
      MONGODB_DATABASE: database.db.databaseName,
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: FRONT_DOOR_NUMBER,
      TWILIO_API_BASE_URL: fake.url,
      LINKWORKER_HOURS: 'always',
    }),
    () => undefined,
  );

const unhandled = () => database.db.collection(SmsCollections.inbound).countDocuments({ unhandledSince: { $exists: true } });

/**
 * The app stops and starts again on the same database, as after a crash: the claim the dead
 * process held on its text has run out by then (claims last TEXT_CLAIM_LEASE_MS unless renewed).
 */
async function restart(): Promise<void> {
  await app!.stop();
  await database.db.collection(SmsCollections.inbound).updateMany({ claimedUntil: { $exists: true } }, { $set: { claimedUntil: new Date(Date.now() - 1) } });
  app = await start();
  // The restarted app takes the text up at start-up: wait until it is handled.
  for (let waited = 0; (await unhandled()) > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  await app.sms!.idle();
}

const textsToPerson = () => fake.to(PERSON).map((m) => m.body);

/** Texts `body` and returns what came back once its turn is over. */
async function text(body: string): Promise<string> {
  const before = textsToPerson().length;
  const answered = await postSignedWebhook({
    url: `${app!.url}/api/sms/twilio`,
    signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
    authToken: AUTH_TOKEN,
    params: inboundTextParams({ accountSid: ACCOUNT_SID, from: PERSON, to: FRONT_DOOR_NUMBER, body, messageSid: newMessageSid() }),
  });
  expect(answered.status).toBe(200);
  await app!.sms!.idle();
  return textsToPerson().slice(before).join('\n');
}

/** As if the process died just before marking the next text handled: that write never happens. */
function dieBeforeMarkingHandled(): void {
  jest.spyOn(SmsStore.prototype, 'markHandled').mockRejectedValueOnce(new Error('the process died here'));
}


beforeEach(async () => {
  database = await startTestDatabase();
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  app = await start();
  await text('hello');
  await text('1');
  expect(await text('1')).toContain(en('whatMatters.whatMatters.ask').slice(0, 30));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await app?.stop();
  app = undefined;
  await fake.stop();
  await database.stop();
});

it('an answer whose reply went out is not answered again after a restart, and the next text answers the next question', async () => {
  const interests = en('whatMatters.interests.askSms');
  dieBeforeMarkingHandled();
  expect(await text('I want to meet people, I feel lonely')).toContain(interests);
  expect(await unhandled()).toBe(1);
  const sentBeforeRestart = textsToPerson().length;

  await restart();

  // One answer to one text: nothing more came after the restart.
  expect(textsToPerson()).toHaveLength(sentBeforeRestart);
  expect(await unhandled()).toBe(0);
  // Their next text answers "what are you interested in?", not the question after it.
  const next = await text('4');
  expect(next).not.toContain(interests);
  expect(next).not.toContain(en('whatMatters.whatMattersMore.ask'));
  const referral = JSON.stringify(await database.db.collection(Collections.referrals).findOne({}));
  expect(referral.split('I want to meet people, I feel lonely').length - 1).toBe(1);
});

it('a crisis text whose turn ran but whose reply had not gone gets the crisis reply after a restart, once, with one urgent handoff', async () => {
  // The turn runs (handoff flagged, state saved); the process dies before the first reply goes.
  jest.spyOn(SmsAdapter.prototype, 'sendReplies').mockRejectedValueOnce(new Error('the process died here'));
  dieBeforeMarkingHandled();
  expect(await text('I want to end my life')).toBe('');
  expect(await database.db.collection(Collections.handoffs).countDocuments({ urgent: true })).toBe(1);

  await restart();

  const afterRestart = textsToPerson().join('\n');
  const crisisFirstLine = en('crisis.message').split('\n')[0].slice(0, 40);
  expect(afterRestart.split(crisisFirstLine).length - 1).toBe(1);
  expect(await database.db.collection(Collections.handoffs).countDocuments({ urgent: true })).toBe(1);
  expect(await unhandled()).toBe(0);
});
