/**
 * The web chat page when things happen outside the person's own turns: a message pushed from the
 * server (as a link worker's reply would be) appears in the open page, and after a server restart
 * mid-conversation Web Chat reconnects by itself and the conversation carries on.
 */
import type { Browser, Page } from 'playwright-core';
import {
  describeInBrowser,
  inPage,
  isLoopback,
  launchBrowser,
  openWatchedPage,
  say,
  screenshot,
  startTestApp,
  waitForBotText,
  waitInPage,
  type TestApp,
  type WatchedPage,
} from '../helpers/browser';

describeInBrowser('the web chat page, beyond its own turns', () => {
  let app: TestApp;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    watched = await openWatchedPage(browser);
    page = watched.page;
    await page.goto(`${app.url}/`);
    await waitForBotText(page, /Which language/);
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const conversationId = () => inPage<string>(page, "JSON.parse(sessionStorage.getItem('frontdoor.chat')).conversationId");

  it('shows a message pushed from the server in the open page', async () => {
    const reference = await app.app.directLine.referenceFor(await conversationId());
    expect(reference).toBeDefined();
    await app.app.directLine.adapter.continueConversationAsync('', reference!, async (context) => {
      await context.sendActivity('Hello, this is Alex, a link worker. I have read your answers.');
    });
    await waitForBotText(page, /this is Alex, a link worker/);
    await screenshot(page, 'pushed-message');
  });

  it('reconnects by itself after a server restart mid-conversation, and carries on', async () => {
    await say(page, 'yes', /What matters to you at the moment\?/);
    await app.restart();
    // Web Chat notices the dropped stream and reconnects to the same conversation on the restarted server.
    await say(page, 'Meeting people near me', /What do you enjoy/, 30_000);
    await waitInPage(page, "document.querySelectorAll('.webchat__bubble--from-user').length >= 3");
    const stored = await app.database.db.collection('referrals').findOne({});
    expect(stored?.answers?.whatMatters).toBe('Meeting people near me');
    await screenshot(page, 'after-restart');
    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  }, 90_000);
});
