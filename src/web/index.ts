import type { Next, Request, Response, Server } from 'restify';
import type { Language } from '../i18n';
import type { ReferralRetention } from '../retention/policy';
import { registerChatRoutes } from './chat';
import { registerNotFoundPage } from './notFound';
import { choosePrivacyLanguage, renderPrivacyPage } from './privacy';
import { staticPageHeaders } from './staticPage';

export { chatPageCsp, LEAVE_URL, renderChatPage, WEBCHAT_LOCALES, webChatStrings, type ChatClientConfig, type ChatPageOptions } from './chat';
export { registerNotFoundPage, renderNotFoundPage } from './notFound';
export { choosePrivacyLanguage, escapeHtml, PRIVACY_PAGE_CSP, renderPrivacyPage, type PrivacyPageOptions } from './privacy';

export interface WebRoutesOptions {
  /** The service's name as people know it (config `SERVICE_NAME`). */
  serviceName: string;
  /** The retention days the privacy notice states (config RETENTION_ variables). */
  retention?: ReferralRetention;
  /** FIELD_ENCRYPTION_KEY is set: the privacy notice says what people write is stored encrypted. */
  encryptedAtRest?: boolean;
  /** Where operators read warnings (a missing Web Chat bundle). */
  log?: (line: string) => void;
  /** The Web Chat bundle (default: vendor/webchat/webchat.js). */
  webChatBundle?: string;
}

/**
 * Front Door's static pages. `GET /`: the web chat page and its scripts (`/static/chat.js`,
 * `/static/webchat.js`), see chat/index.ts. `GET /privacy`: the full privacy notice, in the language named by
 * `?lang=` (en, cy), else the browser's `Accept-Language`, else English. Any other address: a kind
 * not-found page for people (notFound.ts), a JSON error under /api and /v3.
 */
export function registerWebRoutes(server: Server, options: WebRoutesOptions): void {
  registerChatRoutes(server, options);
  registerNotFoundPage(server, options.serviceName);
  // The page depends only on the language and the options, so each language renders once.
  const pages = new Map<Language, string>();
  const pageIn = (lang: Language): string => {
    let page = pages.get(lang);
    if (page === undefined) {
      page = renderPrivacyPage(lang, { serviceName: options.serviceName, retention: options.retention, encryptedAtRest: options.encryptedAtRest });
      pages.set(lang, page);
    }
    return page;
  };

  server.get('/privacy', (req: Request, res: Response, next: Next) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const lang = choosePrivacyLanguage(query.get('lang'), req.header('accept-language') || undefined);
    res.sendRaw(200, pageIn(lang), staticPageHeaders(lang));
    next();
  });
}
