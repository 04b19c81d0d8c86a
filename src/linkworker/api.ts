import { clientIpBehind } from '../http/clientAddress';
import type { Db } from 'mongodb';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { SMS_SERVICE_URL } from '../channels/sms/adapter';
import { SmsCollections } from '../channels/sms/store';
import { AuditLog, AUDIT_ACTIONS, type AuditRecord } from '../handoff/audit';
import {
  HandoffConflictError,
  HandoffNotFoundError,
  HandoffRepository,
  HandoffValidationError,
  type PersonMessenger,
} from '../handoff/repository';
import { HANDOFF_STATUSES, MAX_MESSAGE_LENGTH, MAX_NOTE_LENGTH, OUTCOMES, type Actor, type Handoff, type HandoffStatus } from '../handoff/schema';
import { ReferralRepository } from '../referrals';
import { AccountRepository, MAX_PASSWORD_LENGTH, summariseAccount, type Account } from './accounts';
import { CSRF_HEADER, csrfTokenMatches } from './csrf';
import { LoginThrottle, type LoginThrottleOptions } from './loginThrottle';
import { hasRole, type Role } from './roles';
import { SessionStore, type Session, type SessionOptions } from './sessions';

/**
 * The link workers' JSON API under /api/linkworker/ (ARCHITECTURE.md, "Stable contracts"): login
 * and logout, the handoff queue, claim, message, release and close, and the admins' audit log.
 * Every route but login needs a session cookie; every POST but login needs the CSRF token in the
 * X-CSRF-Token header. Errors are always `{ error: { code, message } }`.
 */
export interface LinkWorkerApiDeps {
  accounts: AccountRepository;
  sessions: SessionStore;
  throttle: LoginThrottle;
  handoffs: HandoffRepository;
  audit: AuditLog;
  /** Whether the person agreed to us keeping their answers (shown with the handoff); unknown without it. */
  referrals?: Pick<ReferralRepository, 'find'>;
  /** Delivers link workers' messages to the person on their own channel. */
  messenger: PersonMessenger;
  /** Whether the person texts us and has opted out (STOP, no START since): nothing reaches them then. */
  optedOutOfTexts?: (handoff: Handoff) => Promise<boolean>;
  /** Tells the person when a link worker joins or finishes (failures are logged; the action stands). */
  notify?: HandoffNotifications;
  /** When https, cookies are always Secure (e.g. behind a TLS-terminating proxy). */
  publicBaseUrl?: string;
  /** The client's address for rate limiting; defaults to the socket's peer address (see clientIpBehind). */
  clientIp?: (req: Request) => string;
  log?: (line: string) => void;
}

/** Things the person should hear about as a link worker acts on their handoff. */
export interface HandoffNotifications {
  claimed?(handoff: Handoff): Promise<void>;
  /** Put back in the queue: the person must not be left writing to someone who has gone. */
  released?(handoff: Handoff): Promise<void>;
  closed?(handoff: Handoff): Promise<void>;
}

export interface LinkWorkerServiceOptions {
  messenger: PersonMessenger;
  notify?: HandoffNotifications;
  publicBaseUrl?: string;
  session?: SessionOptions;
  throttle?: LoginThrottleOptions;
  now?: () => Date;
  clientIp?: (req: Request) => string;
  log?: (line: string) => void;
}

/** Builds every dependency of the API on one database. */
export function createLinkWorkerServices(db: Db, options: LinkWorkerServiceOptions): LinkWorkerApiDeps {
  const now = options.now ?? (() => new Date());
  return {
    accounts: new AccountRepository(db, now),
    sessions: new SessionStore(db, options.session, now),
    throttle: new LoginThrottle(db, options.throttle, now),
    handoffs: new HandoffRepository(db, now),
    audit: new AuditLog(db, now),
    referrals: new ReferralRepository(db, now),
    messenger: options.messenger,
    optedOutOfTexts: (handoff) => textsOptedOut(db, handoff),
    notify: options.notify,
    publicBaseUrl: options.publicBaseUrl,
    clientIp: options.clientIp,
    log: options.log,
  };
}

