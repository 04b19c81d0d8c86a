import { ConsentDialog, SummaryDialog, WelcomeDialog, WhatMattersDialog } from '../../dialogs';
import type { Language } from '../../src/i18n';
import { recogniseCommand } from '../../src/nlu/commands';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, newPersonKey, storedAnswers, storedReferral, tFor } from './support';

/** Natural northern and southern Welsh answers, as a Welsh-speaking tester typed them. */

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const cy = tFor('cy');
const en = tFor('en');

describe('"Ydy hi\'n iawn i ni gadw eich atebion?" answered in northern or southern Welsh', () => {
  async function atConsent() {
    const personKey = newPersonKey('cy-consent');
    await repo.getOrCreate(personKey, 'sms', 'cy');
    await repo.setLanguage(personKey, 'cy');
    const conversation = new Conversation(new ConsentDialog(repo, config), { personKey }, 'sms');
    await conversation.say('helo');
    return conversation;
  }

  it.each(['ia', 'ia iawn', 'ia plis', 'Ia, plis', 'yndy', 'yndi', 'odw', 'ydy plis', 'Iawn siŵr'])('"%s" is yes', async (answer) => {
    const conversation = await atConsent();
    const reply = await conversation.say(answer);
    expect(reply.text).toContain(cy('consent.thanks'));
    expect(conversation.result).toEqual({ consented: true });
  });

  it.each(['naci', 'nag ydw', 'sai moyn', 'na dim diolch'])('"%s" is no', async (answer) => {
    const conversation = await atConsent();
    const reply = await conversation.say(answer);
    expect(reply.text).toContain(cy('consent.declined'));
    expect(reply.text).not.toContain(cy('common.notUnderstood'));
  });
});

describe('"Sut hoffech chi i weithiwr cyswllt gysylltu â chi?" answered in words', () => {
  it.each(['ffonio fi', 'ia ffonia fi', 'ffoniwch fi plis', 'rho alwad i fi'])('"%s" is a phone call, and the number is asked for', async (answer) => {
    const personKey = await consentedPerson(repo, 'cy', 'cy-contact');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'contact' });
    await conversation.say('helo');
    const reply = await conversation.say(answer);
    expect((await storedAnswers(database.db, personKey)).contactMethod).toBe('phone');
    expect(reply.text).toContain(cy('whatMatters.phone.ask'));
  });
});

describe('"What number should we call you on?" answered "this number"', () => {
  async function atPhoneQuestion(lang: Language, channelId: string) {
    const personKey = newPersonKey('this-number');
    await repo.getOrCreate(personKey, channelId, lang);
    await repo.setLanguage(personKey, lang);
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'contact' }, channelId);
    await conversation.say('hello');
    await conversation.say(lang === 'cy' ? 'ffonio fi' : 'call me');
    return { personKey, conversation };
  }

  it.each([
    ['cy', 'sms', 'ar y rhif yma'],
    ['cy', 'sms', 'Y rhif yma plis'],
    ['en', 'sms', 'this number'],
    ['en', 'sms', 'this number please'],
  ] as const)('(%s, by %s) "%s" is asked kindly to type it, saying why', async (lang, channelId, answer) => {
    const t = tFor(lang);
    const { personKey, conversation } = await atPhoneQuestion(lang, channelId);
    const reply = await conversation.say(answer);
    expect(reply.text).toContain(t('whatMatters.phone.typeTheNumberSms'));
    expect(reply.text).not.toContain(t('whatMatters.phone.retry'));
    expect((await storedAnswers(database.db, personKey)).contactNumber).toBeUndefined();
    // Typed, the number is taken.
    await conversation.say('07700 900201');
    expect((await storedAnswers(database.db, personKey)).contactNumber).toBe('+447700900201');
  });

  it.each([
    ['cy', 'y rhif hwn'],
    ['en', 'same number'],
  ] as const)('(%s, in the web chat) "%s" is asked for the number, not told it is not a UK number', async (lang, answer) => {
    const t = tFor(lang);
    const { conversation } = await atPhoneQuestion(lang, 'webchat');
    const reply = await conversation.say(answer);
    expect(reply.text).toContain(t('whatMatters.phone.typeTheNumber'));
    expect(reply.text).not.toContain(t('whatMatters.phone.retry'));
  });
});

describe('"Is this right?" answered by naming the part to change', () => {
  async function atSummary(lang: Language) {
    const personKey = await consentedPerson(repo, lang, 'change-part');
    await repo.saveAnswer(personKey, 'whatMatters', 'Cwrdd â phobl');
    await repo.saveAnswer(personKey, 'contactMethod', 'chat');
    await repo.saveAnswer(personKey, 'preferredName', 'Dafydd');
    const conversation = new Conversation(new SummaryDialog(repo, config), { personKey });
    await conversation.say('helo');
    return conversation;
  }

  it.each([
    ['cy', "dwi isio newid be sy'n bwysig", 'whatMatters.whatMatters.ask'],
    ['cy', "newid beth sy'n bwysig i fi", 'whatMatters.whatMatters.ask'],
    ['cy', 'dwi isio newid fy enw', 'whatMatters.name.ask'],
    ['en', 'I want to change what matters', 'whatMatters.whatMatters.ask'],
    ['en', 'can I change my name', 'whatMatters.name.ask'],
  ] as const)('(%s) "%s" asks that part again, without "which part?"', async (lang, answer, questionKey) => {
    const t = tFor(lang);
    const conversation = await atSummary(lang);
    const reply = await conversation.say(answer);
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).not.toContain(t('summary.whichPart'));
    expect(reply.text).toContain(t(questionKey));
  });

  it('(cy) "naci" is a change, and asks which part', async () => {
    const conversation = await atSummary('cy');
    const reply = await conversation.say('naci');
    expect(reply.text).toContain(cy('summary.whichPart'));
  });
});

