import { RootDialog, type SuggestionsDeps } from '../../dialogs';
import { costText, whenText, whereText } from '../../dialogs/suggestionsText';
import { ServiceDirectory } from '../../src/directory/directory';
import type { Suggestion } from '../../src/directory/match';
import { profileFromAnswers, profileText } from '../../src/directory/profile';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import type { Language } from '../../src/i18n';
import { OfflineRecognizer } from '../../src/nlu/offline';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
let directory: ServiceDirectory;
const recognizer = new OfflineRecognizer();

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
  expect(await loadSampleDirectoryIfEmpty(database.db, () => undefined)).toBe(true);
  directory = new ServiceDirectory(database.db);
});
afterAll(async () => database.stop());

const t = tFor('en');

/** A person who has answered everything, at the suggestions by text message. */
async function atSuggestions(lang: Language = 'en') {
  const personKey = await consentedPerson(repo, lang, 'picks');
  await repo.saveAnswer(personKey, 'whatMatters', "I've felt lonely since my wife died and I'd like to get out walking and meet people");
  await repo.saveAnswer(personKey, 'interests', { chosen: ['outdoors', 'social', 'music'] });
  await repo.saveAnswer(personKey, 'barriers', ['cost']);
  await repo.saveAnswer(personKey, 'days', 'weekdays');
  await repo.saveAnswer(personKey, 'times', ['mornings']);
  await repo.saveAnswer(personKey, 'place', { kind: 'town', value: 'Kestleford' });
  await repo.saveAnswer(personKey, 'contactMethod', 'chat');
  await repo.saveAnswer(personKey, 'preferredName', 'Sam');
  for (const measure of ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const) await repo.saveWellbeing(personKey, measure, 5);
  const deps: Omit<SuggestionsDeps, 'config'> = { directory, recognizer, log: () => undefined };
  const conversation = new Conversation(new RootDialog(repo, config, deps), { personKey }, 'sms');
  await conversation.say('hello');
  await conversation.say(typed[lang].carryOn);
  await conversation.say(typed[lang].confirm);
  const answers = (await repo.find(personKey))!.answers;
  const extracted = (await recognizer.recognize(profileText(answers), lang)).categories;
  const shown: Suggestion[] = await directory.suggest(profileFromAnswers(answers, lang, extracted), { limit: 3 });
  const picked = async () => (((await storedReferral(database.db, personKey))?.suggestions as { picked?: { id: string }[] })?.picked ?? []).map((p) => p.id);
  return { conversation, shown, picked };
}

/** A word of one shown name that no other shown name has ("walking" in "Riverside Walking Group"). */
function wordOnlyIn(shown: Suggestion[], index: number): string {
  const words = (name: string) => name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5);
  const others = new Set(shown.filter((_, i) => i !== index).flatMap((s) => words(s.name)));
  const word = words(shown[index].name).find((w) => !others.has(w) && !['group', 'groups', 'support', 'kestleford', 'session'].includes(w));
  expect(word).toBeDefined();
  return word!;
}

/** The line answering a question about one suggestion: its stored detail, or "your link worker can tell you". */
function answerLine(suggestion: Suggestion, value: string | undefined): string {
  return value
    ? t('common.serviceAnswer.fact', { name: suggestion.name, value })
    : t('common.serviceAnswer.unknown', { name: suggestion.name });
}

describe('choosing from the suggestions', () => {
  it('a question naming one ("what time is the ... one") is answered from its details, and is not a pick', async () => {
    const { conversation, shown, picked } = await atSuggestions();
    const word = wordOnlyIn(shown, 1);
    const reply = await conversation.say(`what time is the ${word} one`);
    expect(reply.text).toContain(answerLine(shown[1], whenText(shown[1].service)));
    expect(reply.text).not.toContain(t('suggestions.added', { names: shown[1].name }));
    expect(reply.text).toContain(t('suggestions.ask'));
    expect(await picked()).toEqual([]);
  });

  it('"how much does it cost" and "where is it" are answered for each one shown', async () => {
    const { conversation, shown, picked } = await atSuggestions();
    let reply = await conversation.say('how much does it cost');
    for (const suggestion of shown) expect(reply.text).toContain(answerLine(suggestion, costText(t, suggestion.service)));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    reply = await conversation.say('where is it?');
    for (const suggestion of shown) expect(reply.text).toContain(answerLine(suggestion, whereText(t, suggestion.service)));
    reply = await conversation.say('is there parking?');
    expect(reply.text).toContain(t('common.serviceAnswer.linkWorker'));
    expect(await picked()).toEqual([]);
  });

  it.each([
    ['the first one', 0],
    ['2nd', 1],
    ['the last one', 2],
  ])('"%s" picks by its place in the list', async (text, index) => {
    const { conversation, shown, picked } = await atSuggestions();
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('suggestions.added', { names: shown[index].name }));
    expect(await picked()).toEqual([shown[index].id]);
  });

  it('(cy) "yr ail un" picks the second', async () => {
    const { conversation, shown, picked } = await atSuggestions('cy');
    const reply = await conversation.say('yr ail un');
    expect(reply.text).toContain(tFor('cy')('suggestions.added', { names: shown[1].name }));
    expect(await picked()).toEqual([shown[1].id]);
  });

  it('a name not on the list that shares one word with a shown one picks nothing; the shown one still can', async () => {
    const { conversation, shown, picked } = await atSuggestions();
    const word = wordOnlyIn(shown, 1);
    let reply = await conversation.say(`mesingham ${word}`);
    expect(reply.text).not.toContain(t('suggestions.added', { names: shown[1].name }));
    expect(await picked()).toEqual([]);
    reply = await conversation.say(`the ${word} one sounds good`);
    expect(reply.text).toContain(t('suggestions.added', { names: shown[1].name }));
  });

  it('"what about the ... one" and "the ... one on tuesday mornings" still pick', async () => {
    const { conversation, shown } = await atSuggestions();
    let reply = await conversation.say(`what about the ${wordOnlyIn(shown, 0)} one`);
    expect(reply.text).toContain(t('suggestions.added', { names: shown[0].name }));
    reply = await conversation.say(`the ${wordOnlyIn(shown, 2)} one on tuesday mornings`);
    expect(reply.text).toContain(t('suggestions.added', { names: shown[2].name }));
  });
});