/** The SMS channel's address for a person who texts us: its user id is their number key. */
function textingNumberKey(handoff: Handoff): string | undefined {
  const reference = handoff.conversationReference as { serviceUrl?: unknown; user?: { id?: unknown } } | null;
  const id = reference?.user?.id;
  return reference?.serviceUrl === SMS_SERVICE_URL && typeof id === 'string' ? id : undefined;
}

async function textsOptedOut(db: Db, handoff: Handoff): Promise<boolean> {
  const numberKey = textingNumberKey(handoff);
  if (!numberKey) return false;
  const doc = await db.collection<{ _id: string; optedOut?: boolean }>(SmsCollections.optOuts).findOne({ _id: numberKey });
  return doc?.optedOut === true;
}


export const API_PREFIX = '/api/linkworker';
export const SESSION_COOKIE = 'fd_lw_session';

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Caller {
  account: Account;
  session: Session;
  sessionId: string;
  actor: Actor;
  auditActor: NonNullable<AuditRecord['actor']>;
}

type Access = 'public' | Role;
interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}
type Handler = (req: Request, res: Response, caller: Caller) => Promise<Reply>;

// Bodies: strict objects of plain strings, so `{"$gt": ""}` or an unexpected field fails validation.
const LoginBody = z.object({ email: z.string().max(320), password: z.string().max(MAX_PASSWORD_LENGTH) }).strict();
const EmptyBody = z.object({}).strict();
const MessageBody = z.object({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) }).strict();
const FollowUpDate = z.union([
  // A date alone (from a date picker) means the start of that day, UTC.
  z.iso.date().transform((value) => new Date(`${value}T00:00:00Z`)),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);
const CloseBody = z
  .object({
    outcome: z.enum(OUTCOMES),
    note: z.string().trim().max(MAX_NOTE_LENGTH).nullable().optional(),
    followUpAt: FollowUpDate.nullable().optional(),
  })
  .strict();
const ListQuery = z.object({ status: z.enum([...HANDOFF_STATUSES, 'active']).default('active') }).strict();
const AuditQuery = z
  .object({
    handoffId: z.string().regex(/^[0-9a-f]{24}$/i).optional(),
    actorId: z.string().regex(/^[0-9a-f]{24}$/i).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    before: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

export function registerLinkWorkerApi(server: Server, deps: LinkWorkerApiDeps): void {
  const log = deps.log ?? ((line: string) => console.error(line));
  const clientIp = deps.clientIp ?? clientIpBehind([]);
  const alwaysSecure = deps.publicBaseUrl?.startsWith('https:') ?? false;

  const cookie = (req: Request, value: string, maxAgeSeconds: number) =>
    [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`]
      .concat(alwaysSecure || req.isSecure() ? ['Secure'] : [])
      .join('; ');

  async function authenticate(req: Request): Promise<Caller> {
    const caller = await authenticateLinkWorker(deps, req);
    if (!caller) throw new ApiError(401, 'unauthenticated', 'Please log in.');
    return caller;
  }

  function route(method: 'get' | 'post', path: string, access: Access, handler: Handler): void {
    const wrapped = async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      try {
        let caller = undefined as unknown as Caller;
        if (access !== 'public') {
          caller = await authenticate(req);
          if (!hasRole(caller.account.role, access)) throw new ApiError(403, 'forbidden', 'You do not have access to this.');
          if (method === 'post' && !csrfTokenMatches(headerValue(req, CSRF_HEADER), caller.session.csrfHashes)) {
            throw new ApiError(403, 'csrf', 'The request is missing a valid X-CSRF-Token header. Reload the page and try again.');
          }
        }
        const reply = await handler(req, res, caller);
        for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
        res.status(reply.status ?? 200);
        res.send(reply.body);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.status >= 500) log(`Link-worker API ${method.toUpperCase()} ${path} failed: ${(error as Error).stack ?? error}`);
        for (const [name, value] of Object.entries(apiError.headers)) res.header(name, value);
        res.status(apiError.status);
        res.send({ error: { code: apiError.code, message: apiError.message } });
      }
    };
    if (method === 'get') server.get(`${API_PREFIX}/${path}`, wrapped);
    else server.post(`${API_PREFIX}/${path}`, wrapped);
  }

  route('post', 'login', 'public', async (req, res) => {
    if (!isJson(req)) throw new ApiError(415, 'unsupportedMediaType', 'Send the login as JSON (Content-Type: application/json).');
    const body = parse(LoginBody, req.body);
    const ip = clientIp(req);
    // Counted before the (slow) password check, so guesses sent all at once cannot slip past the limits.
    const verdict = await deps.throttle.reserve(body.email, ip);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterMs / 60_000);
      throw new ApiError(429, 'locked', `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
        'Retry-After': String(Math.ceil(verdict.retryAfterMs / 1000)),
      });
    }
    const account = await deps.accounts.verifyCredentials(body.email, body.password).catch(async (error: unknown) => {
      await deps.throttle.cancel(verdict.reservation); // no answer: the attempt does not count
      throw error;
    });
    if (!account) {
      await deps.throttle.recordFailure(verdict.reservation);
      await deps.audit.record({ actor: null, action: 'loginFailed', detail: { ip } });
      throw new ApiError(401, 'badCredentials', 'The email or password is wrong.');
    }
    await deps.throttle.recordSuccess(verdict.reservation);
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) await deps.sessions.end(previous);
    const created = await deps.sessions.create(account._id);
    const actor = { id: account._id.toHexString(), email: account.email, role: account.role };
    await deps.audit.record({ actor, action: 'login', detail: { ip } });
    res.header('Set-Cookie', cookie(req, created.sessionId, Math.floor(deps.sessions.absoluteMs / 1000)));
    return {
      body: {
        account: accountView(account),
        csrfToken: created.csrfToken,
        idleTimeoutSeconds: Math.floor(deps.sessions.idleMs / 1000),
        expiresAt: created.session.absoluteExpiresAt,
      },
    };
  });

  route('post', 'logout', 'linkWorker', async (req, res, caller) => {
    parse(EmptyBody, req.body ?? {});
    await deps.sessions.end(caller.sessionId);
    await deps.audit.record({ actor: caller.auditActor, action: 'logout' });
    res.header('Set-Cookie', cookie(req, '', 0));
    return { body: { loggedOut: true } };
  });

  route('post', 'logout-everywhere', 'linkWorker', async (req, res, caller) => {
    parse(EmptyBody, req.body ?? {});
    const ended = await deps.sessions.endAllFor(caller.account._id);
    await deps.audit.record({ actor: caller.auditActor, action: 'logoutEverywhere', detail: { sessionsEnded: ended } });
    res.header('Set-Cookie', cookie(req, '', 0));
    return { body: { loggedOut: true, sessionsEnded: ended } };
  });

  /** Who is logged in, with a fresh CSRF token (for a dashboard page loaded after login). */
  route('get', 'me', 'linkWorker', async (_req, _res, caller) => ({
    body: {
      account: accountView(caller.account),
      csrfToken: await deps.sessions.issueCsrfToken(caller.session),
      idleTimeoutSeconds: Math.floor(deps.sessions.idleMs / 1000),
      expiresAt: caller.session.absoluteExpiresAt,
    },
  }));

  route('get', 'handoffs', 'linkWorker', async (req) => {
    const query = parse(ListQuery, queryOf(req));
    const statuses: HandoffStatus[] = query.status === 'active' ? ['open', 'claimed'] : [query.status];
    const handoffs = await deps.handoffs.list(statuses);
    const rows = await Promise.all(
      handoffs.map(async (handoff) => ({
        ...listItem(handoff),
        optedOutOfTexts: await optedOut(handoff),
        consentGiven: await consentGiven(handoff),
        // Open again after a link worker had it: someone has already talked to them.
        releasedAt: handoff.status === 'open' ? (handoff.releasedAt ?? null) : null,
      })),
    );
    return { body: { handoffs: rows } };
  });

  route('get', 'handoffs/:id', 'linkWorker', async (req, _res, caller) => {
    const handoff = await found(deps.handoffs.get(req.params.id));
    await deps.audit.record({ actor: caller.auditActor, action: 'view', handoffId: handoff._id.toHexString() });
    return { body: { handoff: { ...fullView(handoff), consentGiven: await consentGiven(handoff), optedOutOfTexts: await optedOut(handoff) } } };
  });

  route('get', 'handoffs/:id/export', 'linkWorker', async (req, _res, caller) => {
    const handoff = await found(deps.handoffs.get(req.params.id));
    const id = handoff._id.toHexString();
    await deps.audit.record({ actor: caller.auditActor, action: 'export', handoffId: id });
    return {
      body: { exportedAt: new Date(), exportedBy: caller.actor.email, handoff: fullView(handoff) },
      headers: { 'Content-Disposition': `attachment; filename="handoff-${id}.json"` },
    };
  });

  /** True or false from the person's referral as it is now; null when it is gone or not known. */
  async function consentGiven(handoff: Handoff): Promise<boolean | null> {
    const referral = await deps.referrals?.find(handoff.personKey);
    return referral ? referral.consent !== undefined : null;
  }

  async function optedOut(handoff: Handoff): Promise<boolean> {
    return (await deps.optedOutOfTexts?.(handoff)) ?? false;
  }

  /** A handoff after an action, with what the dashboard must keep showing about reaching the person. */
  async function actedOn(handoff: Handoff) {
    return { body: { handoff: { ...fullView(handoff), optedOutOfTexts: await optedOut(handoff) } } };
  }

  async function tell(event: keyof HandoffNotifications, handoff: Handoff): Promise<void> {
    try {
      await deps.notify?.[event]?.(handoff);
    } catch (error) {
      log(`Could not tell the person their handoff ${handoff._id.toHexString()} was ${event}: ${(error as Error).message}`);
    }
  }

  route('post', 'handoffs/:id/claim', 'linkWorker', async (req, _res, caller) => {
    parse(EmptyBody, req.body ?? {});
    const handoff = await deps.handoffs.claim(req.params.id, caller.actor);
    await deps.audit.record({ actor: caller.auditActor, action: 'claim', handoffId: handoff._id.toHexString() });
    await tell('claimed', handoff);
    return actedOn(handoff);
  });

  route('post', 'handoffs/:id/release', 'linkWorker', async (req, _res, caller) => {
    parse(EmptyBody, req.body ?? {});
    const handoff = await deps.handoffs.release(req.params.id, caller.actor, { asAdmin: caller.account.role === 'admin' });
    await deps.audit.record({ actor: caller.auditActor, action: 'release', handoffId: handoff._id.toHexString() });
    await tell('released', handoff);
    return actedOn(handoff);
  });

  route('post', 'handoffs/:id/messages', 'linkWorker', async (req, _res, caller) => {
    const body = parse(MessageBody, req.body);
    const handoff = await deps.handoffs.heldBy(req.params.id, caller.actor);
    let delivered = true;
    try {
      await deps.messenger.send(handoff, body.text);
    } catch (error) {
      delivered = false;
      log(`Could not deliver a link worker's message for handoff ${handoff._id.toHexString()}: ${(error as Error).message}`);
    }
    // Stored either way: the transcript must show what the link worker tried to say.
    const message = await deps.handoffs.recordLinkWorkerMessage(handoff._id, caller.actor, body.text, delivered);
    await deps.audit.record({ actor: caller.auditActor, action: 'message', handoffId: handoff._id.toHexString(), detail: { delivered } });
    if (!delivered && (await optedOut(handoff))) {
      // Trying again will never work: only the person can undo it.
      throw new ApiError(409, 'optedOut', 'The message was saved but not sent: this person opted out of texts (they texted STOP). They can reply START to get texts again.');
    }
    if (!delivered) throw new ApiError(502, 'deliveryFailed', 'The message was saved but could not be delivered to the person. Try again later.');
    return { status: 201, body: { message } };
  });

  route('post', 'handoffs/:id/close', 'linkWorker', async (req, _res, caller) => {
    const body = parse(CloseBody, req.body);
    const handoff = await deps.handoffs.close(
      req.params.id,
      caller.actor,
      { outcome: body.outcome, note: body.note ?? null, followUpAt: body.followUpAt ?? null },
      { asAdmin: caller.account.role === 'admin' },
    );
    await deps.audit.record({ actor: caller.auditActor, action: 'close', handoffId: handoff._id.toHexString(), detail: { outcome: body.outcome } });
    await tell('closed', handoff);
    return actedOn(handoff);
  });

  route('get', 'audit', 'admin', async (req, _res, caller) => {
    const query = parse(AuditQuery, queryOf(req));
    const entries = await deps.audit.list(query);
    await deps.audit.record({ actor: caller.auditActor, action: 'viewAudit' });
    return { body: { entries: entries.map(({ _id, ...entry }) => ({ id: _id.toHexString(), ...entry })) } };
  });
}

