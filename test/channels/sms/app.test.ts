/**
 * SMS in the whole application as `npm start` builds it (startFrontDoor with the TWILIO_ variables):
 * signed webhooks in, replies out through the real twilio client to a fake Twilio, and a link worker's
 * reply reaching the person by text through the link-worker API.
 */
import { translator } from '../../../src/i18n';
import { AccountRepository } from '../../../src/linkworker';
import { startSmsApp, type SmsApp } from '../../helpers/smsApp';

const PERSON = '+447700900555';
const en = translator('en');

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp({ LINKWORKER_HOURS: 'always' });
});
afterAll(async () => sms?.stop());

const text = async (body: string) => (await sms.text(PERSON, body)).join('\n');

it('npm start answers texts when TWILIO_ is set, and a link worker’s reply reaches the person by text', async () => {
  const { app, fake } = sms;
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

  // Put back in the queue: the person is told, not left writing to someone who has gone.
  const beforeRelease = fake.messages.length;
  expect((await fetch(`${app.url}/api/linkworker/handoffs/${id}/release`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
  expect(fake.messages.slice(beforeRelease).filter((m) => m.to === PERSON).map((m) => m.body)).toEqual([en('handoff.released', { serviceName: 'Front Door' })]);
  expect((await fetch(`${app.url}/api/linkworker/handoffs/${id}/claim`, { method: 'POST', headers, body: '{}' })).status).toBe(200);

  // After STOP a link worker's message is not sent, and they are told so rather than shown it as delivered.
  await text('STOP');
  const refused = await fetch(`${app.url}/api/linkworker/handoffs/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text: 'Are you still there?' }) });
  // 409 optedOut: trying again will not help until they reply START (a 502 would invite retries).
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ error: { code: 'optedOut' } });
  const stopped = (await (await fetch(`${app.url}/api/linkworker/handoffs/${id}`, { headers })).json()) as { handoff: { transcript: { from: string; text: string; delivered?: boolean }[] } };
  expect(stopped.handoff.transcript.find((e) => e.text === 'Are you still there?')).toMatchObject({ from: 'linkWorker', delivered: false });
  await text('START');

  // Closing tells the person by text in the SMS form: MENU, since HELP by text is the carrier's keyword.
  const beforeClose = fake.messages.length;
  expect((await fetch(`${app.url}/api/linkworker/handoffs/${id}/close`, { method: 'POST', headers, body: JSON.stringify({ outcome: 'contacted' }) })).status).toBe(200);
  const closing = fake.messages.slice(beforeClose).filter((m) => m.to === PERSON).map((m) => m.body);
  expect(closing).toEqual([en('handoff.closedSms', { serviceName: 'Front Door' })]);
}, 120_000);
