/**
 * Web Chat's view of Front Door: the self-hosted Direct Line 3.0 over real HTTP and WebSocket,
 * against the real app (real bot, real MongoDB state) started in-process.
 */
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import type { FrontDoor } from '../../../src/app';
import { Collections } from '../../../src/store';
import { call, DirectLineClient, startApp, StreamReader, userIdOf, type DLActivity } from './client';

let t: TestDatabase;
let app: FrontDoor | undefined;
const streams: StreamReader[] = [];
const open = async (url: string) => {
  const reader = await StreamReader.open(url);
  streams.push(reader);
  return reader;
};

beforeAll(async () => {
  t = await startTestDatabase();
  app = await startApp(t);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await app?.stop();
  await t.stop();
});

const WELCOME = /Which language would you like to use\?/;
const CONSENT = /Is it OK for us to keep your answers\?/;
const WHAT_MATTERS = /What matters to you at the moment\?/;

test('token, start, welcome on the stream, messages echoed with ids, replies on the stream and by polling', async () => {
  const person = new DirectLineClient(app!.url);
  const generated = await person.generate();
  expect(generated).toEqual({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), token: expect.any(String), expires_in: 1800 });

  const started = await call<Record<string, string>>(`${person.base}/conversations`, { method: 'POST', token: generated.token });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({ conversationId: generated.conversationId, token: generated.token, expires_in: expect.any(Number) });
  // The stream is on the host the client used, ws:// on plain HTTP.
  const host = new URL(app!.url).host;
  expect(started.body.streamUrl).toMatch(new RegExp(`^ws://${host.replace(/[.[\]]/g, '\\$&')}/v3/directline/conversations/${generated.conversationId}/stream\\?`));
  person.conversation = { conversationId: generated.conversationId, token: generated.token, streamUrl: started.body.streamUrl, userId: userIdOf(generated.token) };

  const stream = await open(started.body.streamUrl);
  const welcome = await stream.waitForBot(/automated assistant for Front Door/);
  await stream.waitForBot(WELCOME);
  expect(welcome).toMatchObject({
    type: 'message',
    channelId: 'webchat',
    conversation: { id: generated.conversationId },
    from: { id: 'front-door', role: 'bot' },
    recipient: { id: person.conversation.userId },
    id: expect.stringMatching(new RegExp(`^${generated.conversationId}\\|\\d{7}$`)),
    timestamp: expect.any(String),
  });

  // Starting again (a second client on the same token) does not welcome twice.
  const again = await call(`${person.base}/conversations`, { method: 'POST', token: generated.token });
  expect(again.status).toBe(200);

  const posted = await person.post({ type: 'message', text: 'English', channelData: { clientActivityID: 'client-1' } });
  expect(posted.status).toBe(200);
  expect(posted.body.id).toMatch(new RegExp(`^${generated.conversationId}\\|\\d{7}$`));
  // The echo carries the id the POST returned and the client's own id, so Web Chat marks it sent.
  const echo = await stream.waitFor((a) => a.id === posted.body.id);
  expect(echo).toMatchObject({ type: 'message', text: 'English', from: { id: person.conversation.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' } });
  const consent = await stream.waitForBot(CONSENT);
  expect(consent.replyToId).toBe(posted.body.id);
  expect(stream.activities.indexOf(echo)).toBeLessThan(stream.activities.indexOf(consent));

  // Polling sees the same transcript, in order, with watermarks.
  const all = await person.poll();
  expect(all.status).toBe(200);
  expect(all.body.activities.map((a) => a.id)).toEqual(stream.activities.map((a) => a.id));
  expect(all.body.watermark).toBe(stream.watermark);
  const noneNewer = await person.poll(all.body.watermark);
  expect(noneNewer.body).toEqual({ activities: [], watermark: all.body.watermark });

  await person.say('yes');
  const afterYes = await person.poll(all.body.watermark);
  expect(afterYes.body.activities[0]).toMatchObject({ text: 'yes', from: { role: 'user' } });
  expect(afterYes.body.activities.slice(1).map((a) => a.text).join('\n')).toMatch(WHAT_MATTERS);
  expect(Number(afterYes.body.watermark)).toBeGreaterThan(Number(all.body.watermark));
  await stream.waitForBot(WHAT_MATTERS);
  expect(stream.activities.map((a) => a.id)).toEqual([...all.body.activities, ...afterYes.body.activities].map((a) => a.id));
});

test('reconnect: GET conversation gives a fresh token and stream URL; the stream replays history from a watermark', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  await person.say('English');
  const history = (await person.poll()).body;
  expect(history.activities.map((a) => a.text).join('\n')).toMatch(CONSENT);

  const reconnected = await person.reconnect('0');
  expect(reconnected.status).toBe(200);
  expect(reconnected.body.conversationId).toBe(conversation.conversationId);
  expect(reconnected.body.token).not.toBe(conversation.token);
  expect(userIdOf(reconnected.body.token)).toBe(conversation.userId);
  expect(reconnected.body.streamUrl).toContain('watermark=0');

  // From the beginning: the whole history, as after a page refresh.
  const replay = await open(reconnected.body.streamUrl);
  await replay.waitFor((a) => a.id === history.activities.at(-1)!.id);
  expect(replay.activities.map((a) => a.id)).toEqual(history.activities.map((a) => a.id));
  expect(replay.watermark).toBe(history.watermark);

  // From a watermark: only what came after it.
  const later = await person.reconnect(history.watermark);
  const fromWatermark = await open(later.body.streamUrl);
  person.conversation!.token = later.body.token;
  await person.say('yes');
  const next = await fromWatermark.waitForBot(WHAT_MATTERS);
  expect(fromWatermark.activities[0].text).toBe('yes');
  expect(fromWatermark.activities.map((a) => a.id)).not.toContain(history.activities[0].id);
  expect(next.from?.role).toBe('bot');
  // The first stream got the same new activities live.
  await replay.waitForBot(WHAT_MATTERS);
});

test('crisis language gets the crisis reply, marked channelData.safety = "crisis", on the stream and by polling', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  const stream = await open(conversation.streamUrl);
  await stream.waitForBot(WELCOME);
  const from = stream.activities.length;
  await person.say('I want to kill myself');
  const crisis = await stream.waitFor((a) => a.channelData?.safety === 'crisis', 10_000, from);
  expect(crisis).toMatchObject({ type: 'message', from: { role: 'bot' }, text: expect.stringMatching(/999/) });
  const polled = (await person.poll()).body.activities;
  expect(polled.filter((a) => a.channelData?.safety === 'crisis')).toHaveLength(1);
});