/**
 * The caller behind the request's session cookie (its idle clock restarted), or null when there is
 * no live session or the account is gone or disabled. Exported for the dashboard's event stream.
 */
export async function authenticateLinkWorker(deps: Pick<LinkWorkerApiDeps, 'sessions' | 'accounts'>, req: Request): Promise<Caller | null> {
  const sessionId = readCookie(req, SESSION_COOKIE);
  const session = sessionId ? await deps.sessions.touch(sessionId) : null;
  if (!sessionId || !session) return null;
  const account = await deps.accounts.findById(session.accountId);
  if (!account || account.disabled) {
    await deps.sessions.endAllFor(session.accountId);
    return null;
  }
  const actor = { id: account._id.toHexString(), email: account.email };
  return { account, session, sessionId, actor, auditActor: { ...actor, role: account.role } };
}

function accountView(account: Account) {
  const { id, email, role } = summariseAccount(account);
  return { id, email, role };
}

/** A queue row: enough to choose what to pick up next, without the transcript. */
function listItem(handoff: Handoff) {
  const s = handoff.summary;
  return {
    id: handoff._id.toHexString(),
    status: handoff.status,
    urgent: handoff.urgent,
    reasons: handoff.reasons,
    preferredName: s.preferredName ?? null,
    whatMatters: s.whatMatters,
    categories: s.categories,
    language: s.language,
    interpreterLanguage: s.interpreterLanguage ?? null,
    underMinimumAge: s.underMinimumAge === true,
    channel: s.channel,
    riskFlagCount: handoff.riskFlags.length,
    claimedBy: handoff.claimedBy,
    claimedAt: handoff.claimedAt,
    createdAt: handoff.createdAt,
    updatedAt: handoff.updatedAt,
  };
}

