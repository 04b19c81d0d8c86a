/**
 * Field-level encryption at rest: the cipher itself, the start-up key check, and each store that
 * seals (referrals, bot state, web chat transcript, SMS numbers), read back raw through the driver.
 */
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { Transcript } from '../../src/channels/directline/transcript';
import { SmsStore } from '../../src/channels/sms/store';
import { ConfigError, loadConfig } from '../../src/config';
import { ReferralRepository } from '../../src/referrals';
import { Collections, enableFieldEncryption, FieldCipher, FieldKeyMissingError, isSealed, keyIdOf, MongoBotStorage, parseFieldKey } from '../../src/store';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const key = () => randomBytes(32);
/** Every document of a collection as text, the way someone reading a dump or backup would see it. */
const rawText = async (t: TestDatabase, collection: string) => EJSON.stringify(await t.db.collection(collection).find().toArray());

describe('FieldCipher', () => {
  const cipher = FieldCipher.withKeys(key());

  test('seals strings, objects, arrays and dates, and opens them as they were', () => {
    const values = ['I feel alone', { kind: 'town', value: 'Brigg' }, ['a', 'b'], { at: new Date('2026-11-24T09:00:00Z'), n: 3 }];
    for (const value of values) {
      const sealed = cipher.seal(value);
      expect(isSealed(sealed)).toBe(true);
      expect(EJSON.stringify(sealed)).not.toContain('alone');
      expect(cipher.open(sealed)).toEqual(value);
    }
  });

  test('every seal is different (a fresh nonce), so equal answers do not look equal', () => {
    expect(EJSON.stringify(cipher.seal('same words'))).not.toBe(EJSON.stringify(cipher.seal('same words')));
  });

  test('null, undefined and plain (older) values pass through untouched', () => {
    expect(cipher.seal(null)).toBeNull();
    expect(cipher.seal(undefined)).toBeUndefined();
    expect(cipher.open('written before a key was set')).toBe('written before a key was set');
    expect(cipher.open({ iv: 'x', tag: 'y', data: 'z' })).toEqual({ iv: 'x', tag: 'y', data: 'z' });
  });

  test('off: values are stored as given, and sealed values cannot be read', () => {
    const off = FieldCipher.off();
    expect(off.enabled).toBe(false);
    expect(off.seal('words')).toBe('words');
    expect(() => off.open(cipher.seal('words'))).toThrow(FieldKeyMissingError);
  });

  test('a tampered value fails loudly rather than reading as something else', () => {
    const sealed = cipher.seal('my words') as { sealed: string; box: { buffer: Uint8Array } };
    sealed.box.buffer[sealed.box.buffer.length - 1] ^= 1;
    expect(() => cipher.open(sealed)).toThrow();
  });

  test('rotation: a new key reads what the previous key sealed; without it the error names the key', () => {
    const oldKey = key();
    const sealedBefore = FieldCipher.withKeys(oldKey).seal('kept from last year');
    const newKey = key();
    expect(FieldCipher.withKeys(newKey, [oldKey]).open(sealedBefore)).toBe('kept from last year');
    expect(() => FieldCipher.withKeys(newKey).open(sealedBefore)).toThrow(new RegExp(`key ${keyIdOf(oldKey)}.*FIELD_ENCRYPTION_PREVIOUS_KEYS`));
  });
});

describe('configuration', () => {
  test('FIELD_ENCRYPTION_KEY takes 32 bytes as base64 or hex; anything else is refused by name', () => {
    const bytes = key();
    expect(loadConfig({ FIELD_ENCRYPTION_KEY: bytes.toString('base64') }).fieldEncryption.key).toEqual(bytes);
    expect(loadConfig({ FIELD_ENCRYPTION_KEY: bytes.toString('hex') }).fieldEncryption.key).toEqual(bytes);
    expect(loadConfig({}).fieldEncryption).toEqual({ key: undefined, previousKeys: [] });
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'hunter2' })).toThrow(ConfigError);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'hunter2' })).toThrow(/FIELD_ENCRYPTION_KEY: must be 32 random bytes in base64/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(/FIELD_ENCRYPTION_KEY/);
    const previous = [key(), key()];
    const config = loadConfig({ FIELD_ENCRYPTION_KEY: bytes.toString('base64'), FIELD_ENCRYPTION_PREVIOUS_KEYS: previous.map((k) => k.toString('base64')).join(',') });
    expect(config.fieldEncryption.previousKeys).toEqual(previous);
    expect(() => loadConfig({ FIELD_ENCRYPTION_PREVIOUS_KEYS: 'abc,def' })).toThrow(/FIELD_ENCRYPTION_PREVIOUS_KEYS/);
  });

  test('parseFieldKey refuses a key with stray characters', () => {
    expect(() => parseFieldKey(`${key().toString('base64')}!`)).toThrow();
  });
});

