/**
 * Handoffs sealed at rest when a field key is configured (ARCHITECTURE.md, "Storage"): the raw
 * documents show none of what people or link workers wrote, nor the contact number or the
 * channel's id for the person; every read (repository, link-worker API, retention's erasure)
 * sees it all as before. Plain documents from before the key, and a mix in one document, still
 * read; a key that is not configured gives a clear error, never garbage. Real driver, real database.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import { MongoClient, type Db, type Document } from 'mongodb';
import restify, { type Server } from 'restify';
import { Transcript } from '../../src/channels/directline';
import { HandoffRepository, type Handoff, type TranscriptEntry } from '../../src/handoff';
import { derivePersonKey } from '../../src/identity/personKey';
import { createLinkWorkerServices, registerLinkWorkerApi, SESSION_COOKIE } from '../../src/linkworker/api';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import { DEFAULT_RETENTION, runRetention } from '../../src/retention';
import { getOrCreateSecret } from '../../src/store';
import { Collections } from '../../src/store/collections';
import { FieldCipher, FieldKeyMissingError, isSealed } from '../../src/store/fieldCipher';
import { enableFieldEncryption } from '../../src/store/fieldEncryption';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);

const S = {
  words: 'SENTINEL-words-of-person',
  more: 'SENTINEL-more-words',
  name: 'SENTINEL-preferred-name',
  ownWords: 'SENTINEL-own-words',
  crisis: 'SENTINEL-crisis-message',
  botLine: 'SENTINEL-bot-line',
  relayed: 'SENTINEL-person-relayed',
  linkWorker: 'SENTINEL-link-worker-says',
  note: 'SENTINEL-close-note',
  userId: 'SENTINEL-channel-user-id',
};
const NUMBER = '+447700900456';

let t: TestDatabase;
/** Connections of their own to the same database: the cipher is registered per client. */
const clients: MongoClient[] = [];
let clock = new Date('2026-03-02T12:00:00Z').getTime();
const now = () => new Date(clock);
const tick = () => new Date((clock += 1000));
let repo: HandoffRepository;
let counter = 0;
const alice = { id: 'a'.repeat(24), email: 'alice@example.org' };

async function connect(): Promise<Db> {
  const client = await MongoClient.connect(t.uri, { serverSelectionTimeoutMS: 10_000 });
  clients.push(client);
  return client.db(t.db.databaseName);
}

beforeAll(async () => {
  t = await startTestDatabase();
  await enableFieldEncryption(t.db, FieldCipher.withKeys(KEY_A));
  // Built after the key is registered, as the app does.
  repo = new HandoffRepository(t.db, now);
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await t.stop();
});

/** A referral full of the person's words and contact details, written through the real repository. */
async function referral(db: Db = t.db): Promise<Referral> {
  const personKey = `test:sealed-${++counter}`;
  const referrals = new ReferralRepository(db, now);
  await referrals.getOrCreate(personKey, 'sms', 'en');
  await referrals.saveAnswer(personKey, 'preferredName', S.name);
  await referrals.saveAnswer(personKey, 'whatMatters', S.words);
  await referrals.saveAnswer(personKey, 'whatMattersMore', S.more);
  await referrals.saveAnswer(personKey, 'interests', { chosen: ['outdoors'], ownWords: S.ownWords });
  await referrals.saveAnswer(personKey, 'place', { kind: 'postcodeDistrict', value: 'CF10' });
  await referrals.saveAnswer(personKey, 'contactMethod', 'sms');
  await referrals.saveAnswer(personKey, 'contactNumber', NUMBER);
  return (await referrals.find(personKey)) as Referral;
}

const reference = () => ({ channelId: 'sms', conversation: { id: 'conv-1' }, user: { id: S.userId }, bot: { id: 'front-door' } });

async function rawHandoffs(db: Db = t.db): Promise<Document[]> {
  return db.collection(Collections.handoffs).find({}).toArray();
}

