import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { ReferralRetention } from '../../retention/policy';
import path from 'node:path';
import { gzip } from 'node:zlib';
import type { Next, Request, Response, Server } from 'restify';
import type { Language } from '../../i18n';
import { choosePrivacyLanguage } from '../privacy';
import { chatPageCsp, NONCE_PLACEHOLDER, renderChatPage } from './page';

export { chatPageCsp, LEAVE_URL, NONCE_PLACEHOLDER, renderChatPage, WEBCHAT_LOCALES, webChatStrings, type ChatClientConfig, type ChatPageOptions } from './page';

export interface ChatRoutesOptions {
  serviceName: string;
  /** Days an unfinished chat's answers are kept (config RETENTION_ABANDONED_DAYS), for the timed-out notice. */
  retention?: Pick<ReferralRetention, 'abandonedReferralDays'>;
  log?: (line: string) => void;
  /** Where the Web Chat bundle is (default: vendor/webchat/webchat.js in the project). */
  webChatBundle?: string;
}

/** The first of `candidates` that exists, else the first (so errors name the expected place). */
function firstExisting(candidates: string[]): string {
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0];
}

/** Works from the TypeScript sources (src/web/chat) and from a build (dist/src/web/chat). */
export function defaultWebChatBundlePath(): string {
  return firstExisting([
    path.resolve(__dirname, '../../../vendor/webchat/webchat.js'),
    path.resolve(__dirname, '../../../../vendor/webchat/webchat.js'),
  ]);
}

function chatScriptPath(): string {
  return firstExisting([path.resolve(__dirname, 'chat.js'), path.resolve(__dirname, '../../../../src/web/chat/chat.js')]);
}

/** A static file held in memory, with its ETag and a gzip copy made on first request. */
class StaticAsset {
  private readonly etag: string;
  private gzipped: Promise<Buffer> | undefined;

  constructor(
    private readonly body: Buffer,
    private readonly cacheControl: string,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  async send(req: Request, res: Response): Promise<void> {
    const headers: Record<string, string> = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': this.cacheControl,
      ETag: this.etag,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
      Vary: 'Accept-Encoding',
    };
    if (req.header('if-none-match') === this.etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    if (/\bgzip\b/.test(req.header('accept-encoding') ?? '')) {
      this.gzipped ??= new Promise<Buffer>((resolve, reject) => gzip(this.body, (error, out) => (error ? reject(error) : resolve(out))));
      res.sendRaw(200, await this.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
      return;
    }
    res.sendRaw(200, this.body, headers);
  }
}

/**
 * `GET /`: the web chat page, in the language named by `?lang=` (en, cy), else the browser's
 * `Accept-Language`, else English. `GET /static/chat.js` and `GET /static/webchat.js`: its two
 * scripts, from fixed files read at start-up (no path ever comes from a request).
 */
export function registerChatRoutes(server: Server, options: ChatRoutesOptions): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const pages = new Map<Language, string>();
  const pageIn = (lang: Language): string => {
    let page = pages.get(lang);
    if (page === undefined) {
      page = renderChatPage(lang, { serviceName: options.serviceName, abandonedDays: options.retention?.abandonedReferralDays });
      pages.set(lang, page);
    }
    return page;
  };

  const chatScript = new StaticAsset(fs.readFileSync(chatScriptPath()), 'no-cache');
  const bundlePath = options.webChatBundle ?? defaultWebChatBundlePath();
  let webChat: StaticAsset | undefined;
  try {
    webChat = new StaticAsset(fs.readFileSync(bundlePath), 'public, max-age=86400');
  } catch {
    log(`Web Chat bundle missing at ${bundlePath}: the chat page cannot start a chat. Run: node scripts/fetch-webchat.js`);
  }

  server.get('/', (req: Request, res: Response, next: Next) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const lang = choosePrivacyLanguage(query.get('lang'), req.header('accept-language') || undefined);
    const nonce = randomBytes(16).toString('base64');
    res.sendRaw(200, pageIn(lang).split(NONCE_PLACEHOLDER).join(nonce), {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      'Content-Security-Policy': chatPageCsp(nonce, req.headers.host),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      Vary: 'Accept-Language',
      'Cache-Control': 'no-store',
    });
    next();
  });

  server.get('/static/chat.js', async (req: Request, res: Response) => {
    await chatScript.send(req, res);
  });

  server.get('/static/webchat.js', async (req: Request, res: Response) => {
    if (!webChat) {
      res.sendRaw(503, '/* Web Chat is not installed on this server: run node scripts/fetch-webchat.js */\n', {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return;
    }
    await webChat.send(req, res);
  });
}
