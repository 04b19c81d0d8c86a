/**
 * Answers as people really type them, especially by text: "3 n 9", a second pick sent in a burst
 * with numbers from the first list, weekday names, hedged scores, and re-asks that fit two texts.
 */
import { WellbeingDialog, WhatMattersDialog } from '../../dialogs';
import { matchable, matchChoice } from '../../dialogs/choiceMatching';
import { recogniseCommand } from '../../src/nlu/commands';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, storedAnswers, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

async function askOnly(only: string, channelId = 'sms', lang: 'en' | 'cy' = 'en') {
  const personKey = await consentedPerson(repo, lang, only);
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only }, channelId);
  const opening = await conversation.say('hello');
  return { personKey, conversation, opening };
}

describe('"n", "an", "&" and "+" join choices, as "and" does', () => {
  it.each(['3 n 9', 'gardening n music', '3 an 9', '3 & 9', '3+9'])('%s picks two interests, not own words', async (typedText) => {
    const { personKey, conversation } = await askOnly('interests');
    const reply = await conversation.say(typedText);
    const { interests } = await storedAnswers(database.db, personKey);
    expect(interests).toEqual({ chosen: typedText.includes('music') ? ['gardening', 'music'] : ['gardening', 'social'] });
    expect(conversation.finished).toBe(true);
    expect(reply.text).not.toContain(tFor('en')('whatMatters.interests.more'));
  });

  it('a Welsh "a" still joins, and a name with an "n" in it stays own words', async () => {
    const welsh = await askOnly('interests', 'sms', 'cy');
    await welsh.conversation.say('garddio a cherddoriaeth');
    expect((await storedAnswers(database.db, welsh.personKey)).interests).toEqual({ chosen: ['gardening', 'music'] });
    const own = await askOnly('interests');
    await own.conversation.say('Gardening n Jo');
    expect((await storedAnswers(database.db, own.personKey)).interests).toEqual({ chosen: [], ownWords: 'Gardening n Jo' });
  });

  it('"n" alone is still "no" where it is a choice', () => {
    const yesNo = [matchable('yes', 'common.choices.yes'), matchable('no', 'common.choices.no')];
    expect(matchChoice('n', yesNo)).toBe('no');
    expect(matchChoice('yes n', yesNo)).toBeUndefined();
  });
});

describe('"Anything else?" keeps the numbers of the first list', () => {
  const t = tFor('en');
  const numberedLines = (text: string) => text.split('\n').filter((line) => /^\d+\. /.test(line));

  it('by text, a choice keeps its number, and "2" then "4" mean Transport and Feeling anxious', async () => {
    const { personKey, conversation, opening } = await askOnly('barriers');
    expect(numberedLines(opening.text)[1]).toBe(`2. ${t('whatMatters.barriers.options.transport.labelSms')}`);
    const more = await conversation.say('2');
    expect(more.text).toContain(t('whatMatters.barriers.more'));
    expect(numberedLines(more.text)).toEqual([
      `1. ${t('whatMatters.barriers.options.cost.label')}`,
      `3. ${t('whatMatters.barriers.options.access.label')}`,
      `4. ${t('whatMatters.barriers.options.groupAnxiety.label')}`,
      `5. ${t('whatMatters.barriers.options.caring.label')}`,
      `6. ${t('whatMatters.barriers.options.language.label')}`,
      `7. ${t('common.choices.done.label')}`,
    ]);
    const next = await conversation.say('4');
    expect(next.text).not.toContain(t('common.notUnderstood'));
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['transport', 'groupAnxiety']);
    expect(numberedLines(next.text).map((line) => line.split('.')[0])).toEqual(['1', '3', '5', '6', '7']);
    // "6" is still Language, and "7" (Nothing on the first list) is "That's all".
    await conversation.say('6');
    await conversation.say('7');
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['transport', 'groupAnxiety', 'language']);
  });

  it('a number already picked (sent twice in a burst) is not "didn\'t understand", and nine interests end at 10', async () => {
    const { personKey, conversation } = await askOnly('interests');
    await conversation.say('2');
    const again = await conversation.say('2');
    expect(again.text).not.toContain(t('common.notUnderstood'));
    expect(again.text).toContain(t('whatMatters.interests.more'));
    expect(numberedLines(again.text).at(-1)).toBe(`10. ${t('common.choices.done.label')}`);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['outdoors'] });
    await conversation.say('10');
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['outdoors'] });
  });

  it('web chat buttons still offer what is left, and a tap still picks it', async () => {
    const { personKey, conversation } = await askOnly('barriers', 'webchat');
    const more = await conversation.say(t('whatMatters.barriers.options.transport.label'));
    expect(more.buttons).toEqual(
      [...['cost', 'access', 'groupAnxiety', 'caring', 'language'].map((v) => t(`whatMatters.barriers.options.${v}.label`)), t('common.choices.done.label')],
    );
    await conversation.say(t('whatMatters.barriers.options.cost.label'));
    await conversation.say(t('common.choices.done.label'));
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['transport', 'cost']);
  });
});

