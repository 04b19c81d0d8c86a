import { SummaryDialog } from '../../dialogs';
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

  async function start(personKey: string) {
    const conversation = new Conversation(new SummaryDialog(repo, config), { personKey });
    const opening = await conversation.say('hello');
    return { conversation, opening };
  }

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
