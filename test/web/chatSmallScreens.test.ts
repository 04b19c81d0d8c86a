/**
 * The web chat page on small screens in real Chromium: long (Welsh) choices wrap instead of being
 * cut off, the message box ends on the first screen of a phone in both languages, and at 400% zoom
 * the question, its choices and the message box fit on the screen together.
 */
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, describeInBrowser, inPage, launchBrowser, openWatchedPage, say, screenshot, startTestApp, waitForBotText, type TestApp } from '../helpers/browser';

const SEND_BOX = '.webchat__send-box-text-box__input';

/** Where an element is on the screen. */
function boxOf(page: Page, selector: string): Promise<{ top: number; bottom: number; height: number }> {
  return inPage(page, `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; })()`);
}

/** Each choice: its text, whether its text is cut off, and its height. */
function choices(page: Page): Promise<{ text: string; cut: boolean; height: number }[]> {
  return inPage(
    page,
    `[...document.querySelectorAll('.webchat__suggested-action')].map((button) => {
      const text = button.querySelector('.webchat__suggested-action__text');
      return { text: text.textContent, cut: text.scrollWidth > text.clientWidth + 1 || button.scrollWidth > button.clientWidth + 1, height: button.getBoundingClientRect().height };
    })`,
  );
}

describeInBrowser('the web chat page on small screens', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each([
    ['cy', 'Cymraeg', 'Ydw', 'dw i wedi bod yn unig ers i mi ymddeol', 'Cerdded a bod yn yr awyr agored'],
    ['en', 'English', 'Yes', 'I have been lonely since I retired', 'Walking and being outdoors'],
  ])('on ?lang=%s at 360x740, every choice is shown whole and at least 44px tall, and the message box is on the first screen', async (lang, language, yes, story, longChoice) => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${app.url}/?lang=${lang}`);
    await waitForBotText(page, /Which language|Pa iaith/);
    expect((await boxOf(page, SEND_BOX)).bottom).toBeLessThanOrEqual(740);
    await say(page, language, /[\s\S]/);
    await say(page, yes, /[\s\S]/);
    await say(page, story, /[\s\S]/);
    await page.waitForTimeout(300);
    const shown = await choices(page);
    expect(shown.map((choice) => choice.text)).toContain(longChoice);
    expect(shown.filter((choice) => choice.cut)).toEqual([]);
    for (const choice of shown) expect(choice.height).toBeGreaterThanOrEqual(44);
    expect(await inPage<number>(page, 'scrollY')).toBe(0);
    expect((await boxOf(page, SEND_BOX)).bottom).toBeLessThanOrEqual(740);
    await screenshot(page, `chat-choices-360px-${lang}`);
    await page.context().close();
  });

  it('at 400% zoom (320x256), the chat is no taller than the screen: the question, its choices and the message box are seen together', async () => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 320, height: 256 } });
    await page.goto(`${app.url}/`);
    await waitForBotText(page, /Which language/);
    await say(page, 'English', /keep your answers/);
    await page.waitForTimeout(300);
    expect((await boxOf(page, '#webchat')).height).toBeLessThanOrEqual(256);
    await page.locator('#webchat').scrollIntoViewIfNeeded();
    await page.locator(SEND_BOX).focus();
    const inView = async (selector: string) => {
      const box = await boxOf(page, selector);
      return box.top >= 0 && box.bottom <= 256;
    };
    expect(await inView(SEND_BOX)).toBe(true);
    expect(await inView('.webchat__suggested-action')).toBe(true);
    // The latest question: its last line shows just above the choices.
    const question = await inPage<{ top: number; bottom: number }>(
      page,
      `(() => { const all = document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content'); const r = all[all.length - 1].getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })()`,
    );
    expect(question.bottom).toBeGreaterThan(0);
    expect(question.bottom).toBeLessThanOrEqual((await boxOf(page, '.webchat__suggested-action')).top);
    expect(await inPage<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/chat-zoom400.png` });
    await page.context().close();
  });
});
