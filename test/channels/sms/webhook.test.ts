/**
 * The SMS channel end to end: signed Twilio webhooks into a restify server carrying the real
 * FrontDoorBot (wired as src/app.ts wires it, on a test database), replies sent by the real
 * `twilio` client to a fake Twilio on loopback that checks Basic auth and records them.
 */
import { ConversationState, type TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import { FrontDoorBot } from '../../../bots';
import { createSmsChannel, inboundTextParams, newMessageSid, postSignedWebhook, SmsCollections, countSegments, plainText, SMS_CHANNEL_ID, isSmsReference, numberKeyFor, type SmsChannel, type SmsConfig } from '../../../src/channels/sms';
import { loadSampleDirectoryIfEmpty } from '../../../src/directory/sample';
import { ServiceDirectory } from '../../../src/directory/directory';
import { translator } from '../../../src/i18n';
import { derivePersonKey } from '../../../src/identity/personKey';
import { OfflineRecognizer } from '../../../src/nlu';
import { ReferralRepository } from '../../../src/referrals';
import { Collections } from '../../../src/store/collections';
import { getOrCreateSecret, MongoBotStorage } from '../../../src/store';
import { JOURNEY, JOURNEY_REFERRAL } from '../../fixtures/journey';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'a'.repeat(32);
const FRONT_DOOR_NUMBER = '+447700900000';
/** Twilio signs with the address it calls, not the loopback one the test server really has. */
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';
const SERVICE_NAME = 'Front Door';
const en = translator('en');

let database: TestDatabase;
let fake: FakeTwilio;
let channel: SmsChannel;
let server: Server;
let baseUrl: string;
const log: string[] = [];
let numbers = 0;

/**
 * The shared journey as it goes by SMS: "text message" does not ask for a mobile number (we
 * reply to the number they text from), so the next question is their name.
 */
const SMS_JOURNEY = JOURNEY.flatMap((step) => {
  if (step.say === '07700 900123') return [];
  if (step.say === 'text message') return [{ say: step.say, then: /What would you like us to call you/ }];
  return [step];
});

/** A fresh sender number per test, so tests never see each other's texts. */
const newNumber = () => `+4477009${String(10_000 + ++numbers * 37).slice(-5)}`;

beforeAll(async () => {
  database = await startTestDatabase();
  const db = database.db;
  await loadSampleDirectoryIfEmpty(db, () => undefined);
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  const config: SmsConfig = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FRONT_DOOR_NUMBER, publicBaseUrl: PUBLIC_BASE_URL, apiBaseUrl: fake.url };

  // As src/app.ts builds the bot.
  const personKeySecret = await getOrCreateSecret(db, 'personKey');
  const bot = new FrontDoorBot({
    conversationState: new ConversationState(new MongoBotStorage(db)),
    referrals: new ReferralRepository(db),
    config: { serviceName: SERVICE_NAME, nextStepsDays: 3, privacyUrl: `${PUBLIC_BASE_URL}/privacy`, closedDays: 30 },
    directory: new ServiceDirectory(db),
    recognizer: new OfflineRecognizer(),
    personKeyOf: (context: TurnContext) => derivePersonKey(personKeySecret, context.activity.channelId, context.activity.from?.id ?? 'unknown'),
    log: (line) => log.push(line),
    // As src/app.ts should wire it: "delete my data" on SMS also forgets the number.
    eraseConversationRecords: async (channelId, conversationId) => {
      if (channelId === SMS_CHANNEL_ID) await channel.eraseConversation(conversationId);
    },
  });
  channel = await createSmsChannel({
    db,
    config,
    bot,
    serviceName: SERVICE_NAME,
    log: (line) => log.push(line),
    retry: { maxAttempts: 4, firstDelayMs: 5, maxDelayMs: 20 },
    resendDelaysMs: [20, 40],
    onTurnError: async (context, error) => {
      log.push(`turn failed: ${error.message}`);
      await context.sendActivity(en('common.somethingWrong'));
    },
  });

  // The same body parsing as src/server.ts.
  server = restify.createServer({ name: 'sms-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  channel.register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

afterAll(async () => {
  await channel?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await fake?.stop();
  await database?.stop();
});

/** Posts an inbound text as Twilio would; waits until it has been answered; returns the texts sent back. */
async function text(from: string, body: string, options: { messageSid?: string } = {}): Promise<{ status: number; body: string; replies: string[] }> {
  const before = fake.to(from).length;
  const params = inboundTextParams({ accountSid: ACCOUNT_SID, from, to: FRONT_DOOR_NUMBER, body, messageSid: options.messageSid });
  const response = await postSignedWebhook({ url: `${baseUrl}/api/sms/twilio`, signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`, authToken: AUTH_TOKEN, params });
  await channel.idle();
  return { status: response.status, body: response.body, replies: fake.to(from).slice(before).map((m) => m.body) };
}

describe('POST /api/sms/twilio', () => {
  it('refuses a missing or forged signature with 403 and takes nothing in', async () => {
    const from = newNumber();
    const params = inboundTextParams({ accountSid: ACCOUNT_SID, from, to: FRONT_DOOR_NUMBER, body: 'Hi' });
    const url = `${baseUrl}/api/sms/twilio`;
    const signedUrl = `${PUBLIC_BASE_URL}/api/sms/twilio`;
    const missing = await postSignedWebhook({ url, signedUrl, authToken: AUTH_TOKEN, params, signature: null });
    const forged = await postSignedWebhook({ url, signedUrl, authToken: 'b'.repeat(32), params });
    // Signed for another address (e.g. the loopback one): not what Twilio would sign.
    const wrongUrl = await postSignedWebhook({ url, signedUrl: url, authToken: AUTH_TOKEN, params });
    // A correct signature over other fields: the body was changed on the way.
    const tampered = await postSignedWebhook({ url, signedUrl, authToken: AUTH_TOKEN, params: { ...params, Body: 'Hello' }, signature: (await import('twilio')).default.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, params) });
    expect([missing.status, forged.status, wrongUrl.status, tampered.status]).toEqual([403, 403, 403, 403]);
    await channel.idle();
    expect(fake.to(from)).toEqual([]);
    expect(await database.db.collection(SmsCollections.inbound).countDocuments({ _id: params.MessageSid as never })).toBe(0);
  });

  it('answers at once with empty TwiML and sends the reply through the REST API', async () => {
    const from = newNumber();
    const result = await text(from, 'Hi');
    expect(result.status).toBe(200);
    expect(result.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(result.replies.join('\n')).toContain('Which language');
    const sent = fake.to(from);
    expect(sent.every((m) => m.from === FRONT_DOOR_NUMBER && m.statusCallback === `${PUBLIC_BASE_URL}/api/sms/twilio/status`)).toBe(true);
    expect(fake.unauthorised).toBe(0);
  });

  it('processes a MessageSid once when Twilio sends it again', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    await text(from, 'English');
    const messageSid = newMessageSid();
    const first = await text(from, 'Yes', { messageSid });
    const again = await text(from, 'Yes', { messageSid });
    const third = await text(from, 'Yes', { messageSid });
    expect(first.replies.join('\n')).toContain(en('whatMatters.whatMatters.ask'));
    expect([again.status, third.status]).toEqual([200, 200]);
    expect([again.replies, third.replies]).toEqual([[], []]);
    // Had the retry been taken as a second "Yes", the bot would have answered it.
    const next = await text(from, 'I would like to meet people');
    expect(next.replies.join('\n')).toContain(en('whatMatters.interests.askSms'));
  });

  it('runs a whole conversation by SMS to the stored referral, every reply received by Twilio', async () => {
    const from = newNumber();
    const replies: string[] = [];
    const opening = [
      { say: 'Hi', then: /Which language/ },
      { say: 'English', then: /keep your answers/i },
      { say: 'yes', then: /What matters to you/i },
    ];
    for (const step of [...opening, ...SMS_JOURNEY]) {
      const result = await text(from, step.say);
      expect({ say: step.say, status: result.status }).toEqual({ say: step.say, status: 200 });
      const joined = result.replies.join('\n');
      if (!step.then.test(joined)) throw new Error(`After "${step.say}", no reply matched ${step.then}. Replies: ${joined}`);
      replies.push(...result.replies);
    }
    const personKey = derivePersonKey(await getOrCreateSecret(database.db, 'personKey'), 'sms', channel.numberKey(from));
    const referral = await database.db.collection(Collections.referrals).findOne({ personKey });
    // "Text message" by SMS means this number: not asked for, not copied onto the referral.
    expect(referral).toMatchObject({ ...JOURNEY_REFERRAL, answers: { ...JOURNEY_REFERRAL.answers, contactNumber: null }, channel: 'sms' });

    // Choices came as numbers in the text, nothing a phone cannot show, each text within 2 GSM-7 parts.
    expect(replies.join('\n')).toMatch(/^1\. /m);
    expect(replies.filter((reply) => countSegments(reply).encoding !== 'GSM-7')).toEqual([]);
    // Only the privacy notice (the lawful notice) is longer than 2 parts: one concatenated text of 3
    // parts, which the phone shows whole. The nine interests, the read-back and the suggestions fit.
    const long = replies.filter((reply) => countSegments(reply).segments > 2);
    expect(long.map((reply) => reply.startsWith(en('consent.notice').split('\n')[0]))).toEqual([true]);
    expect(long.map((reply) => countSegments(reply).segments)).toEqual([3]);
    // Phone and online suggestions are not "near you": the SMS form of the plain introduction.
    for (const key of ['whatMatters.interests.askSms', 'summary.heading', 'suggestions.introNotNearSms']) {
      expect({ key, sent: replies.some((reply) => reply.startsWith(en(key))) }).toEqual({ key, sent: true });
    }
    // No health detail by text: not their own words, not their scores, not "you said you feel lonely".
    const all = replies.join('\n');
    expect(all).not.toContain('retired');
    expect(all).not.toMatch(/lonely|satisfied 6|worthwhile 7|anxious 3/i);
    expect(all).not.toContain('mobile number');
    expect(all).toContain(en('summary.notTexted'));
    expect(all).toContain(en('summary.contactValues.smsThisNumber'));
    // STOP is the channel's opt-out word: the way out offers PAUSE, and says what STOP does.
    expect(all).toContain(en('common.wayOutSms'));
    expect(all).not.toContain(en('common.wayOut'));
    // Every text sent is on record by its MessageSid, with no text kept.
    const records = await database.db.collection(SmsCollections.outbound).find({ numberKey: channel.numberKey(from) }).toArray();
    expect(records.map((r) => r._id).sort()).toEqual(fake.to(from).map((m) => m.sid).sort());
    expect(records.every((r) => !('body' in r) && !('text' in r))).toBe(true);
  });

  it('runs the conversation in Welsh by SMS, each text within the Welsh budget', async () => {
    const from = newNumber();
    const cy = translator('cy');
    const steps: [string, string][] = [
      ['Helo', 'welcome.language.ask'],
      ['Cymraeg', 'consent.ask'],
      ['ydy', 'whatMatters.whatMatters.ask'],
      ["Dw i eisiau cwrdd â phobl a mynd allan o'r tŷ yn fwy aml", 'whatMatters.interests.askSms'],
      ['2', 'whatMatters.interests.more'],
      ["dyna'r cyfan", 'whatMatters.barriers.ask'],
    ];
    const replies: string[] = [];
    for (const [say, key] of steps) {
      const result = await text(from, say);
      const expected = (key === 'welcome.language.ask' ? en(key) : cy(key)).split('\n')[0];
      expect({ say, shows: result.replies.join('\n').includes(expected) }).toEqual({ say, shows: true });
      replies.push(...result.replies);
    }
    // Welsh letters force UCS-2: 6 parts (402 characters); without them GSM-7, at most 3 parts.
    const over = replies.filter((reply) => {
      const count = countSegments(reply);
      return count.encoding === 'UCS-2' ? count.segments > 6 : count.segments > 3;
    });
    // As in English, only the privacy notice is over; the nine interests fit in their SMS form.
    expect(over.map((reply) => reply.startsWith(cy('consent.notice').slice(0, 30)))).toEqual([true]);
    const interests = replies.find((reply) => reply.startsWith(cy('whatMatters.interests.askSms')));
    expect(interests && countSegments(interests).segments).toBeLessThanOrEqual(6);
  });

  it('after STOP sends nothing more until START, and both are confirmed', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    const sentBefore = fake.to(from).length;
    const stop = await text(from, 'STOP');
    expect(stop.replies).toEqual([en('sms.optedOut', { serviceName: SERVICE_NAME })]);
    expect(await channel.isOptedOut(channel.numberKey(from))).toBe(true);
    expect((await text(from, 'English')).replies).toEqual([]);
    expect((await text(from, 'stop')).replies).toEqual([]);
    expect(await channel.sendTo({ number: from }, 'A follow-up')).toEqual({ sent: false, reason: 'optedOut' });
    expect(fake.to(from)).toHaveLength(sentBefore + 1);

    const start = await text(from, 'START');
    expect(start.replies).toEqual([en('sms.optedIn', { serviceName: SERVICE_NAME })]);
    expect(await channel.isOptedOut(channel.numberKey(from))).toBe(false);
    const after = await text(from, 'English');
    expect(after.replies.join('\n')).toContain(en('consent.ask').split('\n')[0]);
  });

  it.each(['STOPALL', 'Unsubscribe', 'cancel', 'END.', 'quit', 'STOPIO', 'Canslo', 'diwedd'])('%s opts out', async (word) => {
    const from = newNumber();
    const result = await text(from, word);
    expect(result.replies).toHaveLength(1);
    expect(await channel.isOptedOut(channel.numberKey(from))).toBe(true);
  });

  it('answers a Welsh opt-out in Welsh and DECHRAU opts back in', async () => {
    const from = newNumber();
    const cy = translator('cy');
    expect((await text(from, 'STOPIO')).replies).toEqual([cy('sms.optedOut', { serviceName: SERVICE_NAME })]);
    expect((await text(from, 'dechrau')).replies).toEqual([cy('sms.optedIn', { serviceName: SERVICE_NAME })]);
  });

  it('HELP says what this number is and how to get help, without starting the conversation', async () => {
    const from = newNumber();
    const help = await text(from, 'HELP');
    expect(help.replies).toEqual([en('sms.help', { serviceName: SERVICE_NAME })]);
    expect(help.replies[0]).toMatch(/STOP/);
    expect((await text(from, 'Cymorth')).replies).toEqual([translator('cy')('sms.help', { serviceName: SERVICE_NAME })]);
  });

  it('answers crisis language with the crisis reply, even after STOP', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    const crisis = await text(from, 'I want to kill myself');
    // The support comes first and alone, as on the web (bullets as plain dashes).
    expect(crisis.replies[0]).toBe(plainText(`${en('crisis.message')}\n${en('crisis.urgentNoted', { serviceName: SERVICE_NAME })}`));
    expect(crisis.replies.join('\n')).toContain('1. ' + en('crisis.choices.carryOn'));

    await text(from, 'STOP');
    const afterStop = await text(from, 'I want to end my life');
    // Support only: not the offer to carry on (that would be more texts after STOP).
    expect(afterStop.replies).toHaveLength(1);
    expect(afterStop.replies[0]).toBe(crisis.replies[0]);
  });

  it('retries a send that Twilio answers with 429 or 500, and records the attempts', async () => {
    const from = newNumber();
    fake.failNext(500, 429);
    const result = await text(from, 'Hi');
    expect(result.replies.join('\n')).toContain('Which language');
    const [record] = await database.db.collection(SmsCollections.outbound).find({ numberKey: channel.numberKey(from) }).toArray();
    expect(record).toMatchObject({ attempts: 3, status: 'queued' });
  });

  it('gives up after the last try and records the failure (no text, no number)', async () => {
    const from = newNumber();
    const everyTry = fake.attempts;
    fake.failNext(503, 503, 503, 503);
    const result = await text(from, 'Hi');
    expect(fake.attempts - everyTry).toBeGreaterThanOrEqual(4);
    // The first text of the turn never went; the later ones did.
    expect(result.replies.join('\n')).not.toContain(en('welcome.intro', { serviceName: SERVICE_NAME }).slice(0, 20));
    const records = await database.db.collection(SmsCollections.outbound).find({ numberKey: channel.numberKey(from) }).toArray();
    expect(records.filter((r) => r.status === 'rejected')).toEqual([expect.objectContaining({ attempts: 4, errorCode: '20500' })]);
    expect(log.join('\n')).not.toContain(from);
  });
});

describe('POST /api/sms/twilio/status', () => {
  const post = (params: Record<string, string>, authToken = AUTH_TOKEN) =>
    postSignedWebhook({ url: `${baseUrl}/api/sms/twilio/status`, signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio/status`, authToken, params });

  it('records delivered, failed and undelivered by MessageSid; a late "sent" does not undo "delivered"', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    await text(from, 'English');
    const [first, second] = fake.to(from);
    const status = (sid: string) => database.db.collection(SmsCollections.outbound).findOne({ _id: sid as never });
    expect((await post({ MessageSid: first.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'delivered' })).status).toBe(204);
    expect((await post({ MessageSid: first.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'sent' })).status).toBe(204);
    expect(await status(first.sid)).toMatchObject({ status: 'delivered' });
    await post({ MessageSid: second.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(await status(second.sid)).toMatchObject({ status: 'undelivered', errorCode: '30003' });
    await post({ MessageSid: second.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'failed', ErrorCode: '30005' });
    expect(await status(second.sid)).toMatchObject({ status: 'failed', errorCode: '30005' });
  });

  it('sends again, at most twice, a text undelivered for a passing reason; keeps no text once final', async () => {
    const from = newNumber();
    await text(from, 'HELP');
    const [original] = fake.to(from);
    const record = (sid: string) => database.db.collection(SmsCollections.outbound).findOne({ _id: sid as never });
    // Kept (encrypted) until its delivery is known: never in plain text.
    expect((await record(original.sid))?.pending).toBeDefined();
    expect(JSON.stringify(await record(original.sid))).not.toContain('STOP');

    const undelivered = async (sid: string, code: string) => {
      await post({ MessageSid: sid, AccountSid: ACCOUNT_SID, MessageStatus: 'undelivered', ErrorCode: code });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await channel.idle();
    };
    await undelivered(original.sid, '30003'); // handset unreachable: may pass
    const [, first] = fake.to(from);
    expect(first.body).toBe(original.body);
    expect(await record(first.sid)).toMatchObject({ resendOf: original.sid, resends: 1 });
    expect((await record(original.sid))?.pending).toBeUndefined();
    await undelivered(first.sid, '30008');
    const [, , second] = fake.to(from);
    expect(await record(second.sid)).toMatchObject({ resendOf: first.sid, resends: 2 });
    await undelivered(second.sid, '30003');
    expect(fake.to(from)).toHaveLength(3); // two re-sends, no more
    expect((await record(second.sid))?.pending).toBeUndefined();

    // A permanent failure (a landline) is not sent again; a delivered text's copy is dropped.
    const other = newNumber();
    await text(other, 'HELP');
    await text(other, 'HELP');
    const [landline, fine] = fake.to(other);
    await undelivered(landline.sid, '30006');
    await post({ MessageSid: fine.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'delivered' });
    expect(fake.to(other)).toHaveLength(2);
    expect([(await record(landline.sid))?.pending, (await record(fine.sid))?.pending]).toEqual([undefined, undefined]);
  });

  it('refuses an unsigned or forged status callback', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    const [sent] = fake.to(from);
    const forged = await post({ MessageSid: sent.sid, AccountSid: ACCOUNT_SID, MessageStatus: 'delivered' }, 'c'.repeat(32));
    expect(forged.status).toBe(403);
    expect(await database.db.collection(SmsCollections.outbound).findOne({ _id: sent.sid as never })).toMatchObject({ status: 'queued' });
  });
});

describe('proactive texts (follow-ups, link-worker messages)', () => {
  it('reach the person through continueConversationAsync with the stored reference, or sendTo; never after STOP', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    const numberKey = await numberKeyFor(database.db, from);
    expect(numberKey).toBe(channel.numberKey(from));
    const reference = channel.referenceFor(numberKey);
    expect(isSmsReference(reference)).toBe(true);
    expect(JSON.stringify(reference)).not.toContain(from.slice(1));
    await channel.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Hello, this is Alex, your link worker.');
    });
    expect(fake.to(from).at(-1)?.body).toBe('Hello, this is Alex, your link worker.');
    expect(await channel.sendTo({ numberKey }, 'A reminder: the walk is on Tuesday.')).toMatchObject({ sent: true });

    await text(from, 'STOP');
    const before = fake.to(from).length;
    // Nothing goes, and whoever sent it (a link worker) is told, not left thinking it arrived.
    await expect(
      channel.adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity('Are you still there?');
      }),
    ).rejects.toMatchObject({ reason: 'optedOut' });
    expect(await channel.sendTo({ numberKey }, 'Another reminder')).toEqual({ sent: false, reason: 'optedOut' });
    expect(fake.to(from)).toHaveLength(before);
  });
});