describe('the welcome, to someone who writes in Welsh', () => {
  async function welcomed(first: string, channelId = 'sms') {
    const personKey = newPersonKey('cy-welcome');
    await repo.getOrCreate(personKey, channelId, 'en');
    const conversation = new Conversation(new WelcomeDialog(repo, config), { personKey }, channelId);
    const opening = await conversation.say(first);
    return { personKey, conversation, opening };
  }

  it.each(['shwmae', "Su'mae", 'Bore da', 'dwi isio cwrdd â phobl'])('opening with "%s" is welcomed in Welsh, then asked the language in both', async (first) => {
    const { opening } = await welcomed(first);
    expect(opening.text).toContain(cy('welcome.intro', { serviceName: config.serviceName }));
    expect(opening.text).not.toContain(en('welcome.intro', { serviceName: config.serviceName }));
    expect(opening.text).toContain(cy('welcome.language.ask'));
  });

  it('opening with a Welsh command ("siarad â pherson") is welcomed as before: the command was answered in that language', async () => {
    const { opening } = await welcomed('siarad â pherson');
    expect(opening.text).toContain(en('welcome.intro', { serviceName: config.serviceName }));
  });

  it('opening with "Helo" alone (how many English speakers spell it too) is welcomed as before', async () => {
    const { opening } = await welcomed('Helo');
    expect(opening.text).toContain(en('welcome.intro', { serviceName: config.serviceName }));
  });

  it.each(['helo', 'shwmae', 'ia', 'ydy', 'iawn diolch', "dwi isio siarad efo pobl, dwi'n unig rŵan", "moyn cwrdd â phobol newydd nawr"])(
    'at "Which language?", "%s" chooses Cymraeg',
    async (answer) => {
      const { personKey, conversation } = await welcomed('Helo');
      const reply = await conversation.say(answer);
      expect(reply.text).not.toContain(en('common.notUnderstood'));
      expect(conversation.result).toEqual({ language: 'cy' });
      expect(await storedReferral(database.db, personKey)).toMatchObject({ lang: 'cy', languageChosen: true });
    },
  );

  it.each(['I want to talk, dwi isio siarad', 'bonjour', 'what is this'])('at "Which language?", "%s" is not guessed at: asked again in both languages', async (answer) => {
    const { conversation } = await welcomed('Helo');
    const reply = await conversation.say(answer);
    expect(conversation.finished).toBe(false);
    expect(reply.text).toContain(en('welcome.language.notUnderstood'));
    expect(reply.text).toContain("Mae'n ddrwg gen i");
    expect(reply.text).toContain('Sorry');
    expect(reply.text).toContain(en('welcome.language.ask'));
  });

  it('stuck at "Which language?", the way forward is in both languages (and is a command in both)', async () => {
    expect(recogniseCommand('PERSON', 'en')?.name).toBe('human');
    expect(recogniseCommand('PERSON', 'cy')?.name).toBe('human');
    const { conversation } = await welcomed('Helo');
    let reply = await conversation.say('bonjour');
    // From the second miss on: not English or Welsh, so the offer of a person with an interpreter, in both.
    for (let i = 0; i < 3; i++) reply = await conversation.say('bonjour');
    expect(reply.text).toContain(en('welcome.language.onlyEnglishOrWelsh'));
    expect(reply.text).toContain('I can only chat in English or Welsh');
    expect(reply.text).toContain('Dim ond yn Saesneg neu Gymraeg');
    expect(reply.text).toContain('PERSON');
  });
});

describe('the way out says words that work in its own language', () => {
  it.each(['en', 'cy'] as const)('(%s) every quoted word in "You can type help or stop" is a command', (lang) => {
    const line = tFor(lang)('common.wayOut');
    const quoted = [...line.matchAll(/“([^”]+)”/g)].map((match) => match[1]);
    expect(quoted).toHaveLength(2);
    expect(quoted.map((word) => recogniseCommand(word, lang)?.name)).toEqual(['help', 'stop']);
  });

  it('(cy) offers the Welsh word for stop, not the English one', () => {
    expect(cy('common.wayOut')).toContain('“stopio”');
  });

  it.each(['en', 'cy'] as const)('(%s) "Stuck? Reply talk to a person" quotes what to type, and it is a command', (lang) => {
    const line = tFor(lang)('faq.stuck.personSms');
    const quoted = /“([^”]+)”/.exec(line)?.[1];
    expect(quoted && recogniseCommand(quoted, lang)?.name).toBe('human');
  });
});
