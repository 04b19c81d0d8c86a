import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of the Azure CLU runtime endpoint, speaking the REST shape the real client library
 * sends and reads:
 *   POST {endpoint}/language/:analyze-conversations?api-version=...
 *   header Ocp-Apim-Subscription-Key, JSON body { kind: "Conversation", analysisInput, parameters }
 *   200 { kind: "ConversationResult", result: { query, prediction: { projectKind, topIntent, intents, entities } } }
 * Wrong key: 401 as Azure answers it. Each test scripts what comes next (success, delay, status, malformed).
 */

export interface FakeIntent {
  category: string;
  confidenceScore: number;
}

export type FakeBehaviour =
  | { kind: 'intents'; intents: FakeIntent[]; topIntent?: string }
  | { kind: 'delay'; ms: number; then: FakeBehaviour }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'raw'; status: number; body: string; contentType?: string };

export interface RecordedRequest {
  method: string;
  path: string;
  apiVersion: string | null;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeClu {
  /** What to give as CLU_ENDPOINT. */
  endpoint: string;
  key: string;
  requests: RecordedRequest[];
  /** What every following request gets, until changed. */
  respondWith(behaviour: FakeBehaviour | ((request: RecordedRequest) => FakeBehaviour)): void;
  close(): Promise<void>;
}

const AZURE_ERRORS: Record<number, { code: string; message: string }> = {
  401: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' },
  429: { code: '429', message: 'Rate limit is exceeded. Try again later.' },
  500: { code: 'InternalServerError', message: 'An unexpected error occurred.' },
  503: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
};

export async function startFakeClu(options: { key?: string } = {}): Promise<FakeClu> {
  const key = options.key ?? 'fake-clu-key-0123456789';
  const requests: RecordedRequest[] = [];
  let script: (request: RecordedRequest) => FakeBehaviour = () => ({ kind: 'intents', intents: [{ category: 'None', confidenceScore: 1 }] });
  const timers = new Set<NodeJS.Timeout>();

  // Separate writeHead/end calls: restify (loaded by other suites in the same jest worker) patches
  // http.ServerResponse.prototype.writeHead so that it no longer returns the response.
  const send = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'apim-request-id': 'fake', ...headers });
    res.end(body);
  };
  const error = (res: http.ServerResponse, status: number, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify({ error: AZURE_ERRORS[status] ?? { code: String(status), message: 'Error' } }), headers);

  const perform = (behaviour: FakeBehaviour, request: RecordedRequest, res: http.ServerResponse): void => {
    switch (behaviour.kind) {
      case 'intents': {
        const intents = [...behaviour.intents].sort((a, b) => b.confidenceScore - a.confidenceScore);
        const item = (request.body as { analysisInput?: { conversationItem?: { text?: string } } }).analysisInput?.conversationItem;
        send(
          res,
          200,
          JSON.stringify({
            kind: 'ConversationResult',
            result: {
              query: item?.text ?? '',
              prediction: { topIntent: behaviour.topIntent ?? intents[0]?.category ?? 'None', projectKind: 'Conversation', intents, entities: [] },
            },
          }),
        );
        return;
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          perform(behaviour.then, request, res);
        }, behaviour.ms);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'status':
        error(res, behaviour.status, behaviour.retryAfter !== undefined ? { 'retry-after': behaviour.retryAfter } : {});
        return;
      case 'raw':
        send(res, behaviour.status, behaviour.body, behaviour.contentType ? { 'content-type': behaviour.contentType } : {});
        return;
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = { method: req.method ?? '', path: url.pathname, apiVersion: url.searchParams.get('api-version'), headers: req.headers, body };
      requests.push(request);
      if (req.method !== 'POST' || url.pathname !== '/language/:analyze-conversations') {
        send(res, 404, JSON.stringify({ error: { code: '404', message: 'Resource not found' } }));
        return;
      }
      if (req.headers['ocp-apim-subscription-key'] !== key) {
        error(res, 401);
        return;
      }
      if (!request.apiVersion || (body as { kind?: unknown } | undefined)?.kind !== 'Conversation') {
        send(res, 400, JSON.stringify({ error: { code: 'InvalidRequest', message: 'Invalid request.' } }));
        return;
      }
      perform(script(request), request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    key,
    requests,
    respondWith(behaviour) {
      script = typeof behaviour === 'function' ? behaviour : () => behaviour;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
