/**
 * What the SMS channel stores, through the real driver on a test database: number keys,
 * the encrypted number, MessageSid claims, opt-outs and their expiry.
 */
import { randomBytes } from 'node:crypto';
import { isOptedOut, purgeSmsRecords, recogniseKeyword, SmsCollections, SmsStore, INBOUND_RETENTION_DAYS, OUTBOUND_RETENTION_DAYS, PENDING_TEXT_HOURS } from '../../../src/channels/sms';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';

let database: TestDatabase;
let store: SmsStore;
beforeAll(async () => {
  database = await startTestDatabase();
  store = new SmsStore(database.db, randomBytes(32), randomBytes(32));
});
afterAll(async () => database.stop());

const DAY = 24 * 60 * 60 * 1000;

describe('SmsStore', () => {
  it('keys a number by HMAC, the same however it is spaced, and keeps it only encrypted', async () => {
    const key = store.numberKey('+447700900123');
    expect(store.numberKey('+44 7700 900-123')).toBe(key);
    expect(store.numberKey('+447700900124')).not.toBe(key);
    // Another deployment (another secret) gets another key: keys are not a hash anyone can reverse by trying numbers.
    expect(new SmsStore(database.db, randomBytes(32), randomBytes(32)).numberKey('+447700900123')).not.toBe(key);
    const { numberKey, conversationId } = await store.remember('+44 7700 900123');
    expect(numberKey).toBe(key);
    expect(conversationId).toBe(`sms-${key}`);
    const doc = await database.db.collection(SmsCollections.conversations).findOne({ _id: key as never });
    expect(JSON.stringify(doc)).not.toContain('7700900123');
    expect(await store.numberFor(key)).toBe('+447700900123');
    // The cipher key is needed to read it back.
    expect(await new SmsStore(database.db, randomBytes(32), randomBytes(32)).numberFor(key)).toBeUndefined();
  });

  it('claims a MessageSid once, even when the claims race', async () => {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimInbound(sid)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimInbound(sid)).toBe(false);
  });

  it('records opt-out and opt-in; isOptedOut(db, key) reads it for other modules', async () => {
    const key = store.numberKey('+447700900200');
    expect(await isOptedOut(database.db, key)).toBe(false);
    await store.setOptedOut(key, true, 'STOP');
    expect(await isOptedOut(database.db, key)).toBe(true);
    await store.setOptedOut(key, false, 'START');
    expect(await store.isOptedOut(key)).toBe(false);
    expect(await database.db.collection(SmsCollections.optOuts).findOne({ _id: key as never })).toMatchObject({ optedOut: false, keyword: 'START' });
  });

  it('purges MessageSids after a week and delivery records after a month, counting what went', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const old = (days: number) => new Date(now.getTime() - days * DAY);
    await store.claimInbound(`SM${'1'.repeat(32)}`, old(INBOUND_RETENTION_DAYS + 1));
    await store.claimInbound(`SM${'2'.repeat(32)}`, old(INBOUND_RETENTION_DAYS - 1));
    await store.recordSent({ _id: `SM${'3'.repeat(32)}`, numberKey: 'k', status: 'queued', attempts: 1, createdAt: old(OUTBOUND_RETENTION_DAYS + 1) });
    await store.recordSent({ _id: `SM${'4'.repeat(32)}`, numberKey: 'k', status: 'queued', attempts: 1, createdAt: old(1) });
    expect(await purgeSmsRecords(database.db, now)).toEqual({ inbound: 1, outbound: 1 });
    expect(await store.claimInbound(`SM${'2'.repeat(32)}`)).toBe(false);
    expect(await store.outbound(`SM${'4'.repeat(32)}`)).toMatchObject({ status: 'queued' });
  });
});

describe('texts kept for re-sending', () => {
  it('are encrypted, handed back once, and dropped by the purge when no final status came', async () => {
    const now = new Date();
    await store.recordSent({ _id: `SM${'5'.repeat(32)}`, numberKey: 'k5', status: 'queued', attempts: 1, createdAt: now }, 'See you Tuesday');
    const stored = await database.db.collection(SmsCollections.outbound).findOne({ _id: `SM${'5'.repeat(32)}` as never });
    expect(JSON.stringify(stored)).not.toContain('Tuesday');
    const [first, second] = await Promise.all([store.takePending(`SM${'5'.repeat(32)}`), store.takePending(`SM${'5'.repeat(32)}`)]);
    expect([first, second].filter(Boolean)).toEqual([{ numberKey: 'k5', text: 'See you Tuesday', resends: 0, evenIfOptedOut: false }]);

    await store.recordSent({ _id: `SM${'6'.repeat(32)}`, numberKey: 'k6', status: 'queued', attempts: 1, createdAt: new Date(now.getTime() - (PENDING_TEXT_HOURS + 1) * 3600_000) }, 'Old');
    await store.purge(now);
    expect((await store.outbound(`SM${'6'.repeat(32)}`))?.pending).toBeUndefined();
  });
});

describe('recogniseKeyword', () => {
  it.each([
    ['STOP', 'optOut', 'en'],
    ['  stop. ', 'optOut', 'en'],
    ['Stop all', 'optOut', 'en'],
    ['STOPIO', 'optOut', 'cy'],
    ['dad-danysgrifio', 'optOut', 'cy'],
    ['start', 'optIn', 'en'],
    ['Dechrau', 'optIn', 'cy'],
    ['help', 'help', 'en'],
    ['CYMORTH', 'help', 'cy'],
  ])('%j is %s (%s)', (text, keyword, lang) => {
    expect(recogniseKeyword(text)).toEqual({ keyword, lang });
  });

  it.each(['stop texting me about the walk', 'please stop', 'I need help', 'start again', 'end of the road'])('%j is not a keyword (the conversation reads it)', (text) => {
    expect(recogniseKeyword(text)).toBeUndefined();
  });
});
