import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Activity } from 'botbuilder';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { DirectLineError } from './errors';
import { CONVERSATION_ID_PATTERN, type TokenClaims, type TokenService } from './tokens';
import { MAX_ACTIVITIES_PER_READ, parseWatermark, type Transcript } from './transcript';

/**
 * The Direct Line WebSocket stream (`streamUrl`): `ws(s)://host/v3/directline/conversations/:id/stream?watermark=N&t=TOKEN`.
 * On connect it sends every activity after the watermark (all of them when there is none), then
 * new ones as they are stored, as `{ activities, watermark }` frames. Every delivery reads the
 * transcript from the socket's own watermark, so frames are in order and nothing is skipped;
 * a periodic re-read also picks up activities stored by other instances. The server pings to
 * find dead sockets, ignores what clients send (Web Chat sends empty keep-alive frames) and
 * closes the socket when its token expires (Web Chat then reconnects with a fresh token).
 */
export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export interface StreamHubOptions {
  transcript: Transcript;
  tokens: TokenService;
  log: (line: string) => void;
  /** Ping interval; a socket that misses a pong by the next ping is dropped. */
  heartbeatMs?: number;
  /** How often each open stream re-reads the transcript (activities written by other instances). */
  refreshMs?: number;
  /** Rate limit for stream connections by client address: 0 to allow, else seconds to wait. */
  limitConnect?: (ip: string) => number;
  /** Who opened the socket (behind a trusted proxy, from X-Forwarded-For); default the socket's peer. */
  addressOf?: (req: IncomingMessage) => string;
  now?: () => number;
}

interface Subscriber {
  ws: WebSocket;
  conversationId: string;
  watermark: number;
  alive: boolean;
  flushing: boolean;
  again: boolean;
  timers: NodeJS.Timeout[];
}

