/**
 * Someone who said No to keeping their answers, then asked for a person: the handoff does not copy
 * what they said before (the link worker talks with them live), and the link worker is told plainly
 * that they did not agree. Someone who agreed has their web chat copied as before.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { HandoffDesk, type PersonChannel } from '../../src/handoff/desk';
import { HandoffRepository } from '../../src/handoff/repository';
import { ServiceHours } from '../../src/handoff/serviceHours';
import type { TranscriptEntry } from '../../src/handoff/schema';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const PASSWORD = 'a long enough password';
let t: TestDatabase;
let deps: LinkWorkerApiDeps;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await startTestDatabase();
  deps = createLinkWorkerServices(t.db, { messenger: { send: async () => undefined }, log: () => undefined });
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

const WEB_CHAT: PersonChannel = { channelId: 'webchat', conversationId: 'conv-1', conversationReference: { channelId: 'webchat' } };
const SAID_BEFORE: TranscriptEntry[] = [
  { from: 'bot', text: 'Is it OK for us to keep your answers?', at: new Date('2026-11-24T11:40:00Z') },
  { from: 'person', text: 'No', at: new Date('2026-11-24T11:40:10Z') },
  { from: 'person', text: 'my landlord is threatening me, talk to a person', at: new Date('2026-11-24T11:41:00Z') },
];

function deskOn(): HandoffDesk {
  return new HandoffDesk({
    handoffs: new HandoffRepository(t.db),
    referrals: new ReferralRepository(t.db),
    hours: new ServiceHours('always'),
    transcriptOf: async () => SAID_BEFORE,
  });
}

async function viewAsLinkWorker(id: string): Promise<Record<string, unknown>> {
  const email = `worker-${id}@example.org`;
  await deps.accounts.create(email, PASSWORD);
  const login = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1];
  const res = await fetch(`${base}/handoffs/${id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { handoff: Record<string, unknown> }).handoff;
}

test('a person who said No: no transcript from before is copied, and the link worker sees they did not agree', async () => {
  const referrals = new ReferralRepository(t.db);
  // As the dialogs leave it after a No and then "talk to a person": a referral with no consent.
  await referrals.getOrCreate('test:declined', 'webchat', 'en');
  await referrals.recordHumanRequest('test:declined', 'webchat', 'en');
  const outcome = await deskOn().request({ personKey: 'test:declined', reason: 'askedForPerson', channel: WEB_CHAT });
  expect(outcome?.created).toBe(true);
  expect(outcome!.handoff.transcript).toEqual([]);

  const seen = await viewAsLinkWorker(outcome!.handoff._id.toHexString());
  expect(seen.consentGiven).toBe(false);
  expect(seen.transcript).toEqual([]);
  expect(JSON.stringify(seen)).not.toContain('landlord');
});

test('a person who agreed: their web chat so far is copied, and no "did not agree" is shown', async () => {
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate('test:agreed', 'webchat', 'en');
  await referrals.recordConsent('test:agreed', { noticeVersion: 'test', channel: 'webchat', answer: 'yes' });
  const outcome = await deskOn().request({ personKey: 'test:agreed', reason: 'askedForPerson', channel: WEB_CHAT });
  expect(outcome!.handoff.transcript.map((e) => e.text)).toEqual(SAID_BEFORE.map((e) => e.text));
  expect((await viewAsLinkWorker(outcome!.handoff._id.toHexString())).consentGiven).toBe(true);
});
