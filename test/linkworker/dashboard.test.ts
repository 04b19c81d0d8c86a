/**
 * The link-worker dashboard over real HTTP: the page and its files (strict CSP, nothing from
 * other sites, no personal data without login), and the live event stream: login required, a
 * claim and a person's message arrive as events, logout closes the stream. Real restify, real
 * database, real cookies; the change feed's look-back checked against writes stamped out of order.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE, type LinkWorkerApiDeps } from '../../src/linkworker/api';
import { DASHBOARD_CSP, registerLinkWorkerDashboard, type LinkWorkerDashboard } from '../../src/linkworker/dashboardRoutes';
import { HandoffChangeFeed, type HandoffEvent } from '../../src/linkworker/events';
import { HandoffRepository } from '../../src/handoff';
import { hashToken } from '../../src/linkworker/csrf';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const PASSWORD = 'a long enough password';
const SECRET_WORDS = 'I would like to meet people who keep pigeons';
let t: TestDatabase;
let deps: LinkWorkerApiDeps;
let server: Server;
let dashboard: LinkWorkerDashboard;
let origin: string;

beforeAll(async () => {
  t = await startTestDatabase();
  deps = createLinkWorkerServices(t.db, { messenger: { send: async () => undefined }, log: () => undefined });
  server = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  registerLinkWorkerApi(server, deps);
  dashboard = registerLinkWorkerDashboard(server, {
    db: t.db,
    sessions: deps.sessions,
    accounts: deps.accounts,
    serviceName: 'Front Door',
    log: () => undefined,
    feed: { pollMs: 100 },
    events: { sessionCheckMs: 200, heartbeatMs: 300 },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await dashboard.close();
  server.close();
  server.server.closeAllConnections();
  await t.stop();
});

let counter = 0;
async function openHandoff(whatMatters = `Person ${counter + 1} would like some company`): Promise<{ id: string; personKey: string }> {
  const personKey = `test:dash-person-${++counter}`;
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.saveAnswer(personKey, 'whatMatters', whatMatters);
  const referral = (await referrals.find(personKey)) as Referral;
  const { handoff } = await deps.handoffs.open({ referral, reason: 'askedForPerson' });
  return { id: handoff._id.toHexString(), personKey };
}

async function login(): Promise<{ cookie: string; csrf: string }> {
  const email = `dash${++counter}@example.org`;
  await deps.accounts.create(email, PASSWORD);
  const res = await fetch(`${origin}/api/linkworker/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')![1];
  return { cookie: `${SESSION_COOKIE}=${cookie}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** An open SSE stream read as parsed events. */
async function openStream(cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${origin}/api/linkworker/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  const events: { event: string; data: string }[] = [];
  const comments: string[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ event, data: data.join('\n') });
        }
      }
    } catch {
      // aborted
    }
    done = true;
  })();
  const waitFor = async <T>(find: () => T | undefined, what: string, timeout = 5000): Promise<T> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = find();
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; events so far: ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const handoffEvent = (id: string, status?: string) =>
    waitFor(
      () => events.map((e) => (e.event === 'handoff' ? (JSON.parse(e.data) as Record<string, unknown>) : null)).find((e) => e && e.id === id && (!status || e.status === status)) ?? undefined,
      `a handoff event for ${id}${status ? ` (${status})` : ''}`,
    );
  return { res, events, comments, handoffEvent, waitFor, isDone: () => done, close: () => controller.abort(), pump };
}

