import type { ClientRequest } from '../../http/clientAddress';
import type { Activity, ActivityHandlerBase, ChannelAccount, ConversationReference, TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import { getOrCreateSecret } from '../../store';
import { DIRECTLINE_CHANNEL_ID, DIRECTLINE_SERVICE_URL, DirectLineAdapter } from './adapter';
import { RateLimiter } from './rateLimit';
import { DEFAULT_LIMITS, registerDirectLineRoutes, type DirectLineLimits } from './routes';
import { StreamHub } from './stream';
import { TokenService } from './tokens';
import { Transcript } from './transcript';

export { DirectLineAdapter, DIRECTLINE_CHANNEL_ID, DIRECTLINE_SERVICE_URL, isDirectLineReference } from './adapter';
export { DirectLineError, type DirectLineErrorCode } from './errors';
export { RateLimiter, type BucketSpec } from './rateLimit';
export { DEFAULT_LIMITS, registerDirectLineRoutes, streamUrl, type DirectLineLimits, type DirectLineRouteDeps } from './routes';
export { StreamHub, STREAM_PATH } from './stream';
export { DEFAULT_TOKEN_TTL_MS, TokenService, type TokenClaims, type IssuedToken } from './tokens';
export { Transcript, activityId, parseWatermark, CONSENT_MARK, consentMarkOf, type ActivityPage, type ConsentMark } from './transcript';

export interface DirectLineOptions {
  /** The token-signing secret; when unset, one is generated once and kept in the database. */
  secret?: string;
  /** Token lifetime (default 30 minutes). */
  tokenTtlMs?: number;
  /** Limits; any left out keep DEFAULT_LIMITS. */
  limits?: Partial<DirectLineLimits>;
  /** Stream ping interval (default 20 s). */
  heartbeatMs?: number;
  /** How often open streams re-read the transcript for other instances' writes (default 3 s). */
  refreshMs?: number;
  /** Clock for tokens and rate limits (tests). */
  now?: () => number;
  /** Who sent a request, for the per-address limits (config TRUSTED_PROXIES); default the socket's peer. */
  clientAddress?: (req: ClientRequest) => string;
}

export interface DirectLineDeps {
  db: Db;
  /** The same bot as /api/messages. */
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** How the bot appears in activities. */
  botAccount?: ChannelAccount;
  log?: (line: string) => void;
  options?: DirectLineOptions;
}

/** The self-hosted Direct Line 3.0 service: adapter, transcript, tokens, routes and streams. */
export interface DirectLineService {
  adapter: DirectLineAdapter;
  transcript: Transcript;
  tokens: TokenService;
  streams: StreamHub;
  /** Adds the /v3/directline routes and the stream's upgrade handler to a restify server (before it listens). */
  register(server: Server): void;
  /** The reference for proactive messages into a conversation (as a turn's getConversationReference would give). */
  referenceFor(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  /** Stops taking requests, closes streams, waits for turns in flight (up to the grace period). */
  close(graceMs?: number): Promise<void>;
}

export async function createDirectLine(deps: DirectLineDeps): Promise<DirectLineService> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const options = deps.options ?? {};
  const now = options.now ?? Date.now;
  const limits: DirectLineLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const botAccount: ChannelAccount = { id: 'front-door', name: 'Front Door', ...deps.botAccount, role: 'bot' };

  const transcript = new Transcript(deps.db);
  const secret = options.secret ? Buffer.from(options.secret, 'utf8') : await getOrCreateSecret(deps.db, 'directline');
  const tokens = new TokenService(secret, { ttlMs: options.tokenTtlMs, now });
  const limiters = {
    perIp: new RateLimiter(limits.perIp, now),
    generatePerIp: new RateLimiter(limits.generatePerIp, now),
    perConversation: new RateLimiter(limits.perConversation, now),
  };
  const streams = new StreamHub({
    transcript,
    tokens,
    log,
    heartbeatMs: options.heartbeatMs,
    refreshMs: options.refreshMs,
    limitConnect: (ip) => limiters.perIp.take(ip),
    addressOf: options.clientAddress,
    now,
  });
  const adapter = new DirectLineAdapter({
    transcript,
    bot: botAccount,
    onAppended: (conversationId) => streams.notify(conversationId),
    onEphemeral: (conversationId, activity) => streams.pushEphemeral(conversationId, activity),
  });

  // One turn at a time per conversation (in this process), as the person would take them:
  // two quick posts must not race each other on the conversation's state.
  const queues = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const runTurn = (activity: Partial<Activity>): Promise<void> => {
    const conversationId = activity.conversation?.id ?? '';
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => adapter.processActivity(activity, (context: TurnContext) => deps.bot.run(context)));
    const settled = turn.catch(() => undefined);
    queues.set(conversationId, settled);
    inFlight.add(settled);
    void settled.then(() => {
      inFlight.delete(settled);
      if (queues.get(conversationId) === settled) queues.delete(conversationId);
    });
    return turn;
  };

  const sweep = setInterval(() => {
    for (const limiter of Object.values(limiters)) limiter.sweep();
  }, 60_000);
  sweep.unref();

  return {
    adapter,
    transcript,
    tokens,
    streams,
    register(server: Server) {
      registerDirectLineRoutes(server, {
        tokens,
        transcript,
        bot: botAccount,
        limits,
        limiters,
        runTurn,
        notify: (conversationId) => streams.notify(conversationId),
        isClosing: () => closing,
        log,
        clientAddress: options.clientAddress,
      });
      streams.attach(server.server);
    },
    async referenceFor(conversationId: string) {
      const conversation = await transcript.getConversation(conversationId);
      if (!conversation) return undefined;
      return {
        channelId: DIRECTLINE_CHANNEL_ID,
        serviceUrl: DIRECTLINE_SERVICE_URL,
        conversation: { id: conversationId } as ConversationReference['conversation'],
        user: { id: conversation.userId, name: '', role: 'user' },
        bot: botAccount,
        locale: conversation.locale,
      };
    },
    async close(graceMs = 10_000) {
      closing = true;
      clearInterval(sweep);
      await streams.close();
      if (inFlight.size > 0) {
        await Promise.race([Promise.all([...inFlight]), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
    },
  };
}
