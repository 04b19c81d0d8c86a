import { ConversationAnalysisClient, type AnalyzeConversationResponse } from '@azure/ai-language-conversations';
import { z } from 'zod';
import type { Language } from '../../i18n/languages';
import type { Recognition, Recognizer } from '../recognizer';
import { CircuitBreaker } from './circuitBreaker';
import { isLoopbackHttp, type CluConfig } from './config';
import { DEFAULT_THRESHOLDS, mergeRecognition, type CluPrediction, type Thresholds } from './mapping';

/** The GA runtime API; the beta client would otherwise send 2022-05-15-preview. */
export const CLU_API_VERSION = '2023-04-01';
export const DEFAULT_TIMEOUT_MS = 1500;

/** CLU's language codes for the languages Front Door speaks. */
const CLU_LANGUAGE: Record<Language, string> = { en: 'en-gb', cy: 'cy' };

export interface CluRecognizerOptions {
  /** Answers when CLU cannot, and is always asked too (its crisis check and exact commands count). */
  fallback: Recognizer;
  log?: (line: string) => void;
  /** How long to wait for CLU before answering from the fallback alone. */
  timeoutMs?: number;
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
  thresholds?: Partial<Thresholds>;
}

/** What we rely on in the client's answer; anything else is a malformed response. */
const ResponseSchema = z.object({
  kind: z.literal('ConversationResult'),
  result: z.object({
    prediction: z.object({
      topIntent: z.string().optional(),
      intents: z.array(z.object({ category: z.string(), confidence: z.number().min(0).max(1) })),
    }),
  }),
});

/** Why a CLU call did not give an answer; `retryAfterMs` when the service said how long to back off. */
class CluUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
  }
}

/**
 * Language understanding by an Azure CLU project, with the offline recogniser as a safety net: it is
 * asked in parallel on every turn, and its answer alone is used when CLU is slow (timeout), refuses
 * (401, 429, 5xx), answers nonsense, or has failed repeatedly (circuit open). So a conversation never
 * waits more than about `timeoutMs` on Azure, and never stalls.
 *
 * Privacy: the person's text goes to Azure with logging off (`isLoggingEnabled: false`), and is never
 * written to our log; nor is the key.
 */
export class CluRecognizer implements Recognizer {
  private readonly client: ConversationAnalysisClient;
  private readonly fallback: Recognizer;
  private readonly log: (line: string) => void;
  private readonly timeoutMs: number;
  private readonly breaker: CircuitBreaker;
  private readonly thresholds: Thresholds;

