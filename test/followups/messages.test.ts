import { renderFollowUp, renderFollowUpThanks, smsSize } from '../../src/followups/messages';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_KINDS } from '../../src/followups/schema';
import { createSmsFollowUpSender } from '../../src/followups/smsSender';
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
        const size = smsSize(text);
        expect({ kind, encoding: size.encoding }).toEqual({ kind, encoding: 'GSM-7' });
        expect(size.segments).toBeLessThanOrEqual(2);
        expect(text).toContain(serviceName);
        expect(text).toContain('STOP');
      }
    }
  });

  it('Welsh texts fit 2 segments too', () => {
    for (const kind of FOLLOW_UP_KINDS) {
      const size = smsSize(renderFollowUp(kind, 'cy', { serviceName: 'Kestleford Community Connections' }));
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

  it('counts segments the way carriers do', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('ŵ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize('ŵ'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });
});

describe('the SMS follow-up sender', () => {
  let database: TestDatabase;
  let referrals: ReferralRepository;
  const texts: { to: string; text: string }[] = [];
  const sender = () =>
    createSmsFollowUpSender({
      referrals,
      serviceName: 'Front Door',
      sendSms: async (to, text) => {
        texts.push({ to, text });
        return { providerId: `SM${texts.length}` };
      },
      numberFor: async (personKey) => (personKey === 'sms-person' ? '+447700900222' : undefined),
    });
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
    const result = await sender().send(job('web-person'));
    expect(result).toEqual({ providerId: 'SM1' });
    expect(texts.at(-1)).toEqual({ to: '+447700900111', text: renderFollowUp('referralCheckIn', 'cy', { serviceName: 'Front Door' }) });

    await referrals.saveAnswer('web-person', 'contactNumber', '+447700900333');
    await sender().send(job('web-person'));
    expect(texts.at(-1)!.to).toBe('+447700900333');
  });

  it('texts someone who talks to us by SMS at the number the SMS channel gives', async () => {
    await referrals.getOrCreate('sms-person', 'sms', 'en');
    await sender().send(job('sms-person'));
    expect(texts.at(-1)).toEqual({ to: '+447700900222', text: renderFollowUp('referralCheckIn', 'en', { serviceName: 'Front Door' }) });
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
});
