/**
 * The live handoff end to end, in real Chromium with two browser contexts: a person in the web chat
 * page asks for a person; a link worker, already logged in to the dashboard in another context,
 * sees it arrive without a reload, claims it, and they message both ways (the person's replies
 * arrive live); the worker closes it with an outcome and a follow-up date; the person is told and
 * the bot carries on. Also: a person's message holding <script> and HTML is plain text in the
 * dashboard, axe finds nothing serious there, and neither page asks anything of another site.
 */
import type { Browser, Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import { startFrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { HandoffRepository } from '../../src/handoff';
import { AccountRepository } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import {
  describeInBrowser,
  inPage,
  isLoopback,
  launchBrowser,
  openWatchedPage,
  say,
  screenshot,
  seriousAxeViolations,
  waitForBotText,
  waitInPage,
  type WatchedPage,
} from '../helpers/browser';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import type { FrontDoor } from '../../src/app';

const en = translator('en');
const EMAIL = 'linkworker@example.org';
const PASSWORD = 'a long enough password for tests';
const SEND_BOX = '.webchat__send-box-text-box__input';
const HOSTILE = '<script>window.__pwned=1</script><b>hi</b>';

/** Sends a message from the person without waiting for the bot (it stays quiet while a link worker holds the chat). */
async function sendOnly(page: Page, text: string): Promise<void> {
  const mine = () => page.locator('.webchat__bubble--from-user').count();
  const before = await mine();
  const box = page.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
  await waitInPage(page, `document.querySelectorAll('.webchat__bubble--from-user').length > ${before}`);
}

/** In-page: the dashboard transcript's lines as text. */
const TRANSCRIPT = "[...document.querySelectorAll('#transcript li')].map((li) => li.textContent)";

describeInBrowser('a live handoff between web chat and the link-worker dashboard', () => {
  let database: TestDatabase;
  let app: FrontDoor;
  let browser: Browser;
  let person: WatchedPage;
  let worker: WatchedPage;
  const log: string[] = [];

  beforeAll(async () => {
    [database, browser] = await Promise.all([startTestDatabase(), launchBrowser()]);
    app = await startFrontDoor(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MONGODB_URI: database.uri,
        MONGODB_DATABASE: database.db.databaseName,
        // Someone is always on duty, so the test does not depend on the hour it runs.
        LINKWORKER_HOURS: 'always',
      }),
      (line) => log.push(line),
    );
    // The account as the CLI makes it, in the app's own database.
    await new AccountRepository(app.database.db).create(EMAIL, PASSWORD, 'linkWorker');
    person = await openWatchedPage(browser);
    worker = await openWatchedPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.stop();
  });

  it('runs from "talk to a person" to the close, both ways live, and the bot carries on', async () => {
    const w = worker.page;
    const p = person.page;

    // The link worker logs in by keyboard and waits with an empty queue.
    const response = await w.goto(`${app.url}/linkworker/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitInPage(w, "!document.getElementById('login-view').hidden");
    expect(await seriousAxeViolations(w)).toEqual([]);
    await w.locator('#login-email').focus();
    await w.keyboard.type(EMAIL);
    await w.keyboard.press('Tab');
    await w.keyboard.type(PASSWORD);
    await w.keyboard.press('Enter');
    await waitInPage(w, "!document.getElementById('work-view').hidden && !document.getElementById('queue-empty').hidden");
    await waitInPage(w, "document.getElementById('live-state').textContent.length > 0");
    expect(await inPage<string>(w, "document.getElementById('signed-in-as').textContent")).toBe(`Logged in as ${EMAIL}`);
    // A mark that a reload would wipe out.
    await inPage(w, 'window.__sameDocument = true');
    await screenshot(w, 'handoff-dashboard-empty');

    // The person, in the web chat page, asks for a person.
    await p.goto(`${app.url}/`);
    await waitForBotText(p, /Which language/);
    await say(p, 'English', /Is it OK for us to keep your answers\?/);
    await say(p, 'Yes', /What matters to you at the moment\?/);
    await say(p, "I've felt lonely since I retired and I'd like to meet people", /What do you enjoy/);
    await say(p, 'talk to a person', /told the Front Door team you.d like to talk to a person/);

    // It appears in the worker's queue without a reload, and the live region says so.
    await waitInPage(w, "document.querySelectorAll('#queue button').length === 1");
    expect(await inPage<boolean>(w, 'window.__sameDocument === true')).toBe(true);
    await waitInPage(w, "/New handoff in the queue/.test(document.getElementById('announcer').textContent)");
    expect(await inPage<string>(w, "document.querySelector('#queue button').textContent")).toContain("I've felt lonely since I retired and I'd like to meet people");

    // Opened and claimed by keyboard.
    await w.locator('#queue button').first().focus();
    await w.keyboard.press('Enter');
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    expect(await inPage<string>(w, 'document.activeElement.id')).toBe('handoff-heading');
    expect(await inPage<string>(w, "document.getElementById('summary').textContent")).toContain("I've felt lonely since I retired and I'd like to meet people");
    expect(await inPage<string>(w, "document.getElementById('summary').textContent")).toContain('Asked to talk to a person');
    await w.locator('#claim').focus();
    await w.keyboard.press('Enter');
    await waitInPage(w, "!document.getElementById('message-form').hidden");
    expect(await inPage<string>(w, "document.getElementById('handoff-status').textContent")).toBe('You are talking with this person');
    await waitForBotText(p, new RegExp(en('handoff.joined').slice(0, 30)));

    // The worker writes; the person reads it in their chat.
    const hello = 'Hello, I am Alex, a link worker. Would you like to meet a walking group?';
    expect(await inPage<string>(w, 'document.activeElement.id')).toBe('message-text');
    await w.keyboard.type(hello);
    await w.locator('#send').click();
    await waitForBotText(p, /I am Alex, a link worker/);
    await waitInPage(w, `${TRANSCRIPT}.some((line) => line.includes('You') && line.includes('I am Alex'))`);

    // The person answers; the bot stays quiet; the worker sees it arrive and hears it announced.
    const botBubbles = await p.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
    await sendOnly(p, 'Yes please, on Saturday mornings');
    await waitInPage(w, `${TRANSCRIPT}.some((line) => line.includes('Yes please, on Saturday mornings'))`);
    await waitInPage(w, "/New message from/.test(document.getElementById('announcer').textContent)");

    // A message holding a script and markup is only text on the dashboard.
    await sendOnly(p, HOSTILE);
    await waitInPage(w, `${TRANSCRIPT}.some((line) => line.includes(${JSON.stringify(HOSTILE)}))`);
    expect(await inPage<string>(w, 'typeof window.__pwned')).toBe('undefined');
    expect(await inPage<number>(w, "document.querySelectorAll('#transcript script, #transcript b').length")).toBe(0);
    expect(await w.getByText(HOSTILE, { exact: true }).isVisible()).toBe(true);
    expect(await p.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count()).toBe(botBubbles);

    // Someone else in crisis: their handoff goes to the top of the queue, marked "Urgent" in words, and is announced.
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate('test:someone-in-crisis', 'webchat', 'en');
    await referrals.saveAnswer('test:someone-in-crisis', 'preferredName', 'Jo');
    const crisisReferral = (await referrals.find('test:someone-in-crisis')) as Referral;
    await new HandoffRepository(app.database.db).open({ referral: crisisReferral, reason: 'crisis' });
    await waitInPage(w, "document.querySelectorAll('#queue button').length === 2");
    expect(await inPage<string>(w, "document.querySelector('#queue button .name').textContent")).toBe('UrgentJo');
    expect(await inPage<string>(w, "document.querySelector('#queue button .tag-urgent').textContent")).toBe('Urgent');
    await waitInPage(w, "/New urgent handoff in the queue: Jo/.test(document.getElementById('announcer').textContent)");

    expect(await seriousAxeViolations(w)).toEqual([]);
    await screenshot(w, 'handoff-dashboard-claimed');
    await screenshot(p, 'handoff-person-chatting');

    // Closed with an outcome and a follow-up date a week ahead.
    const followUp = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await w.locator('#outcome-connectedToActivity').check();
    await w.locator('#close-note').fill('Going to the Saturday walk.');
    await w.locator('#close-follow-up').fill(followUp);
    await w.locator('#close').click();
    const followUpWords = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${followUp}T12:00:00Z`));
    await waitInPage(w, `document.getElementById('handoff-status').textContent === ${JSON.stringify(`Closed: Connected to an activity. Follow up on ${followUpWords}`)}`);
    await waitInPage(w, "document.querySelectorAll('#queue button').length === 1");
    await waitInPage(w, "/Closed: Connected to an activity/.test(document.getElementById('announcer').textContent)");
    await screenshot(w, 'handoff-dashboard-closed');

    // The person is told, and the bot carries on.
    await waitForBotText(p, /The link worker has finished this chat/);
    await say(p, 'thanks', /let.s carry on/);
    await screenshot(p, 'handoff-person-after-close');

    const stored = await app.database.db.collection('handoffs').findOne({ status: 'closed' });
    expect(stored).toMatchObject({ status: 'closed', outcome: 'connectedToActivity', note: 'Going to the Saturday walk.', closedBy: { email: EMAIL } });
    expect((stored!.followUpAt as Date).toISOString().slice(0, 10)).toBe(followUp);
    expect((stored!.transcript as { from: string; text: string }[]).filter((e) => e.from === 'person').map((e) => e.text)).toEqual(
      expect.arrayContaining(['Yes please, on Saturday mornings', HOSTILE]),
    );

    for (const watched of [worker, person]) {
      expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
      expect(watched.cspViolations).toEqual([]);
      expect(watched.pageErrors).toEqual([]);
    }
    expect(await inPage<string>(p, 'typeof window.__pwned')).toBe('undefined');
  }, 120_000);

  it('reflows at 200% zoom (no sideways scrolling), and logging out by keyboard returns to the login form and ends API access', async () => {
    const w = worker.page;
    await w.setViewportSize({ width: 640, height: 900 }); // 1280 px at 200%
    expect(await inPage<boolean>(w, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await w.locator('#logout').isVisible()).toBe(true);
    await screenshot(w, 'handoff-dashboard-zoom200');
    await w.locator('#logout').focus();
    await w.keyboard.press('Enter');
    await waitInPage(w, "!document.getElementById('login-view').hidden");
    expect(await inPage<string>(w, "document.getElementById('status').textContent")).toBe('You are logged out.');
    const res = await w.request.get(`${app.url}/api/linkworker/handoffs`);
    expect(res.status()).toBe(401);

    // The Welsh page is Welsh, and as clean.
    await w.goto(`${app.url}/linkworker/?lang=cy`);
    await waitInPage(w, "!document.getElementById('login-view').hidden");
    expect(await inPage<string>(w, "document.querySelector('label[for=login-email]').textContent")).toBe('Cyfeiriad e-bost');
    expect(await seriousAxeViolations(w)).toEqual([]);
    expect(worker.pageErrors).toEqual([]);
    expect(worker.cspViolations).toEqual([]);
  });
  it('tells queue cards apart in plain words, names safety worries by kind, and drops a deleted handoff live', async () => {
    const w = worker.page;
    await w.setViewportSize({ width: 1280, height: 900 });
    await w.goto(`${app.url}/linkworker/?lang=en`);
    await waitInPage(w, "!document.getElementById('login-view').hidden");
    await w.locator('#login-email').fill(EMAIL);
    await w.locator('#login-password').fill(PASSWORD);
    await w.locator('#login-button').click();
    await waitInPage(w, "!document.getElementById('work-view').hidden && document.getElementById('live-state').textContent.length > 0");

    // Two people with no name and no words: one in crisis by text in Welsh, one who asked for a person in web chat.
    const referrals = new ReferralRepository(app.database.db);
    const repo = new HandoffRepository(app.database.db);
    const at = new Date();
    await referrals.getOrCreate('test:cards-crisis', 'sms', 'cy');
    const crisis = await repo.open({
      referral: (await referrals.find('test:cards-crisis')) as Referral,
      reason: 'crisis',
      riskFlags: [
        { rule: 'cy.suicide.end_it', message: 'Dw i eisiau gorffen y cwbl', at },
        { rule: 'danger.threatened', message: null, at },
      ],
    });
    await referrals.getOrCreate('test:cards-asked', 'webchat', 'en');
    const asked = await repo.open({ referral: (await referrals.find('test:cards-asked')) as Referral, reason: 'askedForPerson' });
    const card = (id: string) => `document.querySelector('#queue button[data-handoff-id="${id}"]')`;
    const crisisId = crisis.handoff._id.toHexString();
    const askedId = asked.handoff._id.toHexString();
    await waitInPage(w, `${card(crisisId)} !== null && ${card(askedId)} !== null`);
    expect(await inPage<string>(w, `${card(crisisId)}.querySelector('.facts').textContent`)).toBe('Crisis · Welsh · Text message (SMS) · Has not agreed to us keeping their answers');
    expect(await inPage<string>(w, `${card(askedId)}.querySelector('.facts').textContent`)).toBe('Asked to talk to a person · English · Web chat · Has not agreed to us keeping their answers');

    // The safety worry is said in plain words only: no internal rule id for the worker to decode.
    await w.locator(`#queue button[data-handoff-id="${crisisId}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    const flag = await inPage<string>(w, "[...document.querySelectorAll('#summary dt')].find((dt) => dt.textContent === 'Safety worries').nextElementSibling.textContent");
    // They never agreed to us keeping their answers: the link worker is told so first.
    expect(await inPage<string>(w, "document.querySelector('#summary dd').textContent")).toBe(
      'This person has not agreed to us keeping their answers, so what they said before is not kept here. Talk with them live.',
    );
    expect(flag).toMatch(/^Thoughts of suicide at .*: “Dw i eisiau gorffen y cwbl”/);
    expect(flag).not.toMatch(/rule|suicide\.|danger\./);
    // English rule ids name their kind in short ("danger.", "medical."): still in plain words.
    expect(flag).toMatch(/Danger from someone at [^(]*$/);

    // The person who asked for a person deletes their data: their card goes without a reload.
    await repo.eraseFor('test:cards-asked');
    await waitInPage(w, `${card(askedId)} === null`);
    expect(await inPage<boolean>(w, "!document.getElementById('handoff').hidden")).toBe(true);

    // Deleted while a worker is looking at it: the details go and the panel says so.
    await w.locator(`#queue button[data-handoff-id="${crisisId}"]`).click();
    await waitInPage(w, "/Thoughts of suicide/.test(document.getElementById('summary').textContent)");
    await repo.eraseFor('test:cards-crisis');
    await waitInPage(w, `${card(crisisId)} === null && document.getElementById('handoff').hidden`);
    expect(await inPage<string>(w, "document.getElementById('handoff-none').textContent")).toBe(
      'This handoff is no longer here. The person may have asked us to delete their data.',
    );
    expect(await inPage<string>(w, "document.getElementById('summary').textContent")).toBe('');
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);
});