  constructor(
    private readonly config: CluConfig,
    options: CluRecognizerOptions,
  ) {
    this.fallback = options.fallback;
    this.log = options.log ?? (() => undefined);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold,
      coolDownMs: options.coolDownMs,
      now: options.now,
      onChange: (state, detail) => this.log(`CLU circuit ${state}: ${detail}`),
    });
    this.client = new ConversationAnalysisClient(config.endpoint, { key: config.key }, {
      apiVersion: CLU_API_VERSION,
      // The pipeline would otherwise retry 429/5xx with back-off delays, blowing the time budget;
      // the circuit breaker is our retry policy.
      retryOptions: { maxRetries: 0 },
      // Only ever for a fake server on loopback (config rejects http:// anywhere else).
      allowInsecureConnection: isLoopbackHttp(config.endpoint),
    });
  }

  get circuitState(): 'closed' | 'open' | 'half-open' {
    return this.breaker.state;
  }

  async recognize(text: string, lang: Language): Promise<Recognition> {
    const offlinePromise = this.fallback.recognize(text, lang);
    // Handled below; this stops a fast fallback failure counting as unhandled while CLU is awaited.
    offlinePromise.catch(() => undefined);
    if (text.trim().length === 0) return { ...(await offlinePromise), source: 'offline (clu not asked: empty message)' };
    const permit = this.breaker.tryAcquire();
    if (!permit) return unavailable(await offlinePromise, 'circuit open');
    const clu = await this.predict(forClu(text), lang).then(
      (prediction) => ({ prediction }) as const,
      (error: unknown) => ({ error: toUnavailable(error, this.config.key) }) as const,
    );
    // The breaker hears about every call it allowed, whatever happens to the fallback.
    if ('error' in clu) this.breaker.recordFailure(permit, clu.error.retryAfterMs);
    else this.breaker.recordSuccess(permit);
    const offline = await offlinePromise;
    if ('error' in clu) {
      this.log(`CLU unavailable (${clu.error.reason}); answered offline`);
      return unavailable(offline, clu.error.reason);
    }
    return mergeRecognition(clu.prediction, offline, this.thresholds);
  }

  /** One CLU call, abandoned after `timeoutMs` whatever the client library does. */
  private async predict(text: string, lang: Language): Promise<CluPrediction> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new CluUnavailable('timeout'));
      }, this.timeoutMs);
    });
    const call = this.client.analyzeConversation(
      {
        kind: 'Conversation',
        analysisInput: {
          conversationItem: { id: '1', participantId: 'person', modality: 'text', language: CLU_LANGUAGE[lang], text },
        },
        parameters: {
          projectName: this.config.projectName,
          deploymentName: this.config.deploymentName,
          stringIndexType: 'Utf16CodeUnit',
          isLoggingEnabled: false,
        },
      },
      { abortSignal: abort.signal },
    );
    call.catch(() => undefined); // after a timeout its rejection (aborted) is expected and ignored
    try {
      return toPrediction(await Promise.race([call, timedOut]));
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * CLU refuses utterances over 500 characters (a 400, which would count against the circuit). A long
 * message is cut at a word boundary: CLU still sees most of it, and the offline recogniser and the
 * crisis detector see all of it.
 */
export const CLU_MAX_TEXT_LENGTH = 500;

function forClu(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= CLU_MAX_TEXT_LENGTH) return trimmed;
  let cut = trimmed.slice(0, CLU_MAX_TEXT_LENGTH);
  // Never split a surrogate pair; prefer to end on a space.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return space > CLU_MAX_TEXT_LENGTH / 2 ? cut.slice(0, space) : cut;
}

function unavailable(offline: Recognition, reason: string): Recognition {
  return { ...offline, source: `offline (clu unavailable: ${reason})` };
}

function toPrediction(response: AnalyzeConversationResponse): CluPrediction {
  const parsed = ResponseSchema.safeParse(response);
  if (!parsed.success) throw new CluUnavailable('malformed response');
  return parsed.data.result.prediction;
}

interface RestErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

/** Turns whatever the client library threw into a short reason for the log and `source`. */
function toUnavailable(error: unknown, key: string): CluUnavailable {
  if (error instanceof CluUnavailable) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as RestErrorLike;
  if (e.name === 'AbortError') return new CluUnavailable('timeout');
  if (e.code === 'PARSE_ERROR') return new CluUnavailable('malformed response');
  if (typeof e.statusCode === 'number') {
    const status = e.statusCode;
    if (status >= 200 && status < 300) return new CluUnavailable('malformed response');
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(e.response?.headers?.get?.('retry-after')) : undefined;
    return new CluUnavailable(`http ${status}${statusName(status)}`, retryAfterMs);
  }
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'error';
  // A network error's message names the host and port, which helps an operator; never the key.
  const message = typeof e.message === 'string' ? e.message.split(key).join('***').slice(0, 200) : '';
  return new CluUnavailable(`${code}${message ? `: ${message}` : ''}`);
}

function statusName(status: number): string {
  const names: Record<number, string> = { 401: ' unauthorised', 403: ' forbidden', 404: ' not found', 429: ' rate limited' };
  return names[status] ?? '';
}

/** Retry-After in seconds or as an HTTP date; undefined when missing or nonsense. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
