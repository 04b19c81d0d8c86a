/** Bad input to /api/messages: no crash, a kind reply or a 4xx, nothing half-written. */
import type { FrontDoor } from '../../src/app';
import { Collections } from '../../src/store/collections';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import type { TestDatabase } from '../helpers/db';
import { sendTurn, textsOf } from '../helpers/appProcess';

let t: TestDatabase;
let app: FrontDoor;
let running: AppOnTestDatabase | undefined;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
  ({ t, app } = running);
});
afterAll(async () => running?.stop());

const post = (body: string, contentType = 'application/json') =>
  fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

test('malformed JSON, a non-activity and the wrong content type get a 4xx and the server carries on', async () => {
  expect((await post('{"type": "message", ')).status).toBe(400);
  expect((await post('[1,2,3]')).status).toBe(400);
  expect((await post('{"text": "no type"}')).status).toBe(400);
  expect((await post('hello', 'text/plain')).status).toBeGreaterThanOrEqual(400);
  expect((await post('x'.repeat(300 * 1024))).status).toBe(413);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
});

test('empty text and images get a kind reply; typing, reactions, events and unknown types get none', async () => {
  const empty = await sendTurn(app.url, 'bad-1', '');
  expect(textsOf(empty)).toMatch(/type/i);
  const image = await sendTurn(app.url, 'bad-1', undefined, { attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/x.png' }] });
  expect(textsOf(image)).toMatch(/only read typed words/);
  for (const type of ['typing', 'messageReaction', 'event', 'somethingNew']) {
    expect(await sendTurn(app.url, 'bad-2', undefined, { type })).toEqual([]);
  }
  expect(await t.db.collection(Collections.referrals).countDocuments()).toBe(0);
});

test('a 20,000-character message is read for crisis language, and otherwise politely refused', async () => {
  const long = 'I like gardening and walks. '.repeat(720).slice(0, 20_000);
  expect(textsOf(await sendTurn(app.url, 'bad-3', long))).toMatch(/shorter/);
  const longCrisis = `${'blah '.repeat(3900)} I want to end my life`;
  const replies = await sendTurn(app.url, 'bad-4', longCrisis);
  expect(replies[0].channelData?.safety).toBe('crisis');
  // Nothing was stored from the long message: no referral has any answers.
  const withAnswers = await t.db.collection(Collections.referrals).countDocuments({ 'answers.whatMatters': { $exists: true } });
  expect(withAnswers).toBe(0);
});

test('health and readiness', async () => {
  expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'up' });
});

test('ids that are not plain strings are refused before the bot runs: "delete my data" cannot reach other people', async () => {
  // Someone with a referral and a web chat transcript, who must survive the attempts below.
  for (const text of ['hi', 'English', 'yes', 'I would like to meet people']) await sendTurn(app.url, 'bad-victim', text);
  const referralsBefore = await t.db.collection(Collections.referrals).countDocuments();
  const activity = (overrides: Record<string, unknown>) =>
    JSON.stringify({
      type: 'message',
      text: 'delete my data',
      channelId: 'webchat',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:1',
      from: { id: 'attacker' },
      recipient: { id: 'bot' },
      conversation: { id: 'bad-attacker' },
      ...overrides,
    });
  for (const overrides of [
    { conversation: { id: { $ne: null } } },
    { from: { id: { $ne: null } } },
    { channelId: { $gt: '' } },
    { conversation: 'x' },
    { text: { $ne: null } },
    { from: { id: 'x'.repeat(2000) } },
  ]) {
    const response = await post(activity(overrides));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/must be/);
  }
  expect(await t.db.collection(Collections.referrals).countDocuments()).toBe(referralsBefore);
  expect(textsOf(await sendTurn(app.url, 'bad-victim', 'walking'))).not.toMatch(/language/i);
});

test('anonymous, replies go only to this machine or back to the caller: no requests to addresses on its network', async () => {
  const message = (serviceUrl: string, deliveryMode?: string) =>
    JSON.stringify({
      type: 'message',
      text: 'hello',
      channelId: 'emulator',
      serviceUrl,
      ...(deliveryMode ? { deliveryMode } : {}),
      from: { id: 'ssrf-user' },
      recipient: { id: 'bot' },
      conversation: { id: 'ssrf-conversation' },
    });
  for (const serviceUrl of ['http://169.254.169.254/latest/meta-data', 'http://10.1.2.3:8080/admin', 'not a url']) {
    const refused = await post(message(serviceUrl));
    expect(refused.status).toBe(400);
  }
  // The same caller's own address (here loopback) and expectReplies (nothing is posted) are fine.
  expect((await post(message('http://169.254.169.254/latest/meta-data', 'expectReplies'))).status).toBe(200);
});