async function rawHandoff(id: Handoff['_id']): Promise<Document> {
  return (await t.db.collection(Collections.handoffs).findOne({ _id: id }))!;
}

function expectNothingReadable(docs: Document[]): void {
  const dumps = [EJSON.stringify(docs), JSON.stringify(docs)];
  for (const dump of dumps) {
    for (const secret of [...Object.values(S), NUMBER]) expect(dump).not.toContain(secret);
  }
}

/** Every personal field of a stored handoff is a sealed value; keys, states and times are not. */
function expectSealedShape(doc: Document): void {
  expect(isSealed(doc.summary)).toBe(true);
  expect(isSealed(doc.conversationReference)).toBe(true);
  for (const flag of doc.riskFlags as Document[]) expect(isSealed(flag.message)).toBe(true);
  for (const line of doc.transcript as Document[]) expect(isSealed(line.text)).toBe(true);
  expect(typeof doc.personKey).toBe('string');
  expect(typeof doc.status).toBe('string');
  expect(doc.createdAt).toBeInstanceOf(Date);
}

test('with a key: summary, flag messages, transcript, note and conversation reference are sealed at rest and read back intact', async () => {
  const r = await referral();
  const transcript: TranscriptEntry[] = [
    { from: 'bot', text: S.botLine, at: tick() },
    { from: 'person', text: S.words, at: tick() },
  ];
  const crisisAt = tick();
  const opened = await repo.open({
    referral: r,
    reason: 'crisis',
    transcript,
    riskFlags: [{ rule: 'en.selfHarm', message: S.crisis, at: crisisAt }],
    conversationReference: reference(),
  });
  expect(opened.created).toBe(true);
  const id = opened.handoff._id;
  expect(opened.handoff.summary.whatMatters).toBe(S.words);

  // Asking again re-sends the same transcript and flag: nothing is duplicated although sealing is randomised.
  tick();
  const again = await repo.open({ referral: r, reason: 'askedForPerson', transcript, riskFlags: [{ rule: 'en.selfHarm', message: S.crisis, at: crisisAt }] });
  expect(again.created).toBe(false);
  expect(again.handoff.transcript).toHaveLength(2);
  expect(again.handoff.riskFlags).toHaveLength(1);

  tick();
  expect(await repo.recordPersonMessage(r.personKey, S.relayed)).toBe(true);
  await repo.refreshSummary(r);
  await repo.claim(id, alice);
  tick();
  await repo.recordLinkWorkerMessage(id, alice, S.linkWorker, true);
  tick();
  await repo.close(id, alice, { outcome: 'contacted', note: S.note });

  // At rest: nothing a person or link worker wrote, no number, no channel id for the person.
  const docs = await rawHandoffs();
  expectNothingReadable(docs);
  const doc = await rawHandoff(id);
  expectSealedShape(doc);
  expect(isSealed(doc.note)).toBe(true);
  expect(doc).toMatchObject({ status: 'closed', outcome: 'contacted', urgent: true, closedBy: alice, claimedBy: alice });
  expect((doc.reasons as Document[]).map((x) => x.reason)).toEqual(['crisis', 'askedForPerson']);

  // Read back: every word as written.
  const read = (await repo.get(id))!;
  expect(read.summary).toMatchObject({
    preferredName: S.name,
    whatMatters: S.words,
    whatMattersMore: S.more,
    categories: { chosen: ['outdoors'], ownWords: S.ownWords },
    location: { kind: 'postcodeDistrict', value: 'CF10' },
    contact: { method: 'sms', number: NUMBER },
  });
  expect(read.riskFlags).toEqual([{ rule: 'en.selfHarm', message: S.crisis, at: crisisAt }]);
  expect(read.summary.riskFlags).toEqual(read.riskFlags);
  expect(read.transcript.map((line) => [line.from, line.text])).toEqual([
    ['bot', S.botLine],
    ['person', S.words],
    ['person', S.relayed],
    ['linkWorker', S.linkWorker],
  ]);
  expect(read.transcript[3]).toMatchObject({ linkWorker: alice, delivered: true });
  expect(read.note).toBe(S.note);
  expect(read.conversationReference).toEqual(reference());
  // The queue (no transcript) reads the summary too.
  const queued = (await repo.list(['closed'])).find((h) => h._id.equals(id))!;
  expect(queued.summary.whatMatters).toBe(S.words);
  expect(queued.riskFlags[0]?.message).toBe(S.crisis);
});