describe('at start-up', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await startTestDatabase();
  });
  afterEach(async () => t.stop());

  test('records the key in use, then refuses to start without it, naming what to set', async () => {
    const first = key();
    expect(await enableFieldEncryption(t.db, FieldCipher.withKeys(first))).toMatch(/Field encryption: on/);
    await expect(enableFieldEncryption(t.db, FieldCipher.off())).rejects.toThrow(new RegExp(`${keyIdOf(first)}.*FIELD_ENCRYPTION_KEY is not set`));
    await expect(enableFieldEncryption(t.db, FieldCipher.withKeys(key()))).rejects.toThrow(/FIELD_ENCRYPTION_PREVIOUS_KEYS/);
    // Rotating: the new key with the old one kept for reading is accepted.
    expect(await enableFieldEncryption(t.db, FieldCipher.withKeys(key(), [first]))).toMatch(/Field encryption: on/);
  });

  test('two instances starting at once with different keys: neither runs unable to read the other', async () => {
    const results = await Promise.allSettled([enableFieldEncryption(t.db, FieldCipher.withKeys(key())), enableFieldEncryption(t.db, FieldCipher.withKeys(key()))]);
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeLessThanOrEqual(1);
    for (const result of results) if (result.status === 'rejected') expect(String(result.reason)).toMatch(/FIELD_ENCRYPTION_PREVIOUS_KEYS/);
  });

  test('off on a database that never had a key says how to turn it on', async () => {
    expect(await enableFieldEncryption(t.db, FieldCipher.off())).toMatch(/Field encryption: off.*FIELD_ENCRYPTION_KEY/);
  });
});

