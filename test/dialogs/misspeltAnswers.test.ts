/**
 * Answers typed as people with dyslexia or little English type them: respelt words are understood
 * at the choice questions, and junk ("thats all", "yes", an emoji, a phone number) is never kept as
 * a town, a name or the person's own words. "Prefer not to say" skips, as "skip" does.
 */
import { WhatMattersDialog } from '../../dialogs';
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

const en = tFor('en');
const cy = tFor('cy');

async function askOnly(only: string, lang: 'en' | 'cy' = 'en', channelId = 'webchat') {
  const personKey = await consentedPerson(repo, lang, only);
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only }, channelId);
  const opening = await conversation.say('hello');
  return { personKey, conversation, opening };
}

const answers = async (personKey: string) => storedAnswers(database.db, personKey);

describe('"Which town or area do you live in?"', () => {
  it.each(['thats all', "that's all", 'yes', 'mornings', 'weekends', 'any time'])('"%s" is not a town: asked again', async (text) => {
    const { personKey, conversation } = await askOnly('place');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(en('whatMatters.place.badTown'));
    expect(reply.text).toContain(en('whatMatters.place.ask'));
    expect((await answers(personKey)).place).toBeUndefined();
  });

  it.each(['i dont want to say', 'I would prefer not to say', 'dont no'])('"%s" skips the question, as "skip" does', async (text) => {
    const { personKey, conversation } = await askOnly('place');
    await conversation.say(text);
    expect((await answers(personKey)).place).toBeNull();
    expect(conversation.finished).toBe(true);
  });

  it('"near the big tesco" is asked which town that is in, not kept as "the big tesco"', async () => {
    const { personKey, conversation } = await askOnly('place');
    const reply = await conversation.say('near the big tesco');
    expect(reply.text).toContain(en('whatMatters.place.landmark'));
    expect((await answers(personKey)).place).toBeUndefined();
    await conversation.say('Merthyr Tydfil');
    expect((await answers(personKey)).place).toEqual({ kind: 'town', value: 'Merthyr Tydfil' });
  });

  it('a town whose name has a landmark word in it is still a town', async () => {
    const { personKey, conversation } = await askOnly('place');
    await conversation.say('I live in Church Village');
    expect((await answers(personKey)).place).toEqual({ kind: 'town', value: 'Church Village' });
  });

  it('in Welsh, "ger y capel" asks which town, and "dw i ddim eisiau dweud" skips', async () => {
    const landmark = await askOnly('place', 'cy');
    expect((await landmark.conversation.say('ger y capel')).text).toContain(cy('whatMatters.place.landmark'));
    const declined = await askOnly('place', 'cy');
    await declined.conversation.say('dw i ddim eisiau dweud');
    expect((await answers(declined.personKey)).place).toBeNull();
  });
});

describe('"What would you like us to call you?"', () => {
  it.each(['07700900456', 'thats all', '😀', '👍👍'])('"%s" is not a name: asked again, and never said back', async (text) => {
    const { personKey, conversation } = await askOnly('name');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(en('whatMatters.name.notAName'));
    expect((await answers(personKey)).preferredName).toBeUndefined();
  });

  it.each(['i dont want to say', 'prefer not to say', 'no thanks'])('"%s" skips the question', async (text) => {
    const { personKey, conversation } = await askOnly('name');
    await conversation.say(text);
    expect((await answers(personKey)).preferredName).toBeNull();
    expect(conversation.finished).toBe(true);
  });

  it('a name is still kept as typed', async () => {
    const { personKey, conversation } = await askOnly('name');
    await conversation.say('call me Jo');
    expect((await answers(personKey)).preferredName).toBe('Jo');
  });
});