test('requests and relayed messages at once: every new line is stored once, none is lost', async () => {
  const r = await referral();
  const lines: TranscriptEntry[] = [1, 2, 3].map((n) => ({ from: 'person', text: `Line ${n}`, at: tick() }));
  await repo.open({ referral: r, reason: 'referralConfirmed', transcript: lines.slice(0, 1) });
  tick();
  await Promise.all([
    ...Array.from({ length: 5 }, () => repo.open({ referral: r, reason: 'askedForPerson', transcript: lines })),
    ...Array.from({ length: 5 }, (_, n) => repo.recordPersonMessage(r.personKey, `Relayed ${n}`)),
  ]);
  const read = (await repo.activeFor(r.personKey))!;
  const texts = read.transcript.map((line) => line.text);
  expect([...texts].sort()).toEqual(['Line 1', 'Line 2', 'Line 3', 'Relayed 0', 'Relayed 1', 'Relayed 2', 'Relayed 3', 'Relayed 4']);
  expect(read.reasons).toHaveLength(6);
});

test('a handoff written with encryption off still reads after a key is set, and then reads as a mix of plain and sealed lines', async () => {
  const plainDb = await connect(); // no cipher registered on this connection: encryption off
  const plainRepo = new HandoffRepository(plainDb, now);
  const r = await referral(plainDb);
  const oldLines: TranscriptEntry[] = [
    { from: 'bot', text: 'Old bot line', at: tick() },
    { from: 'person', text: 'Old person line', at: tick() },
  ];
  const flagAt = tick();
  const { handoff } = await plainRepo.open({
    referral: r,
    reason: 'crisis',
    transcript: oldLines,
    riskFlags: [{ rule: 'en.selfHarm', message: 'Old crisis words', at: flagAt }],
    conversationReference: reference(),
  });
  const before = (await plainRepo.get(handoff._id))!;
  const plain = await rawHandoff(handoff._id);
  expect(plain.summary).toMatchObject({ whatMatters: S.words });
  expect(plain.transcript[1].text).toBe('Old person line');

  // The keyed connection reads the old document exactly as it was.
  expect(await repo.get(handoff._id)).toEqual(before);
  expect(await repo.activeFor(r.personKey)).toEqual(before);

  // New lines are sealed; the old ones stay as they were and still read.
  tick();
  expect(await repo.recordPersonMessage(r.personKey, 'New sealed line')).toBe(true);
  tick();
  const resent = await repo.open({ referral: r, reason: 'askedForPerson', transcript: [...oldLines, { from: 'bot', text: 'New bot line', at: now() }] });
  expect(resent.created).toBe(false);
  const mixed = await rawHandoff(handoff._id);
  expect((mixed.transcript as Document[]).map((line) => isSealed(line.text))).toEqual([false, false, true, true]);
  expect(isSealed(mixed.summary)).toBe(true); // rewritten by the second request
  expect(isSealed(mixed.riskFlags[0].message)).toBe(false);
  expect(isSealed(mixed.conversationReference)).toBe(false); // the second request named none: the old one stays
  const read = (await repo.get(handoff._id))!;
  expect(read.transcript.map((line) => line.text)).toEqual(['Old bot line', 'Old person line', 'New sealed line', 'New bot line']);
  expect(read.riskFlags).toEqual([{ rule: 'en.selfHarm', message: 'Old crisis words', at: flagAt }]);
  expect(read.summary.whatMatters).toBe(S.words);
  expect(read.conversationReference).toEqual(reference());
  expect(resent.handoff).toEqual(read);

  // The connection without a key cannot read the sealed parts: a clear error, not garbage.
  await expect(plainRepo.get(handoff._id)).rejects.toBeInstanceOf(FieldKeyMissingError);
});

