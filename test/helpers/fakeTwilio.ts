import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the fake accepted, as Twilio's REST API received it. */
export interface FakeMessage {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  receivedAt: Date;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** Called with each accepted message (the simulator prints them). */
  onMessage?: (message: FakeMessage) => void;
}

/**
 * A fake Twilio REST API on 127.0.0.1 that speaks enough of the real protocol for the real
 * `twilio` client: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, Basic
 * auth with the account SID and auth token (401 with Twilio's error JSON otherwise), 201 with
 * the message resource. It can be told to fail the next requests (429, 500, ...) for retry tests.
 */
export class FakeTwilio {
  readonly messages: FakeMessage[] = [];
  /** Every request that reached the Messages endpoint, failed or not. */
  attempts = 0;
  /** Requests refused for bad credentials. */
  unauthorised = 0;
  private failures: number[] = [];
  private server?: http.Server;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly options: FakeTwilioOptions) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeTwilio is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The next requests answer with these HTTP statuses (e.g. [429, 500]) before succeeding again. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Messages sent to `to`, oldest first. */
  to(to: string): FakeMessage[] {
    return this.messages.filter((m) => m.to === to);
  }

  /** Resolves once `count` messages in all have been accepted. */
  waitForMessages(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`FakeTwilio: waited for ${count} messages, got ${this.messages.length}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (req.method !== 'POST' || !match) return this.error(res, 404, 20404, 'The requested resource was not found');
    if (!this.authorised(req.headers.authorization) || match[1] !== this.options.accountSid) {
      this.unauthorised += 1;
      return this.error(res, 401, 20003, 'Authenticate');
    }
    this.attempts += 1;
    const failure = this.failures.shift();
    if (failure !== undefined) return this.error(res, failure, failure === 429 ? 20429 : 20500, failure === 429 ? 'Too Many Requests' : 'Internal Server Error');
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    if (!to || body === null) return this.error(res, 400, 21604, "A 'To' phone number and a 'Body' are required.");
    if (!from && !messagingServiceSid) return this.error(res, 400, 21603, "A 'From' phone number is required.");
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from,
      messagingServiceSid,
      body,
      statusCallback: form.get('StatusCallback') ?? undefined,
      receivedAt: new Date(),
    };
    this.messages.push(message);
    this.options.onMessage?.(message);
    const now = new Date().toUTCString();
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        sid: message.sid,
        account_sid: this.options.accountSid,
        to,
        from: from ?? null,
        messaging_service_sid: messagingServiceSid ?? null,
        body,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: now,
        date_updated: now,
        date_sent: null,
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}.json`,
      }),
    );
    this.waiters = this.waiters.filter((w) => (this.messages.length >= w.count ? (w.resolve(), false) : true));
  }

  private authorised(header: string | undefined): boolean {
    if (!header?.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return decoded === `${this.options.accountSid}:${this.options.authToken}`;
  }

  private error(res: http.ServerResponse, status: number, code: number, message: string): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
  }
}
