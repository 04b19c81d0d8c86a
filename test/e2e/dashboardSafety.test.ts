/**
 * The link-worker dashboard's safety details, in real Chromium: what the live region reads out
 * when a handoff being looked at turns urgent (the person's own words, and that it is urgent, not
 * the bot's crisis reply), and how handoffs without a name are told apart.
 */
import type { Browser } from 'playwright-core';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { SMS_SERVICE_URL } from '../../src/channels/sms/adapter';
import { SmsCollections } from '../../src/channels/sms/store';
import { loadConfig } from '../../src/config';
import { HandoffRepository } from '../../src/handoff';
import { AccountRepository } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, waitInPage, type WatchedPage } from '../helpers/browser';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const EMAIL = 'safety-worker@example.org';
const PASSWORD = 'a long enough password for tests';

/** In-page: every announcement the live region has made since the page started listening. */
const HEARD = 'window.__heard';
const LISTEN =
  "window.__heard = []; new MutationObserver(() => { const text = document.getElementById('announcer').textContent; " +
  'if (text) window.__heard.push(text); }).observe(document.getElementById(\'announcer\'), { childList: true, subtree: true })';

describeInBrowser('the link-worker dashboard on safety', () => {
  let database: TestDatabase;
  let app: FrontDoor;
  let browser: Browser;
  let worker: WatchedPage;

  beforeAll(async () => {
    [database, browser] = await Promise.all([startTestDatabase(), launchBrowser()]);
    app = await startFrontDoor(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MONGODB_URI: database.uri,
        MONGODB_DATABASE: database.db.databaseName,
        LINKWORKER_HOURS: 'always',
      }),
      () => undefined,
    );
    await new AccountRepository(app.database.db).create(EMAIL, PASSWORD, 'linkWorker');
    worker = await openWatchedPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.stop();
  });

  async function logIn(): Promise<void> {
    const w = worker.page;
    await w.goto(`${app.url}/linkworker/?lang=en`);
    await waitInPage(w, "!document.getElementById('login-view').hidden || !document.getElementById('work-view').hidden");
    if (await w.locator('#work-view').isVisible()) return; // still logged in from the test before
    await w.locator('#login-email').fill(EMAIL);
    await w.locator('#login-password').fill(PASSWORD);
    await w.locator('#login-button').click();
    await waitInPage(w, "!document.getElementById('work-view').hidden && document.getElementById('live-state').textContent.length > 0");
  }

  async function openFor(personKey: string, name?: string): Promise<{ id: string; referral: Referral }> {
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate(personKey, 'webchat', 'en');
    if (name) await referrals.saveAnswer(personKey, 'preferredName', name);
    const referral = (await referrals.find(personKey)) as Referral;
    const { handoff } = await new HandoffRepository(app.database.db).open({ referral, reason: 'askedForPerson' });
    return { id: handoff._id.toHexString(), referral };
  }

  it('reads out the person\'s own new words, all of them, and that the handoff is now urgent', async () => {
    const w = worker.page;
    await logIn();
    const { id, referral } = await openFor('test:safety-announce', 'Sam');
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    await inPage(w, LISTEN);

    // Mid-handoff, two messages from the person and the bot's crisis reply land in one write.
    const start = Date.now();
    await new HandoffRepository(app.database.db).open({
      referral,
      reason: 'crisis',
      transcript: [
        { from: 'person', text: 'sorry, bad day', at: new Date(start) },
        { from: 'person', text: 'actually i feel like ending it', at: new Date(start + 1) },
        { from: 'bot', text: 'I am worried about you. Please call 999 or Samaritans on 116 123.', at: new Date(start + 2) },
      ],
    });
    await waitInPage(w, `${HEARD}.some((text) => text.includes('ending it'))`);
    const heard = await inPage<string[]>(w, `${HEARD}.find((text) => text.includes('ending it'))`);
    expect(heard).toBe('Now urgent: a safety worry was raised for Sam. 2 new messages from Sam. sorry, bad day actually i feel like ending it');
    expect(await inPage<string[]>(w, HEARD)).not.toEqual(expect.arrayContaining([expect.stringContaining('Samaritans')]));
    expect(await inPage<boolean>(w, "!document.getElementById('handoff-urgent').hidden")).toBe(true);
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);

  it('says on the card and the handoff that a person opted out of texts, and the message form says why it cannot send', async () => {
    const w = worker.page;
    await logIn();
    const personKey = 'test:safety-texted-stop';
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate(personKey, 'sms', 'en');
    const reference = { channelId: 'sms', serviceUrl: SMS_SERVICE_URL, user: { id: 'number-key-stop', name: '', role: 'user' }, conversation: { id: 'sms-number-key-stop' } };
    const { handoff } = await new HandoffRepository(app.database.db).open({
      referral: (await referrals.find(personKey)) as Referral,
      reason: 'crisis',
      conversationReference: reference,
    });
    await app.database.db
      .collection(SmsCollections.optOuts)
      .insertOne({ _id: 'number-key-stop' as never, optedOut: true, keyword: 'STOP', changedAt: new Date(), schemaVersion: 1 });
    const id = handoff._id.toHexString();
    const card = `document.querySelector('#queue button[data-handoff-id="${id}"]')`;
    await waitInPage(w, `${card} !== null`);
    expect(await inPage<string>(w, `${card}.querySelector('.facts').textContent`)).toContain('Opted out of texts (they can reply START)');

    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    expect(await w.locator('#handoff-opted-out').textContent()).toBe(
      'This person opted out of texts (they sent STOP). Your messages will not reach them. They can reply START to get texts again.',
    );
    expect(await w.locator('#handoff-opted-out').isVisible()).toBe(true);
    await w.locator('#claim').click();
    await waitInPage(w, "!document.getElementById('message-form').hidden");
    expect(await w.locator('#handoff-opted-out').isVisible()).toBe(true);
    // Nothing sent would reach them: no "They will see it in their chat or as a text message" above a
    // box that cannot deliver; the form says why instead, and the box and Send are off.
    expect(await w.locator('#message-hint').isVisible()).toBe(false);
    expect(await w.locator('#message-cannot-send').textContent()).toBe(
      'You cannot send a message: this person opted out of texts (they sent STOP). If they reply START, you can write to them again.',
    );
    expect(await w.locator('#message-cannot-send').isVisible()).toBe(true);
    expect(await w.locator('#message-text').isDisabled()).toBe(true);
    expect(await w.locator('#send').isDisabled()).toBe(true);
    expect(await w.locator('#message-text').getAttribute('aria-describedby')).toBe('message-cannot-send');
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);

  it('tells handoffs without a name apart by a short reference on the card, the heading and the message label', async () => {
    const w = worker.page;
    await logIn();
    const first = await openFor('test:safety-unnamed-1');
    const second = await openFor('test:safety-unnamed-2');
    const nameOnCard = (id: string) => `document.querySelector('#queue button[data-handoff-id="${id}"] .name').textContent`;
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${second.id}"]') !== null`);
    const firstName = await inPage<string>(w, nameOnCard(first.id));
    const secondName = await inPage<string>(w, nameOnCard(second.id));
    // Handoffs made one after the other have ids that end alike: their references differ throughout,
    // in letters and digits that cannot be misread, and are not the end of the id.
    const reference = /^No name given \(ref ([A-HJKMNP-Z2-9]{6})\)$/;
    const [firstRef, secondRef] = [firstName, secondName].map((name) => reference.exec(name)?.[1] ?? '');
    expect(firstRef).toMatch(/^.{6}$/);
    expect(secondRef).toMatch(/^.{6}$/);
    expect([...firstRef].filter((symbol, i) => symbol === secondRef[i]).length).toBeLessThanOrEqual(2);
    expect(firstRef).not.toBe(first.id.slice(-6).toUpperCase());

    await w.locator(`#queue button[data-handoff-id="${second.id}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    expect(await w.locator('#handoff-heading').textContent()).toBe(`Handoff for ${secondName}`);
    await w.locator('#claim').click();
    await waitInPage(w, "!document.getElementById('message-form').hidden");
    expect(await w.locator('label[for=message-text]').textContent()).toBe(`Message to ${secondName}`);
    // The same reference after a reload: it comes from the handoff, not the page.
    await w.reload();
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${second.id}"]') !== null`);
    expect(await inPage<string>(w, nameOnCard(second.id))).toBe(secondName);
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);

  describe('after logout or the session ending', () => {
    const SECRET = 'I would like to meet people who keep pigeons';
    const DRAFT = 'Hi Morwenna, there is a pigeon club on Tuesdays';
    /** In-page: everything the page holds, shown or hidden, including what is typed in its boxes. */
    const EVERYTHING = "document.body.innerHTML + [...document.querySelectorAll('textarea, input')].map((box) => box.value).join(' ')";

    async function claimWithDraft(personKey: string): Promise<string> {
      const w = worker.page;
      await logIn();
      const referrals = new ReferralRepository(app.database.db);
      await referrals.getOrCreate(personKey, 'webchat', 'en');
      await referrals.saveAnswer(personKey, 'preferredName', 'Morwenna');
      await referrals.saveAnswer(personKey, 'whatMatters', SECRET);
      const { handoff } = await new HandoffRepository(app.database.db).open({ referral: (await referrals.find(personKey)) as Referral, reason: 'askedForPerson' });
      const id = handoff._id.toHexString();
      await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
      await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
      await w.locator('#claim').click();
      await waitInPage(w, "!document.getElementById('message-form').hidden");
      await w.locator('#message-text').fill(DRAFT);
      return id;
    }

    it('leaves nothing of the person in the page after logout, and forgets the draft', async () => {
      const w = worker.page;
      await claimWithDraft('test:safety-logout');
      expect(await inPage<string>(w, EVERYTHING)).toContain(SECRET);
      await w.locator('#logout').click();
      await waitInPage(w, "!document.getElementById('login-view').hidden");
      const left = await inPage<string>(w, EVERYTHING);
      for (const personal of [SECRET, DRAFT, 'Morwenna']) expect(left).not.toContain(personal);

      // Logging in again in the same tab: a logout is on purpose, so the draft is gone too.
      await w.locator('#login-email').fill(EMAIL);
      await w.locator('#login-password').fill(PASSWORD);
      await w.locator('#login-button').click();
      await waitInPage(w, "!document.getElementById('work-view').hidden");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await inPage<string>(w, "document.getElementById('message-text').value")).toBe('');
    }, 60_000);

    it('clears the person when the session ends, and gives the same worker their draft back after logging in again', async () => {
      const w = worker.page;
      const id = await claimWithDraft('test:safety-session-end');
      // The session ends on the server (idle too long, or ended by an admin); the next request finds out.
      await app.database.db.collection('linkWorkerSessions').deleteMany({});
      await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
      await waitInPage(w, "!document.getElementById('login-view').hidden");
      const left = await inPage<string>(w, EVERYTHING);
      for (const personal of [SECRET, DRAFT, 'Morwenna']) expect(left).not.toContain(personal);

      // Logging in again in the same tab (no reload: the draft was only ever in this page's memory).
      await w.locator('#login-email').fill(EMAIL);
      await w.locator('#login-password').fill(PASSWORD);
      await w.locator('#login-button').click();
      await waitInPage(w, `document.getElementById('message-text').value === ${JSON.stringify(DRAFT)}`);
      expect(await w.locator('#handoff-heading').textContent()).toBe('Handoff for Morwenna');
      await waitInPage(w, "/Your unsent message is back/.test(document.getElementById('announcer').textContent)");
      expect(worker.pageErrors).toEqual([]);
    }, 60_000);
  });
});
