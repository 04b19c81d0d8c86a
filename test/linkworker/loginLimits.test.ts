/**
 * Login limits over real HTTP: guesses sent all at once are counted before any password is checked
 * (at most 5 per account, 20 per address, ever verified in a window); the client address comes from
 * X-Forwarded-For only through a trusted proxy; and an address over its limit does not keep out a
 * link worker who types the right password.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { clientIpBehind, createLinkWorkerServices, registerLinkWorkerApi, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const PASSWORD = 'a long enough password';
let t: TestDatabase;
const servers: Server[] = [];

beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  for (const server of servers) server.close();
  await t.stop();
});

/** An API as src/server.ts sets it up, on the shared database; `trustedProxies` as TRUSTED_PROXIES. */
async function startApi(trustedProxies?: string[]): Promise<{ base: string; deps: LinkWorkerApiDeps }> {
  const deps = createLinkWorkerServices(t.db, {
    messenger: { send: async () => undefined },
    clientIp: trustedProxies ? clientIpBehind(trustedProxies) : undefined,
    log: () => undefined,
  });
  const server = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  registerLinkWorkerApi(server, deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/linkworker`, deps };
}

async function login(base: string, email: string, password: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${base}/login`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  await res.text();
  return res.status;
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((count, s) => ({ ...count, [s]: (count[s] ?? 0) + 1 }), {});

test('40 guesses at once for one account, on two app instances: at most 5 are checked, the rest get 429', async () => {
  const [one, two] = [await startApi(), await startApi()];
  await one.deps.accounts.create('race@example.org', PASSWORD);
  const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `wrong guess number ${i}`));
  const statuses = await Promise.all(guesses.map((guess, i) => login(i % 2 ? two.base : one.base, 'race@example.org', guess)));
  const count = tally(statuses);
  expect((count[401] ?? 0) + (count[200] ?? 0)).toBeLessThanOrEqual(5);
  expect(count[429]).toBeGreaterThanOrEqual(35);
  const failures = await one.deps.audit.list({ action: 'loginFailed' });
  expect(failures.length).toBeLessThanOrEqual(5);
});

test('150 guesses at once across accounts from one address: at most 20 count against it, then one per fresh account', async () => {
  const { base } = await startApi();
  const statuses = await Promise.all(Array.from({ length: 150 }, (_, i) => login(base, `spray${i % 30}@example.org`, `wrong guess ${i}`)));
  const checked = statuses.filter((status) => status === 401).length;
  // 20 against the address, then at most one more for each of the 30 accounts (each already had some).
  expect(checked).toBeLessThanOrEqual(20 + 30);
  expect(checked).toBeGreaterThanOrEqual(20);
  expect(statuses.filter((status) => status === 429).length).toBe(150 - checked);
});

test('behind a trusted proxy each client is counted on its own address; anyone else’s X-Forwarded-For is ignored', async () => {
  const proxied = await startApi(['127.0.0.1']);
  await proxied.deps.accounts.create('behind-proxy@example.org', PASSWORD);
  // An attacker behind the proxy sprays 25 accounts: their own address is limited...
  for (let i = 0; i < 25; i++) await login(proxied.base, `target${i}@example.org`, 'wrong guess here', '203.0.113.66');
  expect(await login(proxied.base, 'target3@example.org', 'wrong guess here', '203.0.113.66')).toBe(429);
  // ... while the same accounts can still be tried from a link worker's address (not limited).
  expect(await login(proxied.base, 'target3@example.org', 'still wrong though', '198.51.100.7')).toBe(401);
  expect(await login(proxied.base, 'behind-proxy@example.org', PASSWORD, '198.51.100.7')).toBe(200);

  // Not a trusted proxy: the header is ignored, so a spray cannot dodge the limit by making up addresses.
  await t.db.collection(Collections.loginThrottle).deleteMany({});
  const direct = await startApi(['10.0.0.1']);
  for (let i = 0; i < 20; i++) expect(await login(direct.base, `dodge${i}@example.org`, 'wrong guess here', `192.0.2.${i}`)).toBe(401);
  expect(await login(direct.base, 'dodge0@example.org', 'wrong guess again', '192.0.2.99')).toBe(429);
});

test('an address over its limit does not keep out a link worker with the right password', async () => {
  await t.db.collection(Collections.loginThrottle).deleteMany({});
  const { base, deps } = await startApi();
  await deps.accounts.create('on-duty@example.org', PASSWORD);
  // Everyone shares one address (a proxy nobody set as trusted): 20 wrong logins from anyone.
  for (let i = 0; i < 20; i++) expect(await login(base, `someone${i}@example.org`, 'wrong guess here')).toBe(401);
  expect(await login(base, 'someone0@example.org', 'wrong guess again')).toBe(429);
  expect(await login(base, 'on-duty@example.org', PASSWORD)).toBe(200);
  expect(await login(base, 'on-duty@example.org', PASSWORD)).toBe(200);
  // A guess at an account from the limited address uses up that account's one attempt there.
  expect(await login(base, 'on-duty@example.org', 'a wrong guess')).toBe(401);
  expect(await login(base, 'on-duty@example.org', PASSWORD)).toBe(429);
});
