import { SummaryDialog, WhatMattersDialog } from '../../dialogs';
import { INTERESTS, ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, storedAnswers, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** Someone at one part of "what matters" (as when changing it from the summary). */
async function askedAbout(part: string, lang: 'en' | 'cy' = 'en') {
  const personKey = await consentedPerson(repo, lang, part);
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: part });
  const opening = await conversation.say('hello');
  return { personKey, conversation, opening };
}

describe('"What do you enjoy?" answered with "don\'t know", "that\'s all" or "anything"', () => {
  it.each([
    ['en', "that's all"],
    ['en', 'idk'],
    ['en', 'no idea'],
    ['en', "that's it"],
    ['en', 'none of them'],
    ['en', 'not bothered'],
    ['cy', 'dyna i gyd'],
    ['cy', 'wn i ddim'],
  ] as const)('(%s) "%s" is no interests, not the person\'s own words, and moves on', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('interests', lang);
    const reply = await conversation.say(text);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [] });
    expect(reply.text).not.toContain(t('whatMatters.interests.more'));
    expect(conversation.finished).toBe(true);
  });

  it.each([
    ['en', 'all of them'],
    ['en', 'anything'],
    ['cy', 'unrhyw beth'],
  ] as const)('(%s) "%s" is open to anything, and is read back so', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('interests', lang);
    await conversation.say(text);
    const interests = (await storedAnswers(database.db, personKey)).interests as { chosen: string[]; ownWords?: string };
    expect(interests.ownWords).toBeUndefined();
    expect([...interests.chosen].sort()).toEqual([...INTERESTS].sort());

    const summary = await new Conversation(new SummaryDialog(repo, config), { personKey }).say('hello');
    const line = summary.activities[0].text!.split('\n').find((l) => l.includes(t('summary.interestsAnything')));
    expect(line).toBe(`• ${t('summary.lines.interests', { value: t('summary.interestsAnything') })}`);
  });

  it('still keeps a real answer in the person\'s own words', async () => {
    const { personKey, conversation } = await askedAbout('interests');
    await conversation.say('birdwatching with my grandson');
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [], ownWords: 'birdwatching with my grandson' });
  });
});
