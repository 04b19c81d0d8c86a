import twilio from 'twilio';
import type { SmsConfig } from './config';

/** What one REST send came to. */
export type SendOutcome =
  | { ok: true; sid: string; status: string; attempts: number }
  | { ok: false; attempts: number; status?: number; code?: string; transient: boolean };

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** Wait before the second try; doubled for each later one (with jitter), capped at maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, firstDelayMs: 1_000, maxDelayMs: 30_000 };

/** Sends one text. The seam the adapter uses, so it never sees the twilio library. */
export interface TextSender {
  send(to: string, body: string): Promise<SendOutcome>;
}

/**
 * Twilio's REST API through the official client: Messages.json with Basic auth (account SID
 * and auth token), a status callback to /api/sms/twilio/status, and retries with exponential
 * backoff for what may pass (429, 5xx, network). Errors are reported by status and Twilio code
 * only: Twilio's messages can quote the phone number.
 */
export class TwilioSender implements TextSender {
  private readonly client: ReturnType<typeof twilio>;

  constructor(
    private readonly config: SmsConfig,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.client = twilio(config.accountSid, config.authToken, { timeout: 15_000 });
    // A fake Twilio on loopback (tests, `npm run sms`): the real client, another address.
    if (config.apiBaseUrl) this.client.api.baseUrl = config.apiBaseUrl;
  }

  async send(to: string, body: string): Promise<SendOutcome> {
    const sender = this.config.messagingServiceSid ? { messagingServiceSid: this.config.messagingServiceSid } : { from: this.config.from! };
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        const message = await this.client.messages.create({
          to,
          body,
          ...sender,
          statusCallback: `${this.config.publicBaseUrl}/api/sms/twilio/status`,
        });
        return { ok: true, sid: message.sid, status: message.status, attempts };
      } catch (error) {
        const failure = describe(error);
        if (!failure.transient || attempts >= this.retry.maxAttempts) return { ok: false, attempts, ...failure };
        const backoff = Math.min(this.retry.maxDelayMs, this.retry.firstDelayMs * 2 ** (attempts - 1));
        await this.sleep(backoff / 2 + Math.random() * (backoff / 2));
      }
    }
  }
}

/** Status and code of a failed call, and whether trying again may help. */
function describe(error: unknown): { status?: number; code?: string; transient: boolean } {
  const e = error as { status?: unknown; code?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = e.code === undefined ? undefined : String(e.code);
  if (status === undefined) return { code, transient: true }; // network: refused, reset, timed out
  return { status, code, transient: status === 429 || status >= 500 };
}
