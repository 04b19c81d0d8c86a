import { MongoClient, type Db } from 'mongodb';
import { Collections } from '../../src/store/collections';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let db: Db;
let repo: ReferralRepository;
let counter = 0;
const newPersonKey = (): string => `test:person-${++counter}`;

beforeAll(async () => {
  database = await startTestDatabase();
  db = database.db;
  repo = new ReferralRepository(db);
});
afterAll(async () => {
  await database.stop();
});

const rawReferral = (personKey: string) => db.collection(Collections.referrals).findOne({ personKey });

describe('ReferralRepository', () => {
  it('creates a referral once and returns the same one after that', async () => {
    const personKey = newPersonKey();
    const first = await repo.getOrCreate(personKey, 'webchat', 'cy');
    const again = await repo.getOrCreate(personKey, 'sms', 'en');
    expect(first).toMatchObject({ personKey, channel: 'webchat', lang: 'cy', status: 'inProgress', answers: {} });
    expect(again.channel).toBe('webchat');
    expect(again.lang).toBe('cy');
    expect(await db.collection(Collections.referrals).countDocuments({ personKey })).toBe(1);
  });

  it('copes with two first messages arriving at once', async () => {
    const personKey = newPersonKey();
    const both = await Promise.all([repo.getOrCreate(personKey, 'web', 'en'), repo.getOrCreate(personKey, 'web', 'en')]);
    expect(both.map((r) => r.personKey)).toEqual([personKey, personKey]);
    expect(await db.collection(Collections.referrals).countDocuments({ personKey })).toBe(1);
  });

  it('writes each answer the moment it is given, one field at a time, with updatedAt', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'en');
    const before = (await rawReferral(personKey))!.updatedAt as Date;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repo.saveAnswer(personKey, 'whatMatters', 'Getting out of the house more');
    let stored = await rawReferral(personKey);
    expect(stored!.answers).toEqual({ whatMatters: 'Getting out of the house more' });
    expect((stored!.updatedAt as Date).getTime()).toBeGreaterThan(before.getTime());

    await repo.saveAnswer(personKey, 'barriers', ['cost', 'transport']);
    await repo.saveAnswer(personKey, 'place', { kind: 'postcodeDistrict', value: 'CF10' });
    await repo.saveAnswer(personKey, 'preferredName', null);
    stored = await rawReferral(personKey);
    expect(stored!.answers).toEqual({
      whatMatters: 'Getting out of the house more',
      barriers: ['cost', 'transport'],
      place: { kind: 'postcodeDistrict', value: 'CF10' },
      preferredName: null,
    });
  });

  it('refuses an answer with the wrong shape and stores nothing', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'en');
    // Cast: this test feeds a value the types forbid, as a bug elsewhere might.
    await expect(repo.saveAnswer(personKey, 'barriers', ['money'] as never)).rejects.toThrow(/barriers/);
    await expect(repo.saveAnswer(personKey, 'contactNumber', '07700 900123')).rejects.toThrow(/contactNumber/);
    expect((await rawReferral(personKey))!.answers).toEqual({});
  });

  it('stores ONS4 scores, with null for a skipped question', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'en');
    await repo.saveWellbeing(personKey, 'lifeSatisfaction', 6);
    await repo.saveWellbeing(personKey, 'anxiety', null);
    expect((await rawReferral(personKey))!.wellbeing).toEqual({ lifeSatisfaction: 6, anxiety: null });
    await expect(repo.saveWellbeing(personKey, 'happiness', 11)).rejects.toThrow();
  });

  it('stores the consent record and marks the referral consented', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'sms', 'en');
    await repo.recordConsent(personKey, { noticeVersion: 'v9', channel: 'sms', answer: 'yes' });
    const record = await db.collection(Collections.consents).findOne({ personKey });
    expect(record).toMatchObject({ personKey, noticeVersion: 'v9', channel: 'sms', answer: 'yes' });
    expect(record!.recordedAt).toBeInstanceOf(Date);
    expect((await repo.find(personKey))!.consent).toMatchObject({ noticeVersion: 'v9' });
  });

  it('marks ready, urgent and a request for a person', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'en');
    await repo.markReady(personKey);
    await repo.markUrgent(personKey, 'explicit-intent');
    await repo.recordHumanRequest(personKey);
    const referral = await repo.find(personKey);
    expect(referral!.status).toBe('ready');
    expect(referral!.readyAt).toBeInstanceOf(Date);
    expect(referral!.urgent).toMatchObject({ rule: 'explicit-intent' });
    expect(referral!.humanRequestedAt).toBeInstanceOf(Date);
  });

  it('keeps an urgent flag even for someone with no referral yet', async () => {
    const personKey = newPersonKey();
    await repo.markUrgent(personKey, 'plan', 'sms', 'cy');
    const referral = await repo.find(personKey);
    expect(referral).toMatchObject({ channel: 'sms', lang: 'cy', urgent: { rule: 'plan' } });
  });

  it('counts a decline anonymously and keeps nothing about the person', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'webchat', 'en');
    await repo.countAnonymousDecline('webchat');
    await repo.countAnonymousDecline('webchat');
    await repo.discardUnconsented(personKey);
    expect(await rawReferral(personKey)).toBeNull();
    const counters = await db.collection(Collections.counters).find({ channel: 'webchat' }).toArray();
    expect(counters).toHaveLength(1);
    expect(counters[0]).toMatchObject({ name: 'consentDeclined', count: 2 });
    expect(JSON.stringify(counters)).not.toContain(personKey);
  });

  it('keeps an urgent flag after a decline, with nothing but the flag', async () => {
    const personKey = newPersonKey();
    await repo.markUrgent(personKey, 'suicide.want_to_die', 'webchat', 'en');
    await repo.saveAnswer(personKey, 'preferredName', 'Jo');
    await repo.discardUnconsented(personKey);
    const kept = await repo.find(personKey);
    expect(kept).toMatchObject({ urgent: { rule: 'suicide.want_to_die' }, answers: {} });
    expect(JSON.stringify(await rawReferral(personKey))).not.toContain('Jo');
    await repo.erase(personKey, 'webchat');
    expect(await rawReferral(personKey)).toBeNull();
  });

  it('never discards a consented referral by mistake', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'en');
    await repo.recordConsent(personKey, { noticeVersion: 'v1', channel: 'web', answer: 'yes' });
    await repo.discardUnconsented(personKey);
    expect(await rawReferral(personKey)).not.toBeNull();
  });

  it('"start again" clears answers but keeps consent and language', async () => {
    const personKey = newPersonKey();
    await repo.getOrCreate(personKey, 'web', 'cy');
    await repo.recordConsent(personKey, { noticeVersion: 'v1', channel: 'web', answer: 'yes' });
    await repo.saveAnswer(personKey, 'whatMatters', 'Company');
    await repo.saveWellbeing(personKey, 'worthwhile', 3);
    await repo.markReady(personKey);
    await repo.resetAnswers(personKey);
    const referral = await repo.find(personKey);
    expect(referral).toMatchObject({ lang: 'cy', status: 'inProgress', answers: {}, wellbeing: {} });
    expect(referral!.consent).toBeDefined();
  });

  it('erases the referral and consent records, leaving only a log with no identifier', async () => {
    const personKey = newPersonKey();
    const other = newPersonKey();
    for (const key of [personKey, other]) {
      await repo.getOrCreate(key, 'sms', 'en');
      await repo.recordConsent(key, { noticeVersion: 'v1', channel: 'sms', answer: 'yes' });
      await repo.saveAnswer(key, 'contactNumber', '+447700900123');
    }
    const result = await repo.erase(personKey);
    expect(result).toEqual({ referralsDeleted: 1, consentsDeleted: 1 });
    expect(await rawReferral(personKey)).toBeNull();
    expect(await db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
    expect(await rawReferral(other)).not.toBeNull();
    const logs = await db.collection(Collections.erasures).find({}).toArray();
    const log = logs.at(-1)!;
    expect(Object.keys(log).sort()).toEqual(
      ['_id', 'channel', 'consentsDeleted', 'erasedAt', 'referralsDeleted', 'schemaVersion'].sort(),
    );
    expect(log).toMatchObject({ channel: 'sms', referralsDeleted: 1, consentsDeleted: 1 });
    expect(JSON.stringify(logs)).not.toContain(personKey);
    expect(JSON.stringify(logs)).not.toContain('+447700900123');
  });

  it('reads older or damaged shapes with defaults instead of failing', async () => {
    const personKey = newPersonKey();
    await db.collection(Collections.referrals).insertOne({
      personKey,
      channel: 'web',
      lang: 'fr',
      answers: { whatMatters: 'Friends', barriers: ['a removed choice'], days: 'weekends' },
      wellbeing: { happiness: 7, anxiety: 'high' },
    });
    const referral = await repo.find(personKey);
    expect(referral).toMatchObject({
      schemaVersion: 1,
      lang: 'en',
      status: 'inProgress',
      answers: { whatMatters: 'Friends', days: 'weekends' },
      wellbeing: { happiness: 7 },
    });
    expect(referral!.answers.barriers).toBeUndefined();
    expect(referral!.wellbeing.anxiety).toBeUndefined();
  });
});

describe('ReferralRepository within one turn', () => {
  it('a write returns the referral as it now is, so reading it again in the same turn costs no round trip', async () => {
    const client = await MongoClient.connect(database.uri, { monitorCommands: true });
    try {
      const watched = new ReferralRepository(client.db(db.databaseName));
      const personKey = newPersonKey();
      await watched.getOrCreate(personKey, 'webchat', 'en');
      const commands: string[] = [];
      client.on('commandStarted', (event) => commands.push(event.commandName));

      const seen = await watched.duringTurn(personKey, async () => {
        await watched.saveAnswer(personKey, 'interests', { chosen: ['outdoors'] });
        return watched.find(personKey);
      });

      expect(seen?.answers.interests).toEqual({ chosen: ['outdoors'] });
      expect(commands).toEqual(['findAndModify']);
      // Outside a turn nothing is remembered: a read goes to the database.
      commands.length = 0;
      expect((await watched.find(personKey))?.answers.interests).toEqual({ chosen: ['outdoors'] });
      expect(commands).toEqual(['find']);
    } finally {
      await client.close();
    }
  });
});