/** Everything a link worker needs (the personKey and channel address stay inside: they are internal). */
function fullView(handoff: Handoff) {
  const { _id, personKey: _personKey, schemaVersion: _schemaVersion, conversationReference: _reference, ...rest } = handoff;
  // Flags come one per kind from the repository's read (older handoffs' duplicates included).
  return { id: _id.toHexString(), ...rest };
}

async function found(promise: Promise<Handoff | null>): Promise<Handoff> {
  const handoff = await promise;
  if (!handoff) throw new ApiError(404, 'notFound', 'There is no such handoff.');
  return handoff;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new ApiError(400, 'invalid', `The request is not valid. ${problems.join('; ')}`);
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HandoffNotFoundError) return new ApiError(404, 'notFound', 'There is no such handoff.');
  if (error instanceof HandoffConflictError) return new ApiError(409, error.code, error.message);
  if (error instanceof HandoffValidationError) return new ApiError(400, 'invalid', error.message);
  return new ApiError(500, 'internal', 'Something went wrong on our side. Please try again.');
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isJson(req: Request): boolean {
  return /^application\/json\b/i.test(headerValue(req, 'content-type') ?? '');
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = headerValue(req, 'cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** Query parameters as a plain object (restify's queryParser is not installed on our server). */
function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return Object.fromEntries(params.entries());
}

export { clientIpBehind };
