/**
 * The Welsh web chat page in real Chromium: none of Web Chat's own English words are left (not on
 * screen, not for screen readers), and its "Keyboard controls" box does not cover the chat.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { defaultWebChatBundlePath } from '../../src/web/chat';
import { describeInBrowser, inPage, launchBrowser, openWatchedPage, say, seriousAxeViolations, startTestApp, waitForBotText, type TestApp } from '../helpers/browser';

/** Web Chat's own English strings (its en-US table in the bundle), by string id. */
function webChatEnglish(): Map<string, string> {
  const bundle = fs.readFileSync(defaultWebChatBundlePath(), 'utf8');
  const at = bundle.indexOf('TEXT_INPUT_PLACEHOLDER:"Type your message"');
  const start = bundle.lastIndexOf('{', bundle.lastIndexOf('ACCESS_KEY_ALT:', at));
  const end = bundle.indexOf('}', at);
  const table = new Map<string, string>();
  for (const [, id, text] of bundle.slice(start, end).matchAll(/([A-Z_0-9]+):"((?:[^"\\]|\\.)*)"/g)) table.set(id, JSON.parse(`"${text}"`) as string);
  return table;
}

/** Every word Web Chat shows or gives screen readers: text, labels, titles, placeholders and role names. */
const WORDS_IN_CHAT = `(() => {
  const root = document.getElementById('webchat');
  const words = [];
  for (const node of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription']) {
      const value = node.getAttribute(name);
      if (value) words.push(value.trim());
    }
    for (const child of node.childNodes) if (child.nodeType === 3 && child.textContent.trim()) words.push(child.textContent.trim());
  }
  return words;
})()`;

/** The English words from Web Chat's table among `words` (a "$1" in a string matches anything). */
function englishLeft(words: string[], english: Map<string, string>): string[] {
  const patterns = [...english.values()]
    .filter((text) => text.replace(/\$\d/g, '').trim().length >= 4)
    .map((text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\d/g, '.*')}$`));
  return [...new Set(words.filter((word) => patterns.some((pattern) => pattern.test(word))))];
}

describeInBrowser('the Welsh web chat page', () => {
  let app: TestApp;
  let browser: Browser;
  const english = webChatEnglish();
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The Welsh page on a small phone, after the first answer, with focus tabbed into the chat. */
  async function welshChatAfterTabbing(): Promise<Page> {
    const { page } = await openWatchedPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${app.url}/?lang=cy`);
    await waitForBotText(page, /Pa iaith/);
    await say(page, 'Cymraeg', /[\s\S]/);
    await page.locator('#leave').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    return page;
  }

  it('finds Web Chat English strings in its own table (so the next test can look for them)', () => {
    expect(english.get('TRANSCRIPT_TERMINATOR_TEXT')).toBe('End of chat history');
    expect(english.get('KEYBOARD_HELP_HEADER')).toBe('Keyboard controls');
    expect(english.size).toBeGreaterThan(100);
  });

  it('has no English left from Web Chat: times, end of chat, keyboard help, link titles, role names', async () => {
    const page = await welshChatAfterTabbing();
    const words = await inPage<string[]>(page, WORDS_IN_CHAT);
    expect(englishLeft(words, english)).toEqual([]);
    expect(words).not.toContain('Just now');
    expect(words).not.toContain('message');
    // The time of each message, seen as a clock time and heard in Welsh.
    const heard = await inPage<string[]>(page, "[...document.querySelectorAll('.frontdoor-timestamp .visually-hidden')].map((n) => n.textContent)");
    expect(heard.length).toBeGreaterThan(0);
    for (const text of heard) expect(text).toMatch(/^Anfonwyd am \d\d:\d\d$/);
    expect(words).toContain('neges');
    await page.context().close();
  });

  it.each(['en', 'cy'])('on ?lang=%s, tabbing into the chat leaves the conversation in sight (no keyboard-help box over it)', async (lang) => {
    const { page } = await openWatchedPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${app.url}/?lang=${lang}`);
    await waitForBotText(page, /Which language|Pa iaith/);
    await page.locator('#leave').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const covered = await inPage<boolean>(
        page,
        `[...document.querySelectorAll('.webchat__keyboard-help')].some((box) => { const r = box.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(box).visibility !== 'hidden'; })`,
      );
      expect({ tab: i + 1, covered }).toEqual({ tab: i + 1, covered: false });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
