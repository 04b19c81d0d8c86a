import { SummaryDialog } from '../../dialogs';
import { preferSmsVariants } from '../../dialogs/render';
import { activityText, countSegments } from '../../src/channels/sms';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

describe.each(LANGUAGES)('summary (%s)', (lang) => {
  const t = tFor(lang);

  async function answeredPerson(contactMethod: 'sms' | 'chat' = 'sms'): Promise<string> {
    const personKey = await consentedPerson(repo, lang, 'summary');
    await repo.saveAnswer(personKey, 'whatMatters', 'Meeting people again after a hard year');
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music', 'gardening'] });
    await repo.saveAnswer(personKey, 'barriers', ['transport']);
    await repo.saveAnswer(personKey, 'days', 'weekdays');
    await repo.saveAnswer(personKey, 'times', ['mornings']);
    await repo.saveAnswer(personKey, 'place', { kind: 'postcodeDistrict', value: 'CF10' });
    await repo.saveAnswer(personKey, 'contactMethod', contactMethod);
    if (contactMethod === 'sms') await repo.saveAnswer(personKey, 'contactNumber', '+447700900123');
    await repo.saveAnswer(personKey, 'preferredName', 'Sam');
    for (const [measure, score] of [['lifeSatisfaction', 6], ['worthwhile', 7], ['happiness', null], ['anxiety', 4]] as const) {
      await repo.saveWellbeing(personKey, measure, score);
    }
    return personKey;
  }

  async function start(personKey: string, channelId?: string) {
    const conversation = new Conversation(new SummaryDialog(repo, config), { personKey }, channelId);
    const opening = await conversation.say('hello');
    return { conversation, opening };
  }

  /** Someone texting us who chose "text message": no number on the referral, we reply to theirs. */
  async function textingPerson(): Promise<string> {
    const personKey = await answeredPerson('chat');
    await repo.getOrCreate(personKey, 'sms', lang);
    await database.db.collection('referrals').updateOne({ personKey }, { $set: { channel: 'sms' } });
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music'], ownWords: 'swimming for my bad back' });
    await repo.saveAnswer(personKey, 'contactMethod', 'sms');
    await repo.saveAnswer(personKey, 'contactNumber', null);
    return personKey;
  }

  it('by SMS reads back no health detail: not their own words, not their scores; says why in one line', async () => {
    const personKey = await textingPerson();
    const ts = preferSmsVariants(t, lang);
    const { opening } = await start(personKey, 'sms');
    const summary = opening.activities[0].text!;
    expect(summary.split('\n')[0]).toBe(ts('summary.heading'));
    for (const absent of ['Meeting people again after a hard year', 'swimming for my bad back', ts('summary.parts.wellbeing.label'), ts('summary.lines.whatMatters', { value: '' }).trim()]) {
      expect(summary).not.toContain(absent);
    }
    expect(summary).not.toMatch(/\b6\b|\b7\b|\b4\b/);
    // The rest is there to check and change.
    for (const expected of [
      ts('whatMatters.interests.options.music.label'),
      ts('whatMatters.barriers.options.transport.label'),
      ts('whatMatters.days.options.weekdays.label'),
      'CF10',
      ts('summary.contactValues.smsThisNumber'),
      'Sam',
      ts('summary.notTexted'),
    ]) {
      expect(summary).toContain(expected);
    }
    expect(summary.split('\n').filter((line) => line === ts('summary.notTexted'))).toHaveLength(1);
    // Within the SMS budget: 2 GSM-7 parts in English; Welsh 6 UCS-2 parts, or 3 if it has no accent.
    const count = countSegments(activityText(opening.activities[0]));
    expect(count.segments).toBeLessThanOrEqual(count.encoding === 'UCS-2' ? 6 : lang === 'en' ? 2 : 3);
  });

  it('by SMS, "text message" needs no number to say a link worker will text', async () => {
    const personKey = await textingPerson();
    const { conversation } = await start(personKey, 'sms');
    const reply = await conversation.say(typed[lang].confirm);
    expect(reply.text).toContain(t('summary.nextSteps.sms', { days: config.nextStepsDays }));
    expect(reply.text).toContain(t('common.wayOutSms'));
    expect(reply.text).not.toContain(t('common.wayOut'));
  });

  it('on other channels still reads back their own words and scores (the person is looking at their own screen)', async () => {
    const personKey = await textingPerson();
    const { opening } = await start(personKey, 'test');
    const summary = opening.activities[0].text!;
    expect(summary).toContain('Meeting people again after a hard year');
    expect(summary).toContain('swimming for my bad back');
    expect(summary).not.toContain(t('summary.notTexted'));
  });

  it('reads back what it heard, in the person\'s language, and asks if it is right', async () => {
    const personKey = await answeredPerson();
    const { opening } = await start(personKey);
    const summary = opening.activities[0].text!;
    expect(summary.split('\n')[0]).toBe(t('summary.heading'));
    for (const expected of [
      'Meeting people again after a hard year',
      t('whatMatters.interests.options.music.label'),
      t('whatMatters.interests.options.gardening.label'),
      t('whatMatters.barriers.options.transport.label'),
      t('whatMatters.days.options.weekdays.label'),
      t('whatMatters.times.options.mornings.label'),
      'CF10',
      '07700 900123',
      'Sam',
    ]) {
      expect(summary).toContain(expected);
    }
    expect(summary).toMatch(/6\D+7\D+-\D+4/);
    expect(opening.activities.at(-1)!.text).toContain(t('summary.ask'));
    expect(opening.buttons).toEqual([t('summary.confirm.label'), t('summary.change.label')]);
  });

  it('on confirm marks the referral ready and says plainly what happens next and when', async () => {
    const personKey = await answeredPerson();
    const { conversation } = await start(personKey);
    const reply = await conversation.say(typed[lang].confirm);
    expect(conversation.finished).toBe(true);
    expect(reply.text).toContain(t('summary.sentNamed', { name: 'Sam', serviceName: config.serviceName }));
    expect(reply.text).toContain(t('summary.nextSteps.sms', { days: config.nextStepsDays }));
    expect(reply.text).toContain(String(config.nextStepsDays));
    const stored = await storedReferral(database.db, personKey);
    expect(stored).toMatchObject({ status: 'ready' });
    expect(stored!.readyAt).toBeInstanceOf(Date);
  });

  it('lets the person change one part, asks just that again, and reads back the new answer', async () => {
    const personKey = await answeredPerson('chat');
    const { conversation } = await start(personKey);
    let reply = await conversation.say(typed[lang].change);
    expect(reply.text).toContain(t('summary.whichPart'));
    expect(reply.buttons).toContain(t('summary.parts.place.label'));

    reply = await conversation.say(t('summary.parts.place.label'));
    expect(reply.text).toContain(t('whatMatters.place.ask'));

    reply = await conversation.say('SA1');
    expect((await storedReferral(database.db, personKey))!.answers).toMatchObject({
      place: { kind: 'postcodeDistrict', value: 'SA1' },
    });
    expect(reply.text).toContain(t('summary.heading'));
    expect(reply.text).toContain('SA1');
    expect(reply.text).not.toContain('CF10');
    expect(reply.text).toContain(t('summary.ask'));
    expect((await storedReferral(database.db, personKey))!.status).toBe('inProgress');

    reply = await conversation.say('1');
    expect(reply.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect((await storedReferral(database.db, personKey))!.status).toBe('ready');
  });

  const noChangeWords = { en: ['nothing', 'back', 'no changes', "it's fine", 'cancel'], cy: ['dim byd', 'yn ôl', 'dim newid', "mae'n iawn", 'canslo'] }[lang];
  it.each(noChangeWords)('after "Change something", "%s" goes back to the summary, which can then be confirmed', async (words) => {
    const personKey = await answeredPerson('chat');
    const { conversation } = await start(personKey);
    let reply = await conversation.say(typed[lang].change);
    expect(reply.buttons.at(-1)).toBe(t('summary.noChange.label'));
    reply = await conversation.say(words);
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('summary.heading'));
    expect(reply.text).toContain(t('summary.ask'));
    reply = await conversation.say(typed[lang].confirm);
    expect(reply.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect((await storedReferral(database.db, personKey))!.status).toBe('ready');
  });

  it('the "Nothing, it\'s right" button goes back to the summary', async () => {
    const personKey = await answeredPerson('chat');
    const { conversation } = await start(personKey);
    await conversation.say(typed[lang].change);
    const reply = await conversation.say(t('summary.noChange.label'));
    expect(reply.text).toContain(t('summary.heading'));
    expect(reply.buttons).toEqual([t('summary.confirm.label'), t('summary.change.label')]);
  });

  const partWords = {
    en: [['what I enjoy', 'interests.ask'], ['my interests', 'interests.ask'], ['the days', 'days.ask'], ['my name', 'name.ask'], ['where I live', 'place.ask']],
    cy: [["beth dw i'n ei fwynhau", 'interests.ask'], ['fy niddordebau', 'interests.ask'], ['y dyddiau', 'days.ask'], ['fy enw', 'name.ask'], ["ble dw i'n byw", 'place.ask']],
  }[lang];
  it.each(partWords)('at "Which part?", "%s" asks that part again (%s)', async (words, askKey) => {
    const personKey = await answeredPerson('chat');
    const { conversation } = await start(personKey);
    await conversation.say(typed[lang].change);
    const reply = await conversation.say(words);
    expect(reply.text).toContain(t(`whatMatters.${askKey}`));
  });

  it('reads back "nothing" to what you enjoy as not given, never as an empty line', async () => {
    const personKey = await answeredPerson('chat');
    await repo.saveAnswer(personKey, 'interests', { chosen: [] });
    const { opening } = await start(personKey);
    expect(opening.text).toContain(`• ${t('summary.lines.interests', { value: t('common.notGiven') })}`);
  });

  it('can change the wellbeing answers', async () => {
    const personKey = await answeredPerson();
    const { conversation } = await start(personKey);
    await conversation.say(typed[lang].change);
    let reply = await conversation.say(t('summary.parts.wellbeing.label'));
    expect(reply.text).toContain(t('wellbeing.lifeSatisfaction.ask'));
    for (const score of ['1', '2', '3']) reply = await conversation.say(score);
    reply = await conversation.say('4');
    expect(reply.text).toContain(t('summary.heading'));
    expect((await storedReferral(database.db, personKey))!.wellbeing).toEqual({
      lifeSatisfaction: 1,
      worthwhile: 2,
      happiness: 3,
      anxiety: 4,
    });
  });
});
