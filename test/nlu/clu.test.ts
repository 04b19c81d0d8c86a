// Loaded on purpose: restify patches http.ServerResponse for the whole jest worker (as it is in the
// full suite), and the fake CLU server must work under that patch too.
import 'restify';
import type { Language } from '../../src/i18n/languages';
import { detectCrisis } from '../../src/nlu/crisis';
import { OfflineRecognizer } from '../../src/nlu/offline';
import { CluConfigError, CluRecognizer, createRecognizer, readCluConfig, type CluConfig } from '../../src/nlu/clu';
import type { Recognition, Recognizer } from '../../src/nlu/recognizer';
import { startFakeClu, type FakeClu } from '../helpers/fakeClu';

/**
 * The CLU recogniser against a local fake of the CLU runtime, through the real client library
 * (@azure/ai-language-conversations), with the real offline recogniser as the fallback. Expected
 * offline parts are taken from the offline recogniser itself, so these tests do not depend on its lexicon.
 */
const offlineRecognizer = new OfflineRecognizer();
const offlineAnswer = (text: string, lang: Language = 'en'): Recognition => offlineRecognizer.recognizeNow(text, lang);

/** The offline recogniser, counting how often it is asked. */
function makeOffline(): Recognizer & { calls: number } {
  return {
    calls: 0,
    async recognize(text: string, lang: Language): Promise<Recognition> {
      this.calls += 1;
      return offlineRecognizer.recognize(text, lang);
    },
  };
}

const wordsFor = (text: string, category: string, lang: Language = 'en') => offlineAnswer(text, lang).categories.find((c) => c.category === category)?.words;

let fake: FakeClu;
const logLines: string[] = [];
const log = (line: string) => logLines.push(line);
let clock = 1_000_000;

function configFor(server: FakeClu, key = server.key): CluConfig {
  return { endpoint: server.endpoint, key, projectName: 'front-door', deploymentName: 'production' };
}

function newRecognizer(options: { key?: string; timeoutMs?: number } = {}) {
  const offline = makeOffline();
  const recognizer = new CluRecognizer(configFor(fake, options.key), { fallback: offline, log, timeoutMs: options.timeoutMs, now: () => clock });
  return { recognizer, offline };
}

beforeAll(async () => {
  fake = await startFakeClu();
});

afterAll(async () => {
  await fake.close();
  // The key goes in a header and nowhere else: not in any log line, whatever happened.
  expect(logLines.length).toBeGreaterThan(0);
  for (const line of logLines) expect(line).not.toContain(fake.key);
});

beforeEach(() => {
  fake.requests.length = 0;
  clock += 3_600_000;
});

