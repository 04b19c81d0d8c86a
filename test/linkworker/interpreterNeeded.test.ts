/**
 * A person who wrote in another language at the welcome: the handoff's summary says which language
 * they need an interpreter for, and the dashboard shows "Needs an interpreter: Polish" (real Chromium).
 */
import type { Browser } from 'playwright-core';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { HandoffRepository } from '../../src/handoff';
import { buildSummary } from '../../src/handoff/summary';
import { AccountRepository } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { openDashboard } from '../helpers/dashboard';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, waitInPage, type WatchedPage } from '../helpers/browser';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const EMAIL = 'interpreter-worker@example.org';
const PASSWORD = 'a long enough password for tests';

describe('the handoff summary of someone who needs an interpreter', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => database.stop());

  it('names the language they wrote in, kept on the referral', async () => {
    const referrals = new ReferralRepository(database.db);
    await referrals.getOrCreate('test:interpreter-pl', 'webchat', 'en');
    await referrals.setInterpreterLanguage('test:interpreter-pl', 'pl');
    const referral = (await referrals.find('test:interpreter-pl')) as Referral;
    const { handoff } = await new HandoffRepository(database.db).open({ referral, reason: 'askedForPerson' });
    expect(handoff.summary).toMatchObject({ language: 'en', interpreterLanguage: 'pl' });
    const stored = await new HandoffRepository(database.db).get(handoff._id.toHexString());
    expect(stored?.summary.interpreterLanguage).toBe('pl');
  });

  it('says nothing of an interpreter for someone who chatted in English or Welsh', async () => {
    const referrals = new ReferralRepository(database.db);
    await referrals.getOrCreate('test:interpreter-none', 'webchat', 'cy');
    expect(buildSummary((await referrals.find('test:interpreter-none')) as Referral)).not.toHaveProperty('interpreterLanguage');
  });
});

describeInBrowser('the dashboard for someone who needs an interpreter', () => {
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

  it.each([
    ['en', 'Needs an interpreter', 'Polish'],
    ['cy', 'Angen cyfieithydd', 'Pwyleg'],
  ])('in %s shows "%s: %s" in the summary', async (lang, label, language) => {
    const personKey = `test:interpreter-dashboard-${lang}`;
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate(personKey, 'webchat', 'en');
    await referrals.setInterpreterLanguage(personKey, 'pl');
    const { handoff } = await new HandoffRepository(app.database.db).open({ referral: (await referrals.find(personKey)) as Referral, reason: 'askedForPerson' });
    const id = handoff._id.toHexString();

    const w = worker.page;
    await openDashboard(w, app.url, lang, EMAIL, PASSWORD);
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
    // The queue card says so before it is opened.
    const card = await inPage<string>(w, `document.querySelector('#queue button[data-handoff-id="${id}"]').closest('li').textContent`);
    expect(card).toContain(`${label}: ${language}`);
    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    const rows = await inPage<string[]>(w, "[...document.querySelectorAll('#summary dt')].map((dt) => dt.textContent + ': ' + dt.nextElementSibling.textContent)");
    expect(rows).toContain(`${label}: ${language}`);
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);
});