describe('the dashboard page', () => {
  test('is served with a strict CSP, its own script and style only, and no other site named anywhere', async () => {
    await openHandoff(SECRET_WORDS);
    const res = await fetch(`${origin}/linkworker/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toBe(DASHBOARD_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    // The only inline script is inert JSON; the code is a file from this server.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1].trim());
    expect(scripts).toEqual(['type="application/json" id="dashboard-config"', 'src="/linkworker/static/dashboard.js"']);
    expect(html).not.toMatch(/<style|style=/);
    expect(html).toContain('<h1>Link worker dashboard</h1>');
    expect(html).toMatch(/<label for="login-email">Email address<\/label>/);
    // Nothing about any person is in the page itself: that comes only through the API after login.
    expect(html).not.toContain('pigeons');

    const [js, css] = await Promise.all([fetch(`${origin}/linkworker/static/dashboard.js`), fetch(`${origin}/linkworker/static/dashboard.css`)]);
    expect([js.status, js.headers.get('content-type'), js.headers.get('x-content-type-options')]).toEqual([200, 'text/javascript; charset=utf-8', 'nosniff']);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    const code = await js.text();
    for (const text of [html, code, await css.text()]) {
      // No address of another site, except in the JSON block's strings (there are none).
      expect(text.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? []).toEqual([]);
    }
    // Data goes into the page as text, never as HTML.
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  test('comes in Welsh by ?lang=cy or the browser language, and /linkworker redirects to it', async () => {
    const welsh = await (await fetch(`${origin}/linkworker/?lang=cy`)).text();
    expect(welsh).toContain('<html lang="cy">');
    expect(welsh).toContain('<h1>Dangosfwrdd gweithwyr cyswllt</h1>');
    const byHeader = await fetch(`${origin}/linkworker/`, { headers: { 'accept-language': 'cy-GB,cy;q=0.9' } });
    expect(byHeader.headers.get('content-language')).toBe('cy');
    const redirect = await fetch(`${origin}/linkworker`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/linkworker/']);
  });

  test('the client strings in the page are the whole dashboard locale tree, English and Welsh alike', async () => {
    const root = path.join(__dirname, '../../locales');
    for (const lang of ['en', 'cy']) {
      const html = await (await fetch(`${origin}/linkworker/?lang=${lang}`)).text();
      const json = /<script type="application\/json" id="dashboard-config">([^<]*)<\/script>/.exec(html)![1];
      const config = JSON.parse(json) as { strings: unknown; timeZone: string; outcomes: string[] };
      expect(config.strings).toEqual(JSON.parse(fs.readFileSync(path.join(root, lang, 'dashboard.json'), 'utf8')));
      expect(config.timeZone).toBe('Europe/London');
      expect(config.outcomes).toEqual(['contacted', 'connectedToActivity', 'signpostedElsewhere', 'declined', 'couldNotReach']);
    }
  });
});

describe('the live event stream', () => {
  test('refuses a request without a live session', async () => {
    for (const cookie of [undefined, `${SESSION_COOKIE}=made-up`]) {
      const res = await fetch(`${origin}/api/linkworker/events`, { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    }
  });

  test('delivers an event after a claim, a new handoff and a person\'s message; heartbeats while quiet', async () => {
    const { id, personKey } = await openHandoff();
    const { cookie, csrf } = await login();
    const stream = await openStream(cookie);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.waitFor(() => stream.comments.includes('connected'), 'the connected comment');
    // Let the feed take its starting point, so the claim is a change after it.
    await new Promise((resolve) => setTimeout(resolve, 250));

    const claim = await fetch(`${origin}/api/linkworker/handoffs/${id}/claim`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(claim.status).toBe(200);
    const claimed = await stream.handoffEvent(id, 'claimed');
    expect(claimed).toEqual({ id, status: 'claimed', urgent: false, updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // The event says what changed, never what anyone said.
    expect(Object.keys(claimed).sort()).toEqual(['id', 'status', 'updatedAt', 'urgent']);

    const before = stream.events.length;
    expect(await deps.handoffs.recordPersonMessage(personKey, 'Hello, are you there?')).toBe(true);
    await stream.waitFor(() => stream.events.length > before, 'an event for the message');
    expect(JSON.parse(stream.events[before].data)).toMatchObject({ id, status: 'claimed' });
    expect(stream.events.map((e) => e.data).join('\n')).not.toContain('are you there');

    const other = await openHandoff();
    expect(await stream.handoffEvent(other.id, 'open')).toMatchObject({ urgent: false });

    await stream.waitFor(() => stream.comments.includes('heartbeat'), 'a heartbeat comment');
    // One event per change: nothing is sent twice though the feed looks back over recent changes.
    const keys = stream.events.map((e) => e.data);
    expect(new Set(keys).size).toBe(keys.length);
    stream.close();
    await stream.pump;
    await stream.waitFor(() => dashboard.feed.listenerCount === 0 || undefined, 'the stream to unsubscribe');
  });

  test('says a handoff is deleted when the person asks us to delete their data, so open dashboards drop its card', async () => {
    const { id, personKey } = await openHandoff();
    const kept = await openHandoff();
    const { cookie } = await login();
    const stream = await openStream(cookie);
    await stream.waitFor(() => stream.comments.includes('connected'), 'the connected comment');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await deps.handoffs.eraseFor(personKey)).toBe(1);
    expect(await stream.handoffEvent(id, 'deleted')).toEqual({ id, status: 'deleted', urgent: false, updatedAt: expect.any(String) });
    // Only the erased one: the other handoff is still in the queue.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stream.events.filter((e) => e.event === 'handoff' && JSON.parse(e.data).status === 'deleted').map((e) => JSON.parse(e.data).id)).toEqual([id]);
    expect(stream.events.map((e) => e.data).join('\n')).not.toContain(kept.id);
    stream.close();
    await stream.pump;
  });

  test('closes with an "ended" event soon after logout', async () => {
    const { cookie, csrf } = await login();
    const stream = await openStream(cookie);
    await stream.waitFor(() => stream.comments.includes('connected'), 'the connected comment');
    const logout = await fetch(`${origin}/api/linkworker/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.status).toBe(200);
    await stream.waitFor(() => stream.events.some((e) => e.event === 'ended') || undefined, 'the ended event');
    await stream.waitFor(() => stream.isDone() || undefined, 'the stream to end');
  });

  test('closes with an "ended" event when the session expires while the stream is open, and does not keep it alive', async () => {
    const { cookie } = await login();
    const stream = await openStream(cookie);
    await stream.waitFor(() => stream.comments.includes('connected'), 'the connected comment');
    const sessionId = cookie.slice(`${SESSION_COOKIE}=`.length);
    const sessions = t.db.collection<{ _id: string; idleExpiresAt: Date }>('linkWorkerSessions');
    const before = (await sessions.findOne({ _id: hashToken(sessionId) }))!.idleExpiresAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Open for a while, checked twice: the idle clock was not restarted by the stream.
    expect((await sessions.findOne({ _id: hashToken(sessionId) }))!.idleExpiresAt).toEqual(before);
    await sessions.updateOne({ _id: hashToken(sessionId) }, { $set: { idleExpiresAt: new Date(Date.now() - 1000) } });
    await stream.waitFor(() => stream.events.some((e) => e.event === 'ended') || undefined, 'the ended event');
    await stream.waitFor(() => stream.isDone() || undefined, 'the stream to end');
  });
});