describe('"What do you enjoy?" and "Anything else you enjoy?"', () => {
  it.each(['nuthing', 'non', 'nothin', '💷'])('"%s" ends the question like "nothing", kept as no own words', async (text) => {
    const { personKey, conversation } = await askOnly('interests');
    await conversation.say(text);
    expect(conversation.finished).toBe(true);
    expect((await answers(personKey)).interests).toEqual({ chosen: [] });
  });

  it.each(['nuthing', '💷', 'non', 'nowt', 'thats al'])('after a pick, "%s" to "Anything else you enjoy?" keeps the pick and nothing else', async (text) => {
    const { personKey, conversation } = await askOnly('interests');
    expect((await conversation.say('music')).text).toContain(en('whatMatters.interests.more'));
    await conversation.say(text);
    expect(conversation.finished).toBe(true);
    expect((await answers(personKey)).interests).toEqual({ chosen: ['music'] });
  });

  it('words of their own are still kept', async () => {
    const { personKey, conversation } = await askOnly('interests');
    await conversation.say('bird watching 🐦');
    expect((await answers(personKey)).interests).toEqual({ chosen: [], ownWords: 'bird watching 🐦' });
  });
});

describe('respelt answers at the choice questions are understood', () => {
  it.each([
    ['no munny', ['cost']],
    ['no mony', ['cost']],
    ['cots', ['cost']],
    ['cant get there', ['transport']],
    ['cant get thair', ['transport']],
    ['anxius', ['groupAnxiety']],
    ['nervus', ['groupAnxiety']],
    ['nuthing', ['nothing']],
    ['nothin', ['nothing']],
    ['my english is not good', ['language']],
    ['i dont speak english', ['language']],
    ['dim digon o arian', ['cost']],
  ])('what gets in the way: "%s"', async (text, barriers) => {
    const { personKey, conversation } = await askOnly('barriers');
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(en('common.notUnderstood'));
    expect((await answers(personKey)).barriers).toEqual(barriers);
  });

  it.each([
    ['wekends', 'weekends'],
    ['weakends', 'weekends'],
    ['week ends', 'weekends'],
    ['weekdys', 'weekdays'],
    ['satday', 'weekends'],
    ['munday', 'weekdays'],
    ['enny day', 'any'],
    ['evry day', 'any'],
    ['penwthnos', 'weekends'],
  ])('which days: "%s"', async (text, days) => {
    const { personKey, conversation } = await askOnly('when');
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(en('common.notUnderstood'));
    expect((await answers(personKey)).days).toBe(days);
  });

  it.each([
    ['mornins', ['mornings']],
    ['evnings', ['evenings']],
    ['eveings', ['evenings']],
    ['after noon', ['afternoons']],
    ['nite', ['evenings']],
    ['eny time', ['any']],
    ['after lunch', ['afternoons']],
  ])('what time of day: "%s"', async (text, times) => {
    const { personKey, conversation } = await askOnly('when');
    await conversation.say('weekends');
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(en('common.notUnderstood'));
    expect((await answers(personKey)).times).toEqual(times);
  });

  it.each([
    ['by tex', 'sms'],
    ['tex me', 'sms'],
    ['txt me pls', 'sms'],
    ['fone me', 'phone'],
    ['on here', 'chat'],
    ['fan hyn', 'chat'],
  ])('how to get in touch: "%s"', async (text, method) => {
    const { personKey, conversation } = await askOnly('contact');
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(en('common.notUnderstood'));
    expect((await answers(personKey)).contactMethod).toBe(method);
  });

  it('a mobile number inside a sentence is found: "my numbr is 07700900456"', async () => {
    const { personKey, conversation } = await askOnly('contact');
    await conversation.say('text message');
    const reply = await conversation.say('my numbr is 07700900456');
    expect(reply.text).not.toContain(en('whatMatters.mobile.retry'));
    expect((await answers(personKey)).contactNumber).toBe('+447700900456');
  });
});

describe('a sentence with several things that get in the way', () => {
  it('notes them all, however they are spelt', async () => {
    const { personKey, conversation } = await askOnly('barriers');
    const reply = await conversation.say('the bus dosent come and i havent got much munny and i get nervus with lots of peepul');
    expect((await answers(personKey)).barriers).toEqual(expect.arrayContaining(['transport', 'cost', 'groupAnxiety']));
    for (const barrier of ['cost', 'groupAnxiety']) {
      expect(reply.text.toLowerCase()).toContain(en(`whatMatters.barriers.options.${barrier}.label`).toLowerCase());
    }
  });

  it('"I\'m not worried about money" still names no cost', async () => {
    const { personKey, conversation } = await askOnly('barriers');
    await conversation.say("I'm not worried about money, it's the bus");
    expect((await answers(personKey)).barriers).toEqual(['transport']);
  });
});
