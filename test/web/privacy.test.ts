/** The full privacy notice at GET /privacy: content, languages, escaping, accessibility, headers. */
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { CONSENT_NOTICE_VERSION } from '../../dialogs';
import { loadLocales, translator, type Language, type LocaleTree, type LocaleValue } from '../../src/i18n';
import { recogniseCommand } from '../../src/nlu/commands';
import { choosePrivacyLanguage, escapeHtml, PRIVACY_PAGE_CSP, renderPrivacyPage } from '../../src/web';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];
const locales = loadLocales();
const page = (lang: Language, serviceName = 'Front Door Cardiff', encryptedAtRest = false) => renderPrivacyPage(lang, { serviceName, encryptedAtRest });

/** Every message in a language's privacy.json, by dotted key. */
function privacyStrings(lang: Language): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: LocaleValue, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else if (!Array.isArray(value)) for (const [child, v] of Object.entries(value)) walk(v, `${key}.${child}`);
  };
  walk(locales[lang].privacy as LocaleTree, 'privacy');
  return out;
}

const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe.each(LANGUAGES)('the privacy page in %s', (lang) => {
  // As deployed with FIELD_ENCRYPTION_KEY set, so that every message of privacy.json is shown.
  const html = page(lang, undefined, true);
  const t = translator(lang);

  it('says what people write is stored encrypted only when it is (FIELD_ENCRYPTION_KEY set)', () => {
    const sentence = escapeHtml(t('privacy.whoSees.encrypted'));
    expect(html).toContain(sentence);
    expect(page(lang)).not.toContain(sentence);
  });

  it('says which language it is in and has one h1, with headings in order', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="' + lang + '">')).toBe(true);
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1] + 1));
    expect(levels.length).toBeGreaterThanOrEqual(9);
    expect(html).toContain(`<title>${escapeHtml(t('privacy.documentTitle', { serviceName: 'Front Door Cardiff' }))}</title>`);
  });

  it('shows every message in its privacy.json, and no operator notes', () => {
    const missing: string[] = [];
    for (const [key, text] of privacyStrings(lang)) {
      if (key.endsWith('_review') || key === 'privacy.languageName') continue;
      // A message with placeholders: each fixed part must be on the page.
      for (const part of text.split(/{{\s*\w+\s*}}/)) if (part && !html.includes(escapeHtml(part))) missing.push(key);
    }
    expect(missing).toEqual([]);
    expect(html).not.toMatch(/OPERATOR:/);
    expect(html).not.toMatch(/{{|}}|privacy\./);
  });

  it('covers what the brief asks: the service, not a person, emergencies, what, why, who, how long, rights, contact', () => {
    const text = textOf(html);
    expect(text).toContain('Front Door Cardiff');
    for (const number of ['999', '111', '116 123', '0303 123 1113']) expect(text).toContain(number);
    expect(text).toContain(CONSENT_NOTICE_VERSION);
    expect(html).toContain('href="https://ico.org.uk/make-a-complaint/"');
    if (lang === 'en') {
      for (const phrase of ['automated assistant', 'not a person', 'not for emergencies', 'NHS 111', 'Samaritans', 'link worker', 'never sell', 'advertising', 'until your referral is closed', 'delete my data', "Information Commissioner's Office"]) {
        expect(text).toContain(phrase);
      }
    } else {
      for (const phrase of ['Cynorthwyydd awtomatig', 'nid person', 'argyfyngau', 'GIG 111', 'Samariaid', 'gweithiwr cyswllt', 'byth yn gwerthu', 'hysbysebu', 'dileu fy nata', "Swyddfa'r Comisiynydd Gwybodaeth"]) {
        expect(text).toContain(phrase);
      }
    }
  });

  it('tells the person commands the chat really understands, in this language', () => {
    const deleteCommand = t('privacy.rights.deleteCommand');
    const humanCommand = t('privacy.contact.humanCommand');
    expect(recogniseCommand(deleteCommand, lang)).toEqual({ name: 'delete' });
    expect(recogniseCommand(humanCommand, lang)).toEqual({ name: 'human' });
    expect(html).toContain(`<kbd>${escapeHtml(deleteCommand)}</kbd>`);
    expect(html).toContain(`<kbd>${escapeHtml(humanCommand)}</kbd>`);
  });

  it('links to the other language, named in that language', () => {
    const other: Language = lang === 'en' ? 'cy' : 'en';
    expect(html).toContain(`<a href="?lang=${other}" lang="${other}" hreflang="${other}">${translator(other)('privacy.languageName')}</a>`);
  });

  it('makes no requests: no scripts, images, fonts, frames or stylesheets; only inline CSS', () => {
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|video|audio|source|base|form)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(styleOf(html)).not.toMatch(/@import|url\(|@font-face/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.every((href) => href.startsWith('?lang=') || href.startsWith('https://ico.org.uk/'))).toBe(true);
  });
});