describe('the change feed', () => {
  test('catches a change stamped earlier than one already seen (a late commit or a slower clock), and sends each once', async () => {
    let clock = Date.parse('2030-01-01T12:00:00Z');
    const repo = new HandoffRepository(t.db, () => new Date(clock));
    const feed = new HandoffChangeFeed(t.db, { pollMs: 60_000, lookbackMs: 5000, log: () => undefined });
    const seen: HandoffEvent[] = [];
    const unsubscribe = feed.subscribe((event) => seen.push(event));
    await feed.poll(); // the starting point
    const referrals = new ReferralRepository(t.db);
    const open = async (name: string) => {
      await referrals.getOrCreate(name, 'webchat', 'en');
      return (await repo.open({ referral: (await referrals.find(name)) as Referral, reason: 'crisis' })).handoff._id.toHexString();
    };
    const first = await open('test:feed-a');
    await feed.poll();
    clock -= 3000; // another instance, 3 s behind
    const second = await open('test:feed-b');
    await feed.poll();
    await feed.poll();
    clock -= 60_000; // far outside the look-back: not expected
    await open('test:feed-c');
    await feed.poll();
    expect(seen.map((e) => [e.id, e.status, e.urgent])).toEqual([
      [first, 'open', true],
      [second, 'open', true],
    ]);
    unsubscribe();
    await feed.close();
  });
});