test('a proactive message (continueConversationAsync) appears on an open stream and in the transcript', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  const stream = await open(conversation.streamUrl);
  await stream.waitForBot(WELCOME);

  const reference = await app!.directLine.referenceFor(conversation.conversationId);
  expect(reference).toMatchObject({ channelId: 'webchat', serviceUrl: 'directline://self', user: { id: conversation.userId }, conversation: { id: conversation.conversationId } });
  await app!.directLine.adapter.continueConversationAsync('', reference!, async (context) => {
    expect(context.activity.from?.id).toBe(conversation.userId);
    await context.sendActivity('Hello, this is Sam, a link worker.');
  });
  const pushed = await stream.waitForBot(/this is Sam, a link worker/);
  expect(pushed).toMatchObject({ from: { role: 'bot' }, recipient: { id: conversation.userId }, conversation: { id: conversation.conversationId } });
  expect((await person.poll()).body.activities.at(-1)?.id).toBe(pushed.id);
});

test('typing from the bot reaches open streams live but is not kept in the history', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  const stream = await open(conversation.streamUrl);
  await stream.waitForBot(WELCOME);
  const reference = await app!.directLine.referenceFor(conversation.conversationId);
  await app!.directLine.adapter.continueConversationAsync('', reference!, async (context) => {
    await context.sendActivities([{ type: 'typing' }, { type: 'message', text: 'After typing.' }]);
  });
  await stream.waitForBot(/After typing/);
  const typingAt = stream.activities.findIndex((a) => a.type === 'typing');
  expect(typingAt).toBeGreaterThan(-1);
  expect(stream.activities[typingAt].from?.role).toBe('bot');
  expect((await person.poll()).body.activities.some((a) => a.type === 'typing')).toBe(false);
});

test('the reference a turn stores continues the conversation the same way', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  const stream = await open(conversation.streamUrl);
  await stream.waitForBot(WELCOME);
  const { TurnContext } = await import('botbuilder');
  // Take the reference exactly as a later issue will: from an inbound activity in a turn.
  const inbound = (await person.poll()).body.activities[0];
  const reference = TurnContext.getConversationReference({ ...inbound, from: inbound.recipient, recipient: inbound.from } as never);
  await app!.directLine.adapter.continueConversationAsync('', reference, async (context) => {
    await context.sendActivity('A follow-up message.');
  });
  await stream.waitForBot(/A follow-up message/);
});

test('the transcript survives a restart: history, tokens and the conversation carry on', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  await person.say('English');
  const before = (await person.poll()).body;

  await app!.stop();
  app = await startApp(t);
  person.conversation!.conversationId = conversation.conversationId;
  const base = new DirectLineClient(app.url);
  (person as { base: string }).base = base.base;

  // The same token still works (the signing secret is in the database), and the history is there.
  const reconnected = await person.reconnect();
  expect(reconnected.status).toBe(200);
  const stream = await open(reconnected.body.streamUrl);
  await stream.waitFor((a) => a.id === before.activities.at(-1)!.id);
  expect(stream.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));

  // And the conversation continues where it was: the consent question is answered.
  person.conversation!.token = reconnected.body.token;
  await person.say('yes');
  await stream.waitForBot(WHAT_MATTERS);
  const stored = await t.db.collection(Collections.directlineActivities).countDocuments({ conversationId: conversation.conversationId });
  expect(stored).toBe(stream.activities.length);
});

test('a stream opened before the welcome is stored still gets it, and activities arrive in order without gaps', async () => {
  const person = new DirectLineClient(app!.url);
  const generated = await person.generate();
  // Polling a conversation nobody started yet: empty, watermark 0.
  const empty = await person.poll(undefined, generated.token, generated.conversationId);
  expect(empty.body).toEqual({ activities: [], watermark: '0' });
  const started = await call<Record<string, string>>(`${person.base}/conversations`, { method: 'POST', token: generated.token });
  person.conversation = { conversationId: generated.conversationId, token: generated.token, streamUrl: started.body.streamUrl, userId: userIdOf(generated.token) };
  const stream = await open(started.body.streamUrl);
  await Promise.all(['help', 'English'].map((text, i) => new Promise((r) => setTimeout(r, i * 5)).then(() => person.say(text))));
  await stream.waitForBot(CONSENT);
  const seqs = stream.activities.map((a: DLActivity) => Number(a.id!.split('|')[1]));
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
});

test('the locale given at token generation is the welcome turn\'s locale (the page\'s language switch)', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start({ locale: 'cy' });
  const stream = await open(conversation.streamUrl);
  const first = await stream.waitFor((a) => a.from?.role === 'bot');
  expect(first.text).toMatch(/Rydw i'n gynorthwyydd awtomatig/);
});
