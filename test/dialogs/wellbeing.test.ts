import { WellbeingDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, LANGUAGES, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const storedWellbeing = async (personKey: string) => (await storedReferral(database.db, personKey))!.wellbeing;

describe.each(LANGUAGES)('wellbeing, ONS4 (%s)', (lang) => {
  const t = tFor(lang);

  async function start(personKey?: string) {
    const key = personKey ?? (await consentedPerson(repo, lang, 'wellbeing'));
    const conversation = new Conversation(new WellbeingDialog(repo), { personKey: key });
    const opening = await conversation.say('hello');
    return { personKey: key, conversation, opening };
  }

  it('explains the scale, asks the four questions and stores each score as the baseline', async () => {
    const { personKey, conversation, opening } = await start();
    expect(opening.text).toContain(t('wellbeing.intro'));
    expect(opening.text).toContain(t('wellbeing.lifeSatisfaction.ask'));
    expect(opening.buttons).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', t('common.choices.skip.label')]);

    let reply = await conversation.say('7');
    expect(await storedWellbeing(personKey)).toEqual({ lifeSatisfaction: 7 });
    expect(reply.text).toBe(t('wellbeing.worthwhile.ask'));

    reply = await conversation.say(lang === 'en' ? 'eight' : 'wyth');
    expect(await storedWellbeing(personKey)).toEqual({ lifeSatisfaction: 7, worthwhile: 8 });
    expect(reply.text).toBe(t('wellbeing.happiness.ask'));

    reply = await conversation.say(typed[lang].skip);
    expect(reply.text).toBe(t('wellbeing.anxiety.ask'));

    reply = await conversation.say('3/10');
    expect(conversation.finished).toBe(true);
    expect(reply.text).toBe(t('wellbeing.thanks'));
    expect(await storedWellbeing(personKey)).toEqual({ lifeSatisfaction: 7, worthwhile: 8, happiness: null, anxiety: 3 });
  });

  it('explains again when the answer is not a number from 0 to 10', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say('11');
    expect(reply.text).toContain(t('wellbeing.retry'));
    expect(reply.text).toContain(t('wellbeing.lifeSatisfaction.ask'));
    expect(await storedWellbeing(personKey)).toEqual({});
  });

  it('gently mentions Samaritans after low scores', async () => {
    const { conversation } = await start();
    await conversation.say('2');
    await conversation.say('3');
    await conversation.say('2');
    const reply = await conversation.say('9');
    expect(reply.text).toContain(t('wellbeing.support'));
    expect(reply.text).toContain('116 123');
  });

  it('carries on at the first unanswered question, without the introduction again', async () => {
    const personKey = await consentedPerson(repo, lang, 'wellbeingResume');
    await repo.saveWellbeing(personKey, 'lifeSatisfaction', 5);
    await repo.saveWellbeing(personKey, 'worthwhile', null);
    const { opening } = await start(personKey);
    expect(opening.text).toContain(t('wellbeing.happiness.ask'));
  });

  it('asks nothing when all four are answered', async () => {
    const personKey = await consentedPerson(repo, lang, 'wellbeingDone');
    for (const measure of ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const) {
      await repo.saveWellbeing(personKey, measure, 5);
    }
    const { opening, conversation } = await start(personKey);
    expect(opening.activities).toHaveLength(0);
    expect(conversation.finished).toBe(true);
  });

  it('over SMS says how to answer instead of showing buttons', async () => {
    const personKey = await consentedPerson(repo, lang, 'wellbeingSms');
    const conversation = new Conversation(new WellbeingDialog(repo), { personKey }, 'sms');
    const opening = await conversation.say('hi');
    expect(opening.text).toContain(t('common.replyWithScale'));
    expect(opening.activities.every((a) => a.suggestedActions === undefined)).toBe(true);
  });
});