/** A slow reader holding more than this unsent is dropped; it reconnects from its watermark. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  private readonly byConversation = new Map<string, Set<Subscriber>>();
  private readonly attached: HttpServer[] = [];
  private readonly heartbeatMs: number;
  private readonly refreshMs: number;
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: StreamHubOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 20_000;
    this.refreshMs = options.refreshMs ?? 3_000;
    this.now = options.now ?? Date.now;
  }

  /** Handles WebSocket upgrades for stream URLs on this HTTP server (restify's `server.server`). */
  attach(server: HttpServer): void {
    server.on('upgrade', this.onUpgrade);
    this.attached.push(server);
  }

  /** An activity was stored in this conversation: deliver it to the conversation's open streams. */
  notify(conversationId: string): void {
    const subscribers = this.byConversation.get(conversationId);
    if (!subscribers) return;
    for (const sub of subscribers) void this.flush(sub);
  }

  /** Sends an activity that is not stored (a typing indicator) to the conversation's open streams, without a watermark. */
  pushEphemeral(conversationId: string, activity: Partial<Activity>): void {
    const subscribers = this.byConversation.get(conversationId);
    if (!subscribers) return;
    const frame = JSON.stringify({ activities: [activity] });
    for (const sub of subscribers) if (sub.ws.readyState === WebSocket.OPEN) sub.ws.send(frame);
  }

  /** Open streams, for tests and /readyz-style reporting. */
  get openStreams(): number {
    let n = 0;
    for (const set of this.byConversation.values()) n += set.size;
    return n;
  }

  /** Closes every stream (1001 "going away"; clients reconnect elsewhere) and stops taking new ones. */
  async close(): Promise<void> {
    this.closed = true;
    for (const server of this.attached) server.off('upgrade', this.onUpgrade);
    const sockets: WebSocket[] = [];
    for (const set of this.byConversation.values()) for (const sub of set) {
      this.drop(sub);
      sockets.push(sub.ws);
      sub.ws.close(1001, 'Server is restarting');
    }
    if (sockets.some((ws) => ws.readyState !== WebSocket.CLOSED)) await new Promise((resolve) => setTimeout(resolve, 300));
    for (const ws of sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Not ours: leave it to another upgrade handler, or refuse if there is none.
      if (this.attached.every((server) => server.listenerCount('upgrade') <= 1)) refuse(socket, new DirectLineError(404, 'BadArgument', 'No WebSocket endpoint at this address.'));
      return;
    }
    try {
      if (this.closed) throw new DirectLineError(503, 'ServiceUnavailable', 'The service is restarting. Please reconnect in a moment.');
      const retryAfter = this.options.limitConnect?.(this.options.addressOf?.(req) ?? req.socket.remoteAddress ?? 'unknown') ?? 0;
      if (retryAfter > 0) throw new DirectLineError(429, 'TooManyRequests', 'Too many connections. Please wait and try again.', retryAfter);
      const conversationId = match[1];
      if (!CONVERSATION_ID_PATTERN.test(conversationId)) throw new DirectLineError(404, 'ConversationNotFound', 'There is no such conversation.');
      const token = url.searchParams.get('t') ?? bearerToken(req.headers.authorization);
      if (!token) throw new DirectLineError(401, 'Unauthorized', 'A token is required (the t query parameter).');
      const check = this.options.tokens.verify(token);
      if (!check.ok) {
        throw check.reason === 'expired'
          ? new DirectLineError(403, 'TokenExpired', 'The token has expired.')
          : new DirectLineError(401, 'Unauthorized', 'The token is not valid.');
      }
      if (check.claims.conversationId !== conversationId) throw new DirectLineError(403, 'Forbidden', 'The token is not for this conversation.');
      const watermark = parseWatermark(url.searchParams.get('watermark'));
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, check.claims, watermark));
    } catch (error) {
      refuse(socket, error instanceof DirectLineError ? error : new DirectLineError(500, 'ServiceError', 'The stream could not be opened.'));
    }
  };

  private accept(ws: WebSocket, claims: TokenClaims, watermark: number): void {
    const sub: Subscriber = { ws, conversationId: claims.conversationId, watermark, alive: true, flushing: false, again: false, timers: [] };
    let set = this.byConversation.get(sub.conversationId);
    if (!set) this.byConversation.set(sub.conversationId, (set = new Set()));
    set.add(sub);

    ws.on('pong', () => (sub.alive = true));
    ws.on('message', () => undefined); // keep-alive frames from Web Chat; nothing to do
    ws.on('close', () => this.drop(sub));
    ws.on('error', () => this.drop(sub));
    sub.timers.push(
      setInterval(() => {
        if (!sub.alive) {
          ws.terminate();
          return;
        }
        sub.alive = false;
        ws.ping();
      }, this.heartbeatMs),
      setInterval(() => void this.flush(sub), this.refreshMs),
      setTimeout(() => ws.close(1008, 'Token expired'), Math.max(0, claims.expiresAt - this.now())),
    );
    void this.flush(sub);
  }

  private drop(sub: Subscriber): void {
    for (const timer of sub.timers) clearTimeout(timer);
    sub.timers = [];
    const set = this.byConversation.get(sub.conversationId);
    if (set?.delete(sub) && set.size === 0) this.byConversation.delete(sub.conversationId);
  }

  /** Sends everything after the socket's watermark; one read at a time per socket, repeated if asked meanwhile. */
  private async flush(sub: Subscriber): Promise<void> {
    if (sub.flushing) {
      sub.again = true;
      return;
    }
    sub.flushing = true;
    try {
      do {
        sub.again = false;
        if (sub.ws.readyState !== WebSocket.OPEN) return;
        const before = sub.watermark;
        const page = await this.options.transcript.readAfter(sub.conversationId, before);
        if (sub.ws.readyState !== WebSocket.OPEN || page.watermark <= before) continue;
        sub.watermark = page.watermark;
        if (page.activities.length > 0) sub.ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
        if (sub.ws.bufferedAmount > MAX_BUFFERED_BYTES) sub.ws.terminate();
        if (page.watermark - before >= MAX_ACTIVITIES_PER_READ) sub.again = true;
      } while (sub.again);
    } catch (error) {
      this.options.log(`directline: stream read failed for a conversation: ${(error as Error).message}`);
    } finally {
      sub.flushing = false;
    }
  }
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value?.trim() ?? '');
  return match?.[1];
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Answers a refused upgrade with a plain HTTP response in Direct Line's error shape. */
function refuse(socket: Duplex, error: DirectLineError): void {
  const body = JSON.stringify(error.toBody());
  const retry = error.retryAfter ? `Retry-After: ${error.retryAfter}\r\n` : '';
  socket.end(
    `HTTP/1.1 ${error.status} ${REASONS[error.status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${retry}Connection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
