import { createHmac } from 'node:crypto';

/**
 * The stable, pseudonymous key for one person on one channel: an HMAC of channel and user id.
 * Stored data and logs carry this key, never the raw id (which on SMS is a phone number).
 */
export function derivePersonKey(secret: Buffer, channelId: string, userId: string): string {
  return createHmac('sha256', secret).update(`${channelId}\u0000${userId}`).digest('base64url');
}

/** A short form of a key for operator logs, enough to follow one conversation. */
export function shortKey(personKey: string): string {
  return personKey.slice(0, 8);
}
