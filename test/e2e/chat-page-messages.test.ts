/**
 * What the person sees of who is speaking in the web chat page, in real Chromium: a link worker's
 * message has a visible "Link worker" name, its own colours and its own screen-reader label; the
 * crisis reply's phone numbers are tel: links; a chat that could not be resumed says so; and on a
 * 360x740 phone the chat and its send box are on the first screen.
 */
import type { Browser, Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import {
  describeInBrowser,
  inPage,
  launchBrowser,
  openWatchedPage,
  say,
  screenshot,
  seriousAxeViolations,
  startTestApp,
  textOf,
  waitForBotText,
  waitInPage,
  type TestApp,
} from '../helpers/browser';

const en = translator('en');
const cy = translator('cy');
const WELCOME = /automated assistant for Front Door[\s\S]*Which language/;

/** In-page: the screen-reader label Web Chat gives each message (what arrow-key navigation reads). */
const SPOKEN_LABELS = `[...document.querySelectorAll('.webchat__basic-transcript__activity-active-descendant')]
  .map((node) => document.getElementById(node.getAttribute('aria-labelledby')).textContent.replace(/\\s+/g, ' ').trim())`;

/** In-page: what the live region announced as each message arrived. */
const ANNOUNCED = `[...document.querySelectorAll('.webchat__live-region-activity')].map((node) => node.textContent.replace(/\\s+/g, ' ').trim())`;

describeInBrowser('the web chat page: who is speaking, crisis numbers, timed-out chats, small phones', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** What a link worker's message from the dashboard becomes: a proactive message marked as theirs. */
  async function linkWorkerSays(page: Page, text: string): Promise<void> {
    const { conversationId } = JSON.parse(await inPage<string>(page, "sessionStorage.getItem('frontdoor.chat')")) as { conversationId: string };
    const reference = await app.app.directLine.referenceFor(conversationId);
    await app.app.directLine.adapter.continueConversationAsync('', reference!, async (context) => {
      await context.sendActivity({ type: 'message', text, channelData: { frontDoor: { from: 'linkWorker' } } });
    });
  }

  it.each([
    ['en', en, ''],
    ['cy', cy, '?lang=cy'],
  ])("names a link worker's message on screen and to screen readers, unlike the bot's (%s)", async (lang, t, query) => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${app.url}/${query}`);
    await waitForBotText(page, lang === 'cy' ? /Pa iaith/ : WELCOME);
    await waitInPage(page, "sessionStorage.getItem('frontdoor.chat') !== null");
    await linkWorkerSays(page, 'I am here Edward. Are you safe right now?');
    await waitForBotText(page, /I am here Edward/);

    // On screen: the name above the link worker's bubble, and only there.
    const names = await page.locator('.frontdoor-link-worker__name').allTextContents();
    expect(names).toEqual([t('web.chat.linkWorker.label')]);
    expect(await page.locator('.frontdoor-link-worker .webchat__bubble__content').textContent()).toContain('I am here Edward');
    const colours = await inPage<string[]>(
      page,
      `[...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')].map((n) => getComputedStyle(n).backgroundColor)`,
    );
    expect(colours[colours.length - 1]).not.toBe(colours[0]);

    // To screen readers: "Link worker said: ..." for the link worker, "Front Door said: ..." for the bot.
    const labels = await inPage<string[]>(page, SPOKEN_LABELS);
    const botSaid = t('web.chat.webchat.ACTIVITY_BOT_SAID_ALT', { serviceName: 'Front Door' });
    expect(labels[labels.length - 1]).toBe(`${t('web.chat.linkWorker.said')} I am here Edward. Are you safe right now?`);
    expect(labels[0].startsWith(`${botSaid} `)).toBe(true);
    expect(labels.filter((label) => label.includes('I am here Edward') && label.includes(botSaid))).toEqual([]);
    await waitInPage(page, `${ANNOUNCED}.some((text) => text.includes('I am here Edward'))`);
    const announced = (await inPage<string[]>(page, ANNOUNCED)).filter((text) => text.includes('I am here Edward'));
    expect(announced).toEqual([`${t('web.chat.linkWorker.said')} I am here Edward. Are you safe right now?`]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await screenshot(page, `page-link-worker-${lang}`);
    await page.context().close();
  });

  it("makes the crisis reply's phone numbers tappable tel: links, keeping its words", async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
    await say(page, 'I want to kill myself', /Samaritans/);
    const links = await page.$$eval('.webchat__bubble__content a[href^="tel:"]', (nodes) => nodes.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
    expect(links).toEqual(['tel:999 999', 'tel:111 111', 'tel:116123 116 123']);
    // The words around them are unchanged.
    const crisis = (await textOf(page, '.webchat__bubble__content:has(a[href="tel:999"])')).replace(/\u200b/g, '');
    expect(crisis).toContain('If you are in danger now, call 999.');
    expect(crisis).toContain('Or text SHOUT to 85258.');
    // One line per point, as written, not run together into one paragraph.
    const lines = (await page.$eval('.webchat__bubble__content:has(a[href="tel:999"])', (node) => (node as unknown as { innerText: string }).innerText)).replace(/\u200b/g, '').split('\n').map((line: string) => line.trim());
    expect(lines).toEqual(expect.arrayContaining(['• If you are in danger now, call 999.', '• Or text SHOUT to 85258.']));
    await screenshot(page, 'page-crisis-links');
    await page.context().close();
  });

  it('says plainly that an earlier chat timed out when it cannot be resumed, then starts a new one', async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
    expect(await textOf(page, '#chat-notice')).toBe('');
    // The phone slept: the saved token no longer works (changed on another page of this tab, where chat.js cannot save over it).
    await page.goto(`${app.url}/privacy`);
    await inPage(page, "sessionStorage.setItem('frontdoor.chat', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('frontdoor.chat')), token: 'expired.token.here' }))");
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    expect(await inPage<string>(page, "document.documentElement.getAttribute('data-chat')")).toBe('started');
    expect(await textOf(page, '#chat-notice')).toBe(en('web.chat.timedOut', { abandonedDays: 90 }));
    expect(await page.locator('#chat-notice').isVisible()).toBe(true);
    expect(await page.locator('#chat-notice').getAttribute('role')).toBe('status');

    // A plain reload of a working chat resumes it, with no notice.
    await waitInPage(page, "JSON.parse(sessionStorage.getItem('frontdoor.chat')).token !== 'expired.token.here'");
    await page.reload();
    await waitInPage(page, "document.documentElement.getAttribute('data-chat') === 'resumed'");
    expect(await textOf(page, '#chat-notice')).toBe('');
    await page.context().close();
  });

  /** In-page: whether an element is wholly inside the viewport (the first screen, with no scrolling). */
  const onFirstScreen = (page: Page, selector: string) =>
    inPage<boolean>(
      page,
      `(() => { const node = document.querySelector(${JSON.stringify(selector)}); if (!node) return false; const box = node.getBoundingClientRect();
        return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth; })()`,
    );

  /** In-page: whether the last bot message can be seen inside the chat's scrolling pane. */
  const LAST_QUESTION_SHOWN = `(() => {
    const bubbles = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')];
    const last = bubbles[bubbles.length - 1].getBoundingClientRect();
    const pane = document.querySelector('.webchat__basic-transcript__scrollable').getBoundingClientRect();
    return last.height > 0 && last.top >= pane.top && last.bottom <= pane.bottom && pane.bottom <= innerHeight; })()`;

  it('shows the start of the chat, its send box and the emergency numbers on the first screen of a 360x740 phone', async () => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    expect(await inPage<number>(page, 'scrollY')).toBe(0);
    for (const selector of ['#leave', '.emergency a[href="tel:999"]', '.emergency a[href="tel:111"]', '.emergency a[href="tel:116123"]', '.webchat__send-box-text-box__input']) {
      expect({ selector, shown: await onFirstScreen(page, selector) }).toEqual({ selector, shown: true });
    }
    // The chat is on screen too, its latest question ("Which language...") in full.
    await waitInPage(page, LAST_QUESTION_SHOWN, 5_000);
    await screenshot(page, 'page-360px-first-screen');

    // A question with many choices stays in sight above them.
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
    await say(page, 'Yes', /What matters to you at the moment\?/);
    await say(page, "I've felt lonely since I retired and I'd like to meet people", /What do you enjoy/);
    await waitInPage(page, "document.querySelectorAll('.webchat__suggested-action').length >= 7");
    await waitInPage(page, LAST_QUESTION_SHOWN, 5_000);
    expect(await onFirstScreen(page, '.webchat__send-box-text-box__input')).toBe(true);
    await screenshot(page, 'page-360px-many-choices');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the longer Welsh header on one screen width at 320px: no sideways scroll, the leave button in reach', async () => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    await page.goto(`${app.url}/?lang=cy`);
    await waitForBotText(page, /Pa iaith/);
    expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    expect(await onFirstScreen(page, '#leave')).toBe(true);
    expect((await page.locator('#leave').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'page-320px-cy');
    await page.context().close();
  });
});
