import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Direct Line tokens: compact HS256 JWTs signed with the deployment's secret (kept in the
 * database, shared by every instance), each bound to one conversation and one user, expiring
 * after 30 minutes unless refreshed. Shaped like Azure's Direct Line tokens (`conv`, `user`
 * claims) so Web Chat reads the user id from the token as it does there.
 */
export const DEFAULT_TOKEN_TTL_MS = 30 * 60 * 1000;
/**
 * How long after expiry a token may still be refreshed (and only refreshed): a phone that slept
 * through the 15-minute refresh gets its chat back instead of starting again as someone new.
 */
export const DEFAULT_REFRESH_GRACE_MS = 12 * 60 * 60 * 1000;

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds until expiry, as Direct Line's `expires_in`. */
  expiresIn: number;
  claims: TokenClaims;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export interface TokenServiceOptions {
  ttlMs?: number;
  refreshGraceMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const ISSUER = 'front-door-directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

const ClaimsSchema = z.object({
  iss: z.literal(ISSUER),
  conv: z.string().min(1).max(128),
  user: z.string().min(1).max(128),
  /** JWT NumericDate (seconds, with milliseconds as a fraction). */
  exp: z.number().positive(),
  iat: z.number().positive(),
  jti: z.string().max(64),
});

export class TokenService {
  private readonly ttlMs: number;
  private readonly refreshGraceMs: number;
  private readonly now: () => number;

  constructor(
    private readonly secret: Buffer,
    options: TokenServiceOptions = {},
  ) {
    if (secret.length < 16) throw new Error('Direct Line token secret is too short (need at least 16 bytes)');
    this.ttlMs = options.ttlMs ?? DEFAULT_TOKEN_TTL_MS;
    this.refreshGraceMs = options.refreshGraceMs ?? DEFAULT_REFRESH_GRACE_MS;
    this.now = options.now ?? Date.now;
  }

  issue(conversationId: string, userId: string): IssuedToken {
    const now = this.now();
    const expiresAt = now + this.ttlMs;
    const payload = base64url(
      JSON.stringify({ iss: ISSUER, conv: conversationId, user: userId, iat: now / 1000, exp: expiresAt / 1000, jti: randomBytes(8).toString('base64url') }),
    );
    const token = `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
    return { token, expiresIn: Math.round(this.ttlMs / 1000), claims: { conversationId, userId, expiresAt } };
  }

  /** A valid, unexpired token's claims. `graceMs` accepts one that expired no longer ago than that. */
  verify(token: string, graceMs = 0): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER || token.length > 2048) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const claims = ClaimsSchema.safeParse(json);
    if (!claims.success) return { ok: false, reason: 'malformed' };
    const expiresAt = Math.round(claims.data.exp * 1000);
    if (expiresAt + graceMs <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: claims.data.conv, userId: claims.data.user, expiresAt } };
  }

  /** Verifies a token to be refreshed: genuine, and unexpired or expired within the refresh grace. */
  verifyForRefresh(token: string): TokenCheck {
    return this.verify(token, this.refreshGraceMs);
  }

  /** A new token for the same conversation and user, if the given one is valid (or within the refresh grace). */
  refresh(token: string): { ok: true; issued: IssuedToken } | { ok: false; reason: 'malformed' | 'forged' | 'expired' } {
    const check = this.verifyForRefresh(token);
    if (!check.ok) return check;
    return { ok: true, issued: this.issue(check.claims.conversationId, check.claims.userId) };
  }

  /** Seconds left on verified claims. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, Math.round((claims.expiresAt - this.now()) / 1000));
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

/** A fresh conversation id: 128 random bits, URL-safe. */
export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

/** A fresh user id, in Direct Line's `dl_` style. */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/** Conversation ids this service hands out (and the only ones its routes accept). */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
