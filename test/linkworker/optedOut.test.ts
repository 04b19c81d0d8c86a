/**
 * A person who texted STOP and then sent crisis words: over real HTTP, the queue and the handoff say
 * they opted out of texts, and a link worker's message says why it was not sent (trying again will
 * never work) instead of "could not be delivered ... Try again later".
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { SMS_SERVICE_URL } from '../../src/channels/sms/adapter';
import { SmsCollections } from '../../src/channels/sms/store';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const PASSWORD = 'a long enough password';
let t: TestDatabase;
let deps: LinkWorkerApiDeps;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await startTestDatabase();
  deps = createLinkWorkerServices(t.db, {
    // As the SMS channel does for someone who texted STOP: nothing is sent.
    messenger: {
      send: async () => {
        throw new Error('opted out');
      },
    },
    log: () => undefined,
  });
  server = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  registerLinkWorkerApi(server, deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/linkworker`;
});
afterAll(async () => {
  server.close();
  await t.stop();
});

async function worker() {
  await deps.accounts.create('stop@example.org', PASSWORD);
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'stop@example.org', password: PASSWORD }),
  });
  const cookie = `${SESSION_COOKIE}=${new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1]}`;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${base}/${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read field by field below
    return { status: res.status, json: (await res.json()) as any };
  };
}

async function textingPerson(personKey: string, numberKey: string): Promise<string> {
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate(personKey, 'sms', 'en');
  const reference = { channelId: 'sms', serviceUrl: SMS_SERVICE_URL, user: { id: numberKey, name: '', role: 'user' }, conversation: { id: `sms-${numberKey}` } };
  const { handoff } = await deps.handoffs.open({ referral: (await referrals.find(personKey)) as Referral, reason: 'crisis', conversationReference: reference });
  return handoff._id.toHexString();
}

it('says a person opted out of texts on their card, their handoff, and when a message cannot reach them', async () => {
  const stopped = await textingPerson('test:texted-stop', 'number-key-stopped');
  const texting = await textingPerson('test:still-texting', 'number-key-texting');
  await t.db.collection(SmsCollections.optOuts).insertOne({ _id: 'number-key-stopped' as never, optedOut: true, keyword: 'STOP', changedAt: new Date(), schemaVersion: 1 });
  const api = await worker();

  const queue = (await api('GET', 'handoffs')).json.handoffs as { id: string; optedOutOfTexts: boolean }[];
  expect(queue.find((row) => row.id === stopped)!.optedOutOfTexts).toBe(true);
  expect(queue.find((row) => row.id === texting)!.optedOutOfTexts).toBe(false);
  expect((await api('GET', `handoffs/${stopped}`)).json.handoff.optedOutOfTexts).toBe(true);

  // Claiming keeps saying so (the "a link worker has joined" text does not reach them either).
  expect((await api('POST', `handoffs/${stopped}/claim`)).json.handoff.optedOutOfTexts).toBe(true);
  const sent = await api('POST', `handoffs/${stopped}/messages`, { text: 'Hello, I am here to help.' });
  expect(sent.status).toBe(409);
  expect(sent.json.error.code).toBe('optedOut');
  expect(sent.json.error.message).toContain('opted out of texts');
  expect(sent.json.error.message).toContain('START');

  // Anyone else whose message fails still hears "try again later".
  await api('POST', `handoffs/${texting}/claim`);
  const failed = await api('POST', `handoffs/${texting}/messages`, { text: 'Hello' });
  expect([failed.status, failed.json.error.code]).toEqual([502, 'deliveryFailed']);
});
