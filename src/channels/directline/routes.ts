import type { Activity, ChannelAccount } from 'botbuilder';
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import { DIRECTLINE_CHANNEL_ID, DIRECTLINE_SERVICE_URL } from './adapter';
import { DirectLineError } from './errors';
import type { BucketSpec, RateLimiter } from './rateLimit';
import { bearerToken } from './stream';
import { CONVERSATION_ID_PATTERN, newConversationId, newUserId, type TokenClaims, type TokenService } from './tokens';
import { parseWatermark, type Transcript } from './transcript';

/** Size and rate limits of the Direct Line endpoints (in-memory token buckets, per process). */
export interface DirectLineLimits {
  /** Largest request body on /v3/directline (bytes). */
  maxBodyBytes: number;
  /** Longest message text accepted; the bot itself asks people to shorten beyond 5,000. */
  maxTextChars: number;
  /** Every Direct Line request and stream connection, per client address. */
  perIp: BucketSpec;
  /** New conversations (token generation), per client address. */
  generatePerIp: BucketSpec;
  /** Activities posted, per conversation. */
  perConversation: BucketSpec;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxBodyBytes: 32 * 1024,
  maxTextChars: 10_000,
  perIp: { capacity: 600, perSecond: 20 },
  generatePerIp: { capacity: 60, perSecond: 1 },
  perConversation: { capacity: 20, perSecond: 1 },
};

export interface DirectLineRouteDeps {
  tokens: TokenService;
  transcript: Transcript;
  /** The bot as it appears in activities. */
  bot: ChannelAccount;
  limits: DirectLineLimits;
  limiters: { perIp: RateLimiter; generatePerIp: RateLimiter; perConversation: RateLimiter };
  /** Runs one inbound turn (serialised per conversation). */
  runTurn: (activity: Partial<Activity>) => Promise<void>;
  /** An activity was stored: wake the conversation's open streams. */
  notify: (conversationId: string) => void;
  isClosing: () => boolean;
  log: (line: string) => void;
  /** Who sent a request (behind a trusted proxy, from X-Forwarded-For); default the socket's peer. */
  clientAddress?: (req: Request) => string;
}

const BASE = '/v3/directline';

const LocaleSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'locale must be a language tag such as en-GB or cy');

/** Body of tokens/generate. `user` (Azure lets a secret holder name the user) is ignored: ids are always ours. */
const GenerateBodySchema = z.object({ locale: LocaleSchema.optional(), user: z.unknown().optional() }).optional();

/** What a client may post. Everything else it sends (from, recipient, ids, timestamps, entities) is dropped or replaced. */
const PostedActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: LocaleSchema.optional(),
  localTimestamp: z.string().max(40).optional(),
  localTimezone: z.string().max(64).optional(),
  /** Event name (e.g. webchat/join). */
  name: z.string().max(100).optional(),
  /** Card submits and postBack values; bounded by the body size limit. */
  value: z.unknown().optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
  channelData: z
    .object({ clientActivityID: z.string().max(100).optional(), clientTimestamp: z.string().max(40).optional() })
    .optional()
    .catch(undefined),
});

