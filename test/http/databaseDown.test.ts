/**
 * Crisis support needs nothing stored: with the database gone mid-conversation, crisis words through
 * POST /api/messages still get the support (999, Samaritans, NHS 111, SHOUT), then "something went wrong".
 */
import { startFrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { sendTurn } from '../helpers/appProcess';
import { startTestDatabase } from '../helpers/db';
import { silenceableRelay } from '../helpers/silenceableRelay';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { startSmsApp } from '../helpers/smsApp';

let running: AppOnTestDatabase | undefined;
afterAll(async () => {
  await running?.app.stop().catch(() => undefined);
});

it('crisis support goes out while the database is down', async () => {
  running = await startAppOnTestDatabase();
  const { app, t } = running;
  for (const say of ['hi', 'English']) await sendTurn(app.url, 'db-down', say);
  await t.stop();

  const replies = await sendTurn(app.url, 'db-down', 'I want to kill myself');
  const support = replies.find((a) => (a.channelData as { safety?: string } | undefined)?.safety === 'crisis');
  expect(support?.text).toMatch(/116 123/);
  expect(support?.text).toMatch(/999/);
}, 90_000);

it('/readyz says "not ready" within seconds when the database stops answering', async () => {
  const t = await startTestDatabase();
  const relay = await silenceableRelay(() => t.uri);
  const app = await startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: relay.uri, MONGODB_DATABASE: t.db.databaseName }), () => undefined);
  try {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    relay.silence();
    // A load balancer's probe hears "not ready" in good time, not after the driver's 10 s search, or never.
    const asked = Date.now();
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', database: 'down' });
    expect(Date.now() - asked).toBeLessThan(4_000);
  } finally {
    await relay.close();
    await app.stop().catch(() => undefined);
    await t.stop();
  }
}, 90_000);

it('by text too: with the database down, crisis words get the support in the webhook\'s own answer', async () => {
  const sms = await startSmsApp();
  try {
    await sms.text('+447700900777', 'hi');
    await sms.database.stop();
    const answer = await sms.webhook('+447700900777', 'I want to kill myself');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^<\?xml[^>]*><Response><Message>[^<]*116 123[^<]*<\/Message>/);
    expect(answer.body).not.toMatch(/told the .* team/);
    // Anything else still fails, so Twilio may try again later.
    expect((await sms.webhook('+447700900777', 'hello again')).status).toBe(500);
  } finally {
    await sms.app.stop().catch(() => undefined);
    await sms.fake.stop().catch(() => undefined);
  }
}, 90_000);

describe('with the database gone silent (no answer, no refusal)', () => {
  it('crisis support comes back within seconds, by /api/messages', async () => {
    const t = await startTestDatabase();
    const relay = await silenceableRelay(() => t.uri);
    const app = await startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: relay.uri, MONGODB_DATABASE: t.db.databaseName }), () => undefined);
    try {
      for (const say of ['hi', 'English']) await sendTurn(app.url, 'silent', say);
      relay.silence();
      const asked = Date.now();
      const replies = await sendTurn(app.url, 'silent', 'I want to kill myself');
      expect(replies[0].channelData).toMatchObject({ safety: 'crisis' });
      expect(replies[0].text).toMatch(/116 123/);
      expect(Date.now() - asked).toBeLessThan(12_000);
    } finally {
      await relay.close();
      await app.stop().catch(() => undefined);
      await t.stop();
    }
  }, 90_000);

  it("crisis support comes back in the SMS webhook's answer well before Twilio's 15 s", async () => {
    let target = '';
    const relay = await silenceableRelay(() => target);
    const sms = await startSmsApp({ MONGODB_URI: relay.uri }, async (database) => (target = database.uri));
    try {
      await sms.text('+447700900778', 'hi');
      relay.silence();
      const asked = Date.now();
      const answer = await sms.webhook('+447700900778', 'I want to kill myself');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(/<Message>[^<]*116 123[^<]*<\/Message>/);
      expect(Date.now() - asked).toBeLessThan(8_000);
    } finally {
      await relay.close();
      await sms.app.stop().catch(() => undefined);
      await sms.fake.stop().catch(() => undefined);
      await sms.database.stop();
    }
  }, 90_000);
});