describe('CLU recogniser: CLU answers', () => {
  it('sends the real request shape (key header, api-version, project, language) with Azure logging off', async () => {
    fake.respondWith({ kind: 'intents', intents: [{ category: 'None', confidenceScore: 0.9 }] });
    const { recognizer } = newRecognizer();
    await recognizer.recognize('Rwy’n teimlo’n unig', 'cy');
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/language/:analyze-conversations');
    expect(request.apiVersion).toBe('2023-04-01');
    expect(request.headers['ocp-apim-subscription-key']).toBe(fake.key);
    expect(request.body).toMatchObject({
      kind: 'Conversation',
      analysisInput: { conversationItem: { text: 'Rwy’n teimlo’n unig', language: 'cy', modality: 'text' } },
      parameters: { projectName: 'front-door', deploymentName: 'production', isLoggingEnabled: false },
    });
  });

  it('maps confident category intents, strongest first, and keeps the offline words', async () => {
    fake.respondWith({
      kind: 'intents',
      intents: [
        { category: 'befriending', confidenceScore: 0.61 },
        { category: 'loneliness', confidenceScore: 0.92 },
        { category: 'music_singing', confidenceScore: 0.3 },
        { category: 'None', confidenceScore: 0.05 },
      ],
    });
    const text = 'I feel lonely';
    expect(offlineAnswer(text).categories.map((c) => c.category)).toEqual(['loneliness']);
    const { recognizer } = newRecognizer();
    const result = await recognizer.recognize(text, 'en');
    expect(result.source).toBe('clu');
    expect(wordsFor(text, 'loneliness')).toContain('lonely');
    expect(result.categories).toEqual([
      { category: 'loneliness', words: wordsFor(text, 'loneliness') },
      { category: 'befriending', words: [] },
    ]);
    expect(result.crisis).toBe(false);
    expect(result.command).toBeUndefined();
    expect(fake.requests[0].body).toMatchObject({ analysisInput: { conversationItem: { language: 'en-gb' } } });
  });

  it('adds categories only the offline recogniser found, after CLU’s', async () => {
    fake.respondWith({ kind: 'intents', intents: [{ category: 'walking', confidenceScore: 0.8 }, { category: 'None', confidenceScore: 0.2 }] });
    const text = 'a walk then some gardening';
    expect(offlineAnswer(text).categories.map((c) => c.category).sort()).toEqual(['gardening_nature', 'walking']);
    const { recognizer } = newRecognizer();
    const result = await recognizer.recognize(text, 'en');
    expect(result.categories).toEqual([
      { category: 'walking', words: wordsFor(text, 'walking') },
      { category: 'gardening_nature', words: wordsFor(text, 'gardening_nature') },
    ]);
  });

  it('the CLU crisis intent alone makes the recognition crisis', async () => {
    const text = 'I do not know how much longer I can keep going like this';
    expect(detectCrisis(text).crisis).toBe(false); // the local detector does not fire on this text
    fake.respondWith({ kind: 'intents', intents: [{ category: 'crisis', confidenceScore: 0.77 }, { category: 'mental_wellbeing', confidenceScore: 0.4 }] });
    const { recognizer } = newRecognizer();
    const result = await recognizer.recognize(text, 'en');
    expect(result).toMatchObject({ crisis: true, source: 'clu' });
  });

  it('a low crisis score does not override the local detector either way', async () => {
    fake.respondWith({ kind: 'intents', intents: [{ category: 'None', confidenceScore: 0.9 }, { category: 'crisis', confidenceScore: 0.1 }] });
    const { recognizer } = newRecognizer();
    expect((await recognizer.recognize('I want to kill myself', 'en')).crisis).toBe(true); // the detector fired: CLU cannot clear it
    expect((await recognizer.recognize('I would like to join a choir', 'en')).crisis).toBe(false);
  });

  it('takes a command from a confident CLU intent, but the offline exact match wins', async () => {
    const { recognizer } = newRecognizer();
    fake.respondWith({ kind: 'intents', intents: [{ category: 'command_human', confidenceScore: 0.93 }] });
    expect((await recognizer.recognize('could I speak to an actual human being', 'en')).command).toEqual({ name: 'human' });

    fake.respondWith({ kind: 'intents', intents: [{ category: 'command_delete', confidenceScore: 0.7 }] });
    expect((await recognizer.recognize('get rid of what I said maybe', 'en')).command).toBeUndefined();

    fake.respondWith({ kind: 'intents', intents: [{ category: 'command_stop', confidenceScore: 0.95 }, { category: 'loneliness', confidenceScore: 0.6 }] });
    expect(await recognizer.recognize('help', 'en')).toEqual({ command: { name: 'help' }, categories: [], crisis: false, source: 'clu' });
  });
});

