/**
 * Answers as people really type them, especially by text: "3 n 9", a second pick sent in a burst
 * with numbers from the first list, weekday names, hedged scores, and re-asks that fit two texts.
 */
import { WhatMattersDialog } from '../../dialogs';
import { matchable, matchChoice } from '../../dialogs/choiceMatching';
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
