/**
 * One crisis is one safety worry on the link worker's screen: over real HTTP, a person says crisis
 * words (the referral is marked urgent, the handoff gets the flag with their words) and then asks for
 * a person, which rebuilds the summary from the referral's urgent mark (kept without words).
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const PASSWORD = 'a long enough password';
const WORDS = 'I want to kill myself';
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

async function getAsWorker(path: string) {
  await deps.accounts.create('flags@example.org', PASSWORD).catch(() => undefined);
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'flags@example.org', password: PASSWORD }),
  });
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read field by field below
  return (await (await fetch(`${base}/${path}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } })).json()) as any;
}

it('shows crisis words then "talk to a person" (consent declined, no transcript kept) as one flag, with the words', async () => {
  const personKey = 'test:one-crisis-one-flag';
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  // The crisis turn: the referral is marked urgent, then the handoff opens with the flag and the words.
  await referrals.markUrgent(personKey, 'suicide.kill_self', 'webchat', 'en');
  const flagAt = new Date(Date.now() + 20);
  const { handoff } = await deps.handoffs.open({
    referral: (await referrals.find(personKey)) as Referral,
    reason: 'crisis',
    riskFlags: [{ rule: 'suicide.kill_self', message: WORDS, at: flagAt }],
  });
  // Then "talk to a person": the summary is built again from the referral alone.
  await deps.handoffs.open({ referral: (await referrals.find(personKey)) as Referral, reason: 'askedForPerson' });
  const id = handoff._id.toHexString();

  const queue = await getAsWorker('handoffs');
  expect(queue.handoffs.find((row: { id: string }) => row.id === id).riskFlagCount).toBe(1);
  const detail = (await getAsWorker(`handoffs/${id}`)).handoff;
  expect(detail.riskFlags).toEqual([{ rule: 'suicide.kill_self', message: WORDS, at: flagAt.toISOString() }]);
  expect(detail.summary.riskFlags).toEqual([{ rule: 'suicide.kill_self', message: WORDS, at: flagAt.toISOString() }]);
});