describe('the privacy page for a reader', () => {
  it('is in Welsh with no English headings left over, and the other way round', () => {
    const english = privacyStrings('en');
    const welsh = privacyStrings('cy');
    const headings = (strings: Map<string, string>) => [...strings].filter(([key]) => key.endsWith('.heading')).map(([, text]) => text);
    const cyText = textOf(page('cy'));
    const enText = textOf(page('en'));
    expect(headings(english).filter((heading) => cyText.includes(heading))).toEqual([]);
    expect(headings(welsh).filter((heading) => enText.includes(heading))).toEqual([]);
  });

  it('has enough contrast between every text colour and every background in its CSS (WCAG AA, 4.5:1)', () => {
    const css = styleOf(page('en'));
    const colours = (property: string) => [...css.matchAll(new RegExp(`(?:^|[\\s;{])${property}:\\s*(#[0-9a-f]{6})`, 'gi'))].map((m) => m[1]);
    const texts = colours('color');
    const backgrounds = colours('background');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(backgrounds).toContain('#ffffff');
    for (const text of texts) for (const background of backgrounds) expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('can be zoomed and reflows: no zoom lock, sizes in rem, no fixed pixel widths or font sizes', () => {
    const html = page('en');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/maximum-scale|user-scalable/);
    const css = styleOf(html);
    expect(css).not.toMatch(/font-size:\s*[\d.]+px/);
    expect(css).not.toMatch(/(?:^|[\s;{])(?:min-|max-)?width:\s*[\d.]+px/);
    expect(css).toMatch(/max-width:\s*[\d.]+rem/);
  });

  it('escapes the service name everywhere it appears, and never reads it as markup or a placeholder', () => {
    const nasty = `<script>alert("x")</script> & Co's {{version}} $t(privacy.title)`;
    const html = page('en', nasty);
    expect(html).not.toContain('<script>');
    const escaped = escapeHtml(nasty);
    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s {{version}} $t(privacy.title)');
    // The title, the introduction, "who we are" and "who sees it".
    expect(html.split(escaped).length - 1).toBe(4);
    expect(page('cy', nasty).split(escaped).length - 1).toBe(4);
  });
});

describe('choosing the language', () => {
  it.each([
    [null, undefined, 'en'],
    ['cy', undefined, 'cy'],
    ['CY', undefined, 'cy'],
    ['cy-GB', undefined, 'cy'],
    ['en', 'cy', 'en'],
    [null, 'cy', 'cy'],
    [null, 'cy-GB,cy;q=0.9,en;q=0.8', 'cy'],
    [null, 'en-GB,en;q=0.9,cy;q=0.8', 'en'],
    [null, 'fr-FR, cy;q=0.5, en;q=0.4', 'cy'],
    [null, 'en;q=0.2, cy', 'cy'],
    [null, 'cy;q=0, en;q=0.1', 'en'],
    [null, 'fr, de', 'en'],
    [null, '*', 'en'],
    [null, ';;,,q=', 'en'],
    ['fr', 'cy', 'cy'],
    ['', 'cy', 'cy'],
  ])('lang=%s, Accept-Language: %s gives %s', (param, accept, expected) => {
    expect(choosePrivacyLanguage(param, accept)).toBe(expected);
  });
});

describe('GET /privacy on the running server', () => {
  let t: TestDatabase;
  let app: FrontDoor;
  beforeAll(async () => {
    t = await startTestDatabase();
    const config = loadConfig({ PORT: '0', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, SERVICE_NAME: 'Front Door Cardiff' });
    app = await startFrontDoor(config, () => undefined);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('serves the English page as self-contained HTML with a strict Content-Security-Policy', async () => {
    const res = await get('/privacy');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(PRIVACY_PAGE_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    const body = await res.text();
    expect(body).toBe(page('en'));
    expect(body).toContain('Front Door Cardiff');
    expect(body).toContain(`Notice version: ${CONSENT_NOTICE_VERSION}`);
  });

  it('serves Welsh for ?lang=cy and for Accept-Language: cy, and ?lang wins', async () => {
    const byParam = await get('/privacy?lang=cy');
    expect(byParam.headers.get('content-language')).toBe('cy');
    expect(await byParam.text()).toBe(page('cy'));
    const byHeader = await get('/privacy', { 'accept-language': 'cy' });
    expect(await byHeader.text()).toContain('<html lang="cy">');
    const english = await get('/privacy?lang=en', { 'accept-language': 'cy' });
    expect(await english.text()).toContain('<html lang="en">');
    const unknown = await get('/privacy?lang=xx', { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.8' });
    expect(await unknown.text()).toContain('<html lang="cy">');
  });

  it('follows the language link from one page to the other', async () => {
    const english = await (await get('/privacy')).text();
    const href = /<a href="([^"]+)" lang="cy"/.exec(english)?.[1];
    expect(href).toBe('?lang=cy');
    const welsh = await (await fetch(new URL(href!, `${app.url}/privacy`))).text();
    expect(welsh).toContain(`Fersiwn yr hysbysiad: ${CONSENT_NOTICE_VERSION}`);
  });

  it('leaves the other routes as they were', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/privacy/anything')).status).toBe(404);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}
