import type { Activity, Attachment } from 'botbuilder';
import { activityText, countSegments } from '../../src/channels/sms';
import { RootDialog, type SuggestionsDeps } from '../../dialogs';
import { ServiceDirectory } from '../../src/directory/directory';
import type { Suggestion } from '../../src/directory/match';
import { profileFromAnswers, profileText } from '../../src/directory/profile';
import { describeReasons } from '../../src/directory/reasons';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import type { Language } from '../../src/i18n';
import { OfflineRecognizer } from '../../src/nlu/offline';
import { ReferralRepository } from '../../src/referrals';
import { BotWorld } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, newPersonKey, storedReferral, tFor, typed, type Turn } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
let directory: ServiceDirectory;
const recognizer = new OfflineRecognizer();
const log: string[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
  expect(await loadSampleDirectoryIfEmpty(database.db, () => undefined)).toBe(true);
  directory = new ServiceDirectory(database.db);
});
afterAll(async () => database.stop());
beforeEach(() => {
  log.length = 0;
});

const WHAT_MATTERS: Record<Language, string> = {
  en: "I've felt lonely since my wife died and I'd like to get out walking and meet people",
  cy: "Dw i wedi bod yn unig ers i fy ngwraig farw a hoffwn i fynd allan i gerdded a chwrdd â phobl",
};

/** A person who has answered everything and is about to see the summary. */
async function answeredPerson(lang: Language, key?: string): Promise<string> {
  const personKey = key ?? (await consentedPerson(repo, lang, 'suggestions'));
  if (key) {
    await repo.getOrCreate(key, 'webchat', lang);
    await repo.setLanguage(key, lang);
    await repo.recordConsent(key, { noticeVersion: 'test', channel: 'webchat', answer: 'yes' });
  }
  await repo.saveAnswer(personKey, 'whatMatters', WHAT_MATTERS[lang]);
  await repo.saveAnswer(personKey, 'interests', { chosen: ['outdoors', 'social'] });
  await repo.saveAnswer(personKey, 'barriers', ['cost']);
  await repo.saveAnswer(personKey, 'days', 'weekdays');
  await repo.saveAnswer(personKey, 'times', ['mornings']);
  await repo.saveAnswer(personKey, 'place', { kind: 'town', value: 'Kestleford' });
  await repo.saveAnswer(personKey, 'contactMethod', 'chat');
  await repo.saveAnswer(personKey, 'preferredName', 'Sam');
  for (const measure of ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const) await repo.saveWellbeing(personKey, measure, 5);
  return personKey;
}

function deps(overrides: Partial<Omit<SuggestionsDeps, 'config'>> = {}): Omit<SuggestionsDeps, 'config'> {
  return { directory, recognizer, log: (line) => log.push(line), ...overrides };
}

/** What the directory ranks for this person, asked directly (the dialog must show exactly these). */
async function expectedFor(personKey: string, lang: Language, exclude: string[] = []): Promise<Suggestion[]> {
  const answers = (await repo.find(personKey))!.answers;
  const extracted = (await recognizer.recognize(profileText(answers), lang)).categories;
  return directory.suggest(profileFromAnswers(answers, lang, extracted), { limit: 3, exclude });
}

/** Back to a stored, fully answered referral: "carry on" reads back the summary; confirming it leads to the suggestions. */
async function upToSuggestions(personKey: string, lang: Language, channelId: string, overrides: Partial<Omit<SuggestionsDeps, 'config'>> = {}) {
  const conversation = new Conversation(new RootDialog(repo, config, deps(overrides)), { personKey }, channelId);
  await conversation.say('hello');
  const summary = await conversation.say(typed[lang].carryOn);
  expect(summary.text).toContain(tFor(lang)('summary.ask'));
  const turn = await conversation.say(typed[lang].confirm);
  return { conversation, turn };
}

const cardsIn = (turn: Turn): Attachment[] => turn.activities.flatMap((a) => a.attachments ?? []);
const cardText = (attachment: Attachment): string => JSON.stringify(attachment.content);
/** The card messages' TextBlocks, unescaped, in order. */
function cardLines(attachment: Attachment): string[] {
  const body = (attachment.content as { body: { text: string }[] }).body;
  return body.map((block) => block.text.replace(/\\(.)/g, '$1'));
}
const lastMessage = (turn: Turn): Partial<Activity> => turn.activities.filter((a) => a.type === 'message').at(-1)!;

