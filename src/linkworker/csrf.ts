import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens: random per session, handed to the dashboard in a JSON body (never a cookie), and
 * required back in the X-CSRF-Token header on every state-changing request. A cross-site page can
 * make the browser send our cookie but cannot read the token, so it cannot forge the header.
 * Only a SHA-256 of each token is stored, like the session id itself.
 */
export const CSRF_HEADER = 'x-csrf-token';

/** 256 random bits, URL-safe. Used for session ids and CSRF tokens alike. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether the presented token matches one of the stored hashes, compared in constant time. */
export function csrfTokenMatches(presented: string | undefined, storedHashes: readonly string[]): boolean {
  if (!presented || presented.length > 200) return false;
  const candidate = Buffer.from(hashToken(presented), 'hex');
  let matched = false;
  for (const stored of storedHashes) {
    const expected = Buffer.from(stored, 'hex');
    // Check every stored hash so the time taken does not say which one matched.
    if (expected.length === candidate.length && timingSafeEqual(expected, candidate)) matched = true;
  }
  return matched;
}
