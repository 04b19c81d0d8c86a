/**
 * What a link worker sees first about a young person and about a worry raised again: the queue card
 * and summary say "Under the minimum age", and a safety worry stored once says how often it came up
 * (real Chromium).
 */
import type { Browser } from 'playwright-core';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { HandoffRepository } from '../../src/handoff';
import { buildSummary } from '../../src/handoff/summary';
import { AccountRepository } from '../../src/linkworker';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, waitInPage, type WatchedPage } from '../helpers/browser';
import { openDashboard } from '../helpers/dashboard';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const EMAIL = 'young-person-worker@example.org';
const PASSWORD = 'a long enough password for tests';

describe('the handoff summary of someone under the minimum age', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => database.stop());

  it('says so, and says nothing for everyone else', async () => {
    const referrals = new ReferralRepository(database.db);
    await referrals.getOrCreate('test:young', 'webchat', 'en');
    await referrals.markUnderMinimumAge('test:young');
    await referrals.getOrCreate('test:adult', 'webchat', 'en');
    expect(buildSummary((await referrals.find('test:young')) as Referral)).toMatchObject({ underMinimumAge: true });
    expect(buildSummary((await referrals.find('test:adult')) as Referral)).not.toHaveProperty('underMinimumAge');
  });
});

describeInBrowser('the dashboard for a young person whose worry came up three times', () => {
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
    ['en', 'Under the minimum age', 'Age: Said they are under the minimum age', '(raised 3 times, last at'],
    ['cy', 'O dan yr oed lleiaf', 'Oed: Wedi dweud eu bod o dan yr oed lleiaf', '(codwyd 3 gwaith, y tro olaf am'],
  ])('in %s the card says "%s", the summary "%s", the worry "%s"', async (lang, card, row, again) => {
    const personKey = `test:young-dashboard-${lang}`;
    const referrals = new ReferralRepository(app.database.db);
    await referrals.getOrCreate(personKey, 'webchat', 'en');
    await referrals.markUnderMinimumAge(personKey);
    const handoffs = new HandoffRepository(app.database.db);
    const start = Date.now();
    let id = '';
    for (let n = 0; n < 3; n++) {
      const referral = (await referrals.find(personKey)) as Referral;
      const at = new Date(start + n * 120_000);
      const { handoff } = await handoffs.open({ referral, reason: 'crisis', riskFlags: [{ rule: 'danger.being_hurt', at, message: `worry ${n + 1}` }] });
      id = handoff._id.toHexString();
    }

    const w = worker.page;
    await openDashboard(w, app.url, lang, EMAIL, PASSWORD);
    await waitInPage(w, `document.querySelector('#queue button[data-handoff-id="${id}"]') !== null`);
    const cardText = await inPage<string>(w, `document.querySelector('#queue button[data-handoff-id="${id}"]').closest('li').textContent`);
    expect(cardText).toContain(card);
    await w.locator(`#queue button[data-handoff-id="${id}"]`).click();
    await waitInPage(w, "!document.getElementById('handoff').hidden");
    const rows = await inPage<string[]>(w, "[...document.querySelectorAll('#summary dt')].map((dt) => dt.textContent + ': ' + dt.nextElementSibling.textContent)");
    expect(rows.some((r) => r.startsWith(row))).toBe(true);
    expect(rows.find((r) => r.includes('worry 1'))).toContain(again);
    expect(worker.pageErrors).toEqual([]);
  }, 60_000);
});