test('with another key configured (and not the one that sealed it) a sealed handoff fails to read with FieldKeyMissingError', async () => {
  const r = await referral();
  const { handoff } = await repo.open({ referral: r, reason: 'referralConfirmed', conversationReference: reference() });
  await repo.recordPersonMessage(r.personKey, S.relayed);

  const otherDb = await connect();
  // Start-up refuses a key set that cannot read what is stored...
  await expect(enableFieldEncryption(otherDb, FieldCipher.withKeys(KEY_B))).rejects.toThrow(/not configured/);
  // ...so forget the record (as a careless operator might) to get as far as a read.
  const settings = t.db.collection<{ _id: string; keyIds: string[] }>(Collections.settings);
  const record = (await settings.findOne({ _id: 'fieldEncryption' }))!;
  await settings.deleteOne({ _id: 'fieldEncryption' });
  try {
    await enableFieldEncryption(otherDb, FieldCipher.withKeys(KEY_B));
    const otherRepo = new HandoffRepository(otherDb, now);
    for (const read of [() => otherRepo.get(handoff._id), () => otherRepo.activeFor(r.personKey), () => otherRepo.list()]) {
      const error: unknown = await read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldKeyMissingError);
      expect((error as Error).message).toMatch(/FIELD_ENCRYPTION_KEY/);
      expect((error as Error).message).not.toContain(S.words);
    }
    // The status read seals nothing, so it still works (the bot's per-turn check).
    expect(await otherRepo.activeStatusFor(r.personKey)).toBe('open');

    // While rotating, the old key listed as previous reads it; new writes use the new key.
    const rotatedDb = await connect();
    await enableFieldEncryption(rotatedDb, FieldCipher.withKeys(KEY_B, [KEY_A]));
    const rotated = new HandoffRepository(rotatedDb, now);
    expect((await rotated.get(handoff._id))?.transcript.map((line) => line.text)).toEqual([S.relayed]);
    await rotated.recordPersonMessage(r.personKey, 'After rotation');
    expect((await rotated.get(handoff._id))?.transcript.map((line) => line.text)).toEqual([S.relayed, 'After rotation']);
    await expect(repo.get(handoff._id)).rejects.toBeInstanceOf(FieldKeyMissingError);
  } finally {
    await settings.replaceOne({ _id: 'fieldEncryption' }, record, { upsert: true });
    // Half sealed with a key the main connection lacks: keep it out of the later tests' queue.
    await t.db.collection(Collections.handoffs).deleteOne({ _id: handoff._id });
  }
});

test('retention erases the conversation named by a sealed conversation reference', async () => {
  // A database of its own: retention sweeps every closed handoff it finds.
  const own = await startTestDatabase();
  try {
    await enableFieldEncryption(own.db, FieldCipher.withKeys(KEY_A));
    const at = new Date('2025-01-10T12:00:00Z');
    const referrals = new ReferralRepository(own.db, () => at);
    const handoffs = new HandoffRepository(own.db, () => at);
    const conversationId = `conv-${randomBytes(4).toString('hex')}`;
    const userId = `user-${randomBytes(4).toString('hex')}`;
    // Retention only erases a person's own conversation: their key must derive from the reference's user.
    const personKey = derivePersonKey(await getOrCreateSecret(own.db, 'personKey'), 'webchat', userId);
    const transcript = new Transcript(own.db);
    await transcript.createConversation(conversationId, userId);
    await transcript.append(conversationId, { type: 'message', text: S.words });
    await referrals.getOrCreate(personKey, 'webchat', 'en');
    await referrals.recordConsent(personKey, { noticeVersion: 'v1', channel: 'webchat', answer: 'yes' });
    await referrals.markReady(personKey);
    const r = (await referrals.find(personKey))!;
    const conversationReference = { channelId: 'webchat', conversation: { id: conversationId }, user: { id: userId } };
    const { handoff } = await handoffs.open({ referral: r, reason: 'referralConfirmed', conversationReference });
    await handoffs.claim(handoff._id, alice);
    await handoffs.close(handoff._id, alice, { outcome: 'contacted' });
    const stored = (await own.db.collection(Collections.handoffs).findOne({ _id: handoff._id }))!;
    expect(isSealed(stored.conversationReference)).toBe(true);

    const result = await runRetention(own.db, DEFAULT_RETENTION, new Date(at.getTime() + 40 * 24 * 3600_000));
    expect(result).toMatchObject({ finishedReferrals: 1, handoffs: 1 });
    expect(await own.db.collection(Collections.directlineConversations).countDocuments({ _id: conversationId } as Document)).toBe(0);
    expect(await own.db.collection(Collections.directlineActivities).countDocuments({ conversationId })).toBe(0);
  } finally {
    await own.stop();
  }
});

