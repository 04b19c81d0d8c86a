/**
 * What a stranger or a buggy client cannot do through the Direct Line: read or post to someone
 * else's conversation, use an expired or forged token, send oversized or malformed bodies,
 * choose their own user id, or flood the service.
 */
import { randomBytes } from 'node:crypto';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import type { FrontDoor } from '../../../src/app';
import { TokenService } from '../../../src/channels/directline';
import { Collections } from '../../../src/store';
import { call, DirectLineClient, startApp, StreamReader, userIdOf } from './client';

let t: TestDatabase;
let app: FrontDoor;
let clock = Date.now();
const streams: StreamReader[] = [];

beforeAll(async () => {
  t = await startTestDatabase();
  // A clock the tests move, for token expiry.
  app = await startApp(t, { directLine: { now: () => clock } });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await app.stop();
  await t.stop();
});

const expectError = (res: { status: number; body: unknown }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code: code ?? expect.any(String), message: expect.any(String) } });
};

const refusedStream = (url: string) =>
  StreamReader.open(url).then(
    (reader) => {
      streams.push(reader);
      return 101;
    },
    (error: { status?: number }) => error.status ?? 0,
  );

test('a token for conversation A can neither read nor post to conversation B (403)', async () => {
  const a = new DirectLineClient(app.url);
  const b = new DirectLineClient(app.url);
  const convA = await a.start();
  const convB = await b.start();
  await b.say('English');

  expectError(await a.poll(undefined, convA.token, convB.conversationId), 403, 'Forbidden');
  expectError(await a.post({ type: 'message', text: 'hello' }, convA.token, convB.conversationId), 403, 'Forbidden');
  expectError(await call(`${a.base}/conversations/${convB.conversationId}`, { token: convA.token }), 403, 'Forbidden');
  expect(await refusedStream(convA.streamUrl.replace(convA.conversationId, convB.conversationId))).toBe(403);
  // Nothing of A's reached B.
  const bActivities = (await b.poll()).body.activities;
  expect(bActivities.some((x) => x.text === 'hello')).toBe(false);
  expect(bActivities.every((x) => x.from?.role === 'bot' || x.from?.id === convB.userId)).toBe(true);
});

test('an expired token is refused everywhere but refresh (within 12 hours); a refreshed one carries on', async () => {
  const person = new DirectLineClient(app.url);
  const conv = await person.start();

  clock += 20 * 60 * 1000;
  const refreshed = await call<{ conversationId: string; token: string; expires_in: number }>(`${person.base}/tokens/refresh`, { method: 'POST', token: conv.token });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body).toMatchObject({ conversationId: conv.conversationId, expires_in: 1800 });
  expect(userIdOf(refreshed.body.token)).toBe(conv.userId);

  clock += 15 * 60 * 1000; // 35 minutes after the first token: expired; the refreshed one has 15 left
  expectError(await person.poll(undefined, conv.token), 403, 'TokenExpired');
  expectError(await person.post({ type: 'message', text: 'hi' }, conv.token), 403, 'TokenExpired');
  expectError(await call(`${person.base}/conversations`, { method: 'POST', token: conv.token }), 403, 'TokenExpired');
  expect(await refusedStream(conv.streamUrl)).toBe(403);

  expect((await person.post({ type: 'message', text: 'English' }, refreshed.body.token)).status).toBe(200);
  expect((await person.poll(undefined, refreshed.body.token)).status).toBe(200);

  // The phone slept through every refresh: hours later the chat can still be taken back, once refreshed.
  clock += 6 * 60 * 60 * 1000;
  expectError(await person.poll(undefined, refreshed.body.token), 403, 'TokenExpired');
  const woken = await call<{ conversationId: string; token: string }>(`${person.base}/tokens/refresh`, { method: 'POST', token: refreshed.body.token });
  expect(woken.status).toBe(200);
  expect(woken.body.conversationId).toBe(conv.conversationId);
  expect((await person.poll(undefined, woken.body.token)).status).toBe(200);
  // Not after 12 hours: then it is a new conversation.
  clock += 13 * 60 * 60 * 1000;
  expectError(await call(`${person.base}/tokens/refresh`, { method: 'POST', token: refreshed.body.token }), 403, 'TokenExpired');
});

test('forged, foreign, garbled and missing tokens are refused (401)', async () => {
  const person = new DirectLineClient(app.url);
  const conv = await person.start();
  const [header, payload, signature] = conv.token.split('.');

  // Same claims, someone else's user id, original signature.
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, user: 'dl_someone_else' })).toString('base64url')}.${signature}`;
  // A well-formed token signed with a different secret.
  const foreign = new TokenService(randomBytes(32)).issue(conv.conversationId, conv.userId).token;
  const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

  for (const token of [tampered, foreign, flipped, 'not-a-token', `${header}..`]) {
    expectError(await person.poll(undefined, token), 401, 'Unauthorized');
    expectError(await person.post({ type: 'message', text: 'hi' }, token), 401, 'Unauthorized');
    expect(await refusedStream(conv.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(token)}`))).toBe(401);
  }
  expectError(await call(`${person.base}/conversations/${conv.conversationId}/activities`), 401, 'Unauthorized');
  expectError(await call(`${person.base}/tokens/refresh`, { method: 'POST' }), 401, 'Unauthorized');
  expect(await refusedStream(conv.streamUrl.replace(/[?&]t=[^&]+/, ''))).toBe(401);
  expect(await refusedStream(conv.streamUrl.replace(conv.conversationId, '%E0%A4%A'))).toBe(404);
});

