import type { Next, Request, Response } from 'restify';

/** One year: browsers then use https for this host even if someone types http. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers every response carries, whatever the route: no content sniffing (JSON stays JSON), and, when
 * Front Door is published over https, Strict-Transport-Security (sent even when a proxy ends TLS in
 * front of it, since browsers only act on it over https).
 */
export function securityHeaders(publicBaseUrl: string | undefined) {
  const https = publicBaseUrl?.startsWith('https://') ?? false;
  return (_req: Request, res: Response, next: Next): void => {
    res.header('X-Content-Type-Options', 'nosniff');
    if (https) res.header('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
    next();
  };
}
