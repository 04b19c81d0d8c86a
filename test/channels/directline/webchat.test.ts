/**
 * The real client: Bot Framework Web Chat 4.18 (its bundled botframework-directlinejs) in Debian's
 * chromium, against this Direct Line, over WebSocket and over polling. This checks the protocol
 * only, with a bare page of its own (the product page at GET / has its own browser tests): the
 * welcome arrives, a message is sent (not "Send failed") and answered, and after a reload with the
 * saved conversation id and token the history comes back and the conversation carries on.
 *
 * The bare page is injected by playwright at the app's own origin, which Chromium's Local Network
 * Access checks count as a public page; they are switched off for this browser only. Skipped when
 * chromium or the Web Chat bundle (scripts/fetch-webchat.js) is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { FrontDoor } from '../../../src/app';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { startApp } from './client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUNDLE = path.resolve(__dirname, '../../../vendor/webchat/webchat.js');
const available = fs.existsSync(CHROMIUM) && fs.existsSync(BUNDLE);
const describeIfBrowser = available ? describe : describe.skip;

const page = (webSocket: boolean) => `<!doctype html><html lang="en"><body><div id="webchat" style="height:600px"></div>
<script src="/__test/webchat.js"></script>
<script>
(async () => {
  let saved = JSON.parse(sessionStorage.getItem('dl') || 'null');
  const resume = Boolean(saved);
  if (!saved) {
    saved = await (await fetch('/v3/directline/tokens/generate', { method: 'POST' })).json();
    sessionStorage.setItem('dl', JSON.stringify(saved));
  }
  const directLine = WebChat.createDirectLine({
    domain: location.origin + '/v3/directline',
    token: saved.token,
    conversationId: resume ? saved.conversationId : undefined,
    webSocket: ${webSocket},
  });
  WebChat.renderWebChat({ directLine, locale: 'en-GB' }, document.getElementById('webchat'));
})();
</script></body></html>`;

describeIfBrowser('Web Chat 4.18 against the self-hosted Direct Line', () => {
  let t: TestDatabase;
  let app: FrontDoor;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestDatabase();
    app = await startApp(t);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-features=LocalNetworkAccessChecks'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await t?.stop();
  });

  for (const webSocket of [true, false]) {
    test(`over ${webSocket ? 'WebSocket' : 'polling'}: welcome, reply, reload restores history`, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(String(error)));
      tab.on('websocket', (ws) => ws.on('socketerror', (error) => problems.push(`websocket: ${error}`)));
      await tab.route(`${app.url}/__test/page`, (route) => route.fulfill({ contentType: 'text/html', body: page(webSocket) }));
      await tab.route(`${app.url}/__test/webchat.js`, (route) => route.fulfill({ contentType: 'application/javascript', path: BUNDLE }));
      const shown = (pattern: RegExp) => tab.getByText(pattern).first().waitFor({ timeout: 20_000 });
      const say = async (text: string) => {
        const box = tab.getByRole('textbox').first();
        await box.fill(text);
        await box.press('Enter');
      };

      await tab.goto(`${app.url}/__test/page`);
      await shown(/Which language would you like to use\?/);
      await say('English');
      await shown(/Is it OK for us to keep your answers\?/);
      expect(await tab.getByText(/Send failed/i).count()).toBe(0);

      await tab.reload();
      await shown(/Is it OK for us to keep your answers\?/);
      expect(await tab.getByText('English', { exact: true }).count()).toBeGreaterThan(0);
      await say('yes');
      await shown(/What matters to you at the moment\?/);
      expect(await tab.getByText(/Send failed/i).count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
