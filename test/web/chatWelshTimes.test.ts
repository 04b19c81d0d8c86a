/**
 * The Welsh web chat page in real Chromium: every message's time, the first ones too, is seen as a UK
 * clock time and heard in Welsh ("Anfonwyd am 14:43"), never as Web Chat's English "November 24 at 2:43 PM".
 */
import type { Browser } from 'playwright-core';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, say, startTestApp, waitForBotText, type TestApp } from '../helpers/browser';

/** Every text, label and hidden screen-reader text in the chat that speaks of when a message was sent. */
const SENT_AT_WORDS = `(() => {
  const words = [];
  for (const node of document.getElementById('webchat').querySelectorAll('*')) {
    for (const name of ['aria-label', 'title']) {
      const value = node.getAttribute(name);
      if (value && /Anfonwyd|Sent at/i.test(value)) words.push(value.trim());
    }
    for (const child of node.childNodes) {
      if (child.nodeType === 3 && /Anfonwyd|Sent at/i.test(child.textContent)) words.push(child.textContent.trim());
    }
  }
  return words;
})()`;

describeInBrowser('message times on the Welsh web chat page', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('are heard as "Anfonwyd am HH:MM" for every message, the first bot messages included', async () => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 390, height: 800 } });
    await page.goto(`${app.url}/?lang=cy`);
    await waitForBotText(page, /Pa iaith/);
    await say(page, 'Cymraeg', /[\s\S]/);
    const heard = await inPage<string[]>(page, SENT_AT_WORDS);
    expect(heard.length).toBeGreaterThanOrEqual(3);
    for (const text of heard) expect(text).toMatch(/^Anfonwyd am \d\d:\d\d$/);
    // Times Web Chat hides under a run of messages are still only heard, not seen: fewer seen than heard.
    const seen = await inPage<string[]>(page, "[...document.querySelectorAll('.frontdoor-timestamp [aria-hidden]')].map((n) => n.textContent)");
    for (const text of seen) expect(text).toMatch(/^\d\d:\d\d$/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(heard.length);
    await page.context().close();
  });
});