describe('CLU recogniser: CLU unavailable, the offline answer is used', () => {
  it('times out after about 1.5 s without stalling', async () => {
    fake.respondWith({ kind: 'delay', ms: 10_000, then: { kind: 'intents', intents: [{ category: 'walking', confidenceScore: 0.9 }] } });
    const { recognizer } = newRecognizer();
    const started = Date.now();
    const result = await recognizer.recognize('I feel lonely', 'en');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
    expect(result).toEqual({ ...offlineAnswer('I feel lonely'), source: 'offline (clu unavailable: timeout)' });
    expect(result.categories.map((c) => c.category)).toEqual(['loneliness']);
  });

  it('401 (wrong key): offline result, and the key is not in the log', async () => {
    const wrongKey = 'wrong-key-abcdef';
    const { recognizer } = newRecognizer({ key: wrongKey });
    const before = logLines.length;
    const result = await recognizer.recognize('I feel lonely', 'en');
    expect(result).toEqual({ ...offlineAnswer('I feel lonely'), source: 'offline (clu unavailable: http 401 unauthorised)' });
    expect(fake.requests[0].headers['ocp-apim-subscription-key']).toBe(wrongKey);
    const newLines = logLines.slice(before);
    expect(newLines.join('\n')).toContain('401');
    for (const line of newLines) expect(line).not.toContain(wrongKey);
    for (const line of newLines) expect(line).not.toContain('lonely'); // nor the person's words
  });

  it('429 with Retry-After: one request (no pipeline retries), then CLU is skipped for that long', async () => {
    fake.respondWith({ kind: 'status', status: 429, retryAfter: '20' });
    const { recognizer } = newRecognizer();
    const started = Date.now();
    const first = await recognizer.recognize('a walk', 'en');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(first).toEqual({ ...offlineAnswer('a walk'), source: 'offline (clu unavailable: http 429 rate limited)' });
    expect(first.categories.map((c) => c.category)).toEqual(['walking']);
    expect(fake.requests).toHaveLength(1);

    clock += 19_000;
    expect((await recognizer.recognize('a walk', 'en')).source).toBe('offline (clu unavailable: circuit open)');
    expect(fake.requests).toHaveLength(1);

    clock += 2_000;
    fake.respondWith({ kind: 'intents', intents: [{ category: 'walking', confidenceScore: 0.9 }] });
    expect((await recognizer.recognize('a walk', 'en')).source).toBe('clu');
    expect(fake.requests).toHaveLength(2);
  });

  it('500: offline result after a single request', async () => {
    fake.respondWith({ kind: 'status', status: 500 });
    const { recognizer } = newRecognizer();
    expect((await recognizer.recognize('I feel lonely', 'en')).source).toBe('offline (clu unavailable: http 500)');
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"kind": "ConversationResult", "result": {'],
    ['JSON of the wrong shape', JSON.stringify({ kind: 'ConversationResult', result: { query: 'x' } })],
    ['a score out of range', JSON.stringify({ kind: 'ConversationResult', result: { prediction: { projectKind: 'Conversation', topIntent: 'walking', intents: [{ category: 'walking', confidenceScore: 7 }], entities: [] } } })],
  ])('malformed response (%s): offline result', async (_label, body) => {
    fake.respondWith({ kind: 'raw', status: 200, body });
    const { recognizer } = newRecognizer();
    const result = await recognizer.recognize('I feel lonely', 'en');
    expect(result).toEqual({ ...offlineAnswer('I feel lonely'), source: 'offline (clu unavailable: malformed response)' });
  });

  it('keeps the local crisis detector when CLU is down', async () => {
    fake.respondWith({ kind: 'status', status: 503 });
    const { recognizer } = newRecognizer();
    const result = await recognizer.recognize('I want to end my life', 'en');
    expect(result.crisis).toBe(true);
    expect(result.source).toMatch(/^offline \(clu unavailable: http 503/);
  });

  it('nothing listening: a quick offline answer', async () => {
    const gone = await startFakeClu();
    await gone.close();
    const offline = makeOffline();
    const recognizer = new CluRecognizer(configFor(gone), { fallback: offline, log, now: () => clock });
    const started = Date.now();
    const result = await recognizer.recognize('I feel lonely', 'en');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.source).toMatch(/^offline \(clu unavailable: .*ECONNREFUSED/);
    expect(result.categories).toEqual(offlineAnswer('I feel lonely').categories);
  });
});

describe('CLU recogniser: circuit breaker', () => {
  it('opens after 3 failures in a row (the fake sees no more requests) and closes after the cool-down', async () => {
    fake.respondWith({ kind: 'status', status: 500 });
    const { recognizer, offline } = newRecognizer();
    for (let i = 0; i < 3; i += 1) await recognizer.recognize('a walk', 'en');
    expect(fake.requests).toHaveLength(3);
    expect(recognizer.circuitState).toBe('open');

    const skipped = await recognizer.recognize('a walk', 'en');
    expect(skipped).toEqual({ ...offlineAnswer('a walk'), source: 'offline (clu unavailable: circuit open)' });
    expect(fake.requests).toHaveLength(3);
    expect(offline.calls).toBe(4);

    // Cool-down over, still failing: one trial request, then open again.
    clock += 30_000;
    expect(recognizer.circuitState).toBe('half-open');
    await recognizer.recognize('a walk', 'en');
    expect(fake.requests).toHaveLength(4);
    await recognizer.recognize('a walk', 'en');
    expect(fake.requests).toHaveLength(4);

    // Cool-down over and CLU is back: the trial succeeds and the circuit closes.
    clock += 30_000;
    fake.respondWith({ kind: 'intents', intents: [{ category: 'walking', confidenceScore: 0.9 }] });
    expect((await recognizer.recognize('a walk', 'en')).source).toBe('clu');
    expect(recognizer.circuitState).toBe('closed');
    expect((await recognizer.recognize('a walk', 'en')).source).toBe('clu');
    expect(fake.requests).toHaveLength(6);
    expect(logLines.some((line) => line.startsWith('CLU circuit open'))).toBe(true);
    expect(logLines.some((line) => line.startsWith('CLU circuit closed'))).toBe(true);
  });

  it('a success in between resets the count of failures', async () => {
    const { recognizer } = newRecognizer();
    for (const behaviour of ['fail', 'fail', 'ok', 'fail', 'fail'] as const) {
      fake.respondWith(behaviour === 'fail' ? { kind: 'status', status: 500 } : { kind: 'intents', intents: [{ category: 'None', confidenceScore: 1 }] });
      await recognizer.recognize('hello', 'en');
    }
    expect(recognizer.circuitState).toBe('closed');
  });

  it('half-open lets exactly one trial through while others answer offline', async () => {
    fake.respondWith({ kind: 'status', status: 500 });
    const { recognizer } = newRecognizer();
    for (let i = 0; i < 3; i += 1) await recognizer.recognize('hello', 'en');
    clock += 30_000;
    fake.respondWith({ kind: 'delay', ms: 200, then: { kind: 'intents', intents: [{ category: 'None', confidenceScore: 1 }] } });
    const results = await Promise.all([recognizer.recognize('hello', 'en'), recognizer.recognize('hello', 'en'), recognizer.recognize('hello', 'en')]);
    expect(results.map((r) => r.source).sort()).toEqual(['clu', 'offline (clu unavailable: circuit open)', 'offline (clu unavailable: circuit open)']);
    expect(fake.requests).toHaveLength(4);
  });
});

describe('CLU recogniser: edge cases', () => {
  it('an empty message is not sent to CLU', async () => {
    const { recognizer } = newRecognizer();
    expect(await recognizer.recognize('   ', 'en')).toEqual({ categories: [], crisis: false, source: 'offline (clu not asked: empty message)' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a message over CLU’s 500-character limit is cut at a word for CLU; offline sees it all', async () => {
    fake.respondWith({ kind: 'intents', intents: [{ category: 'walking', confidenceScore: 0.9 }] });
    const { recognizer } = newRecognizer();
    const text = `${'I would really like to get out of the house more often '.repeat(20)}and I love my garden`;
    const result = await recognizer.recognize(text, 'en');
    const sent = (fake.requests[0].body as { analysisInput: { conversationItem: { text: string } } }).analysisInput.conversationItem.text;
    expect(sent.length).toBeLessThanOrEqual(500);
    expect(sent.length).toBeGreaterThan(400);
    expect(text.startsWith(sent)).toBe(true);
    expect(text[sent.length]).toBe(' ');
    expect(result.source).toBe('clu');
    const offlineOnly = offlineAnswer(text).categories.map((c) => c.category).filter((c) => c !== 'walking');
    expect(offlineOnly).toContain('gardening_nature'); // said only after the cut: offline still sees it
    expect(result.categories.map((c) => c.category)).toEqual(['walking', ...offlineOnly]);
  });

  it('a failing fallback is reported, and the circuit still hears how CLU did', async () => {
    fake.respondWith({ kind: 'status', status: 500 });
    const offline = makeOffline();
    let failFallback = false;
    const fallback: Recognizer = {
      recognize: (text, lang) => (failFallback ? Promise.reject(new Error('offline broke')) : offline.recognize(text, lang)),
    };
    const recognizer = new CluRecognizer(configFor(fake), { fallback, log, now: () => clock });
    for (let i = 0; i < 3; i += 1) await recognizer.recognize('hello', 'en');
    expect(recognizer.circuitState).toBe('open');
    clock += 30_000;
    fake.respondWith({ kind: 'intents', intents: [{ category: 'None', confidenceScore: 1 }] });
    failFallback = true;
    await expect(recognizer.recognize('hello', 'en')).rejects.toThrow('offline broke');
    expect(recognizer.circuitState).toBe('closed');
    failFallback = false;
    expect((await recognizer.recognize('hello', 'en')).source).toBe('clu');
  });
});

describe('createRecognizer and the CLU_ variables', () => {
  const envFor = (server: FakeClu) => ({ CLU_ENDPOINT: server.endpoint, CLU_KEY: server.key, CLU_PROJECT: 'front-door', CLU_DEPLOYMENT: 'production' });

  it('none set: the fallback itself', () => {
    const offline = makeOffline();
    expect(createRecognizer({}, offline, log)).toBe(offline);
    expect(createRecognizer({ CLU_ENDPOINT: '', CLU_KEY: ' ' }, offline, log)).toBe(offline);
  });

  it('all four set: a CLU recogniser that answers from CLU', async () => {
    fake.respondWith({ kind: 'intents', intents: [{ category: 'music_singing', confidenceScore: 0.88 }] });
    const offline = makeOffline();
    const recognizer = createRecognizer(envFor(fake), offline, log);
    expect(recognizer).toBeInstanceOf(CluRecognizer);
    expect(await recognizer.recognize('I would love that', 'en')).toEqual({ categories: [{ category: 'music_singing', words: [] }], crisis: false, source: 'clu' });
  });

  it('only some set: an error naming each missing variable', () => {
    const env = { CLU_ENDPOINT: 'https://my-language.cognitiveservices.azure.com', CLU_KEY: 'k' };
    expect(() => readCluConfig(env)).toThrow(CluConfigError);
    expect(() => readCluConfig(env)).toThrow(/CLU_PROJECT: required[\s\S]*CLU_DEPLOYMENT: required/);
  });

  it('rejects plain http except on loopback, and never echoes the key', () => {
    const env = { CLU_ENDPOINT: 'http://my-language.cognitiveservices.azure.com', CLU_KEY: 'secret-key-xyz', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' };
    let message = '';
    try {
      readCluConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/CLU_ENDPOINT: must start with https:\/\//);
    expect(message).not.toContain('secret-key-xyz');
    expect(readCluConfig({ ...env, CLU_ENDPOINT: 'https://my-language.cognitiveservices.azure.com/' })).toEqual({
      endpoint: 'https://my-language.cognitiveservices.azure.com',
      key: 'secret-key-xyz',
      projectName: 'p',
      deploymentName: 'd',
    });
  });
});
