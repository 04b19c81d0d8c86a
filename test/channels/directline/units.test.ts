/** The Direct Line building blocks on their own: tokens, rate limits, the transcript and the adapter. */
import { randomBytes } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { DirectLineAdapter, RateLimiter, TokenService, Transcript, activityId, parseWatermark } from '../../../src/channels/directline';
import { DEFAULT_REFRESH_GRACE_MS } from '../../../src/channels/directline/tokens';
import { Collections } from '../../../src/store';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';

describe('tokens', () => {
  let now = 1_000_000;
  const secret = randomBytes(32);
  const tokens = new TokenService(secret, { now: () => now });

  test('a token names its conversation and user and lasts 30 minutes', () => {
    const issued = tokens.issue('conv-12345678', 'dl_user');
    expect(issued.expiresIn).toBe(1800);
    expect(tokens.verify(issued.token)).toEqual({ ok: true, claims: { conversationId: 'conv-12345678', userId: 'dl_user', expiresAt: now + 1_800_000 } });
    now += 1_799_000;
    expect(tokens.verify(issued.token).ok).toBe(true);
    now += 1_000;
    expect(tokens.verify(issued.token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('refresh gives a new token with a new expiry; an expired one only within 12 hours of expiring', () => {
    const issued = tokens.issue('conv-12345678', 'dl_user');
    now += 20 * 60_000;
    const refreshed = tokens.refresh(issued.token);
    if (!refreshed.ok) throw new Error('refresh failed');
    expect(refreshed.issued.claims).toEqual({ conversationId: 'conv-12345678', userId: 'dl_user', expiresAt: now + 1_800_000 });
    now += 15 * 60_000;
    // Expired: refused for anything but a refresh, which still works (a phone that slept).
    expect(tokens.verify(issued.token)).toEqual({ ok: false, reason: 'expired' });
    expect(tokens.refresh(issued.token).ok).toBe(true);
    expect(tokens.verify(refreshed.issued.token).ok).toBe(true);
    now += DEFAULT_REFRESH_GRACE_MS;
    expect(tokens.refresh(issued.token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('forged, foreign and garbled tokens are refused', () => {
    const { token } = tokens.issue('conv-12345678', 'dl_user');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const other = (c: object) => `${h}.${Buffer.from(JSON.stringify({ ...claims, ...c })).toString('base64url')}.${s}`;
    expect(tokens.verify(other({ conv: 'someone-else' }))).toEqual({ ok: false, reason: 'forged' });
    expect(tokens.verify(other({ exp: claims.exp + 3600 }))).toEqual({ ok: false, reason: 'forged' });
    expect(tokens.verify(new TokenService(randomBytes(32), { now: () => now }).issue('conv-12345678', 'dl_user').token)).toEqual({ ok: false, reason: 'forged' });
    expect(tokens.verify('abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(tokens.verify(`${h}.${p}`)).toEqual({ ok: false, reason: 'malformed' });
    // An unsigned JWT ("alg": "none") is not even looked at.
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect(tokens.verify(none)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => new TokenService(Buffer.alloc(4))).toThrow(/too short/);
  });
});

test('rate limiter: a burst, then the steady rate, per key', () => {
  let now = 0;
  const limiter = new RateLimiter({ capacity: 3, perSecond: 0.5 }, () => now);
  expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 2]);
  expect(limiter.take('b')).toBe(0);
  now += 2000;
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBeGreaterThan(0);
  now += 60_000;
  limiter.sweep();
  expect(limiter.size).toBe(0);
});

test('watermarks: nonsense means from the beginning', () => {
  expect(parseWatermark('12')).toBe(12);
  for (const w of [undefined, '', '-', 'abc', '-3', '1e9', '12345678901234567']) expect(parseWatermark(w)).toBe(0);
  expect(activityId('abc', 12)).toBe('abc|0000012');
});

describe('transcript and adapter', () => {
  let t: TestDatabase;
  let transcript: Transcript;
  beforeAll(async () => {
    t = await startTestDatabase();
    transcript = new Transcript(t.db);
  });
  afterAll(() => t.stop());

  test('readers wait at a gap left by an append in flight, and pass it once it is old (a crashed write)', async () => {
    await transcript.createConversation('gap-conversation', 'dl_user');
    await transcript.append('gap-conversation', { type: 'message', text: 'one' });
    // Take sequence number 2 without writing it, as an append that is still on its way would.
    await t.db.collection(Collections.directlineConversations).updateOne({ _id: 'gap-conversation' as never }, { $inc: { seq: 1 } });
    await transcript.append('gap-conversation', { type: 'message', text: 'three' });
    let page = await transcript.readAfter('gap-conversation', 0);
    expect(page.activities.map((a) => a.text)).toEqual(['one']);
    expect(page.watermark).toBe(1);

    await t.db.collection(Collections.directlineActivities).updateOne({ conversationId: 'gap-conversation', seq: 3 }, { $set: { createdAt: new Date(Date.now() - 60_000) } });
    page = await transcript.readAfter('gap-conversation', 1);
    expect(page.activities.map((a) => a.text)).toEqual(['three']);
    expect(page.watermark).toBe(3);
  });

  test('the adapter stores replies, tells the streams, updates and deletes; a failing turn reaches onTurnError', async () => {
    const told: string[] = [];
    const adapter = new DirectLineAdapter({ transcript, bot: { id: 'bot', name: 'Bot' }, onAppended: (id, seq) => told.push(`${id}#${seq}`) });
    const errors: string[] = [];
    adapter.onTurnError = async (context: TurnContext, error: Error) => {
      errors.push(error.message);
      await context.sendActivity('Sorry, something went wrong on our side.');
    };
    await transcript.createConversation('adapter-conversation', 'dl_user');
    const inbound: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: 'hi',
      from: { id: 'dl_user', name: '', role: 'user' },
      recipient: { id: 'bot', name: 'Bot', role: 'bot' },
      conversation: { id: 'adapter-conversation' } as Activity['conversation'],
    };
    let sentId = '';
    await adapter.processActivity(inbound, async (context) => {
      sentId = (await context.sendActivity('Hello'))!.id;
      await context.updateActivity({ id: sentId, type: 'message', text: 'Hello again' });
      const doomed = (await context.sendActivity('Oops'))!.id;
      await context.deleteActivity(doomed);
      await context.sendActivities([{ type: 'delay', value: 10 }, { type: ActivityTypes.Trace, name: 'debug' }]);
    });
    await adapter.processActivity(inbound, async () => {
      throw new Error('dialog broke');
    });
    expect(errors).toEqual(['dialog broke']);
    const page = await transcript.readAfter('adapter-conversation', 0);
    expect(page.activities.map((a) => a.text)).toEqual(['Hello again', 'Sorry, something went wrong on our side.']);
    expect(page.activities[0]).toMatchObject({ id: sentId, from: { id: 'bot', role: 'bot' }, recipient: { id: 'dl_user' }, channelId: 'webchat', serviceUrl: 'directline://self' });
    expect(page.watermark).toBe(3);
    expect(told).toEqual(['adapter-conversation#1', 'adapter-conversation#2', 'adapter-conversation#3']);
  });

  test('sending into a conversation that does not exist fails the turn', async () => {
    const adapter = new DirectLineAdapter({ transcript, bot: { id: 'bot', name: 'Bot' } });
    await expect(
      adapter.continueConversationAsync('', { conversation: { id: 'nobody' } as never, user: { id: 'dl_x', name: '' } }, async (context) => {
        await context.sendActivity('hello?');
      }),
    ).rejects.toThrow(/does not exist/);
  });
});

describe('configured token secret', () => {
  test('DIRECTLINE_TOKEN_SECRET signs the tokens; a token signed with the generated secret is refused', async () => {
    const { startTestDatabase } = await import('../../helpers/db');
    const { startFrontDoor } = await import('../../../src/app');
    const { loadConfig } = await import('../../../src/config');
    const { TokenService } = await import('../../../src/channels/directline');
    const db = await startTestDatabase();
    const secret = 'a-configured-secret-that-is-long-enough-1234';
    const app = await startFrontDoor(
      loadConfig({ PORT: '0', MONGODB_URI: db.uri, MONGODB_DATABASE: db.db.databaseName, DIRECTLINE_TOKEN_SECRET: secret }),
      () => undefined,
    );
    try {
      const generated = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
      expect(new TokenService(Buffer.from(secret, 'utf8')).verify(generated.token).ok).toBe(true);
      expect(new TokenService(Buffer.from('some-other-secret-that-is-also-long-enough', 'utf8')).verify(generated.token)).toEqual({ ok: false, reason: 'forged' });
      // No generated secret was needed, so none was stored.
      expect(await db.db.collection('settings').countDocuments({ _id: 'secret:directline' as never })).toBe(0);
    } finally {
      await app.stop();
      await db.stop();
    }
    expect(() => loadConfig({ DIRECTLINE_TOKEN_SECRET: 'short' })).toThrow(/DIRECTLINE_TOKEN_SECRET: must be at least 32 characters/);
  });
});