describe('weekday names at "Which days suit you best?"', () => {
  it.each([
    ['en', 'tuesdays', 'weekdays'],
    ['en', 'monday', 'weekdays'],
    ['en', 'mon and wed', 'weekdays'],
    ['en', 'Fridays please', 'weekdays'],
    ['en', 'sat n sun', 'weekends'],
    ['en', 'monday or saturday', 'any'],
    ['cy', 'dydd Llun', 'weekdays'],
    ['cy', 'Llun a Mercher', 'weekdays'],
    ['cy', 'nos Fawrth', 'weekdays'],
    ['cy', 'ddydd Gwener', 'weekdays'],
    ['cy', 'nos Sadwrn', 'weekends'],
    ['cy', 'dydd Iau neu ddydd Sul', 'any'],
  ] as const)('(%s) "%s" is %s', async (lang, typedText, days) => {
    const { personKey, conversation } = await askOnly('when', 'webchat', lang);
    const reply = await conversation.say(typedText);
    expect(reply.text).not.toContain(tFor(lang)('common.notUnderstood'));
    expect((await storedAnswers(database.db, personKey)).days).toBe(days);
    expect(reply.text).toContain(tFor(lang)('whatMatters.times.ask'));
  });
});

describe('a hedged score with words around it', () => {
  it.each([
    ['en', 'about a 3 i suppose', 3],
    ['en', '3 i think', 3],
    ['en', 'maybe 6', 6],
    ['en', '6 probably', 6],
    ['en', 'I reckon 5', 5],
    ['en', 'sort of 4', 4],
    ['cy', 'rhyw 5 sbo', 5],
    ['cy', "6 mae'n debyg", 6],
    ['cy', "dwi'n meddwl 7", 7],
  ] as const)('(%s) "%s" is %i', async (lang, typedText, score) => {
    const personKey = await consentedPerson(repo, lang, 'hedged');
    const conversation = new Conversation(new WellbeingDialog(repo), { personKey });
    await conversation.say('hello');
    const reply = await conversation.say(typedText);
    expect(reply.text).toBe(tFor(lang)('wellbeing.worthwhile.ask'));
    const stored = await database.db.collection('referrals').findOne({ personKey });
    expect(stored?.wellbeing).toEqual({ lifeSatisfaction: score });
  });

  it('two numbers are still not guessed at', async () => {
    const personKey = await consentedPerson(repo, 'en', 'two-numbers');
    const conversation = new Conversation(new WellbeingDialog(repo), { personKey });
    await conversation.say('hello');
    const reply = await conversation.say('5 or 6 i suppose');
    expect(reply.text).toContain(tFor('en')('wellbeing.retry'));
  });
});

describe('Welsh "talk to a person" in northern and southern forms', () => {
  it.each([
    'dwi isio siarad efo rhywun plis',
    'dw i isio siarad hefo rhywun',
    'isio siarad efo rhywun',
    'Dwi isio siarad efo person go iawn',
    'plis ga i siarad efo rhywun',
    'dwi moyn siarad â rhywun',
    'dw i eisiau siarad â pherson os gwelwch yn dda',
    'siarad gyda rhywun plis',
  ])('"%s" asks for a person, whichever language is in use', (typedText) => {
    expect(recogniseCommand(typedText, 'cy')).toEqual({ name: 'human' });
    expect(recogniseCommand(typedText, 'en')).toEqual({ name: 'human' });
  });

  it('a sentence about talking to someone is still what matters, not a command', () => {
    expect(recogniseCommand('siarad efo rhywun am fy mhroblemau', 'cy')).toBeNull();
  });
});
