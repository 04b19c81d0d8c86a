/**
 * The link-worker dashboard's queue cards and closing, in real Chromium: a handoff put back in the
 * queue says so (and when), so the next worker knows someone already talked to the person; closing
 * a handoff the worker never wrote in warns first (the person was told a link worker joined).
 */
import type { Browser } from 'playwright-core';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { HandoffRepository } from '../../src/handoff';
import { AccountRepository } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, waitInPage, type WatchedPage } from '../helpers/browser';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const EMAIL = 'cards-worker@example.org';
const PASSWORD = 'a long enough password for tests';

describeInBrowser('the link-worker dashboard queue cards and closing', () => {
  let database: TestDatabase;
  let app: FrontDoor;
  let browser: Browser;
  let worker: WatchedPage;

  beforeAll(async () => {
    [database, browser] = await Promise.all([startTestDatabase(), launchBrowser()]);
    app = await startFrontDoor(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGODB_URI: database.uri, MONGODB_DATABASE: database.db.databaseName, LINKWORKER_HOURS: 'always' }),
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

  it('says on the card of a handoff put back in the queue that someone already talked to them, and when', async () => {
    const w = worker.page;
    await w.goto(`${app.url}/linkworker/?lang=en`);
    await w.locator('#login-email').fill(EMAIL);
    await w.locator('#login-password').fill(PASSWORD);
    await w.locator('#login-button').click();
    await waitInPage(w, "!document.getElementById('work-view').hidden");

    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate('test:cards-released', 'webchat', 'en');
    await referrals.saveAnswer('test:cards-released', 'preferredName', 'Gwen');
    const referral = (await referrals.find('test:cards-released')) as Referral;
    const { handoff } = await new HandoffRepository(app.database.db).open({ referral, reason: 'askedForPerson' });
    const id = handoff._id.toHexString();
    const meta = `document.querySelector('#queue button[data-handoff-id="${id}"] .meta').textContent`;
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
    expect(await inPage<string>(w, meta)).toMatch(/^Waiting since [^·]*$/);

    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await w.locator('#claim').click();
    await waitInPage(w, "!document.getElementById('message-form').hidden");
    await w.locator('#release').click();
    await waitInPage(w, `/Put back/.test(${meta})`);
    expect(await inPage<string>(w, meta)).toMatch(/^Waiting since .+ · Put back in the queue at .*\d\d:\d\d: someone has already talked to them$/);
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);

  it('warns before closing a handoff the worker claimed but never wrote in, and closes on the second press', async () => {
    const w = worker.page;
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate('test:cards-unspoken', 'webchat', 'en');
    await referrals.saveAnswer('test:cards-unspoken', 'preferredName', 'Huw');
    const referral = (await referrals.find('test:cards-unspoken')) as Referral;
    const { handoff } = await new HandoffRepository(app.database.db).open({ referral, reason: 'askedForPerson' });
    const id = handoff._id.toHexString();
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await w.locator('#claim').click();
    await waitInPage(w, "!document.getElementById('close-form').hidden");

    await w.locator('#outcome-couldNotReach').check();
    await w.locator('#close').click();
    await waitInPage(w, "document.getElementById('close-error').textContent.length > 0");
    expect(await w.locator('#close-error').textContent()).toBe(
      'You have not written to them yet. When you claimed this, they were told a link worker joined. ' +
        'If you close now, they will get two messages in a row. Write to them first, or press Close handoff again to close anyway.',
    );
    expect((await new HandoffRepository(app.database.db).get(id))?.status).toBe('claimed');

    await w.locator('#close').click();
    await waitInPage(w, "/^Closed/.test(document.getElementById('handoff-status').textContent)");
    expect((await new HandoffRepository(app.database.db).get(id))?.status).toBe('closed');
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);
});
