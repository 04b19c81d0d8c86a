/**
 * A small Direct Line 3.0 client for tests, speaking plain HTTP (fetch) and WebSocket (ws) to a
 * real Front Door started in-process, as Web Chat's botframework-directlinejs does.
 */
import { WebSocket } from 'ws';
import { loadConfig } from '../../../src/config';
import { startFrontDoor, type FrontDoor, type StartOptions } from '../../../src/app';
import type { TestDatabase } from '../../helpers/db';

export interface DLActivity {
  type: string;
  id?: string;
  text?: string;
  from?: { id: string; name?: string; role?: string };
  recipient?: { id: string; role?: string };
  conversation?: { id: string };
  channelId?: string;
  channelData?: Record<string, unknown>;
  replyToId?: string;
  timestamp?: string;
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
  [key: string]: unknown;
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function startApp(t: TestDatabase, options: StartOptions = {}, lines: string[] = []): Promise<FrontDoor> {
  return startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName }), (line) => lines.push(line), options);
}

export async function call<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export interface Conversation {
  conversationId: string;
  token: string;
  streamUrl: string;
  userId: string;
}

/** One person's Web Chat: generate a token, start the conversation, post and read. */
export class DirectLineClient {
  readonly base: string;
  conversation?: Conversation;

  constructor(appUrl: string) {
    this.base = `${appUrl}/v3/directline`;
  }

  async generate(body?: unknown): Promise<{ conversationId: string; token: string; expires_in: number }> {
    const res = await call<{ conversationId: string; token: string; expires_in: number }>(`${this.base}/tokens/generate`, { method: 'POST', body });
    if (res.status !== 200) throw new Error(`generate: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Token generate and POST /conversations, as Web Chat with a token does. */
  async start(generateBody?: unknown): Promise<Conversation> {
    const generated = await this.generate(generateBody);
    const started = await call<{ conversationId: string; token: string; streamUrl: string; expires_in: number }>(`${this.base}/conversations`, {
      method: 'POST',
      token: generated.token,
    });
    if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    this.conversation = { ...started.body, userId: userIdOf(started.body.token) };
    return this.conversation;
  }

  async post(activity: Partial<DLActivity>, token = this.conversation!.token, conversationId = this.conversation!.conversationId): Promise<HttpResult<{ id?: string }>> {
    return call(`${this.base}/conversations/${conversationId}/activities`, { method: 'POST', token, body: activity });
  }

  async say(text: string): Promise<string> {
    const res = await this.post({ type: 'message', text, from: { id: 'whatever', role: 'user' }, channelData: { clientActivityID: `c-${Math.random()}` } });
    if (res.status !== 200) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id!;
  }

  async poll(watermark?: string, token = this.conversation!.token, conversationId = this.conversation!.conversationId): Promise<HttpResult<{ activities: DLActivity[]; watermark: string }>> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    return call(`${this.base}/conversations/${conversationId}/activities${query}`, { token });
  }

  async reconnect(watermark?: string): Promise<HttpResult<{ conversationId: string; token: string; streamUrl: string; expires_in: number }>> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    return call(`${this.base}/conversations/${this.conversation!.conversationId}${query}`, { token: this.conversation!.token });
  }
}

/** The user id inside a token (it is a JWT: Web Chat reads the `user` claim the same way). */
export function userIdOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).user;
}

/** An open stream, collecting every activity it receives. */
export class StreamReader {
  readonly activities: DLActivity[] = [];
  readonly frames: { activities: DLActivity[]; watermark: string }[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      const frame = JSON.parse(text) as { activities: DLActivity[]; watermark: string };
      this.frames.push(frame);
      this.activities.push(...frame.activities);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static open(streamUrl: string): Promise<StreamReader> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(streamUrl);
      const reader = new StreamReader(ws);
      ws.once('open', () => resolve(reader));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`stream refused: ${res.statusCode}`), { status: res.statusCode })));
    });
  }

  get watermark(): string | undefined {
    return this.frames.at(-1)?.watermark;
  }

  /** Bot messages received so far. */
  botTexts(): string[] {
    return this.activities.filter((a) => a.from?.role === 'bot' && a.type === 'message').map((a) => a.text ?? '');
  }

  /** Waits until an activity (from index `from` on) matches. */
  async waitFor(match: (a: DLActivity) => boolean, timeoutMs = 10_000, from = 0): Promise<DLActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`stream closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got: ${JSON.stringify(this.activities.map((a) => [a.from?.role, a.text?.slice(0, 60)]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a bot message whose text matches, received after `from`. */
  waitForBot(pattern: RegExp, from = 0, timeoutMs = 10_000): Promise<DLActivity> {
    return this.waitFor((a) => a.from?.role === 'bot' && pattern.test(a.text ?? ''), timeoutMs, from);
  }

  async waitClosed(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('stream did not close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** A person in web chat; `say` sends a message and waits for the bot's answer matching `expected`. */
export interface WebChatter {
  conversation: Conversation;
  stream: StreamReader;
  say(text: string, expected: RegExp): Promise<void>;
}

export async function openWebChatter(appUrl: string): Promise<WebChatter> {
  const person = new DirectLineClient(appUrl);
  const conversation = await person.start();
  const stream = await StreamReader.open(conversation.streamUrl);
  const say = async (text: string, expected: RegExp) => {
    const from = stream.activities.length;
    await person.say(text);
    // The summary and the suggestions are Adaptive Cards on web chat: their words are in the attachments.
    await stream.waitFor((a) => a.from?.role === 'bot' && expected.test(`${a.text ?? ''}\n${JSON.stringify(a.attachments ?? [])}`), 20_000, from);
  };
  return { conversation, stream, say };
}

/** English, yes to keeping answers, then every step of `journey` (test/fixtures/journey.ts). */
export async function answerJourney(chatter: WebChatter, journey: readonly { say: string; then: RegExp }[]): Promise<void> {
  await chatter.stream.waitForBot(/Which language would you like to use\?/);
  await chatter.say('English', /Is it OK for us to keep your answers\?/);
  await chatter.say('yes', /What matters to you at the moment\?/);
  for (const step of journey) await chatter.say(step.say, step.then);
}
