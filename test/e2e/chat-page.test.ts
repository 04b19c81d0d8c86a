/**
 * The web chat page (GET /) in real Chromium: it loads and connects with nothing but loopback
 * requests and no CSP violation, axe finds nothing serious, it works at 200% zoom and on a
 * narrow phone, the Welsh page is Welsh, polling works as well as the WebSocket, and "Leave this
 * site quickly" clears the tab's storage and replaces the history entry.
 */
import type { Browser } from 'playwright-core';
import { translator } from '../../src/i18n';
import { LEAVE_URL } from '../../src/web';
import {
  describeInBrowser,
  inPage,
  isLoopback,
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

describeInBrowser('the web chat page', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads, connects over the WebSocket and shows the welcome, with no request off loopback and no CSP violation', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    const response = await page.goto(`${app.url}/`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);

    expect(await textOf(page, 'h1')).toBe('Front Door');
    expect(await textOf(page, '.emergency h2')).toBe(en('web.emergency.heading'));
    const tel = await page.$$eval('.emergency a[href^="tel:"]', (links) => links.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
    expect(tel).toEqual(['tel:999 999', 'tel:111 111', 'tel:116123 116 123']);
    expect(await page.locator('#leave').isVisible()).toBe(true);
    expect(await page.locator('a[href="/privacy?lang=en"]').isVisible()).toBe(true);

    await waitForBotText(page, WELCOME);
    expect(await page.locator('.webchat__suggested-action', { hasText: 'Cymraeg' }).isVisible()).toBe(true);
    await screenshot(page, 'page-welcome');

    expect(watched.requests.some((url) => url.startsWith('ws://127.0.0.1'))).toBe(true);
    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.2 AA)', async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['200% zoom of a 1280px screen', { width: 640, height: 800 }],
    ['a 320px phone (WCAG reflow)', { width: 320, height: 640 }],
  ])('is usable at %s: no horizontal scroll, the chat and the leave button in reach', async (name, viewport) => {
    const { page } = await openWatchedPage(browser, { viewport, deviceScaleFactor: 2 });
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    const widths = await inPage<{ scroll: number; client: number }>(
      page,
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const inViewport = (selector: string) =>
      inPage<boolean>(
        page,
        `(() => { const box = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
          return box.width > 0 && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight; })()`,
      );
    expect(await inViewport('#leave')).toBe(true);
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.scrollIntoViewIfNeeded();
    expect(await inViewport('.webchat__send-box-text-box__input')).toBe(true);
    // Touch targets: the leave button, the choices and the send box are at least 44 CSS px tall.
    for (const selector of ['#leave', '.webchat__suggested-action', '.webchat__send-box__main', '.webchat__send-box__button']) {
      const box = await page.locator(selector).first().boundingBox();
      expect({ selector, height: box?.height ?? 0 }).toEqual({ selector, height: expect.any(Number) });
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, `page-${viewport.width}px`);
    await page.context().close();
  });

  it('speaks Welsh on ?lang=cy: the page text, Web Chat labels and the locale sent to the bot', async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${app.url}/?lang=cy`);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page, '#leave')).toBe(cy('web.leave.button'));
    expect(await textOf(page, '.emergency h2')).toBe(cy('web.emergency.heading'));
    expect(await textOf(page, 'a[hreflang="en"]')).toBe('English');
    await waitForBotText(page, /Pa iaith/);
    const input = page.locator('.webchat__send-box-text-box__input');
    expect(await input.getAttribute('placeholder')).toBe(cy('web.chat.webchat.TEXT_INPUT_PLACEHOLDER'));
    await screenshot(page, 'page-cy');
    await page.context().close();
  });

  it('works over HTTP polling too (?transport=polling), with no WebSocket', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${app.url}/?transport=polling`);
    await waitForBotText(page, WELCOME);
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
    expect(watched.requests.some((url) => url.startsWith('ws:'))).toBe(false);
    expect(watched.requests.some((url) => /\/v3\/directline\/conversations\/[^/]+\/activities\?watermark=/.test(url))).toBe(true);
    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
    await page.context().close();
  });

  it('keeps the conversation when the language is switched, and replaces the page rather than adding history', async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    await say(page, 'English', /Is it OK for us to keep your answers\?/);
    const stored = await inPage<string>(page, "sessionStorage.getItem('frontdoor.chat')");
    const historyLength = await inPage<number>(page, 'history.length');
    await page.locator('a[hreflang="cy"]').click();
    await page.waitForURL(`${app.url}/?lang=cy`);
    await waitInPage(page, "document.documentElement.getAttribute('data-chat') === 'resumed'");
    await waitForBotText(page, /Is it OK for us to keep your answers\?/);
    expect(await inPage<number>(page, 'history.length')).toBe(historyLength);
    expect(JSON.parse(await inPage<string>(page, "sessionStorage.getItem('frontdoor.chat')")).conversationId).toBe(JSON.parse(stored).conversationId);
    expect(await textOf(page, '#leave')).toBe(cy('web.leave.button'));
    await page.context().close();
  });

  it('starts a new conversation when the stored one cannot be resumed (expired or damaged token)', async () => {
    const { page } = await openWatchedPage(browser);
    await page.context().addInitScript(
      "sessionStorage.getItem('frontdoor.chat') || sessionStorage.setItem('frontdoor.chat', JSON.stringify({ conversationId: 'gone', token: 'not.a.token' }))",
    );
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    expect(await inPage<string | null>(page, "document.documentElement.getAttribute('data-chat')")).toBe('started');
    await waitInPage(page, "JSON.parse(sessionStorage.getItem('frontdoor.chat')).conversationId !== 'gone'");
    await page.context().close();
  });

  it('says kindly that the chat could not start when Web Chat cannot load, and keeps the emergency numbers', async () => {
    const { page } = await openWatchedPage(browser);
    await page.route('**/static/webchat.js', (route) => route.fulfill({ status: 503, contentType: 'text/javascript', body: '' }));
    await page.goto(`${app.url}/`);
    await waitInPage(page, "document.getElementById('chat-status').classList.contains('failed')");
    expect(await textOf(page, '#chat-status')).toBe(en('web.chat.failed'));
    expect(await page.locator('.emergency a[href="tel:999"]').isVisible()).toBe(true);
    await page.context().close();
  });

  it('"Leave this site quickly" clears the tab storage and replaces the page in the history', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    // The neutral site is answered here: no request leaves this machine.
    const leaveHost = new URL(LEAVE_URL).host;
    let intercepted = 0;
    await page.route(`https://${leaveHost}/**`, (route) => {
      intercepted++;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather</p>' });
    });

    await page.goto(`${app.url}/privacy`);
    await page.goto(`${app.url}/`);
    await waitForBotText(page, WELCOME);
    await waitInPage(page, "sessionStorage.getItem('frontdoor.chat') !== null");
    const historyLength = await inPage<number>(page, 'history.length');
    // Until the click, nothing is asked of the neutral site.
    expect(intercepted).toBe(0);
    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);

    await page.locator('#leave').click();
    await page.waitForURL(LEAVE_URL);
    expect(intercepted).toBe(1);
    expect(await inPage<number>(page, 'history.length')).toBe(historyLength);

    // Back goes to the page before the chat, not to the chat, and the chat's storage is gone.
    await page.goBack();
    expect(page.url()).toBe(`${app.url}/privacy`);
    expect(await inPage<number>(page, 'sessionStorage.length')).toBe(0);
    await page.context().close();
  });
});
