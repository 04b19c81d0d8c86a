/**
 * The link workers' JSON API over real HTTP: a restify server set up as the app sets it up, the
 * real database, real cookies. Security first: sessions, roles, CSRF, lockout, operator injection;
 * then the 20-way claim race and the claim-message-release-close journey.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Handoff } from '../../src/handoff';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import type { Role } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { completeReferral, WHAT_MATTERS } from '../handoff/referralFixture';

const PASSWORD = 'a long enough password';
let t: TestDatabase;
let deps: LinkWorkerApiDeps;
let server: Server;
let base: string;
const sent: { handoffId: string; text: string }[] = [];
let deliveryFails = false;

async function startApi(extra: Partial<LinkWorkerApiDeps> = {}): Promise<{ server: Server; base: string }> {
  // As src/server.ts sets it up: the same body parser, so the same bodies reach the routes.
  const s = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
  s.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  registerLinkWorkerApi(s, { ...deps, ...extra });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/linkworker` };
}

beforeAll(async () => {
  t = await startTestDatabase();
  deps = createLinkWorkerServices(t.db, {
    messenger: {
      send: async (handoff: Handoff, text: string) => {
        if (deliveryFails) throw new Error('Direct Line is down');
        sent.push({ handoffId: handoff._id.toHexString(), text });
      },
    },
    // Generous per-address limit: every request here comes from 127.0.0.1.
    throttle: { ip: { maxFailures: 100 } },
    log: () => undefined,
  });
  ({ server, base } = await startApi());
});
afterAll(async () => {
  server.close();
  await t.stop();
});

/** A browser-like client: keeps the session cookie, sends the CSRF token it was given. */
class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  lastSetCookie: string | null = null;

  constructor(private readonly root = base) {}

  async request(method: 'GET' | 'POST', path: string, body?: unknown, options: { csrf?: string | null; raw?: string; contentType?: string } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    let payload: string | undefined;
    if (body !== undefined || options.raw !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      payload = options.raw ?? JSON.stringify(body);
    }
    const res = await fetch(`${this.root}/${path}`, { method, headers, body: payload });
    this.lastSetCookie = res.headers.get('set-cookie');
    const match = this.lastSetCookie ? new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(this.lastSetCookie) : null;
    if (match) this.cookie = match[1] || undefined;
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes; each test checks what it reads
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, json, headers: res.headers };
  }

  async login(email: string, password = PASSWORD) {
    const res = await this.request('POST', 'login', { email, password });
    if (res.status === 200) this.csrf = res.json.csrfToken;
    return res;
  }
}

let accountCounter = 0;
async function loggedIn(role: Role = 'linkWorker'): Promise<Client & { email: string }> {
  const email = `worker${++accountCounter}@example.org`;
  await deps.accounts.create(email, PASSWORD, role);
  const client = Object.assign(new Client(), { email });
  expect((await client.login(email)).status).toBe(200);
  return client;
}

let personCounter = 0;
async function openHandoff(reason: 'referralConfirmed' | 'crisis' = 'referralConfirmed'): Promise<string> {
  const personKey = `test:api-person-${++personCounter}`;
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.saveAnswer(personKey, 'whatMatters', `Person ${personCounter} would like some company`);
  const referral = (await referrals.find(personKey)) as Referral;
  return (await deps.handoffs.open({ referral, reason })).handoff._id.toHexString();
}

