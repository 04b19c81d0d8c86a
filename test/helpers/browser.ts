/**
 * Browser test harness: Debian's chromium driven by playwright-core, and the real Front Door
 * started in-process on a fresh test database. Every request the page makes is recorded, and so
 * is every Content-Security-Policy violation and page error, so tests can assert the page stays
 * on loopback and within its CSP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startTestDatabase, type TestDatabase } from './db';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-artifacts');

const inCi = (): boolean => Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * `describe` for suites that need chromium. Without chromium they are skipped with a message on a
 * developer's machine, and fail in CI (where chromium must be installed).
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH) || inCi()) {
    describe(name, () => {
      beforeAll(() => {
        if (!fs.existsSync(CHROMIUM_PATH)) {
          throw new Error(`Browser tests need chromium at ${CHROMIUM_PATH} (apt-get install -y chromium), and this is CI.`);
        }
      });
      body();
    });
    return;
  }
  console.warn(`SKIPPED "${name}": no chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  describe.skip(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface TestApp {
  app: FrontDoor;
  database: TestDatabase;
  url: string;
  log: string[];
  /** Stops the app (not the database) and starts it again on the same port, as a deploy or crash would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The real application on a fresh database, on a free loopback port. */
export async function startTestApp(): Promise<TestApp> {
  const database = await startTestDatabase();
  const log: string[] = [];
  const start = (port: string) =>
    startFrontDoor(
      loadConfig({ PORT: port, HOST: '127.0.0.1', MONGODB_URI: database.uri, MONGODB_DATABASE: database.db.databaseName }),
      (line) => log.push(line),
    );
  const first = await start('0');
  const testApp: TestApp = {
    app: first,
    database,
    url: first.url,
    log,
    restart: async () => {
      await testApp.app.stop();
      testApp.app = await start(new URL(testApp.url).port);
    },
    stop: async () => {
      await testApp.app.stop();
      await database.stop();
    },
  };
  return testApp;
}

export interface WatchedPage {
  page: Page;
  /** Every URL the page asked for (documents, scripts, fetches, WebSockets). */
  requests: string[];
  /** Content-Security-Policy violations reported in the page. */
  cspViolations: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Console errors in the page. */
  consoleErrors: string[];
}

/** A new page in its own context (its own sessionStorage), watched from the first request. */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  const watched: WatchedPage = { page, requests: [], cspViolations: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('websocket', (socket) => watched.requests.push(socket.url()));
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    watched.consoleErrors.push(text);
    if (/Content Security Policy/i.test(text)) watched.cspViolations.push(text);
  });
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    console.error('Content Security Policy violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
  });`);
  return watched;
}

/** Whether a URL stays on this machine (data: and blob: URLs make no request). */
export function isLoopback(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2.0-2.2 A and AA rules) and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await inPage<boolean>(page, "typeof window.axe !== 'undefined'");
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an inline <script>.
  if (!loaded) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await inPage<AxeViolation[]>(
    page,
    `window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Runs a JavaScript expression in the page. Expressions are strings because the project's
 * tsconfig has no DOM library (by design), so in-page callbacks could not name document or window.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/**
 * Waits until a JavaScript expression is truthy in the page. (Playwright's waitForFunction
 * evaluates with eval() inside the page, which the page's CSP rightly refuses.)
 */
export async function waitInPage(page: Page, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await inPage<boolean>(page, `Boolean(${expression})`).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting in the page for: ${expression.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** In-page expression: the text of each bot message, in order. */
const BOT_TEXTS = `[...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')].map((n) => n.textContent.replace(/\\s+/g, ' '))`;

/** The text of every message in the Web Chat transcript, in order. */
export async function transcriptTexts(page: Page): Promise<string[]> {
  return page.$$eval('.webchat__basic-transcript__activity .webchat__bubble__content', (nodes) =>
    nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/** Waits until some bot message in the transcript matches `pattern`, and returns the whole transcript text. */
export async function waitForBotText(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  await waitInPage(page, `${pattern}.test(${BOT_TEXTS}.join('\\n'))`, timeout);
  return (await transcriptTexts(page)).join('\n');
}

/** The trimmed text of the first element matching `selector`. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** How many bot messages the transcript holds. */
export function botMessageCount(page: Page): Promise<number> {
  return page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
}

/**
 * Types a message into Web Chat's send box and sends it with Enter, then waits for the bot's
 * next message that matches `expected`. Returns the transcript text.
 */
export async function say(page: Page, text: string, expected: RegExp, timeout = 15_000): Promise<string> {
  const before = await botMessageCount(page);
  const box = page.locator('.webchat__send-box-text-box__input');
  await box.fill(text);
  await box.press('Enter');
  await waitInPage(page, `${BOT_TEXTS}.length > ${before} && ${expected}.test(${BOT_TEXTS}.slice(${before}).join('\\n'))`, timeout);
  return (await transcriptTexts(page)).join('\n');
}
