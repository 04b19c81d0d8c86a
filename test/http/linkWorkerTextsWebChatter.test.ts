/**
 * A web chatter who chose "text message" (and gave a number) gets the link worker's words by text,
 * not only in the web chat they have probably closed; and their reply by text reaches the link worker.
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { translator } from '../../src/i18n';
import { AccountRepository } from '../../src/linkworker';
import { answerJourney, openWebChatter } from '../channels/directline/client';
import { JOURNEY } from '../fixtures/journey';
import { startSmsApp, type SmsApp } from '../helpers/smsApp';

/** The number the journey gives (07700 900123). */
const PERSON = '+447700900123';

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp(
    { LINKWORKER_HOURS: 'always' },
    (database) => loadSampleDirectoryIfEmpty(database.db, () => undefined),
    { directLine: { limits: { perConversation: { capacity: 200, perSecond: 50 } } } },
  );
});
afterAll(async () => sms?.stop());

async function linkWorkerApi(url: string): Promise<(path: string, body?: unknown) => Promise<{ status: number; body: unknown }>> {
  await new AccountRepository(sms.database.db).create('lw@example.org', 'a long enough password', 'linkWorker');
  const login = await fetch(`${url}/api/linkworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lw@example.org', password: 'a long enough password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return async (path, body) => {
    const response = await fetch(`${url}/api/linkworker/${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
}

it('the link worker’s message, and the notice when they finish, go by text to the number given in web chat; a reply by text reaches the link worker', async () => {
  const { app, fake } = sms;
  const chatter = await openWebChatter(app.url);
  const { stream } = chatter;
  try {
    await answerJourney(chatter, JOURNEY);
  } finally {
    stream.close();
  }

  const api = await linkWorkerApi(app.url);
  const [handoff] = ((await api('handoffs')).body as { handoffs: { id: string }[] }).handoffs;
  expect((await api(`handoffs/${handoff.id}/claim`, {})).status).toBe(200);
  const sent = await api(`handoffs/${handoff.id}/messages`, { text: 'Hi Sam, this is Alex. Could we talk on Tuesday?' });
  expect(sent.status).toBe(201);
  expect(fake.to(PERSON).map((m) => m.body)).toEqual([expect.stringContaining('Could we talk on Tuesday?')]);

  // Their answer by text: the bot stays quiet, and the link worker reads it.
  expect(await sms.text(PERSON, 'Yes, Tuesday morning is fine')).toEqual([]);
  const { body } = await api(`handoffs/${handoff.id}`);
  expect(JSON.stringify(body)).toContain('Yes, Tuesday morning is fine');

  // When the link worker finishes, they are told by text too (in the SMS form), not only in the closed web chat.
  const before = fake.to(PERSON).length;
  expect((await api(`handoffs/${handoff.id}/close`, { outcome: 'contacted', note: null })).status).toBe(200);
  expect(fake.to(PERSON).slice(before).map((m) => m.body)).toEqual([translator('en')('handoff.closedSms', { serviceName: 'Front Door' })]);
}, 180_000);