/** Registers the Direct Line 3.0 endpoints Web Chat uses. Streams are attached separately (stream.ts). */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { tokens, transcript, limits, limiters } = deps;
  const addressOf = deps.clientAddress ?? clientAddress;

  // Oversized bodies are refused before they are read when they say their size (Content-Length); a chunked
  // body says nothing, so every route also checks the bytes actually read (refuseOversizedBody).
  server.pre((req: Request, res: Response, next: Next) => {
    if (req.url?.startsWith(`${BASE}/`) && Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) {
      sendError(res, new DirectLineError(413, 'MessageSizeTooBig', `The request body is larger than ${limits.maxBodyBytes} bytes.`));
      return next(false);
    }
    return next();
  });
  // Errors raised by restify itself on our paths (malformed JSON, unknown content type, no route) get our shape too.
  // Note: restify hands every 'restifyError' listener the same callback, so a server must have only one such
  // listener; a module that needs another should share this one rather than add a second.
  server.on('restifyError', (req: Request, _res: Response, err: RestifyLikeError, callback: () => void) => {
    if (req.url?.startsWith(`${BASE}/`)) {
      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      const code = status === 413 ? 'MessageSizeTooBig' : status === 404 ? 'NotFound' : status >= 500 ? 'ServiceError' : 'BadArgument';
      const message = status >= 500 ? 'Something went wrong in the service.' : (err.message || 'The request is not valid.');
      err.toJSON = () => ({ error: { code, message } });
    }
    return callback();
  });

  const handle = (fn: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        if (deps.isClosing()) throw new DirectLineError(503, 'ServiceUnavailable', 'The service is restarting. Please try again in a moment.');
        refuseOversizedBody(req, limits.maxBodyBytes);
        limit(limiters.perIp, addressOf(req), 'Too many requests from this address. Please wait and try again.');
        await fn(req, res);
      } catch (error) {
        if (!(error instanceof DirectLineError)) deps.log(`directline: ${req.method} ${routeName(req)} failed: ${(error as Error).message}`);
        sendError(res, error instanceof DirectLineError ? error : new DirectLineError(500, 'ServiceError', 'Something went wrong in the service. Please try again.'));
      }
    };

  /** Verifies the bearer token, and that it is for `conversationId` when one is named. */
  const authorise = (req: Request, conversationId?: string, forRefresh = false): { token: string; claims: TokenClaims } => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new DirectLineError(401, 'Unauthorized', 'A token is required (Authorization: Bearer TOKEN).');
    const check = forRefresh ? tokens.verifyForRefresh(token) : tokens.verify(token);
    if (!check.ok) {
      throw check.reason === 'expired'
        ? new DirectLineError(403, 'TokenExpired', 'The token has expired. Start a new conversation.')
        : new DirectLineError(401, 'Unauthorized', 'The token is not valid.');
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      throw new DirectLineError(403, 'Forbidden', 'The token is not for this conversation.');
    }
    return { token, claims: check.claims };
  };

  const conversationParam = (req: Request): string => {
    const id = String(req.params?.conversationId ?? '');
    if (!CONVERSATION_ID_PATTERN.test(id)) throw new DirectLineError(404, 'ConversationNotFound', 'There is no such conversation.');
    return id;
  };

  const requireConversation = async (conversationId: string) => {
    const conversation = await transcript.getConversation(conversationId);
    if (!conversation) throw new DirectLineError(404, 'ConversationNotFound', 'The conversation has ended or was deleted.');
    return conversation;
  };

  const user = (claims: TokenClaims): ChannelAccount => ({ id: claims.userId, name: '', role: 'user' });

  server.post(`${BASE}/tokens/generate`, handle(async (req, res) => {
    limit(limiters.generatePerIp, addressOf(req), 'Too many new conversations from this address. Please wait and try again.');
    const body = GenerateBodySchema.safeParse(emptyToUndefined(req.body));
    if (!body.success) throw badArgument(body.error);
    const conversationId = newConversationId();
    const userId = newUserId();
    await transcript.createConversation(conversationId, userId, body.data?.locale);
    const issued = tokens.issue(conversationId, userId);
    res.send(200, { conversationId, token: issued.token, expires_in: issued.expiresIn });
  }));

  server.post(`${BASE}/tokens/refresh`, handle(async (req, res) => {
    // A recently expired token may be refreshed (see DEFAULT_REFRESH_GRACE_MS); nothing else takes it.
    const { claims } = authorise(req, undefined, true);
    await requireConversation(claims.conversationId);
    const issued = tokens.issue(claims.conversationId, claims.userId);
    res.send(200, { conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
  }));

  server.post(`${BASE}/conversations`, handle(async (req, res) => {
    const { token, claims } = authorise(req);
    const conversation = await requireConversation(claims.conversationId);
    const first = await transcript.markStarted(claims.conversationId);
    if (first) {
      // The person joins: the bot's welcome goes into the transcript before the client opens its stream.
      await deps.runTurn({
        type: 'conversationUpdate',
        membersAdded: [user(claims)],
        from: user(claims),
        recipient: deps.bot,
        conversation: { id: claims.conversationId } as Activity['conversation'],
        locale: conversation.locale,
        timestamp: new Date(),
      });
    }
    res.send(first ? 201 : 200, {
      conversationId: claims.conversationId,
      token,
      expires_in: tokens.secondsLeft(claims),
      streamUrl: streamUrl(req, claims.conversationId, token),
    });
  }));

  server.get(`${BASE}/conversations/:conversationId`, handle(async (req, res) => {
    const conversationId = conversationParam(req);
    const { claims } = authorise(req, conversationId);
    await requireConversation(conversationId);
    const issued = tokens.issue(conversationId, claims.userId);
    const watermark = query(req).get('watermark') ?? undefined;
    res.send(200, { conversationId, token: issued.token, expires_in: issued.expiresIn, streamUrl: streamUrl(req, conversationId, issued.token, watermark) });
  }));

  server.post(`${BASE}/conversations/:conversationId/activities`, handle(async (req, res) => {
    const conversationId = conversationParam(req);
    const { claims } = authorise(req, conversationId);
    limit(limiters.perConversation, conversationId, 'Too many messages in a short time. Please wait a moment and try again.');
    const body = PostedActivitySchema.safeParse(req.body);
    if (!body.success) throw badArgument(body.error);
    const posted = body.data;
    if (posted.text !== undefined && posted.text.length > limits.maxTextChars) {
      throw new DirectLineError(413, 'MessageSizeTooBig', `The message is longer than ${limits.maxTextChars} characters.`);
    }
    if (posted.type === 'typing') {
      // Typing indicators are neither stored nor shown to the bot.
      res.send(200, { id: '' });
      return;
    }
    const conversation = await requireConversation(conversationId);
    const { attachments: _none, localTimestamp, ...fields } = posted;
    const inbound: Partial<Activity> = {
      ...fields,
      // Kept as the client's string (with its UTC offset), as Direct Line passes it on; the SDK types it as Date.
      ...(localTimestamp ? { localTimestamp: localTimestamp as unknown as Date } : {}),
      from: user(claims), // always the token's user, whatever the body says
      recipient: deps.bot,
      channelId: DIRECTLINE_CHANNEL_ID,
      serviceUrl: DIRECTLINE_SERVICE_URL,
      conversation: { id: conversationId } as Activity['conversation'],
      locale: posted.locale ?? conversation.locale,
    };
    const appended = await transcript.append(conversationId, inbound);
    if (!appended) throw new DirectLineError(404, 'ConversationNotFound', 'The conversation has ended or was deleted.');
    deps.notify(conversationId); // the echo, with its id, so Web Chat marks the message sent
    await deps.runTurn(appended.activity);
    res.send(200, { id: appended.activity.id });
  }));

  server.get(`${BASE}/conversations/:conversationId/activities`, handle(async (req, res) => {
    const conversationId = conversationParam(req);
    authorise(req, conversationId);
    await requireConversation(conversationId);
    const page = await transcript.readAfter(conversationId, parseWatermark(query(req).get('watermark')));
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  }));
}

interface RestifyLikeError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

function sendError(res: Response, error: DirectLineError): void {
  if (error.retryAfter) res.header('Retry-After', String(error.retryAfter));
  res.status(error.status);
  res.send(error.toBody());
}

/** The bytes of the body as read off the wire (a chunked body has no Content-Length to check beforehand). */
function bodyBytes(req: Request): number {
  const raw = (req as Request & { rawBody?: unknown }).rawBody ?? req.body;
  if (Buffer.isBuffer(raw)) return raw.length;
  return typeof raw === 'string' ? Buffer.byteLength(raw) : 0;
}

function refuseOversizedBody(req: Request, maxBodyBytes: number): void {
  if (bodyBytes(req) > maxBodyBytes) {
    throw new DirectLineError(413, 'MessageSizeTooBig', `The request body is larger than ${maxBodyBytes} bytes.`);
  }
}

function limit(limiter: RateLimiter, key: string, message: string): void {
  const retryAfter = limiter.take(key);
  if (retryAfter > 0) throw new DirectLineError(429, 'TooManyRequests', message, retryAfter);
}

function badArgument(error: z.ZodError): DirectLineError {
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return new DirectLineError(400, 'BadArgument', `The body is not a valid Direct Line request. ${where}${first?.message ?? ''}`.trim());
}

function emptyToUndefined(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return undefined;
  if (Buffer.isBuffer(body) && body.length === 0) return undefined;
  return body;
}

/** The client's address (the TCP peer: behind a reverse proxy, that is the proxy). */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function routeName(req: Request): string {
  return (req.url ?? '').split('?')[0].replace(/conversations\/[^/]+/, 'conversations/:id');
}

/**
 * The stream address, on the host the client used (so it works on localhost, a LAN address or
 * a public name alike): ws:// on plain HTTP, wss:// when the request came over TLS or through a
 * TLS-terminating proxy that says so in X-Forwarded-Proto.
 */
export function streamUrl(req: Request, conversationId: string, token: string, watermark?: string): string {
  const hostHeader = req.headers.host ?? '';
  const host = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(hostHeader) ? hostHeader : `${req.socket.localAddress}:${req.socket.localPort}`;
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  const scheme = req.isSecure() || forwarded === 'https' ? 'wss' : 'ws';
  const params = new URLSearchParams();
  if (watermark !== undefined && watermark !== '') params.set('watermark', String(parseWatermark(watermark)));
  params.set('t', token);
  return `${scheme}://${host}${BASE}/conversations/${encodeURIComponent(conversationId)}/stream?${params.toString()}`;
}
