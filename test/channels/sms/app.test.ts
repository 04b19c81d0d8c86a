/**
 * SMS in the whole application as `npm start` builds it (startFrontDoor with the TWILIO_ variables):
 * signed webhooks in, replies out through the real twilio client to a fake Twilio, and a link worker's
 * reply reaching the person by text through the link-worker API.
 */
import { startFrontDoor, type FrontDoor } from '../../../src/app';
import { inboundTextParams, postSignedWebhook } from '../../../src/channels/sms';
import { loadConfig } from '../../../src/config';
import { translator } from '../../../src/i18n';
import { AccountRepository } from '../../../src/linkworker';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fakeTwilio';

const ACCOUNT_SID = `AC${'2'.repeat(32)}`;
const AUTH_TOKEN = 'b'.repeat(32);
const FRONT_DOOR_NUMBER = '+447700900001';
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';
const PERSON = '+447700900555';
const en = translator('en');

let database: TestDatabase;
let fake: FakeTwilio;
let app: FrontDoor;

beforeAll(async () => {
  database = await startTestDatabase();
  fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  app = await startFrontDoor(
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
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
  await database?.stop();
});

async function text(body: string): Promise<string> {
  const before = fake.messages.length;
  const sent = await postSignedWebhook({
    url: `${app.url}/api/sms/twilio`,
    signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
    authToken: AUTH_TOKEN,
    params: inboundTextParams({ accountSid: ACCOUNT_SID, from: PERSON, to: FRONT_DOOR_NUMBER, body }),
  });
  expect(sent.status).toBe(200);
  await app.sms!.idle();
  return fake.messages.slice(before).filter((m) => m.to === PERSON).map((m) => m.body).join('\n');
}

it('npm start answers texts when TWILIO_ is set, and a link worker’s reply reaches the person by text', async () => {
  expect(app.sms).toBeDefined();
  expect(await text('hello')).toMatch(/automated assistant|bot/i);
  await text('English');
  await text('yes');
  const asked = await text('talk to a person');
  expect(asked).toContain(en('commands.human.done', { serviceName: 'Front Door' }).slice(0, 40));

  // The link worker logs in, claims and replies through the API.
  await new AccountRepository(app.database.db).create('worker@example.org', 'a long enough password', 'linkWorker');
  const login = await fetch(`${app.url}/api/linkworker/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'worker@example.org', password: 'a long enough password' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const list = (await (await fetch(`${app.url}/api/linkworker/handoffs`, { headers })).json()) as { handoffs: { id: string; summary?: { channel?: string } }[] };
  expect(list.handoffs).toHaveLength(1);
  const id = list.handoffs[0].id;

  const before = fake.messages.length;
  expect((await fetch(`${app.url}/api/linkworker/handoffs/${id}/claim`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
  const reply = await fetch(`${app.url}/api/linkworker/handoffs/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text: 'Hi, this is Alex, a link worker.' }) });
  expect(reply.status).toBe(201);
  const sent = fake.messages.slice(before).filter((m) => m.to === PERSON).map((m) => m.body);
  expect(sent).toEqual([en('handoff.joined'), 'Hi, this is Alex, a link worker.']);

  // The person's answer goes to the link worker, not the bot.
  expect(await text('Thank you Alex')).toBe('');
  const detail = (await (await fetch(`${app.url}/api/linkworker/handoffs/${id}`, { headers })).json()) as { handoff: { transcript: { from: string; text: string }[] } };
  expect(detail.handoff.transcript.filter((e) => e.from === 'person').map((e) => e.text)).toContain('Thank you Alex');
  // The number never reaches the handoff.
  expect(JSON.stringify(detail)).not.toContain('7700900555');
}, 120_000);
