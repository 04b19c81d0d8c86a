/**
 * A whole conversation typed into the web chat page in real Chromium, by keyboard alone, to the
 * referral stored in MongoDB (read back with the driver). Half way, the page is refreshed: the
 * history comes back and the conversation carries on from the same question. New bot messages
 * reach Web Chat's live region, and axe finds nothing serious mid-conversation.
 */
import type { Browser, Page } from 'playwright-core';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import { JOURNEY, JOURNEY_REFERRAL, stepAfter, type JourneyStep } from '../fixtures/journey';
import {
  describeInBrowser,
  inPage,
  isLoopback,
  launchBrowser,
  openWatchedPage,
  screenshot,
  seriousAxeViolations,
  startTestApp,
  transcriptTexts,
  waitForBotText,
  waitInPage,
  type TestApp,
  type WatchedPage,
} from '../helpers/browser';

const SEND_BOX = '.webchat__send-box-text-box__input';

/** Presses Tab (from wherever focus is) until the element matching `selector` has focus; returns the presses used. */
async function tabTo(page: Page, selector: string, max = 40): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await inPage<boolean>(page, `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with ${max} presses of Tab`);
}

const botCount = (page: Page) => inPage<number>(page, "document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length");

/** Types `text` on the keyboard into the focused send box, presses Enter, and waits for a reply matching `expected`. */
async function type(page: Page, text: string, expected: RegExp): Promise<void> {
  if (!(await inPage<boolean>(page, `document.activeElement && document.activeElement.matches(${JSON.stringify(SEND_BOX)})`))) {
    await tabTo(page, SEND_BOX);
  }
  const before = await botCount(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitInPage(
    page,
    `(() => { const texts = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')].map((n) => n.textContent.replace(/\\s+/g, ' '));
      return texts.length > ${before} && ${expected}.test(texts.slice(${before}).join('\\n')); })()`,
  ).catch(async (error: Error) => {
    await screenshot(page, 'conversation-failure');
    const last = (await transcriptTexts(page)).slice(-3).join(' | ');
    throw new Error(`After typing "${text}", no reply matched ${expected}. Last messages: ${last}\n${error.message}`);
  });
}

describeInBrowser('a conversation in the web chat page', () => {
  let app: TestApp;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    // The fictional town's activities, for the suggestions after the summary.
    await loadSampleDirectoryIfEmpty(app.database.db, () => undefined);
    watched = await openWatchedPage(browser);
    page = watched.page;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs by keyboard alone from the welcome to the stored referral, surviving a refresh half way', async () => {
    await page.goto(`${app.url}/`);
    await waitForBotText(page, /Which language/);

    // Keyboard only from the top of the page: the leave button comes within the first few Tabs.
    expect(await tabTo(page, '#leave')).toBeLessThanOrEqual(3);
    await tabTo(page, SEND_BOX);
    await type(page, 'English', /Is it OK for us to keep your answers\?/);

    // The new message is announced: Web Chat's polite live region carries it.
    await waitInPage(
      page,
      "[...document.querySelectorAll('[aria-live=\"polite\"], [aria-live=\"assertive\"]')].some((region) => /keep your answers/.test(region.textContent))",
    );

    // A choice can be taken by keyboard too: back from the send box to the suggested answers.
    await page.keyboard.press('Shift+Tab');
    const onChoice = await inPage<boolean>(page, "document.activeElement !== null && document.activeElement.closest('.webchat__suggested-actions') !== null");
    expect(onChoice).toBe(true);
    await page.keyboard.press('Home'); // roving focus inside the choices: the first is "Yes"
    expect(await inPage<string>(page, 'document.activeElement.textContent')).toMatch(/^Yes/);
    const before = await botCount(page);
    await page.keyboard.press('Enter');
    await waitInPage(page, `document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > ${before}`);
    await waitForBotText(page, /What matters to you at the moment\?/);

    expect(await seriousAxeViolations(page)).toEqual([]);
    const walk = async (steps: readonly JourneyStep[]) => {
      for (const step of steps) await type(page, step.say, step.then);
    };
    await walk(JOURNEY.slice(0, stepAfter('cost and transport')));
    await screenshot(page, 'conversation-before-refresh');
    const beforeRefresh = await transcriptTexts(page);

    // Refresh: the same conversation, with its history, at the same question.
    await page.reload();
    await waitInPage(page, "document.documentElement.getAttribute('data-chat') === 'resumed'");
    await waitForBotText(page, /Which days suit you best\?/);
    await waitInPage(page, `document.querySelectorAll('.webchat__bubble').length >= ${beforeRefresh.length}`);
    const afterRefresh = await transcriptTexts(page);
    expect(afterRefresh.slice(0, beforeRefresh.length)).toEqual(beforeRefresh);
    expect(afterRefresh.join('\n')).toMatch(/lonely since I retired/);
    await screenshot(page, 'conversation-after-refresh');

    await tabTo(page, SEND_BOX);
    await walk(JOURNEY.slice(stepAfter('cost and transport'), stepAfter('Sam')));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await walk(JOURNEY.slice(stepAfter('Sam'), stepAfter('3')));
    await screenshot(page, 'conversation-summary');
    await walk(JOURNEY.slice(stepAfter('3'), stepAfter('yes')));
    // The suggestions are Adaptive Cards; the first one's "Choose this", by keyboard, picks it.
    expect(await page.locator('.ac-adaptiveCard button', { hasText: 'Choose this' }).count()).toBe(3);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'conversation-suggestions');
    const choose = page.locator('.ac-adaptiveCard button', { hasText: 'Choose this' }).first();
    await choose.focus();
    await page.keyboard.press('Enter');
    await waitForBotText(page, /I['’]ve added .+ to your referral/);
    // Web Chat keeps Tab inside the card the person is in; Escape leaves it.
    await page.keyboard.press('Escape');
    await tabTo(page, SEND_BOX);
    await walk(JOURNEY.slice(stepAfter('1')));
    await screenshot(page, 'conversation-done');

    const referrals = await app.database.db.collection('referrals').find().toArray();
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ ...JOURNEY_REFERRAL, channel: 'webchat' });
    expect(referrals[0].suggestions.picked).toEqual([{ id: referrals[0].suggestions.shown[0].ids[0], at: expect.any(Date) }]);

    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  }, 120_000);
});
