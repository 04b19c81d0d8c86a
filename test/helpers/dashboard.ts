import type { Page } from 'playwright-core';
import { waitInPage } from './browser';

/** Opens the link workers' dashboard in `lang`, signing in if the page asks. */
export async function openDashboard(page: Page, baseUrl: string, lang: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/linkworker/?lang=${lang}`);
  await waitInPage(page, "!document.getElementById('login-view').hidden || !document.getElementById('work-view').hidden");
  if (await page.locator('#login-view').isVisible()) {
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.locator('#login-button').click();
  }
}
