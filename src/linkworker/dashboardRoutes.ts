import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { Next, Request, Response, Server } from 'restify';
import type { Language } from '../i18n';
import { choosePrivacyLanguage } from '../web/privacy';
import type { LinkWorkerApiDeps } from './api';
import { DASHBOARD_CSP, DASHBOARD_PATH, DASHBOARD_STATIC, renderDashboardPage } from './dashboard/page';
import { HandoffChangeFeed, registerLinkWorkerEvents, type ChangeFeedOptions, type EventStreamOptions } from './events';

export { DASHBOARD_CSP, DASHBOARD_PATH, renderDashboardPage } from './dashboard/page';

export interface LinkWorkerDashboardDeps extends Pick<LinkWorkerApiDeps, 'sessions' | 'accounts' | 'log'> {
  /** The database the handoffs are in (polled for the live updates). */
  db: Db;
  /** The service's name as people know it (config `SERVICE_NAME`). */
  serviceName: string;
  feed?: ChangeFeedOptions;
  events?: EventStreamOptions;
}

export interface LinkWorkerDashboard {
  feed: HandoffChangeFeed;
  /** Ends the open event streams and stops polling: call before the server closes. */
  close(): Promise<void>;
}

/** The first of `candidates` that exists (works from src/ and from a build in dist/), else the first. */
function firstExisting(candidates: string[]): string {
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0];
}

function assetPath(name: string): string {
  return firstExisting([path.resolve(__dirname, 'dashboard', name), path.resolve(__dirname, '../../../src/linkworker/dashboard', name)]);
}

/** A fixed file read at start-up, served with its ETag (no path ever comes from a request). */
function staticAsset(name: string, contentType: string) {
  const body = fs.readFileSync(assetPath(name));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return (req: Request, res: Response, next: Next) => {
    const headers = {
      'Content-Type': contentType,
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (req.header('if-none-match') === etag) res.sendRaw(304, '', headers);
    else res.sendRaw(200, body, headers);
    next();
  };
}

/**
 * The link workers' dashboard: `GET /linkworker/` (the page, in the language of `?lang=` or the
 * browser's), `GET /linkworker` (redirects there), `GET /linkworker/static/dashboard.js|.css`,
 * and the live event stream `GET /api/linkworker/events` (see events.ts). The page itself holds no
 * personal data and is served to anyone; every piece of data comes through the JSON API, which
 * needs a session (registerLinkWorkerApi registers that).
 */
export function registerLinkWorkerDashboard(server: Server, deps: LinkWorkerDashboardDeps): LinkWorkerDashboard {
  const pages = new Map<Language, string>();
  const pageIn = (lang: Language): string => {
    let page = pages.get(lang);
    if (page === undefined) {
      page = renderDashboardPage(lang, { serviceName: deps.serviceName });
      pages.set(lang, page);
    }
    return page;
  };

  server.get(DASHBOARD_PATH, (req: Request, res: Response, next: Next) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const lang = choosePrivacyLanguage(query.get('lang'), req.header('accept-language') || undefined);
    res.sendRaw(200, pageIn(lang), {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
      Vary: 'Accept-Language',
      'Cache-Control': 'no-store',
    });
    next();
  });

  server.get('/linkworker', (_req: Request, res: Response, next: Next) => {
    res.sendRaw(301, '', { Location: DASHBOARD_PATH, 'Cache-Control': 'no-store' });
    next();
  });

  server.get(`${DASHBOARD_STATIC}/dashboard.js`, staticAsset('dashboard.js', 'text/javascript; charset=utf-8'));
  server.get(`${DASHBOARD_STATIC}/dashboard.css`, staticAsset('dashboard.css', 'text/css; charset=utf-8'));

  const feed = new HandoffChangeFeed(deps.db, { log: deps.log, ...deps.feed });
  const streams = registerLinkWorkerEvents(server, { db: deps.db, sessions: deps.sessions, accounts: deps.accounts, feed }, deps.events);
  return {
    feed,
    close: async () => {
      streams.closeAll();
      await feed.close();
    },
  };
}
