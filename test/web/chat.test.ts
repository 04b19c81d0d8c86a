/** The web chat page at GET / and its scripts, over HTTP: content, languages, escaping, CSP and headers. */
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { translator, type Language } from '../../src/i18n';
import { chatPageCsp, LEAVE_URL, renderChatPage, webChatStrings } from '../../src/web';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];

function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const configOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="frontdoor-config">([\s\S]*?)<\/script>/.exec(html)![1]) as {
    lang: string;
    locale: string;
    directLine: string;
    leaveUrl: string;
    strings: Record<string, string>;
    nonce: string;
  };

describe.each(LANGUAGES)('the chat page in %s', (lang) => {
  const html = renderChatPage(lang, { serviceName: 'Front Door Cardiff' });
  const t = translator(lang);

  it('says its language, names the service, its purpose, the leave button, emergencies and the privacy notice', () => {
    expect(html.startsWith(`<!doctype html>\n<html lang="${lang}">`)).toBe(true);
    expect(html).toContain('<h1>Front Door Cardiff</h1>');
    for (const key of ['web.purpose', 'web.leave.button', 'web.leave.hint', 'web.emergency.heading', 'web.chat.privacyLink']) {
      expect(html).toContain(t(key).replace(/'/g, '&#39;'));
    }
    expect(html).toContain('href="tel:999"');
    expect(html).toContain('href="tel:111"');
    expect(html).toContain('href="tel:116123"');
    expect(html).toContain(`href="/privacy?lang=${lang}"`);
    expect(html).toContain(`<a id="leave" class="leave" href="${LEAVE_URL}" rel="noreferrer"`);
    expect(html).not.toMatch(/{{|}}|web\./);
  });

  it('loads only its own two scripts, and gives chat.js its settings as JSON', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1].trim());
    expect(scripts).toEqual(['type="application/json" id="frontdoor-config"', 'src="/static/webchat.js"', 'src="/static/chat.js"']);
    expect(html).not.toMatch(/https?:\/\/(?!www\.bbc\.co\.uk\/weather")/);
    const config = configOf(html);
    expect(config).toMatchObject({ lang, locale: `${lang}-GB`, directLine: '/v3/directline', leaveUrl: LEAVE_URL });
    expect(config.strings).toEqual(webChatStrings(lang, 'Front Door Cardiff'));
    expect(config.strings.TEXT_INPUT_PLACEHOLDER).toBe(t('web.chat.webchat.TEXT_INPUT_PLACEHOLDER'));
  });
});

describe.each(LANGUAGES)('the timed-out notice in %s', (lang) => {
  it('says how long an unfinished earlier chat is kept, as configured, and how to have it deleted sooner', () => {
    const config = configOf(renderChatPage(lang, { serviceName: 'Front Door', abandonedDays: 45 })) as unknown as { timedOut: string };
    expect(config.timedOut).toBe(translator(lang)('web.chat.timedOut', { abandonedDays: 45 }));
    expect(config.timedOut).toMatch(lang === 'en' ? /deleted after 45 days/ : /ar ôl 45 diwrnod/);
    expect(config.timedOut).toContain(translator(lang)('web.chat.privacyLink').split(' (')[0]);
  });
});

describe('the chat page escapes', () => {
  it('the service name everywhere, including inside the JSON settings', () => {
    const html = renderChatPage('en', { serviceName: '<script>alert(1)</script> & "Co"' });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    const json = /id="frontdoor-config">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(json).not.toMatch(/[<>]/);
    expect(configOf(html).strings.ACTIVITY_BOT_SAID_ALT).toBe('<script>alert(1)</script> & "Co" said:');
  });
});

describe('chatPageCsp', () => {
  it('allows scripts from this server only, no eval, no inline script, and sockets only to this host', () => {
    const csp = chatPageCsp('abc123==', '127.0.0.1:3978');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*|https:/);
    expect(csp).toContain("style-src 'nonce-abc123=='");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:3978 wss://127.0.0.1:3978");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('names no socket host when the Host header is not a plain host name', () => {
    for (const host of [undefined, 'evil.example; script-src *', 'a b', "x'y"]) {
      expect(chatPageCsp('n', host)).toContain("connect-src 'self'; ");
    }
  });
});

describe('GET /, /static/chat.js and /static/webchat.js', () => {
  let database: TestDatabase;
  let app: FrontDoor;
  beforeAll(async () => {
    database = await startTestDatabase();
    app = await startFrontDoor(
      loadConfig({ PORT: '0', MONGODB_URI: database.uri, MONGODB_DATABASE: database.db.databaseName }),
      () => undefined,
    );
  });
  afterAll(async () => {
    await app?.stop();
    await database?.stop();
  });

  it('serves the page with a fresh nonce in its CSP, style and settings on every response', async () => {
    const [first, second] = await Promise.all([fetch(`${app.url}/`), fetch(`${app.url}/`)]);
    const nonces = [];
    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const csp = response.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const html = await response.text();
      expect(html).toContain(`<style nonce="${nonce}">`);
      expect(configOf(html).nonce).toBe(nonce);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('chooses the language from ?lang=, else Accept-Language', async () => {
    const welsh = await fetch(`${app.url}/`, { headers: { 'Accept-Language': 'cy-GB,en;q=0.5' } });
    expect(welsh.headers.get('content-language')).toBe('cy');
    const english = await fetch(`${app.url}/?lang=en`, { headers: { 'Accept-Language': 'cy' } });
    expect(await english.text()).toContain('<html lang="en">');
  });

  it('serves chat.js and the verified Web Chat bundle, gzipped on request, with ETags', async () => {
    const chat = await fetch(`${app.url}/static/chat.js`);
    expect(chat.status).toBe(200);
    expect(chat.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chat.text()).toContain('frontdoor-config');

    // node:http, because fetch would undo the gzip itself.
    const bundle = await rawGet(`${app.url}/static/webchat.js`, { 'Accept-Encoding': 'gzip' });
    expect(bundle.status).toBe(200);
    const etag = String(bundle.headers.etag);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    expect(bundle.body.length).toBeLessThan(1_500_000);
    const unzipped = gunzipSync(bundle.body);
    expect(createHash('sha256').update(unzipped).digest('hex')).toBe('0a68ad0a64fc04d621197da10c3eec0f843e16f7d03f6bcbed29b47517cf9bff');
    const again = await fetch(`${app.url}/static/webchat.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves nothing else under /static', async () => {
    for (const path of ['/static/../package.json', '/static/webchat.js.map', '/static/%2e%2e/package.json', '/static/']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });
});