async function storedSuggestions(personKey: string): Promise<{ shown: { ids: string[]; at: Date }[]; picked: { id: string; at: Date }[]; noneFitAt?: Date }> {
  const stored = ((await storedReferral(database.db, personKey))?.suggestions ?? {}) as Record<string, never>;
  return { ...stored, shown: stored.shown ?? [], picked: stored.picked ?? [] };
}

describe('activity suggestions after the summary', () => {
  const t = tFor('en');

  it('on web chat: the whole conversation, then three suggestions as Adaptive Cards, and what happens next said last', async () => {
    const personKey = newPersonKey('webchat');
    const conversation = new Conversation(new RootDialog(repo, config, deps()), { personKey }, 'webchat');
    const steps: [string, string][] = [
      ['Hi', 'welcome.language.ask'],
      ['English', 'consent.ask'],
      [typed.en.consentYes, 'whatMatters.whatMatters.ask'],
      [WHAT_MATTERS.en, 'whatMatters.interests.ask'],
      ['2', 'whatMatters.interests.more'],
      [typed.en.done, 'whatMatters.barriers.ask'],
      ['cost', 'whatMatters.barriers.more'],
      [typed.en.no, 'whatMatters.days.ask'],
      ['weekdays', 'whatMatters.times.ask'],
      ['mornings', 'whatMatters.times.more'],
      [typed.en.done, 'whatMatters.place.ask'],
      ['Kestleford', 'whatMatters.contact.ask'],
      ['in this chat', 'whatMatters.name.ask'],
      ['Sam', 'wellbeing.lifeSatisfaction.ask'],
      ['5', 'wellbeing.worthwhile.ask'],
      ['6', 'wellbeing.happiness.ask'],
      ['7', 'wellbeing.anxiety.ask'],
      ['4', 'summary.ask'],
    ];
    for (const [say, asked] of steps) expect((await conversation.say(say)).text).toContain(t(asked));

    const turn = await conversation.say(typed.en.confirm);
    const expected = await expectedFor(personKey, 'en');
    expect(expected).toHaveLength(3);
    const cardMessage = turn.activities.find((a) => (a.attachments ?? []).length > 0)!;
    expect(cardMessage.text).toBe(t('suggestions.intro'));
    expect(cardMessage.attachmentLayout).toBe('list');
    const cards = cardsIn(turn);
    expect(cards.map((c) => c.contentType)).toEqual(Array(3).fill('application/vnd.microsoft.card.adaptive'));
    cards.forEach((card, index) => {
      const lines = cardLines(card);
      expect(lines[0]).toBe(`${index + 1}. ${expected[index].name}`);
      expect(lines[1]).toBe(describeReasons(expected[index].reasons, t).join(' · '));
      expect(cardText(card)).toContain(expected[index].id);
    });
    // The question comes after the cards, with its ways out as buttons; nothing about "next" yet.
    expect(lastMessage(turn).text).toContain(t('suggestions.ask'));
    expect(turn.buttons).toEqual([
      t('suggestions.choices.more.label'),
      t('suggestions.choices.none.label'),
      t('suggestions.choices.person.label'),
      t('suggestions.choices.skip.label'),
    ]);
    expect(turn.text).not.toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(await storedReferral(database.db, personKey)).toMatchObject({ status: 'ready' });
    expect((await storedSuggestions(personKey)).shown).toEqual([{ ids: expected.map((s) => s.id), at: expect.any(Date) }]);

    const end = await conversation.say(typed.en.skip);
    expect(lastMessage(end).text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(conversation.finished).toBe(true);
    expect(conversation.result).toEqual({ outcome: 'ready' });
    expect((await storedSuggestions(personKey)).picked).toEqual([]);
  });

  it('a card\'s "Choose this" (name as text, id as value) adds that activity to the referral', async () => {
    const personKey = await answeredPerson('en');
    const { conversation, turn } = await upToSuggestions(personKey, 'en', 'webchat');
    const second = cardsIn(turn)[1];
    const action = (second.content as { actions: { type: string; data: { cardAction: { text: string; value: unknown } } }[] }).actions.find(
      (a) => a.type === 'Action.Submit',
    )!;
    const reply = await conversation.say({ type: 'message', text: action.data.cardAction.text, value: action.data.cardAction.value });
    const expected = await expectedFor(personKey, 'en');
    expect(reply.text).toContain(t('suggestions.added', { names: expected[1].name }));
    expect((await storedSuggestions(personKey)).picked).toEqual([{ id: expected[1].id, at: expect.any(Date) }]);
    expect(lastMessage(reply).text).toContain(t('suggestions.askAnother'));
    expect(reply.buttons).toEqual([t('suggestions.choices.more.label'), t('suggestions.choices.done.label'), t('suggestions.choices.person.label')]);
  });

  it('on a text-only channel: numbered lines with reasons, the choices as words; picks by number are stored', async () => {
    const personKey = await answeredPerson('en');
    const { conversation, turn } = await upToSuggestions(personKey, 'en', 'sms');
    const expected = await expectedFor(personKey, 'en');
    expect(cardsIn(turn)).toEqual([]);
    expect(turn.activities.every((a) => !a.suggestedActions)).toBe(true);
    const lines = turn.text.split('\n');
    expect(lines).toContain(t('suggestions.introSms'));
    // By SMS only the practical reasons: "you said..." would text back what the person told us.
    expected.forEach((s, index) => {
      const practical = describeReasons(s.reasons.filter((r) => r.kind !== 'category'), t);
      expect(lines).toContain(`${index + 1}. ${s.name}: ${practical.join(' · ')}`);
    });
    const toldUs = expected.flatMap((s) => describeReasons(s.reasons.filter((r) => r.kind === 'category'), t));
    expect(toldUs.length).toBeGreaterThan(0);
    for (const reason of toldUs) expect(turn.text).not.toContain(reason);
    expect(turn.text).not.toMatch(/You said|You mentioned|You told me/);
    // The list fits 2 GSM-7 parts as the phone gets it.
    const list = turn.activities.find((a) => a.text?.startsWith(t('suggestions.introSms')))!;
    expect(countSegments(activityText(list))).toMatchObject({ encoding: 'GSM-7', segments: expect.any(Number) });
    expect(countSegments(activityText(list)).segments).toBeLessThanOrEqual(2);
    expect(turn.text).toContain('Reply 1, 2 or 3 to choose. Or reply MORE, NONE or PERSON.');

    let reply = await conversation.say('2');
    expect(reply.text).toContain(t('suggestions.added', { names: expected[1].name }));
    expect(reply.text).toContain(t('suggestions.askAnother'));
    expect(reply.text).toContain('Reply 1, 2 or 3 to choose another. Or reply MORE, DONE or PERSON.');
    reply = await conversation.say('1 and 3');
    expect(reply.text).toContain(t('suggestions.added', { names: `${expected[0].name} and ${expected[2].name}` }));
    const stored = await storedSuggestions(personKey);
    expect(stored.picked.map((p) => p.id)).toEqual([expected[1].id, expected[0].id, expected[2].id]);
    expect(stored.noneFitAt).toBeUndefined();

    reply = await conversation.say('done');
    expect(reply.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(conversation.finished).toBe(true);
  });

  it('picks by the name as typed, and a number not on the list is not a pick', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    const expected = await expectedFor(personKey, 'en');
    let reply = await conversation.say('7');
    expect(reply.text).toContain(t('suggestions.whichOne'));
    expect((await storedSuggestions(personKey)).picked).toEqual([]);
    reply = await conversation.say('yes please');
    expect(reply.text).toContain(t('suggestions.whichOne'));
    reply = await conversation.say('I like the look of them');
    expect(reply.text).toContain(t('common.notUnderstood'));
    expect((await storedSuggestions(personKey)).picked).toEqual([]);
    reply = await conversation.say(expected[2].name.toUpperCase());
    expect(reply.text).toContain(t('suggestions.added', { names: expected[2].name }));
    expect((await storedSuggestions(personKey)).picked.map((p) => p.id)).toEqual([expected[2].id]);
  });

  it('picks by a word only one of the names has, but not when the person says no', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    const expected = await expectedFor(personKey, 'en');
    const words = (name: string) => name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5);
    const others = new Set([...words(expected[0].name), ...words(expected[2].name)]);
    const word = words(expected[1].name).find((w) => !others.has(w) && !['group', 'groups', 'support', 'kestleford', 'session'].includes(w));
    expect(word).toBeDefined();
    let reply = await conversation.say(`not the ${word} one`);
    expect(reply.text).toContain(t('common.notUnderstood'));
    reply = await conversation.say(`the ${word} one please`);
    expect(reply.text).toContain(t('suggestions.added', { names: expected[1].name }));
    expect((await storedSuggestions(personKey)).picked.map((p) => p.id)).toEqual([expected[1].id]);
  });

  it('"Show me more" shows three different ones; when there are no more it says so and still takes a pick', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    const first = await expectedFor(personKey, 'en');
    const reply = await conversation.say('more');
    const second = await expectedFor(personKey, 'en', first.map((s) => s.id));
    expect(second).toHaveLength(3);
    expect(second.map((s) => s.id).filter((id) => first.some((s) => s.id === id))).toEqual([]);
    expect(reply.text).toContain(t('suggestions.introMore'));
    second.forEach((s, index) => expect(reply.text).toContain(`${index + 1}. ${s.name}`));
    for (const s of first) expect(reply.text).not.toContain(s.name);
    expect((await storedSuggestions(personKey)).shown.map((b) => b.ids)).toEqual([first.map((s) => s.id), second.map((s) => s.id)]);

    // Numbers now mean the new list.
    const pick = await conversation.say('1');
    expect(pick.text).toContain(t('suggestions.added', { names: second[0].name }));
    expect((await storedSuggestions(personKey)).picked.map((p) => p.id)).toEqual([second[0].id]);
    // A card further up (the first list) can still be chosen.
    const earlier = await conversation.say({ type: 'message', text: first[1].name, value: { frontDoorSuggestion: first[1].id } });
    expect(earlier.text).toContain(t('suggestions.added', { names: first[1].name }));
    expect((await storedSuggestions(personKey)).picked.map((p) => p.id)).toEqual([second[0].id, first[1].id]);
  });

  it('after "more", a word from a name shown before still picks it ("the bike one"), and a plural s does not matter', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    const first = await expectedFor(personKey, 'en');
    await conversation.say('more');
    const second = await expectedFor(personKey, 'en', first.map((s) => s.id));
    const words = (name: string) => name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5 && !w.endsWith('s'));
    const elsewhere = new Set([...first, ...second].filter((s) => s.id !== first[0].id).flatMap((s) => words(s.name).flatMap((w) => [w, `${w}s`])));
    const word = words(first[0].name).find((w) => !elsewhere.has(w) && !['group', 'support', 'kestleford', 'session'].includes(w));
    expect(word).toBeDefined();
    const reply = await conversation.say(`the ${word}s one`);
    expect(reply.text).toContain(t('suggestions.added', { names: first[0].name }));
    expect((await storedSuggestions(personKey)).picked.map((p) => p.id)).toEqual([first[0].id]);
  });

  it('says kindly when there are no more to show', async () => {
    const personKey = await answeredPerson('en');
    // A directory that has only the first three to give (the real one, with everything else already shown).
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms', {
      directory: { suggest: async (profile, options) => (options?.exclude?.length ? [] : directory.suggest(profile, options)) },
    });
    const reply = await conversation.say('more');
    expect(reply.text).toContain(t('suggestions.noMore'));
    expect(reply.text).toContain(t('suggestions.ask'));
    expect(reply.text).not.toContain('MORE');
    expect((await storedSuggestions(personKey)).shown).toHaveLength(1);
  });

  it('"None of these" is recorded, then what happens next', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'webchat');
    const reply = await conversation.say(t('suggestions.choices.none.label'));
    expect(reply.text).toContain(t('suggestions.noneFitThanks'));
    expect(lastMessage(reply).text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    const stored = await storedSuggestions(personKey);
    expect(stored.noneFitAt).toBeInstanceOf(Date);
    expect(stored.picked).toEqual([]);
    expect(conversation.finished).toBe(true);
  });

  it('"Talk to a person" records the request and says someone will be in touch', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    expect((await storedReferral(database.db, personKey))!.humanRequestedAt).toBeUndefined();
    const reply = await conversation.say('PERSON');
    expect(reply.text).toContain(t('suggestions.personDone', { serviceName: config.serviceName }));
    expect(reply.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect((await storedReferral(database.db, personKey))!.humanRequestedAt).toBeInstanceOf(Date);
    expect(conversation.finished).toBe(true);
  });

  it('a directory that fails does not stop the conversation, and the log holds nothing the person wrote', async () => {
    const personKey = await answeredPerson('en');
    const failing = { suggest: () => Promise.reject(new Error(`lost connection while ranking for "${WHAT_MATTERS.en}"`)) };
    const { conversation, turn } = await upToSuggestions(personKey, 'en', 'webchat', { directory: failing });
    expect(turn.text).toContain(t('suggestions.unavailable'));
    expect(lastMessage(turn).text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(conversation.finished).toBe(true);
    expect(await storedReferral(database.db, personKey)).toMatchObject({ status: 'ready' });
    expect(log).toHaveLength(1);
    expect(log[0]).not.toMatch(/lonely|walking|wife/);
  });

  it('a directory with nothing that fits says so and goes on', async () => {
    const personKey = await answeredPerson('en');
    // The same embedded server, a database with no services: the real directory, empty.
    const empty = new ServiceDirectory(database.client.db(`${database.db.databaseName}_empty`));
    const { conversation, turn } = await upToSuggestions(personKey, 'en', 'sms', { directory: empty });
    expect(turn.text).toContain(t('suggestions.noneMatch'));
    expect(turn.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(conversation.finished).toBe(true);
  });

  it('start again clears the suggestions with the answers', async () => {
    const personKey = await answeredPerson('en');
    const { conversation } = await upToSuggestions(personKey, 'en', 'sms');
    await conversation.say('1');
    await conversation.say(typed.en.done);
    expect((await storedSuggestions(personKey)).picked).toHaveLength(1);
    await repo.resetAnswers(personKey);
    const referral = await repo.find(personKey);
    expect(referral!.suggestions).toEqual({ shown: [], picked: [] });
    expect((await storedReferral(database.db, personKey))!.suggestions).toBeUndefined();
  });
});

