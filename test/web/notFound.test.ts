/**
 * Addresses Front Door does not have: people's browsers get a kind page in their language, with
 * the way back to the chat and the emergency numbers (checked in Chromium with axe); programs
 * calling /api and /v3 keep their JSON errors.
 */
import type { Browser } from 'playwright-core';
import { translator } from '../../src/i18n';
import { describeInBrowser, isLoopback, launchBrowser, openWatchedPage, seriousAxeViolations, startTestApp, textOf, type TestApp } from '../helpers/browser';

const en = translator('en');
const cy = translator('cy');

describeInBrowser('the not-found page', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each(['/privacy/', '/Privacy', '/index.html', '/linkworker/nope'])('%s is a kind English page with status 404, and axe finds nothing serious', async (path) => {
    const watched = await openWatchedPage(browser, { viewport: { width: 360, height: 740 } });
    const { page } = watched;
    const response = await page.goto(`${app.url}${path}`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response?.headers()['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(en('web.notFound.documentTitle', { serviceName: 'Front Door' }));
    expect(await textOf(page, 'h1')).toBe(en('web.notFound.heading'));
    expect(await page.locator('main a[href="/?lang=en"]').textContent()).toBe(en('web.notFound.chatLink'));
    const tel = await page.$$eval('a[href^="tel:"]', (links) => links.map((a) => a.getAttribute('href')));
    expect(tel).toEqual(['tel:999', 'tel:111', 'tel:116123']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(watched.requests.filter((url) => !isLoopback(url))).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    await page.context().close();
  });

  it('is Welsh for ?lang=cy and for a Welsh browser, and the chat link keeps the language', async () => {
    const { page } = await openWatchedPage(browser);
    const response = await page.goto(`${app.url}/privacy/?lang=cy`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page, 'h1')).toBe(cy('web.notFound.heading'));
    await page.locator(`a[href="/?lang=cy"]`).click();
    await page.waitForURL(`${app.url}/?lang=cy`);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.context().close();

    const welshBrowser = await openWatchedPage(browser, { locale: 'cy-GB', extraHTTPHeaders: { 'Accept-Language': 'cy-GB,cy;q=0.9' } });
    await welshBrowser.page.goto(`${app.url}/nope`);
    expect(await textOf(welshBrowser.page, 'h1')).toBe(cy('web.notFound.heading'));
    expect(await seriousAxeViolations(welshBrowser.page)).toEqual([]);
    await welshBrowser.page.context().close();
  });

  it('keeps JSON errors for programs: /api, /v3 and anything but GET', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/v3/directline/nope'],
      ['POST', '/nope'],
    ]) {
      const response = await fetch(`${app.url}${path}`, { method });
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({ path, status: 404, type: 'application/json' });
      expect(await response.json()).toBeTruthy();
    }
  });
});