describe('delete my data by SMS', () => {
  it('confirms by text, then forgets the number and its delivery records', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    await text(from, 'English');
    await text(from, 'yes');
    const ask = await text(from, 'delete my data');
    expect(ask.replies.join('\n')).toContain(en('commands.delete.confirm'));
    const done = await text(from, '1');
    expect(done.replies.join('\n')).toContain(en('commands.delete.done'));
    const numberKey = channel.numberKey(from);
    expect(await database.db.collection(SmsCollections.conversations).countDocuments({ _id: numberKey as never })).toBe(0);
    expect(await database.db.collection(SmsCollections.outbound).countDocuments({ numberKey })).toBe(0);
    // Texting again starts afresh.
    expect((await text(from, 'Hi')).replies.join('\n')).toContain('Which language');
  });
});

describe('the phone number is kept protected', () => {
  it('appears in no stored document and no log line; the encrypted copy still sends', async () => {
    const from = newNumber();
    await text(from, 'Hi');
    await text(from, 'English');
    const digits = from.slice(1);
    const everything = [];
    for (const { name } of await database.db.listCollections().toArray()) {
      everything.push(...(await database.db.collection(name).find({}).toArray()).map((doc) => ({ name, doc: JSON.stringify(doc) })));
    }
    expect(everything.filter(({ doc }) => doc.includes(digits)).map(({ name }) => name)).toEqual([]);
    expect(log.join('\n')).not.toContain(digits);
    expect(await channel.sendTo({ numberKey: channel.numberKey(from) }, 'Hello again')).toMatchObject({ sent: true });
    expect(fake.to(from).at(-1)?.body).toBe('Hello again');
  });
});
