import type { Request, Response, Server } from 'restify';
import twilio from 'twilio';
import { z } from 'zod';
import type { DeliveryStatus } from './store';
import { withinDeadline } from '../../store/deadline';

/** The empty TwiML answer: "received, nothing to say here" (replies go out through the REST API). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export const SMS_WEBHOOK_PATH = '/api/sms/twilio';
export const SMS_STATUS_PATH = '/api/sms/twilio/status';

/** An inbound text as Twilio posts it (the fields we use; Twilio sends many more). */
export const InboundSmsSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  AccountSid: z.string(),
  From: z.string().regex(/^\+?[0-9]{5,16}$/),
  Body: z.string().max(10_000).default(''),
});
export type InboundSms = z.infer<typeof InboundSmsSchema>;

const STATUSES = ['queued', 'accepted', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'receiving', 'received', 'read', 'scheduled', 'canceled'] as const;
const StatusCallbackSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  AccountSid: z.string(),
  MessageStatus: z.enum(STATUSES),
  ErrorCode: z.string().regex(/^\d{1,6}$/).optional(),
});

export interface SmsRouteDeps {
  accountSid: string;
  authToken: string;
  /** The address Twilio calls, without a trailing slash: signatures cover it plus the path and query. */
  publicBaseUrl: string;
  /** Takes one inbound text (already checked and deduplicated); resolves once it is stored (so a crash cannot lose it) and queued, not answered. */
  accept: (message: InboundSms) => Promise<'accepted' | 'duplicate'>;
  recordStatus: (messageSid: string, status: DeliveryStatus, errorCode: string | undefined) => Promise<void>;
  isClosing: () => boolean;
  log: (line: string) => void;
  /**
   * The crisis support to send straight back in the webhook's answer when the text could not be
   * taken in (the database is down or silent) and holds crisis words; undefined otherwise.
   */
  crisisSupportFor?: (text: string) => string[] | undefined;
  /** How long a crisis text waits to be taken in before its support goes back in the answer (default 5 s). */
  crisisAnswerWithinMs?: number;
}

/** Well inside the 15 s Twilio waits for a webhook's answer. */
const CRISIS_ANSWER_WITHIN_MS = 5_000;

/** Form fields as strings, whether restify's body parser ran (object) or not (raw string or buffer). */
function formFields(req: Request): Record<string, string> {
  const body: unknown = req.body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) return Object.fromEntries(new URLSearchParams(body.toString()));
  return {};
}

function sendTwiml(res: Response, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' });
  res.end(EMPTY_TWIML);
}

/** TwiML that sends these texts back to the sender. */
export function twimlMessages(texts: readonly string[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${texts.map((text) => `<Message>${escape(text)}</Message>`).join('')}</Response>`;
}

function refuse(res: Response, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

/**
 * `POST /api/sms/twilio` (inbound texts) and `POST /api/sms/twilio/status` (delivery reports).
 * Both check X-Twilio-Signature against PUBLIC_BASE_URL + the path: anything else gets 403.
 */
export function registerSmsRoutes(server: Server, deps: SmsRouteDeps): void {
  const signedByTwilio = (req: Request, fields: Record<string, string>): boolean => {
    const signature = req.header('x-twilio-signature');
    if (typeof signature !== 'string' || signature.length === 0) return false;
    return twilio.validateRequest(deps.authToken, signature, `${deps.publicBaseUrl}${req.url ?? ''}`, fields);
  };

  server.post(SMS_WEBHOOK_PATH, async (req: Request, res: Response) => {
    const fields = formFields(req);
    if (!signedByTwilio(req, fields)) {
      deps.log('sms: webhook refused (missing or wrong X-Twilio-Signature)');
      refuse(res, 403, 'Forbidden: X-Twilio-Signature does not match.');
      return;
    }
    const parsed = InboundSmsSchema.safeParse(fields);
    if (!parsed.success || parsed.data.AccountSid !== deps.accountSid) {
      deps.log(`sms: webhook ignored (${parsed.success ? 'another account' : 'not an inbound text'})`);
      // Signed but not for us or not a text (e.g. a misrouted callback): 200, or Twilio retries it.
      sendTwiml(res);
      return;
    }
    if (deps.isClosing()) {
      // Twilio retries on 5xx: the text is taken in by the next instance (or this one after restart).
      refuse(res, 503, 'Front Door is restarting.');
      return;
    }
    // Crisis support needs nothing stored: if the text cannot be taken in (the database is down, or
    // too slow to answer before Twilio gives up on this webhook), the support goes back in this answer.
    const support = deps.crisisSupportFor?.(parsed.data.Body);
    try {
      const accepted = deps.accept(parsed.data);
      await (support ? withinDeadline(accepted, deps.crisisAnswerWithinMs ?? CRISIS_ANSWER_WITHIN_MS, 'taking the text in') : accepted);
    } catch (error) {
      if (!support) throw error;
      deps.log(`sms: a text could not be taken in (${(error as Error).message}); crisis support sent in the webhook's answer`);
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(twimlMessages(support));
      return;
    }
    sendTwiml(res);
  });

  server.post(SMS_STATUS_PATH, async (req: Request, res: Response) => {
    const fields = formFields(req);
    if (!signedByTwilio(req, fields)) {
      deps.log('sms: status callback refused (missing or wrong X-Twilio-Signature)');
      refuse(res, 403, 'Forbidden: X-Twilio-Signature does not match.');
      return;
    }
    const parsed = StatusCallbackSchema.safeParse(fields);
    if (parsed.success && parsed.data.AccountSid === deps.accountSid) {
      await deps.recordStatus(parsed.data.MessageSid, parsed.data.MessageStatus, parsed.data.ErrorCode);
    }
    res.writeHead(204);
    res.end();
  });
}