test('oversized and malformed bodies get a 4xx in Direct Line error shape', async () => {
  const person = new DirectLineClient(app.url);
  await person.start();
  const url = `${person.base}/conversations/${person.conversation!.conversationId}/activities`;
  const token = person.conversation!.token;

  expectError(await person.post({ type: 'message', text: 'x'.repeat(40 * 1024) }), 413, 'MessageSizeTooBig');
  expectError(await person.post({ type: 'message', text: 'x'.repeat(10_001) }), 413, 'MessageSizeTooBig');
  expectError(await call(url, { method: 'POST', token, rawBody: '{"type": "message", "text": ', headers: { 'Content-Type': 'application/json' } }), 400);
  expectError(await call(url, { method: 'POST', token, rawBody: 'type=message', headers: { 'Content-Type': 'text/plain' } }), 415);
  expectError(await person.post({ text: 'no type' }), 400, 'BadArgument');
  expectError(await person.post({ type: 'invoke', name: 'x' }), 400, 'BadArgument');
  expectError(await person.post({ type: 'message', text: 42 } as never), 400, 'BadArgument');
  expectError(await person.post({ type: 'message', text: 'a file', attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }] }), 400, 'BadArgument');
  expectError(await call(`${person.base}/tokens/generate`, { method: 'POST', body: { locale: 'not a locale!' } }), 400, 'BadArgument');
  expectError(await call(`${person.base}/conversations/not%20an%20id/activities`, { token }), 404, 'ConversationNotFound');
  expectError(await call(`${person.base}/nowhere`), 404);

  // None of it reached the transcript.
  const texts = (await person.poll()).body.activities.filter((a) => a.from?.role === 'user');
  expect(texts).toEqual([]);
});

test('the user id comes from the token, never from the posted activity', async () => {
  const person = new DirectLineClient(app.url);
  const conv = await person.start();
  const res = await person.post({
    type: 'message',
    text: 'English',
    from: { id: 'dl_someone_else', name: 'Mallory', role: 'bot' },
    recipient: { id: 'another-bot' },
    conversation: { id: 'another-conversation' },
    id: 'chosen-id',
    channelId: 'sms',
    serviceUrl: 'http://evil.example/',
  });
  expect(res.status).toBe(200);
  const echo = (await person.poll()).body.activities.find((a) => a.id === res.body.id)!;
  expect(echo).toMatchObject({ from: { id: conv.userId, role: 'user' }, recipient: { id: 'front-door' }, conversation: { id: conv.conversationId }, channelId: 'webchat', serviceUrl: 'directline://self' });
  expect(JSON.stringify(echo)).not.toMatch(/someone_else|Mallory|evil|chosen-id|another/);
  // The token's generate body cannot choose the user either.
  const generated = await person.generate({ user: { id: 'dl_chosen' } });
  expect(userIdOf(generated.token)).not.toBe('dl_chosen');
  // The bot answered the person as the token's user.
  const stored = await t.db.collection(Collections.directlineConversations).findOne({ _id: conv.conversationId as never });
  expect(stored?.userId).toBe(conv.userId);
});

test('a deleted conversation answers 404 (Web Chat shows the conversation has ended)', async () => {
  const person = new DirectLineClient(app.url);
  const conv = await person.start();
  await app.directLine.transcript.deleteConversation(conv.conversationId);
  expectError(await person.poll(), 404, 'ConversationNotFound');
  expectError(await person.post({ type: 'message', text: 'hello' }), 404, 'ConversationNotFound');
  expectError(await person.reconnect(), 404, 'ConversationNotFound');
});

describe('limits', () => {
  let limited: FrontDoor;
  beforeAll(async () => {
    limited = await startApp(t, {
      directLine: {
        limits: { perConversation: { capacity: 3, perSecond: 0.01 }, generatePerIp: { capacity: 2, perSecond: 0.01 }, perIp: { capacity: 1000, perSecond: 100 } },
      },
    });
  });
  afterAll(() => limited.stop());

  test('too many messages in a conversation, or new conversations from one address, get 429 with Retry-After', async () => {
    const person = new DirectLineClient(limited.url);
    await person.start();
    await person.generate();
    const third = await call(`${person.base}/tokens/generate`, { method: 'POST' });
    expectError(third, 429, 'TooManyRequests');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);

    for (const text of ['English', 'yes', 'hello']) expect((await person.post({ type: 'message', text })).status).toBe(200);
    const fourth = await person.post({ type: 'message', text: 'one more' });
    expectError(fourth, 429, 'TooManyRequests');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('too many requests from one address get 429', async () => {
    const strict = await startApp(t, { directLine: { limits: { perIp: { capacity: 5, perSecond: 0.01 } } } });
    try {
      const base = `${strict.url}/v3/directline`;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(`${base}/tokens/generate`, { method: 'POST' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await strict.stop();
    }
  });
});

test('a stream closes when its token expires', async () => {
  const short = await startApp(t, { directLine: { tokenTtlMs: 1500 } });
  try {
    const person = new DirectLineClient(short.url);
    const conv = await person.start();
    const stream = await StreamReader.open(conv.streamUrl);
    streams.push(stream);
    const closed = await stream.waitClosed(5000);
    expect(closed.code).toBe(1008);
    expect(await refusedStream(conv.streamUrl)).toBe(403);
  } finally {
    await short.stop();
  }
});
