import { renderFollowUpThanks } from '../../src/followups/messages';
import { handleFollowUpReply, interpretFollowUpReply, recordFollowUpReply } from '../../src/followups/replies';
import { FollowUpSchedule } from '../../src/followups/schedule';
import { FollowUpWorker } from '../../src/followups/worker';
import { ReferralRepository } from '../../src/referrals/repository';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

describe('reading a reply to a check-in', () => {
  it.each([
    ['1', 'went'],
    ['2', 'notYet'],
    ['3', 'needHelp'],
    [' 1. ', 'went'],
    ['3 please', 'needHelp'],
    ['Yes', 'went'],
    ['yes I went, it was lovely', 'went'],
    ['I did!', 'went'],
    ['Not yet', 'notYet'],
    ["No, I haven't been", 'notYet'],
    ['not been yet', 'notYet'],
    ["I didn't go", 'notYet'],
    ['help', 'needHelp'],
    ["I'd like help please", 'needHelp'],
    ['not yet, I need help', 'needHelp'],
    ['Can someone call me', 'needHelp'],
  ])('English %j -> %s', (text, answer) => {
    expect(interpretFollowUpReply(text, 'en')).toBe(answer);
  });

  it.each([
    ['1', 'went'],
    ['Do', 'went'],
    ['Ie, wedi mynd', 'went'],
    ['Naddo', 'notYet'],
    ['ddim eto', 'notYet'],
    ['Dw i ddim wedi mynd', 'notYet'],
    ['Hoffwn gael help', 'needHelp'],
    ['angen cymorth', 'needHelp'],
    ['siarad â rhywun', 'needHelp'],
  ])('Welsh %j -> %s', (text, answer) => {
    expect(interpretFollowUpReply(text, 'cy')).toBe(answer);
  });

  it('understands the other language too (people mix them)', () => {
    expect(interpretFollowUpReply('not yet', 'cy')).toBe('notYet');
    expect(interpretFollowUpReply('naddo', 'en')).toBe('notYet');
  });

  it.each(['', '   ', 'what is this?', 'yes and no', '4', '12', 'STOP'])('leaves %j unread', (text) => {
    expect(interpretFollowUpReply(text, 'en')).toBeUndefined();
  });
});

describe('recording a reply on the referral', () => {
  let database: TestDatabase;
  let referrals: ReferralRepository;
  let clock: Date;

  beforeAll(async () => {
    database = await startTestDatabase();
    clock = new Date('2026-05-01T10:00:00Z');
    referrals = new ReferralRepository(database.db, () => clock);
  });
  afterAll(() => database.stop());

  it('stores each answer with its time and follow-up; only "need help" reopens a handoff', async () => {
    await referrals.getOrCreate('person-a', 'directline', 'en');
    const reopened: string[] = [];
    const reopenHandoff = async (personKey: string) => {
      reopened.push(personKey);
    };

    expect(await recordFollowUpReply(referrals, 'person-a', 'notYet', { kind: 'referralCheckIn', reopenHandoff })).toBe(true);
    expect(reopened).toEqual([]);
    clock = new Date('2026-05-08T10:00:00Z');
    expect(await recordFollowUpReply(referrals, 'person-a', 'needHelp', { reopenHandoff })).toBe(true);
    expect(reopened).toEqual(['person-a']);

    const stored = await referrals.find('person-a');
    expect(stored!.followUps).toEqual({
      replies: [
        { answer: 'notYet', at: new Date('2026-05-01T10:00:00Z'), kind: 'referralCheckIn' },
        { answer: 'needHelp', at: new Date('2026-05-08T10:00:00Z') },
      ],
    });
    expect(stored!.updatedAt).toEqual(new Date('2026-05-08T10:00:00Z'));
  });

  it('does nothing for someone with no referral (erased), and reopens nothing', async () => {
    let reopened = 0;
    const result = await recordFollowUpReply(referrals, 'nobody', 'needHelp', {
      reopenHandoff: async () => {
        reopened += 1;
      },
    });
    expect(result).toBe(false);
    expect(reopened).toBe(0);
    expect(await database.db.collection('referrals').countDocuments({ personKey: 'nobody' })).toBe(0);
  });

  it('a referral without follow-ups reads as before (no field)', async () => {
    await referrals.getOrCreate('person-b', 'directline', 'cy');
    expect((await referrals.find('person-b'))!.followUps).toBeUndefined();
  });
});

describe('an inbound reply from someone with an unanswered check-in', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(() => database.stop());

  it('"3" answers the check-in, is stored on the referral, reopens a handoff and gets a thank-you in their language', async () => {
    const clock = { current: new Date('2026-06-01T10:00:00Z') };
    const now = () => new Date(clock.current);
    const referrals = new ReferralRepository(database.db, now);
    const schedule = new FollowUpSchedule(database.db, now);
    const reopened: string[] = [];
    const deps = { schedule, referrals, reopenHandoff: async (personKey: string) => void reopened.push(personKey) };

    await referrals.getOrCreate('texter', 'sms', 'cy');
    // Nothing sent yet: a "3" is an ordinary message for the normal turn.
    expect(await handleFollowUpReply(deps, 'texter', '3', 'cy')).toBeUndefined();

    await schedule.scheduleForReferral('texter', new Date('2026-05-20T10:00:00Z'));
    await new FollowUpWorker({
      db: database.db,
      sender: { send: async () => ({ providerId: 'SM1' }) },
      optOuts: { isOptedOut: async () => false },
      window: { start: '09:00', end: '20:00', timeZone: 'Europe/London' },
      clock: { now },
    }).runOnce();

    expect(await handleFollowUpReply(deps, 'texter', 'beth?', 'cy')).toBeUndefined(); // not an answer
    expect(await handleFollowUpReply(deps, 'texter', '3', 'cy')).toEqual({ answer: 'needHelp', thanks: renderFollowUpThanks('needHelp', 'cy') });
    expect(reopened).toEqual(['texter']);
    expect((await referrals.find('texter'))!.followUps!.replies.map((r) => [r.answer, r.kind])).toEqual([['needHelp', 'referralCheckIn']]);
    // Answered: a second "3" is no longer read as a reply to it.
    expect(await handleFollowUpReply(deps, 'texter', '3', 'cy')).toBeUndefined();
    expect(reopened).toEqual(['texter']);
  });
});