describe('security', () => {
  test('without a session every API route answers 401 with the uniform error shape', async () => {
    const id = await openHandoff();
    const routes: ['GET' | 'POST', string][] = [
      ['POST', 'logout'],
      ['POST', 'logout-everywhere'],
      ['GET', 'me'],
      ['GET', 'handoffs'],
      ['GET', `handoffs/${id}`],
      ['GET', `handoffs/${id}/export`],
      ['POST', `handoffs/${id}/claim`],
      ['POST', `handoffs/${id}/messages`],
      ['POST', `handoffs/${id}/release`],
      ['POST', `handoffs/${id}/close`],
      ['GET', 'audit'],
    ];
    const anonymous = new Client();
    const forged = Object.assign(new Client(), { cookie: 'made-up-session-id', csrf: 'made-up-token' });
    for (const [method, path] of routes) {
      const body = method === 'POST' ? { text: 'hi', outcome: 'contacted' } : undefined;
      for (const client of [anonymous, forged]) {
        const res = await client.request(method, path, body);
        expect([method, path, res.status]).toEqual([method, path, 401]);
        expect(res.json).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      }
    }
    expect((await deps.handoffs.get(id))?.status).toBe('open');
  });

  test('login sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token in the body', async () => {
    await deps.accounts.create('cookie@example.org', PASSWORD);
    const client = new Client();
    const res = await client.login('Cookie@Example.org');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      account: { id: expect.any(String), email: 'cookie@example.org', role: 'linkWorker' },
      csrfToken: expect.any(String),
      idleTimeoutSeconds: 1800,
      expiresAt: expect.any(String),
    });
    expect(client.lastSetCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200$`));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(res.json)).not.toMatch(/scrypt|salt|hash/);
    expect((await client.request('GET', 'me')).json.account.email).toBe('cookie@example.org');
  });

  test('the cookie is Secure when PUBLIC_BASE_URL is https', async () => {
    const secure = await startApi({ publicBaseUrl: 'https://frontdoor.example.org' });
    try {
      await deps.accounts.create('secure@example.org', PASSWORD);
      const client = new Client(secure.base);
      expect((await client.login('secure@example.org')).status).toBe(200);
      expect(client.lastSetCookie).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    } finally {
      secure.server.close();
    }
  });

  test('a wrong password or unknown email gets the same 401; a non-JSON login is refused', async () => {
    await deps.accounts.create('wrongpw@example.org', PASSWORD);
    const wrong = await new Client().login('wrongpw@example.org', 'not the password');
    const unknown = await new Client().login('nobody-here@example.org', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    const form = await new Client().request('POST', 'login', undefined, {
      raw: 'email=wrongpw%40example.org&password=a+long+enough+password',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  test('a link worker cannot reach admin routes; an admin can', async () => {
    const worker = await loggedIn('linkWorker');
    const res = await worker.request('GET', 'audit');
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    const admin = await loggedIn('admin');
    expect((await admin.request('GET', 'audit')).status).toBe(200);
  });

  test('a POST without the CSRF token, or with another session’s, is refused and changes nothing', async () => {
    const id = await openHandoff();
    const worker = await loggedIn();
    const other = await loggedIn();
    const missing = await worker.request('POST', `handoffs/${id}/claim`, undefined, { csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.json.error.code).toBe('csrf');
    const borrowed = await worker.request('POST', `handoffs/${id}/claim`, undefined, { csrf: other.csrf });
    expect(borrowed.status).toBe(403);
    expect((await worker.request('POST', 'logout', undefined, { csrf: null })).status).toBe(403);
    expect((await deps.handoffs.get(id))?.status).toBe('open');
    expect((await worker.request('GET', 'me')).status).toBe(200); // still logged in
    // A token fetched later (a second tab) works too.
    const tab = (await worker.request('GET', 'me')).json.csrfToken;
    expect((await worker.request('POST', `handoffs/${id}/claim`, undefined, { csrf: tab })).status).toBe(200);
  });

  test('five bad logins lock the account for a while: even the right password is refused', async () => {
    await deps.accounts.create('locked@example.org', PASSWORD);
    for (let i = 0; i < 5; i++) expect((await new Client().login('locked@example.org', `guess number ${i}`)).status).toBe(401);
    const res = await new Client().login('locked@example.org', PASSWORD);
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('locked');
    expect(res.json.error.message).toMatch(/15 minutes/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // Other accounts are not affected.
    await deps.accounts.create('notlocked@example.org', PASSWORD);
    expect((await new Client().login('notlocked@example.org')).status).toBe(200);
  });

  test('JSON bodies carrying MongoDB operators are rejected by validation', async () => {
    await deps.accounts.create('target@example.org', PASSWORD);
    const operatorLogins = [
      { email: 'target@example.org', password: { $gt: '' } },
      { email: { $gt: '' }, password: { $gt: '' } },
      { email: 'target@example.org', password: PASSWORD, $where: '1' },
    ];
    for (const body of operatorLogins) {
      const res = await new Client().request('POST', 'login', body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid');
    }
    const id = await openHandoff();
    const worker = await loggedIn();
    expect((await worker.request('POST', `handoffs/${id}/claim`, { $set: { status: 'closed' } })).status).toBe(400);
    expect((await worker.request('POST', `handoffs/${id}/claim`)).status).toBe(200);
    expect((await worker.request('POST', `handoffs/${id}/messages`, { text: { $gt: '' } })).status).toBe(400);
    expect((await worker.request('POST', `handoffs/${id}/close`, { outcome: { $ne: null } })).status).toBe(400);
    expect((await worker.request('POST', `handoffs/${id}/close`, { outcome: 'contacted', status: 'open' })).status).toBe(400);
    expect((await worker.request('GET', 'handoffs?status[$ne]=closed')).status).toBe(400);
    expect((await deps.handoffs.get(id))?.status).toBe('claimed');
  });

  test('logout ends this session; logout everywhere ends every session of the account', async () => {
    const laptop = await loggedIn();
    const phone = Object.assign(new Client(), { email: laptop.email });
    await phone.login(laptop.email);
    const tablet = Object.assign(new Client(), { email: laptop.email });
    await tablet.login(laptop.email);

    const out = await laptop.request('POST', 'logout');
    expect(out.status).toBe(200);
    expect(laptop.lastSetCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`));
    expect((await laptop.request('GET', 'handoffs')).status).toBe(401);
    expect((await phone.request('GET', 'handoffs')).status).toBe(200);

    const everywhere = await phone.request('POST', 'logout-everywhere');
    expect(everywhere.json).toEqual({ loggedOut: true, sessionsEnded: 2 });
    expect((await phone.request('GET', 'handoffs')).status).toBe(401);
    expect((await tablet.request('GET', 'handoffs')).status).toBe(401);
  });

  test('disabling an account ends its sessions at the next request', async () => {
    const worker = await loggedIn();
    await deps.accounts.setDisabled(worker.email, true);
    expect((await worker.request('GET', 'handoffs')).status).toBe(401);
    await deps.accounts.setDisabled(worker.email, false);
    expect((await worker.request('GET', 'handoffs')).status).toBe(401); // the old session stays ended
  });
});

