/**
 * Crisis support needs nothing stored: with the database gone mid-conversation, crisis words through
 * POST /api/messages still get the support (999, Samaritans, NHS 111, SHOUT), then "something went wrong".
 */
import net from 'node:net';
import { startFrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { sendTurn } from '../helpers/appProcess';
import { startTestDatabase } from '../helpers/db';
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

/** A TCP relay to the database that can go silent, as a network partition or a frozen server does. */
async function silenceableRelay(uri: string): Promise<{ uri: string; silence: () => void; close: () => Promise<void> }> {
  const target = new URL(uri);
  const sockets = new Set<net.Socket>();
  let silent = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => silent || upstream.write(chunk));
    upstream.on('data', (chunk) => silent || client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `mongodb://127.0.0.1:${(server.address() as net.AddressInfo).port}/`,
    silence: () => (silent = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

it('/readyz says "not ready" within seconds when the database stops answering', async () => {
  const t = await startTestDatabase();
  const relay = await silenceableRelay(t.uri);
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