describe('stores seal what people write', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await startTestDatabase();
  });
  afterEach(async () => t.stop());

  test('referral: personal answers are sealed, choices stay plain, and everything reads back', async () => {
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    const referrals = new ReferralRepository(t.db);
    await referrals.getOrCreate('person-1', 'webchat', 'en');
    await referrals.saveAnswer('person-1', 'whatMatters', 'Quillon moved away and I miss him');
    await referrals.saveAnswer('person-1', 'interests', { chosen: ['arts'], ownWords: 'whittling spoons' });
    await referrals.saveAnswer('person-1', 'place', { kind: 'town', value: 'Llanfairfechan' });
    await referrals.saveAnswer('person-1', 'contactNumber', '+447700900123');
    await referrals.saveAnswer('person-1', 'preferredName', 'Zebedee');
    await referrals.saveAnswer('person-1', 'barriers', ['cost']);
    await referrals.saveAnswer('person-1', 'whatMattersMore', null);

    const raw = await rawText(t, Collections.referrals);
    for (const secret of ['Quillon', 'whittling', 'Llanfairfechan', '7700900123', 'Zebedee']) expect(raw).not.toContain(secret);
    expect(raw).toContain('"barriers":["cost"]');
    expect(raw).toContain('"whatMattersMore":null');

    const fresh = new ReferralRepository(t.db);
    expect((await fresh.find('person-1'))!.answers).toEqual({
      whatMatters: 'Quillon moved away and I miss him',
      whatMattersMore: null,
      interests: { chosen: ['arts'], ownWords: 'whittling spoons' },
      place: { kind: 'town', value: 'Llanfairfechan' },
      contactNumber: '+447700900123',
      preferredName: 'Zebedee',
      barriers: ['cost'],
    });
  });

  test('referral: answers stored before encryption was turned on still read, beside sealed ones', async () => {
    await new ReferralRepository(t.db).getOrCreate('person-2', 'webchat', 'en');
    await new ReferralRepository(t.db).saveAnswer('person-2', 'whatMatters', 'said before the key');
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    const referrals = new ReferralRepository(t.db);
    await referrals.saveAnswer('person-2', 'preferredName', 'Zebedee');
    expect(await rawText(t, Collections.referrals)).toContain('said before the key');
    expect((await referrals.find('person-2'))!.answers).toEqual({ whatMatters: 'said before the key', preferredName: 'Zebedee' });
  });

  test('bot state is sealed whole and reads back with its eTag concurrency intact', async () => {
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    const storage = new MongoBotStorage(t.db);
    await storage.write({ 'webchat/conversations/c1/': { dialogState: { options: { name: 'Zebedee' } } } });
    expect(await rawText(t, Collections.botState)).not.toContain('Zebedee');
    const read = await storage.read(['webchat/conversations/c1/']);
    expect(read['webchat/conversations/c1/']).toMatchObject({ dialogState: { options: { name: 'Zebedee' } } });
    await storage.write({ 'webchat/conversations/c1/': { ...read['webchat/conversations/c1/'], step: 2 } });
    await expect(storage.write({ 'webchat/conversations/c1/': { ...read['webchat/conversations/c1/'], step: 3 } })).rejects.toThrow(/eTag conflict/);
  });

  test('web chat transcript: activities are sealed, read in order, and can still be updated', async () => {
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    const transcript = new Transcript(t.db);
    await transcript.createConversation('conv-1', 'dl_user');
    await transcript.append('conv-1', { type: 'message', text: 'Quillon was my best friend' });
    const second = await transcript.append('conv-1', { type: 'message', text: 'the bot answers' });
    await transcript.update('conv-1', { id: second!.activity.id, type: 'message', text: 'the bot answers, edited' });
    expect(await rawText(t, Collections.directlineActivities)).not.toMatch(/Quillon|the bot answers/);
    const page = await transcript.readAfter('conv-1', 0);
    expect(page.activities.map((a) => a.text)).toEqual(['Quillon was my best friend', 'the bot answers, edited']);
    expect(page.watermark).toBe(2);
  });

  test('SMS: the number and a pending text are sealed on top of the database key, and read back', async () => {
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    const store = new SmsStore(t.db, randomBytes(32), randomBytes(32));
    const { numberKey } = await store.remember('+447700900555');
    expect(await store.numberFor(numberKey)).toBe('+447700900555');
    const conversation = await t.db.collection('smsConversations').findOne({ _id: numberKey } as never);
    expect(isSealed(conversation!.number)).toBe(true);
    const now = new Date();
    await store.recordSent({ _id: 'SM1', numberKey, status: 'queued', attempts: 1, createdAt: now }, 'Quillon, here is your check-in');
    expect(await rawText(t, 'smsOutbound')).not.toContain('Quillon');
    expect((await store.takePending('SM1'))!.text).toBe('Quillon, here is your check-in');
  });

  test('a sealed value under a key this process lacks is an error, never a silent gap', async () => {
    await enableFieldEncryption(t.db, FieldCipher.withKeys(key()));
    await new ReferralRepository(t.db).getOrCreate('person-3', 'webchat', 'en');
    await new ReferralRepository(t.db).saveAnswer('person-3', 'whatMatters', 'sealed words');
    const elsewhere = await startTestDatabase();
    try {
      // The same documents seen by a process with another key (as after losing the key).
      const doc = await t.db.collection(Collections.referrals).findOne({ personKey: 'person-3' });
      await enableFieldEncryption(elsewhere.db, FieldCipher.withKeys(key()));
      await elsewhere.db.collection(Collections.referrals).insertOne({ ...doc });
      await expect(new ReferralRepository(elsewhere.db).find('person-3')).rejects.toThrow(FieldKeyMissingError);
    } finally {
      await elsewhere.stop();
    }
  });
});
