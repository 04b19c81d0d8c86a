/**
 * "What does that mean?", "I don't understand" or "dw i ddim yn deall" at a question is not met with
 * "Sorry, I didn't understand that": the person is reassured, the question asked again, and
 * nothing is stored. Where the question has plainer words, they are said.
 */
import type { TurnContext } from 'botbuilder';
import { WhatMattersDialog } from '../../dialogs';
import { commonAnswer, recogniseCommonQuestion } from '../../dialogs/commonQuestions';
import { setTurnLanguage } from '../../dialogs/turnLanguage';
import type { Language } from '../../src/i18n';
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

async function askedAbout(part: string, lang: Language) {
  const personKey = await consentedPerson(repo, lang, 'meaning');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: part });
  await conversation.say('hello');
  return { personKey, conversation };
}

describe('"what does that mean?" at a question', () => {
  it.each([
    ['en', 'interests', 'what does that mean?'],
    ['en', 'interests', 'i dont understand'],
    ['en', 'barriers', "I don't understand."],
    ['en', 'whatMatters', 'what do you mean?'],
    ['cy', 'interests', 'dw i ddim yn deall'],
    ['cy', 'barriers', "beth mae hynny'n ei olygu?"],
  ] as const)('(%s, %s) "%s" gets the question in plainer words, then asked again, and nothing stored', async (lang, part, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout(part, lang);
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t(`faq.questions.whatDoesItMean.plainer.whatMatters.${part}`));
    expect(reply.text).toContain(t(`whatMatters.${part}.ask`));
    expect(conversation.finished).toBe(false);
    expect((await storedAnswers(database.db, personKey))[part]).toBeUndefined();
  });

  it.each(["I don't understand why I feel so alone", 'what matters is my family'])('"%s" is an answer, not a plea', (text) => {
    expect(recogniseCommonQuestion(text)).toBeUndefined();
  });
});

describe('plainer words for the question waiting', () => {
  function contextIn(lang: Language): TurnContext {
    const context = { turnState: new Map(), activity: { locale: lang } } as unknown as TurnContext;
    setTurnLanguage(context, lang);
    return context;
  }

  it.each(['en', 'cy'] as const)('(%s) the consent question and the barriers question have them', (lang) => {
    const t = tFor(lang);
    const context = contextIn(lang);
    expect(commonAnswer(context, t, 'whatDoesItMean', 'consent.ask')).toBe(t('faq.questions.whatDoesItMean.plainer.consent.ask'));
    expect(commonAnswer(context, t, 'whatDoesItMean', 'whatMatters.barriers')).toBe(t('faq.questions.whatDoesItMean.plainer.whatMatters.barriers'));
  });

  it('a question without them gets the general reassurance', () => {
    const t = tFor('en');
    expect(commonAnswer(contextIn('en'), t, 'whatDoesItMean', 'whatMatters.mobile')).toBe(t('faq.questions.whatDoesItMean.answer'));
    expect(commonAnswer(contextIn('en'), t, 'whatDoesItMean')).toBe(t('faq.questions.whatDoesItMean.answer'));
  });
});

describe('more everyday ways of asking', () => {
  it.each(['what do you mean by that', "beth mae hynny'n ei feddwl?", "be ti'n feddwl?"])('"%s" is a plea for plainer words, not an answer', (text) => {
    expect(recogniseCommonQuestion(text)).toBe('whatDoesItMean');
  });
});