test('twenty link workers claim one handoff at once through the API: exactly one 200', async () => {
  const id = await openHandoff();
  const workers = await Promise.all(Array.from({ length: 20 }, () => loggedIn()));
  const results = await Promise.all(workers.map((w) => w.request('POST', `handoffs/${id}/claim`)));
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  expect(results.filter((r) => r.status === 409).every((r) => r.json.error.code === 'claimLost')).toBe(true);
  const winner = workers[statuses.indexOf(200)];
  expect((await deps.handoffs.get(id))?.claimedBy?.email).toBe(winner.email);
});

test('the journey: queue, view, claim, message the person, release, claim again, close with an outcome; all audited', async () => {
  const personKey = 'test:api-journey';
  const { referral, transcript } = await completeReferral(t.db, personKey);
  const calm = await openHandoff('referralConfirmed');
  const urgent = (await deps.handoffs.open({ referral, reason: 'crisis', transcript })).handoff._id.toHexString();
  const ann = await loggedIn();
  const ben = await loggedIn();

  const queue = await ann.request('GET', 'handoffs');
  const ids = queue.json.handoffs.map((h: { id: string }) => h.id);
  expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(calm));
  expect(queue.json.handoffs.find((h: { id: string }) => h.id === urgent)).toMatchObject({ urgent: true, status: 'open', whatMatters: WHAT_MATTERS, riskFlagCount: 1 });

  const view = await ann.request('GET', `handoffs/${urgent}`);
  expect(view.status).toBe(200);
  expect(view.json.handoff.summary).toMatchObject({ whatMatters: WHAT_MATTERS, language: 'cy', riskFlags: [{ rule: 'en.hopelessness' }] });
  expect(view.json.handoff.transcript).toHaveLength(transcript.length);
  expect(view.json.handoff.personKey).toBeUndefined();
  expect(view.json.handoff.conversationReference).toBeUndefined();
  expect((await ann.request('GET', `handoffs/${'0'.repeat(24)}`)).status).toBe(404);
  expect((await ann.request('GET', 'handoffs/not-an-id')).status).toBe(404);

  // Messages need the handoff first.
  expect((await ann.request('POST', `handoffs/${urgent}/messages`, { text: 'Hello' })).json.error.code).toBe('notClaimed');
  expect((await ann.request('POST', `handoffs/${urgent}/claim`)).status).toBe(200);
  expect((await ben.request('POST', `handoffs/${urgent}/messages`, { text: 'Hello' })).status).toBe(409);
  expect((await ben.request('POST', `handoffs/${urgent}/release`)).json.error.code).toBe('notYours');

  const hello = await ann.request('POST', `handoffs/${urgent}/messages`, { text: 'Hello Sam, I am Ann, a link worker. Is now a good time?' });
  expect(hello.status).toBe(201);
  expect(sent.at(-1)).toEqual({ handoffId: urgent, text: 'Hello Sam, I am Ann, a link worker. Is now a good time?' });

  deliveryFails = true;
  const failed = await ann.request('POST', `handoffs/${urgent}/messages`, { text: 'Are you still there?' });
  deliveryFails = false;
  expect(failed.status).toBe(502);
  expect(failed.json.error.code).toBe('deliveryFailed');
  const stored = (await deps.handoffs.get(urgent))!.transcript.slice(-2);
  expect(stored.map((e) => [e.from, e.text, e.delivered, e.linkWorker?.email])).toEqual([
    ['linkWorker', 'Hello Sam, I am Ann, a link worker. Is now a good time?', true, ann.email],
    ['linkWorker', 'Are you still there?', false, ann.email],
  ]);

  expect((await ann.request('POST', `handoffs/${urgent}/release`)).json.handoff.status).toBe('open');
  expect((await ben.request('POST', `handoffs/${urgent}/claim`)).status).toBe(200);
  const exported = await ben.request('GET', `handoffs/${urgent}/export`);
  expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="handoff-${urgent}.json"`);

  const past = await ben.request('POST', `handoffs/${urgent}/close`, { outcome: 'contacted', followUpAt: '2020-01-01' });
  expect(past.status).toBe(400);
  expect(past.json.error.message).toMatch(/future/);
  expect((await ben.request('POST', `handoffs/${urgent}/close`, { outcome: 'maybe' })).status).toBe(400);
  const followUp = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const closed = await ben.request('POST', `handoffs/${urgent}/close`, { outcome: 'connectedToActivity', note: 'Bird walk on Saturday', followUpAt: followUp });
  expect(closed.status).toBe(200);
  expect(closed.json.handoff).toMatchObject({ status: 'closed', outcome: 'connectedToActivity', note: 'Bird walk on Saturday', followUpAt: `${followUp}T00:00:00.000Z` });
  expect((await ann.request('POST', `handoffs/${urgent}/claim`)).json.error.code).toBe('closed');
  expect((await ann.request('GET', 'handoffs')).json.handoffs.map((h: { id: string }) => h.id)).not.toContain(urgent);
  expect((await ann.request('GET', 'handoffs?status=closed')).json.handoffs.map((h: { id: string }) => h.id)).toContain(urgent);

  const admin = await loggedIn('admin');
  const audit = await admin.request('GET', `audit?handoffId=${urgent}`);
  const trail = audit.json.entries.map((e: { action: string; actor: { email: string } }) => `${e.actor.email} ${e.action}`).reverse();
  expect(trail).toEqual([
    `${ann.email} view`,
    `${ann.email} claim`,
    `${ann.email} message`,
    `${ann.email} message`,
    `${ann.email} release`,
    `${ben.email} claim`,
    `${ben.email} export`,
    `${ben.email} close`,
  ]);
  expect(audit.json.entries.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  // The audit log never holds what was said.
  expect(JSON.stringify(audit.json)).not.toContain('Is now a good time');
});
