import type { Request, Response, Server } from 'restify';
import { translator, type Language } from '../i18n';
import { choosePrivacyLanguage, escapeHtml, message, type Markup } from './privacy';
import { staticPageDocument, staticPageHeaders } from './staticPage';

/**
 * The page people see at an address Front Door does not have (a mistyped link, `/privacy/`), in
 * their language: kind words, a link back to the chat and the emergency numbers. It looks like
 * the privacy notice and has the same strict CSP. Programs calling the APIs keep JSON errors.
 */

/** Paths where programs, not people, ask: a missing one answers with restify's JSON error. */
const API_PATHS = /^\/(?:api|v3)(?:\/|$)/;

/** A phone number people can tap to call. */
const phone = (number: string): Markup => ({
  html: `<a href="tel:${escapeHtml(number.replace(/\s+/g, ''))}">${escapeHtml(number)}</a>`,
});

/** The not-found page as complete HTML in one language. */
export function renderNotFoundPage(lang: Language, serviceName: string): string {
  const t = translator(lang);
  return staticPageDocument(lang, {
    title: message(t, 'web.notFound.documentTitle', { serviceName }),
    navLabel: message(t, 'web.languageNav'),
    main: `<h1>${message(t, 'web.notFound.heading')}</h1>
<p>${message(t, 'web.notFound.body')}</p>
<p><a href="/?lang=${lang}">${message(t, 'web.notFound.chatLink')}</a></p>
<h2>${message(t, 'web.notFound.helpHeading')}</h2>
<ul>
<li>${message(t, 'web.emergency.danger', { number: phone('999') })}</li>
<li>${message(t, 'web.emergency.urgent', { number: phone('111') })}</li>
<li>${message(t, 'web.emergency.samaritans', { number: phone('116 123') })}</li>
</ul>`,
  });
}

/** Whether a missing address gets the page (a person's browser) rather than a JSON error (a program). */
function wantsPage(req: Request): boolean {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return (method === 'GET' || method === 'HEAD') && !API_PATHS.test(path);
}

/** Replaces restify's JSON "ResourceNotFound" with the page, for people's browsers. */
export function registerNotFoundPage(server: Server, serviceName: string): void {
  const pages = new Map<Language, string>();
  const pageIn = (lang: Language): string => {
    let page = pages.get(lang);
    if (page === undefined) {
      page = renderNotFoundPage(lang, serviceName);
      pages.set(lang, page);
    }
    return page;
  };

  server.on('NotFound', (req: Request, res: Response, _error: unknown, done: () => void) => {
    if (wantsPage(req)) {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const lang = choosePrivacyLanguage(query.get('lang'), req.header('accept-language') || undefined);
      res.sendRaw(404, pageIn(lang), staticPageHeaders(lang));
    }
    done();
  });
}
