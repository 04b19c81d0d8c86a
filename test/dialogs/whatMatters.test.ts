import { WhatMattersDialog } from '../../dialogs';
import { preferSmsVariants } from '../../dialogs/render';
import { activityText, countSegments } from '../../src/channels/sms';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, LANGUAGES, storedAnswers, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** What a person types in each language for the walk through every question. */
const answers = {
  en: {
    whatMatters: 'Lonely',
    more: "Since my wife died I don't see anyone from one week to the next",
    secondInterest: 'gardening',
    barriers: 'cost and transport',
    days: 'weekends',
    times: 'mornings and afternoons',
    contact: 'text message',
  },
  cy: {
    whatMatters: 'Unig iawn',
    more: "Ers i fy ngwraig farw, dydw i ddim yn gweld neb o un wythnos i'r llall",
    secondInterest: 'garddio',
    barriers: 'cost a thrafnidiaeth',
    days: 'penwythnosau',
    times: 'boreau a phrynhawniau',
    contact: 'neges destun',
  },
};

describe.each(LANGUAGES)('what matters (%s)', (lang) => {
  const t = tFor(lang);
  const say = answers[lang];

  async function start(options: { only?: string; channelId?: string } = {}, personKey?: string) {
    const key = personKey ?? (await consentedPerson(repo, lang, 'whatMatters'));
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey: key, only: options.only }, options.channelId);
    const opening = await conversation.say('hello');
    return { personKey: key, conversation, opening };
  }

  it('asks every question in turn and stores each answer the moment it is given', async () => {
    const { personKey, conversation, opening } = await start();
    const stored = () => storedAnswers(database.db, personKey);
    expect(opening.text).toBe(t('whatMatters.whatMatters.ask'));

    let reply = await conversation.say(say.whatMatters);
    expect(await stored()).toEqual({ whatMatters: say.whatMatters });
    expect(reply.text).toBe(t('whatMatters.whatMattersMore.ask') + '\n' + t('common.orSkip'));

    reply = await conversation.say(say.more);
    expect((await stored()).whatMattersMore).toBe(say.more);
    expect(reply.text).toContain(t('whatMatters.interests.ask'));
    expect(reply.buttons).toContain(t('whatMatters.interests.options.arts.label'));

    // One tap on a button: stored straight away, then "Anything else?"
    reply = await conversation.say(t('whatMatters.interests.options.arts.label'));
    expect((await stored()).interests).toEqual({ chosen: ['arts'] });
    expect(reply.text).toContain(t('whatMatters.interests.more'));
    expect(reply.buttons).not.toContain(t('whatMatters.interests.options.arts.label'));
    expect(reply.buttons.at(-1)).toBe(t('common.choices.done.label'));

    reply = await conversation.say(say.secondInterest);
    expect((await stored()).interests).toEqual({ chosen: ['arts', 'gardening'] });
    expect(reply.text).toContain(t('whatMatters.interests.more'));

    reply = await conversation.say(typed[lang].done);
    expect(reply.text).toContain(t('whatMatters.barriers.ask'));

    reply = await conversation.say(say.barriers);
    expect((await stored()).barriers).toEqual(['cost', 'transport']);
    expect(reply.text).toContain(t('whatMatters.days.ask'));

    reply = await conversation.say(say.days);
    expect((await stored()).days).toBe('weekends');
    expect(reply.text).toContain(t('whatMatters.times.ask'));

    reply = await conversation.say(say.times);
    expect((await stored()).times).toEqual(['mornings', 'afternoons']);
    expect(reply.text).toContain(t('whatMatters.place.ask'));

    reply = await conversation.say('ZZ9 99');
    expect(reply.text).toContain(t('whatMatters.place.badPostcode'));
    expect((await stored()).place).toBeUndefined();

    reply = await conversation.say('cf10 1aa');
    // Only the postcode district is kept.
    expect((await stored()).place).toEqual({ kind: 'postcodeDistrict', value: 'CF10' });
    expect(reply.text).toContain(t('whatMatters.contact.ask'));

    reply = await conversation.say(say.contact);
    expect((await stored()).contactMethod).toBe('sms');
    expect(reply.text).toContain(t('whatMatters.mobile.ask'));

    reply = await conversation.say('01234 567890');
    expect(reply.text).toContain(t('whatMatters.mobile.retry'));
    expect((await stored()).contactNumber).toBeUndefined();

    reply = await conversation.say('07700 900123');
    expect((await stored()).contactNumber).toBe('+447700900123');
    expect(reply.text).toContain(t('whatMatters.name.ask'));

    await conversation.say('Sam');
    expect(conversation.finished).toBe(true);
    expect(await stored()).toEqual({
      whatMatters: say.whatMatters,
      whatMattersMore: say.more,
      interests: { chosen: ['arts', 'gardening'] },
      barriers: ['cost', 'transport'],
      days: 'weekends',
      times: ['mornings', 'afternoons'],
      place: { kind: 'postcodeDistrict', value: 'CF10' },
      contactMethod: 'sms',
      contactNumber: '+447700900123',
      preferredName: 'Sam',
    });
  });

  it('does not ask for more when the first answer says enough', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say(say.more);
    expect(reply.text).toContain(t('whatMatters.interests.ask'));
    expect((await storedAnswers(database.db, personKey)).whatMattersMore).toBeUndefined();
  });

  it('keeps interests in the person\'s own words when they are not on the list', async () => {
    const personKey = await consentedPerson(repo, lang, 'ownWords');
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    const { conversation } = await start({}, personKey);
    const ownWords = lang === 'en' ? 'Fixing old bikes with my grandson' : 'Trwsio hen feiciau gyda fy ŵyr';
    const reply = await conversation.say(ownWords);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [], ownWords });
    expect(reply.text).toContain(t('whatMatters.barriers.ask'));
  });

  it('takes several numbers at once, and "nothing" on its own', async () => {
    const personKey = await consentedPerson(repo, lang, 'numbers');
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    const { conversation } = await start({}, personKey);
    await conversation.say('1, 3 and 5');
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['arts', 'gardening', 'exercise'] });
    const reply = await conversation.say(t('whatMatters.barriers.options.nothing.label'));
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['nothing']);
    expect(reply.text).toContain(t('whatMatters.days.ask'));
  });

  it('carries on at the first unanswered question', async () => {
    const personKey = await consentedPerson(repo, lang, 'resume');
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music'] });
    await repo.saveAnswer(personKey, 'barriers', ['caring']);
    await repo.saveAnswer(personKey, 'days', 'any');
    await repo.saveAnswer(personKey, 'times', ['evenings']);
    const { opening } = await start({}, personKey);
    expect(opening.text).toContain(t('whatMatters.place.ask'));
  });

  it('accepts "skip" for the optional questions and stores that they were skipped', async () => {
    const personKey = await consentedPerson(repo, lang, 'skip');
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music'] });
    await repo.saveAnswer(personKey, 'barriers', ['caring']);
    await repo.saveAnswer(personKey, 'days', 'any');
    await repo.saveAnswer(personKey, 'times', ['evenings']);
    const { conversation, opening } = await start({}, personKey);
    expect(opening.buttons).toEqual([t('common.choices.skip.label')]);
    await conversation.say(typed[lang].skip);
    await conversation.say(t('whatMatters.contact.options.chat.label'));
    await conversation.say(typed[lang].skip);
    expect(conversation.finished).toBe(true);
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ place: null, contactMethod: 'chat', preferredName: null });
  });

  it('stores a town as typed', async () => {
    const personKey = await consentedPerson(repo, lang, 'town');
    for (const [field, value] of [
      ['whatMatters', say.more],
      ['interests', { chosen: ['music'] }],
      ['barriers', ['caring']],
      ['days', 'any'],
      ['times', ['evenings']],
    ] as const) {
      await repo.saveAnswer(personKey, field, value as never);
    }
    const { conversation } = await start({}, personKey);
    await conversation.say('Ystradgynlais');
    expect((await storedAnswers(database.db, personKey)).place).toEqual({ kind: 'town', value: 'Ystradgynlais' });
  });

  it('takes the word for "nothing" as the answer to "what gets in the way", and to "anything else?"', async () => {
    const none = { en: 'none', cy: 'dim' }[lang];
    const personKey = await consentedPerson(repo, lang, 'none');
    const { conversation } = await start({ only: 'interests' }, personKey);
    await conversation.say(t('whatMatters.interests.options.arts.label'));
    await conversation.say(none);
    expect(conversation.finished).toBe(true);
    // "dim" is also Welsh for 0: it must end the list, not be kept as the person's own words.
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['arts'] });

    const barriers = await start({ only: 'barriers' }, personKey);
    expect(barriers.opening.text).toContain(t('whatMatters.barriers.ask'));
    await barriers.conversation.say(none);
    expect(barriers.conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['nothing']);
  });

  it('does not take a bare "ok" or "thanks" as what matters: the question stays, kindly', async () => {
    const ack = { en: 'ok thanks', cy: 'iawn diolch' }[lang];
    const { personKey, conversation } = await start();
    const reply = await conversation.say(ack);
    expect(reply.text).toContain(t('whatMatters.whatMatters.stillAsking'));
    expect(reply.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
    await conversation.say(say.more);
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBe(say.more);
  });

  it('takes "nothing" to what you enjoy as no interests, not as the person\'s own words', async () => {
    const none = { en: 'nothing', cy: 'dim' }[lang];
    const personKey = await consentedPerson(repo, lang, 'no-interests');
    const { conversation } = await start({ only: 'interests' }, personKey);
    await conversation.say(none);
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [] });
  });

  const doneWords = {
    en: ['yes thats it', "yes that's it", "that's it", "that's everything", "no that's all", 'Yes, send it'],
    cy: ['ie dyna fe', "dyna'r cyfan", 'dyna bopeth', 'Ydy, anfonwch e'],
  }[lang];
  it.each(doneWords)('at "Anything else you enjoy?", "%s" means done: not kept as an interest', async (words) => {
    const personKey = await consentedPerson(repo, lang, 'interests-done');
    const { conversation } = await start({ only: 'interests' }, personKey);
    const reply = await conversation.say(t('whatMatters.interests.options.gardening.label'));
    expect(reply.text).toContain(t('whatMatters.interests.more'));
    await conversation.say(words);
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['gardening'] });
  });

  const everyday = {
    en: { days: ['weekdays and mornings', 'weekends only', 'just weekends'], times: ['mornings only', 'just mornings', 'only mornings'] },
    cy: { days: ['dyddiau gwaith a boreau', 'penwythnosau yn unig', 'dim ond penwythnosau'], times: ['boreau yn unig', 'dim ond boreau', 'jyst boreau'] },
  }[lang];
  it.each(everyday.days.map((days, i) => [days, everyday.times[i]]))(
    'at "When suits you?", takes everyday answers: "%s" to the days, "%s" to the times',
    async (days, times) => {
      const personKey = await consentedPerson(repo, lang, 'everyday-when');
      const { conversation } = await start({ only: 'when' }, personKey);
      let reply = await conversation.say(days);
      expect(reply.text).not.toContain(t('common.notUnderstood'));
      expect(reply.text).toContain(t('whatMatters.times.ask'));
      reply = await conversation.say(times);
      expect(reply.text).not.toContain(t('common.notUnderstood'));
      const expectedDays = days.includes('weekdays') || days.includes('gwaith') ? 'weekdays' : 'weekends';
      expect(await storedAnswers(database.db, personKey)).toMatchObject({ days: expectedDays, times: ['mornings'] });
    },
  );

  it('hears what gets in the way in a sentence, says back what it noted, and asks for anything else', async () => {
    const sentence = {
      en: ["I can't afford much and I get very anxious in groups", 'my husband needs caring for all day'],
      cy: ["Dw i methu fforddio llawer ac mae grwpiau mawr yn fy ngwneud i'n nerfus", 'dw i’n gofalu am fy ngŵr drwy’r dydd'],
    }[lang];
    const personKey = await consentedPerson(repo, lang, 'sentence');
    const { conversation } = await start({ only: 'barriers' }, personKey);
    const reply = await conversation.say(sentence[0]);
    expect(reply.text).toContain(t('common.noted', { list: '' }).replace(/\.$/, '').trim());
    expect(reply.text).toMatch(new RegExp(t('whatMatters.barriers.options.cost.label'), 'i'));
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ barriers: ['cost', 'groupAnxiety'] });
    // Heard in a sentence, however many: said back, then "Anything else?" (a sentence may not say them all).
    expect(reply.text).toContain(t('whatMatters.barriers.more'));
    expect(conversation.finished).toBe(false);

    const again = await start({ only: 'barriers' }, await consentedPerson(repo, lang, 'sentence-one'));
    const one = await again.conversation.say(sentence[1]);
    expect(one.text).toContain(t('whatMatters.barriers.more'));
    expect((await storedAnswers(database.db, again.personKey)).barriers).toEqual(['caring']);
  });

  it('asks only the questions of one part when changing it from the summary', async () => {
    const personKey = await consentedPerson(repo, lang, 'only');
    await repo.saveAnswer(personKey, 'contactMethod', 'sms');
    await repo.saveAnswer(personKey, 'contactNumber', '+447700900123');
    await repo.saveAnswer(personKey, 'preferredName', 'Sam');
    const { conversation, opening } = await start({ only: 'contact' }, personKey);
    expect(opening.text).toContain(t('whatMatters.contact.ask'));
    const reply = await conversation.say(t('whatMatters.contact.options.phone.label'));
    expect(reply.text).toContain(t('whatMatters.phone.ask'));
    await conversation.say('029 2018 0000');
    expect(conversation.finished).toBe(true);
    expect(await storedAnswers(database.db, personKey)).toEqual({
      contactMethod: 'phone',
      contactNumber: '+442920180000',
      preferredName: 'Sam',
    });
  });

  it('numbers the choices over SMS, in short labels that fit the SMS budget, and takes numbers or words back', async () => {
    const ts = preferSmsVariants(t, lang);
    const personKey = await consentedPerson(repo, lang, 'sms');
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    const { conversation, opening } = await start({ channelId: 'sms' }, personKey);
    const lines = opening.text.split('\n');
    expect(lines[0]).toBe(t('whatMatters.interests.askSms'));
    expect(lines).toContain(`1. ${t('whatMatters.interests.options.arts.label')}`);
    expect(lines).toContain(`9. ${ts('whatMatters.interests.options.social.label')}`);
    expect(ts('whatMatters.interests.options.social.label')).toBe(t('whatMatters.interests.options.social.labelSms'));
    expect(lines).toContain(t('common.replyWithNumbers'));
    expect(opening.activities[0].suggestedActions).toBeUndefined();
    // English: 2 GSM-7 parts; Welsh: 6 UCS-2 parts.
    const count = countSegments(activityText(opening.activities[0]));
    expect(count.segments).toBeLessThanOrEqual(lang === 'en' ? 2 : 6);
    // A number and a short SMS label both work.
    const next = await conversation.say(`9 ${lang === 'en' ? 'and' : 'a'} ${ts('whatMatters.interests.options.music.label')}`);
    const chosen = async () => ((await storedAnswers(database.db, personKey)).interests as { chosen: string[] }).chosen.sort();
    expect(await chosen()).toEqual(['music', 'social']);
    // Two chosen is an answer: on to the next question (its labels short by SMS too).
    expect(next.text).toContain(t('whatMatters.barriers.ask'));
    expect(next.text).toContain(`2. ${ts('whatMatters.barriers.options.transport.label')}`);
  });

  /** Someone texting us, answered up to how to keep in touch. */
  async function textingPerson(): Promise<string> {
    const personKey = await consentedPerson(repo, lang, 'texting');
    await database.db.collection('referrals').updateOne({ personKey }, { $set: { channel: 'sms' } });
    await repo.saveAnswer(personKey, 'whatMatters', say.more);
    await repo.saveAnswer(personKey, 'interests', { chosen: ['arts'] });
    await repo.saveAnswer(personKey, 'barriers', ['cost']);
    await repo.saveAnswer(personKey, 'days', 'weekends');
    await repo.saveAnswer(personKey, 'times', ['mornings']);
    await repo.saveAnswer(personKey, 'place', null);
    return personKey;
  }

  it('by SMS, "text message" means this number: not asked for, stored as null', async () => {
    const personKey = await textingPerson();
    const { conversation, opening } = await start({ channelId: 'sms' }, personKey);
    expect(opening.text).toContain(t('whatMatters.contact.ask'));
    const reply = await conversation.say(say.contact);
    expect(reply.text).not.toContain(t('whatMatters.mobile.ask'));
    expect(reply.text).toContain(t('whatMatters.name.ask'));
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ contactMethod: 'sms', contactNumber: null });
  });

  it('by SMS still asks for the number to phone', async () => {
    const personKey = await textingPerson();
    const { conversation } = await start({ channelId: 'sms' }, personKey);
    const reply = await conversation.say(t('whatMatters.contact.options.phone.label'));
    expect(reply.text).toContain(t('whatMatters.phone.ask'));
    await conversation.say('029 2018 0000');
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ contactMethod: 'phone', contactNumber: '+442920180000' });
  });

  it('turns away a 20,000-character answer kindly and stores nothing', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say('a'.repeat(20_000));
    expect(reply.text).toContain(t('common.tooLong'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
  });

  it('asks for typed words when a message has no text', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] });
    expect(reply.text).toContain(t('common.needText'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
  });
});
