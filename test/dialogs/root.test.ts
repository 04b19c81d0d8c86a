import { RootDialog } from '../../dialogs';
import { privacyUrlIn } from '../../dialogs/consent';
import type { Language } from '../../src/i18n';
import { ServiceDirectory } from '../../src/directory/directory';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, Conversation, LANGUAGES, newPersonKey, storedAnswers, storedReferral, tFor, typed, type Turn } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** A whole conversation as a person would type it, in each language. */
const script: Record<Language, { locale: string; hello: string; language: string; whatMatters: string; days: string; times: string; town: string; contact: string }> = {
  en: {
    locale: 'en-GB',
    hello: 'Hi',
    language: 'English',
    whatMatters: 'I want to meet people and get out of the house more',
    days: 'any day',
    times: 'any time',
    town: 'Cardiff',
    contact: 'in this chat',
  },
  cy: {
    locale: 'cy-GB',
    hello: 'Helo',
    language: 'Cymraeg',
    whatMatters: "Dw i eisiau cwrdd â phobl a mynd allan o'r tŷ yn fwy aml",
    days: 'unrhyw ddiwrnod',
    times: 'unrhyw bryd',
    town: 'Caerdydd',
    contact: 'yn y sgwrs hon',
  },
};

describe.each(LANGUAGES)('the whole conversation (%s)', (lang) => {
  const t = tFor(lang);
  const say = script[lang];

  function converse(personKey: string, options: { restart?: boolean } = {}) {
    return new Conversation(new RootDialog(repo, config, { directory: new ServiceDirectory(database.db), recognizer: new OfflineRecognizer() }), { personKey, ...options });
  }

  /** Sends a message with the person's locale, as Web Chat would. */
  const send = (conversation: Conversation, text: string): Promise<Turn> =>
    conversation.say({ type: 'message', text, locale: say.locale });

  async function upToWhatMatters(personKey: string): Promise<Conversation> {
    const conversation = converse(personKey);
    await send(conversation, say.hello);
    await send(conversation, say.language);
    await send(conversation, typed[lang].consentYes);
    return conversation;
  }

  it('goes from welcome to "what happens next", storing every answer, the consent and the ONS4 scores', async () => {
    const personKey = newPersonKey('journey');
    const conversation = converse(personKey);
    const expectAsked = (turn: Turn, key: string) => expect(turn.text).toContain(t(key));

    let turn = await send(conversation, say.hello);
    expect(turn.text).toContain(t('welcome.intro', { serviceName: config.serviceName }));
    expectAsked(turn, 'welcome.language.ask');

    turn = await send(conversation, say.language);
    expect(turn.text).toContain(t('consent.notice', { serviceName: config.serviceName, privacyUrl: privacyUrlIn(config.privacyUrl, lang), closedDays: config.closedDays }));
    expectAsked(turn, 'consent.ask');

    turn = await send(conversation, typed[lang].consentYes);
    expectAsked(turn, 'whatMatters.whatMatters.ask');
    turn = await send(conversation, say.whatMatters);
    expectAsked(turn, 'whatMatters.interests.ask');
    turn = await send(conversation, '2');
    expectAsked(turn, 'whatMatters.interests.more');
    turn = await send(conversation, typed[lang].done);
    expectAsked(turn, 'whatMatters.barriers.ask');
    turn = await send(conversation, '4');
    expectAsked(turn, 'whatMatters.barriers.more');
    turn = await send(conversation, typed[lang].no);
    expectAsked(turn, 'whatMatters.days.ask');
    turn = await send(conversation, say.days);
    expectAsked(turn, 'whatMatters.times.ask');
    turn = await send(conversation, say.times);
    expectAsked(turn, 'whatMatters.place.ask');
    turn = await send(conversation, say.town);
    expectAsked(turn, 'whatMatters.contact.ask');
    turn = await send(conversation, say.contact);
    expectAsked(turn, 'whatMatters.name.ask');
    turn = await send(conversation, 'Jo');
    expectAsked(turn, 'wellbeing.intro');
    expectAsked(turn, 'wellbeing.lifeSatisfaction.ask');
    for (const score of ['5', '6', '7']) turn = await send(conversation, score);
    turn = await send(conversation, '4');
    expectAsked(turn, 'wellbeing.thanks');
    expectAsked(turn, 'summary.heading');
    expectAsked(turn, 'summary.ask');
    turn = await send(conversation, typed[lang].confirm);
    // This test database's directory is empty: no suggestions, said kindly, then what happens next, last.
    expect(turn.text).toContain(t('suggestions.noneMatch'));
    expect(turn.activities.at(-1)!.text).toContain(t('summary.nextSteps.chat', { days: config.nextStepsDays }));
    expect(conversation.finished).toBe(true);
    expect(conversation.result).toEqual({ outcome: 'ready' });

    const stored = await storedReferral(database.db, personKey);
    expect(stored).toMatchObject({
      personKey,
      lang,
      languageChosen: true,
      status: 'ready',
      answers: {
        whatMatters: say.whatMatters,
        interests: { chosen: ['outdoors'] },
        barriers: ['groupAnxiety'],
        days: 'any',
        times: ['any'],
        place: { kind: 'town', value: say.town },
        contactMethod: 'chat',
        preferredName: 'Jo',
      },
      wellbeing: { lifeSatisfaction: 5, worthwhile: 6, happiness: 7, anxiety: 4 },
    });
    const consent = await database.db.collection(Collections.consents).findOne({ personKey });
    expect(consent).toMatchObject({ answer: 'yes', channel: 'test' });
  });

  it('starts in English and carries on in Welsh once Cymraeg is chosen, and the other way round', async () => {
    const personKey = newPersonKey('switch');
    const conversation = converse(personKey);
    const other: Language = lang === 'en' ? 'cy' : 'en';
    const opening = await conversation.say({ type: 'message', text: 'hi', locale: script[other].locale });
    expect(opening.text).toContain(tFor(other)('welcome.language.ask'));
    const turn = await conversation.say(say.language);
    expect(turn.text).toContain(t('consent.ask'));
    expect((await storedReferral(database.db, personKey))!.lang).toBe(lang);
  });

  it('keeps nothing personal when the person says no to the notice', async () => {
    const personKey = newPersonKey('decline');
    const conversation = converse(personKey);
    await send(conversation, say.hello);
    await send(conversation, say.language);
    const turn = await send(conversation, typed[lang].no);
    expect(turn.text).toContain(t('consent.signposting'));
    // The consent step stays open ("type yes if you change your mind"): the conversation does not end or start over.
    expect(conversation.finished).toBe(false);
    expect(await storedReferral(database.db, personKey)).toBeNull();
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
  });

  it('welcomes a returning person back and carries on where they left off', async () => {
    const personKey = newPersonKey('return');
    const first = await upToWhatMatters(personKey);
    await send(first, say.whatMatters);
    await send(first, '1 and 2');

    // A new conversation: the dialog state is gone, the answers are not.
    const second = converse(personKey);
    let turn = await send(second, say.hello);
    expect(turn.text).toContain(t('root.welcomeBack.ask'));
    expect(turn.buttons).toEqual([t('root.welcomeBack.carryOn.label'), t('root.welcomeBack.startAgain.label')]);
    turn = await send(second, typed[lang].carryOn);
    expect(turn.text).toContain(t('whatMatters.barriers.ask'));
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ interests: { chosen: ['arts', 'outdoors'] } });
  });

  it('greets a returning person by the name they gave', async () => {
    const personKey = newPersonKey('returnNamed');
    await upToWhatMatters(personKey);
    await repo.saveAnswer(personKey, 'preferredName', 'Gwen');
    const turn = await send(converse(personKey), say.hello);
    expect(turn.text).toContain(t('root.welcomeBack.askNamed', { name: 'Gwen' }));
  });

  it('lets a returning person start again, clearing the answers but not the consent', async () => {
    const personKey = newPersonKey('startAgain');
    const first = await upToWhatMatters(personKey);
    await send(first, say.whatMatters);
    const second = converse(personKey);
    await send(second, say.hello);
    const turn = await send(second, typed[lang].startAgain);
    expect(turn.text).toContain(t('root.startingAgain'));
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
    expect((await storedReferral(database.db, personKey))!.consent).toBeDefined();
  });

  it('begins the questions again straight away when started with restart', async () => {
    const personKey = newPersonKey('restartOption');
    const first = await upToWhatMatters(personKey);
    await send(first, say.whatMatters);
    const turn = await send(converse(personKey, { restart: true }), say.hello);
    expect(turn.text).toBe(t('whatMatters.whatMatters.ask'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
  });

  it('tells someone whose answers are already with the team, without asking anything', async () => {
    const personKey = newPersonKey('alreadySent');
    await upToWhatMatters(personKey);
    await repo.markReady(personKey);
    const conversation = converse(personKey);
    const turn = await send(conversation, say.hello);
    expect(turn.text).toBe(t('root.alreadySent', { serviceName: config.serviceName }));
    expect(conversation.result).toEqual({ outcome: 'alreadySent' });
  });

  it('shows the welcome again to someone who left before answering the notice', async () => {
    const personKey = newPersonKey('beforeConsent');
    const first = converse(personKey);
    await send(first, say.hello);
    await send(first, say.language);
    const turn = await send(converse(personKey), say.hello);
    expect(turn.text).toContain(t('welcome.intro', { serviceName: config.serviceName }));
  });
});
