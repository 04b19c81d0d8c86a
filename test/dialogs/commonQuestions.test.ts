/**
 * A question asked back ("what is a link worker?") at any question is answered briefly and the
 * question is asked again; it is never stored as the person's answer. Ordinary answers that only
 * happen to start with a question word are still stored.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { WhatMattersDialog } from '../../dialogs';
import { recogniseCommonQuestion, setTurnDialogConfig } from '../../dialogs/commonQuestions';
import type { Language } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, storedAnswers, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const ASKED_BACK: [Language, string, string][] = [
  ['en', 'what is a link worker?', 'faq.questions.linkWorker.answer'],
  ['en', 'are you a real person?', 'faq.questions.realPerson.answer'],
  ['en', 'Who will see this?', 'faq.questions.whoSees.answer'],
  ['en', 'how do I delete my data?', 'faq.questions.deleteData.answer'],
  ['cy', 'beth yw gweithiwr cyswllt?', 'faq.questions.linkWorker.answer'],
  ['cy', "ydych chi'n berson go iawn?", 'faq.questions.realPerson.answer'],
  ['cy', 'pwy fydd yn gweld hyn?', 'faq.questions.whoSees.answer'],
];

async function atWhatMatters(lang: Language): Promise<{ conversation: Conversation; personKey: string }> {
  const personKey = await consentedPerson(repo, lang, 'faq');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'whatMatters' });
  await conversation.say('hello');
  return { conversation, personKey };
}

describe('questions asked back', () => {
  it.each(ASKED_BACK)('(%s) "%s" is answered, the question asked again, and nothing stored', async (lang, text, answerKey) => {
    const t = tFor(lang);
    const { conversation, personKey } = await atWhatMatters(lang);
    const turn = await conversation.say(text);
    expect(turn.text).toContain(t(answerKey));
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(conversation.finished).toBe(false);
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBeUndefined();
    // The real answer after it is kept as usual.
    await conversation.say('Feeling less lonely');
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBe('Feeling less lonely');
  });

  it.each(['how I feel is lonely', 'who I am matters', 'What matters is seeing people', 'I would like to be a link worker one day'])(
    '"%s" is an ordinary answer and is stored',
    async (text) => {
      const { conversation, personKey } = await atWhatMatters('en');
      await conversation.say(text);
      expect((await storedAnswers(database.db, personKey)).whatMatters).toBe(text);
    },
  );

  it('is answered at a question with choices too ("Anything else you enjoy?")', async () => {
    const t = tFor('en');
    const personKey = await consentedPerson(repo, 'en', 'faq');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'interests' }, 'sms');
    await conversation.say('hello');
    await conversation.say('1');
    const turn = await conversation.say('are you a bot?');
    expect(turn.text).toContain(t('faq.questions.realPerson.answer'));
    expect(turn.text).toContain(t('whatMatters.interests.more'));
    const interests = (await storedAnswers(database.db, personKey)).interests as { ownWords?: string };
    expect(interests.ownWords).toBeUndefined();
  });

  it('"how long will it take?" gives the days the service is set up with', async () => {
    const t = tFor('en');
    const personKey = await consentedPerson(repo, 'en', 'faq');
    const client = new DialogTestClient('test', new WhatMattersDialog(repo), { personKey, only: 'whatMatters' }, [
      { onTurn: async (context: TurnContext, next: () => Promise<void>) => { setTurnDialogConfig(context, { ...config, nextStepsDays: 4 }); await next(); } },
    ]);
    await client.sendActivity('hello');
    const reply = (await client.sendActivity('how long will it take?')) as Partial<Activity>;
    expect(reply.text).toBe(t('faq.questions.howLong.answer', { days: 4 }));
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBeUndefined();
  });

  it('without the setting, "how long" promises no number', () => {
    expect(recogniseCommonQuestion('how long will it take?')).toBe('howLong');
    expect(tFor('en')('faq.questions.howLong.answerNoDays')).not.toMatch(/\d/);
    expect(tFor('cy')('faq.questions.howLong.answerNoDays')).not.toMatch(/\d/);
  });
});