describe.each(LANGUAGES)('suggestions in %s', (lang) => {
  const t = tFor(lang);

  it('speaks the person\'s language, reasons included (a channel with neither cards nor SMS)', async () => {
    const personKey = await answeredPerson(lang);
    const { conversation, turn } = await upToSuggestions(personKey, lang, 'test');
    const expected = await expectedFor(personKey, lang);
    expect(expected).toHaveLength(3);
    expect(turn.text).toContain(t('suggestions.intro'));
    for (const [index, s] of expected.entries()) {
      const reasons = describeReasons(s.reasons, t);
      expect(reasons.length).toBeGreaterThan(0);
      expect(turn.text).toContain(`${index + 1}. ${s.name}: ${reasons.join(' · ')}`);
    }
    if (lang === 'cy') {
      // Not the English reasons: the Welsh ones.
      const english = expected.flatMap((s) => describeReasons(s.reasons, tFor('en')));
      for (const reason of english) expect(turn.text).not.toContain(reason);
    }
    const reply = await conversation.say(lang === 'cy' ? 'dau' : 'two');
    expect(reply.text).toContain(t('suggestions.added', { names: expected[1].name }));
    const end = await conversation.say(typed[lang].done);
    expect(end.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
  });
});

describe('suggestions through the whole turn pipeline', () => {
  const t = tFor('en');

  it('a card button passes the pipeline as the name with the id, and "talk to a person" answers the question rather than being a command', async () => {
    const world = await BotWorld.create(database.db);
    const person = world.person({ channelId: 'webchat' });
    await answeredPerson('en', person.personKey);
    await person.say('hello');
    await person.say(typed.en.carryOn);
    const shown = await person.say(typed.en.confirm);
    const expected = await expectedFor(person.personKey, 'en');
    const cards = shown.messages.flatMap((m) => m.attachments ?? []);
    expect(cards).toHaveLength(3);

    const choose = (cards[2].content as { actions: { data: { cardAction: { text: string; value: unknown } } }[] }).actions[0].data.cardAction;
    let turn = await person.say({ type: 'message', text: choose.text, value: choose.value });
    expect(turn.text).toContain(t('suggestions.added', { names: expected[2].name }));

    turn = await person.say('talk to a person');
    expect(turn.text).toContain(t('suggestions.personDone', { serviceName: config.serviceName }));
    expect(turn.text).not.toContain(t('commands.human.done', { serviceName: config.serviceName }));
    expect(turn.messages.at(-1)!.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    const stored = await person.referral();
    expect(stored!.humanRequestedAt).toBeInstanceOf(Date);
    expect((stored!.suggestions as { picked: { id: string }[] }).picked.map((p) => p.id)).toEqual([expected[2].id]);
  });
});