describe('through the link-worker JSON API', () => {
  let server: Server;
  let base: string;
  const delivered: string[] = [];

  beforeAll(async () => {
    const deps = createLinkWorkerServices(t.db, {
      messenger: { send: async (_handoff: Handoff, text: string) => void delivered.push(text) },
      throttle: { ip: { maxFailures: 100 } },
      log: () => undefined,
    });
    await deps.accounts.create('sealed@example.org', 'a long enough password');
    server = restify.createServer({ name: 'front-door-test', handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
    registerLinkWorkerApi(server, deps);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/linkworker`;
  });
  afterAll(() => server.close());

  test('a link worker reads the summary, transcript and note as written while all of it is sealed at rest', async () => {
    let cookie = '';
    let csrf = '';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes; each step checks what it reads
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> => {
      const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrf };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(res.headers.get('set-cookie') ?? '');
      if (match?.[1]) cookie = match[1];
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    };
    const login = await call('POST', 'login', { email: 'sealed@example.org', password: 'a long enough password' });
    expect(login.status).toBe(200);
    csrf = login.json.csrfToken;

    const r = await referral();
    const crisisAt = tick();
    const { handoff } = await repo.open({
      referral: r,
      reason: 'crisis',
      transcript: [{ from: 'person', text: S.crisis, at: crisisAt }],
      riskFlags: [{ rule: 'en.selfHarm', message: S.crisis, at: crisisAt }],
      conversationReference: reference(),
    });
    const id = handoff._id.toHexString();

    const queue = await call('GET', 'handoffs');
    expect(queue.json.handoffs.find((h: { id: string }) => h.id === id)).toMatchObject({ preferredName: S.name, whatMatters: S.words });
    const view = await call('GET', `handoffs/${id}`);
    expect(view.status).toBe(200);
    expect(view.json.handoff.summary).toMatchObject({
      preferredName: S.name,
      whatMatters: S.words,
      contact: { method: 'sms', number: NUMBER },
      riskFlags: [{ rule: 'en.selfHarm', message: S.crisis }],
    });
    expect(view.json.handoff.conversationReference).toBeUndefined();

    expect((await call('POST', `handoffs/${id}/claim`)).status).toBe(200);
    expect((await call('POST', `handoffs/${id}/messages`, { text: S.linkWorker })).status).toBe(201);
    expect(delivered).toContain(S.linkWorker);
    const closed = await call('POST', `handoffs/${id}/close`, { outcome: 'contacted', note: S.note });
    expect(closed.status).toBe(200);
    expect(closed.json.handoff.note).toBe(S.note);
    const exported = await call('GET', `handoffs/${id}/export`);
    expect(exported.json.handoff.transcript.map((line: { text: string }) => line.text)).toEqual([S.crisis, S.linkWorker]);
    expect(exported.json.handoff.summary.whatMatters).toBe(S.words);
    expect(exported.json.handoff.note).toBe(S.note);

    const doc = await rawHandoff(handoff._id);
    expectSealedShape(doc);
    expect(isSealed(doc.note)).toBe(true);
    expectNothingReadable([doc]);
  });
});
