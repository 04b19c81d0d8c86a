import { countSegments } from '../../src/channels/sms/gsm';
import { renderFollowUp, renderFollowUpThanks } from '../../src/followups/messages';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_KINDS } from '../../src/followups/schema';
import { createSmsFollowUpSender, createSmsOptOutCheck, type SmsTarget } from '../../src/followups/smsSender';
import { FollowUpUndeliverable } from '../../src/followups/worker';
import { ObjectId } from 'mongodb';
import { ReferralRepository } from '../../src/referrals/repository';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES = ['en', 'cy'] as const;

describe('follow-up texts', () => {
  it('English texts are GSM-7 and at most 2 segments, even with a long service name', () => {
    for (const kind of FOLLOW_UP_KINDS) {
      for (const serviceName of ['Front Door', 'Kestleford Community Connections']) {
        const text = renderFollowUp(kind, 'en', { serviceName });
        const size = countSegments(text);
        expect({ kind, encoding: size.encoding }).toEqual({ kind, encoding: 'GSM-7' });
        expect(size.segments).toBeLessThanOrEqual(2);
        expect(text).toContain(serviceName);
        expect(text).toContain('STOP');
      }
    }
  });

  it('the check-in does not assume an activity was picked (many people pick none)', () => {
    expect(renderFollowUp('referralCheckIn', 'en', { serviceName: 'Front Door' })).not.toMatch(/the activity/i);
    expect(renderFollowUp('referralCheckIn', 'cy', { serviceName: 'Front Door' })).not.toMatch(/y gweithgaredd/i);
  });

  it('Welsh texts fit 2 segments too', () => {
    for (const kind of FOLLOW_UP_KINDS) {
      const size = countSegments(renderFollowUp(kind, 'cy', { serviceName: 'Kestleford Community Connections' }));
      expect(size.segments).toBeLessThanOrEqual(2);
    }
  });

  it('the check-ins offer 1, 2 and 3 in both languages; no health words', () => {
    for (const lang of LANGUAGES) {
      for (const kind of ['referralCheckIn', 'linkWorkerFollowUp'] as const) {
        const text = renderFollowUp(kind, lang, { serviceName: 'Front Door' });
        expect(text).toMatch(/\b1\b.*\b2\b.*\b3\b/);
      }
      for (const kind of FOLLOW_UP_KINDS) {
        expect(renderFollowUp(kind, lang, { serviceName: 'Front Door' })).not.toMatch(/anxi|depress|lonel|mental|wellbeing|\blles\b/i);
      }
    }
    for (const answer of FOLLOW_UP_ANSWERS) for (const lang of LANGUAGES) expect(renderFollowUpThanks(answer, lang).length).toBeGreaterThan(5);
  });
});

describe('the SMS follow-up sender and opt-out check', () => {
  let database: TestDatabase;
  let referrals: ReferralRepository;
  const texts: { target: SmsTarget; text: string }[] = [];
  const optedOutKeys = new Set<string>();
  const numberKey = (number: string) => `key-of-${number}`;
  let failProvider = false;
  const deps = () => ({
    referrals,
    smsNumberKeyFor: async (personKey: string) => (personKey === 'sms-person' ? 'key-of-sms-person' : undefined),
  });
  // Behaves as SmsChannel.sendTo does: refuses after STOP, reports a provider failure.
  const sender = () =>
    createSmsFollowUpSender({
      ...deps(),
      serviceName: 'Front Door',
      sendTo: async (target, text) => {
        const key = 'numberKey' in target ? target.numberKey : numberKey(target.number);
        if (optedOutKeys.has(key)) return { sent: false, reason: 'optedOut' };
        if (failProvider) return { sent: false, reason: 'failed' };
        texts.push({ target, text });
        return { sent: true, sids: [`SM${texts.length}`] };
      },
    });
  const optOuts = () => createSmsOptOutCheck({ ...deps(), numberKey, isOptedOut: async (key) => optedOutKeys.has(key) });
  const job = (personKey: string) => ({
    _id: new ObjectId(),
    schemaVersion: 1,
    kind: 'referralCheckIn' as const,
    personKey,
    dueAt: new Date(),
    status: 'sending' as const,
    attempts: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  });

  beforeAll(async () => {
    database = await startTestDatabase();
    referrals = new ReferralRepository(database.db);
  });
  afterAll(() => database.stop());

  it('texts someone who chatted on the web and chose SMS, in their language, at the number looked up now', async () => {
    await referrals.getOrCreate('web-person', 'directline', 'cy');
    await referrals.saveAnswer('web-person', 'contactMethod', 'sms');
    await referrals.saveAnswer('web-person', 'contactNumber', '+447700900111');
    expect(await sender().send(job('web-person'))).toEqual({ providerId: 'SM1' });
    expect(texts.at(-1)).toEqual({
      target: { number: '+447700900111' },
      text: renderFollowUp('referralCheckIn', 'cy', { serviceName: 'Front Door' }),
    });

    await referrals.saveAnswer('web-person', 'contactNumber', '+447700900333');
    await sender().send(job('web-person'));
    expect(texts.at(-1)!.target).toEqual({ number: '+447700900333' });
  });

  it('texts someone who talks to us by SMS through their number key', async () => {
    await referrals.getOrCreate('sms-person', 'sms', 'en');
    await sender().send(job('sms-person'));
    expect(texts.at(-1)).toEqual({
      target: { numberKey: 'key-of-sms-person' },
      text: renderFollowUp('referralCheckIn', 'en', { serviceName: 'Front Door' }),
    });
  });

  it('skips (never texts) people who chose no contact or web chat, and people with no referral', async () => {
    const before = texts.length;
    await referrals.getOrCreate('chat-person', 'directline', 'en');
    await referrals.saveAnswer('chat-person', 'contactMethod', 'chat');
    await referrals.getOrCreate('quiet-person', 'sms', 'en');
    await referrals.saveAnswer('quiet-person', 'contactMethod', 'none');
    await expect(sender().send(job('chat-person'))).rejects.toEqual(new FollowUpUndeliverable('noSmsContact'));
    await expect(sender().send(job('quiet-person'))).rejects.toEqual(new FollowUpUndeliverable('noSmsContact'));
    await expect(sender().send(job('gone'))).rejects.toEqual(new FollowUpUndeliverable('noReferral'));
    expect(texts.length).toBe(before);
  });

  it('opt-out: checked by the number key of whichever number the text would go to', async () => {
    expect(await optOuts().isOptedOut('web-person')).toBe(false);
    optedOutKeys.add(numberKey('+447700900333'));
    expect(await optOuts().isOptedOut('web-person')).toBe(true);
    expect(await optOuts().isOptedOut('sms-person')).toBe(false);
    optedOutKeys.add('key-of-sms-person');
    expect(await optOuts().isOptedOut('sms-person')).toBe(true);
    expect(await optOuts().isOptedOut('chat-person')).toBe(false);
    // STOP arriving between the check and the send: the channel refuses, the job is skipped, not retried.
    await expect(sender().send(job('web-person'))).rejects.toEqual(new FollowUpUndeliverable('optedOut'));
    optedOutKeys.clear();
  });

  it('a provider failure is an ordinary error, so the worker retries it', async () => {
    failProvider = true;
    await expect(sender().send(job('web-person'))).rejects.not.toBeInstanceOf(FollowUpUndeliverable);
    failProvider = false;
  });
});
