/**
 * "Which town or area do you live in?" answered with a greeting or thanks around the place ("hi, I
 * live in Leeds", "Abertawe diolch") stores only the place. Postcodes are checked as before.
 */
import { WhatMattersDialog } from '../../dialogs';
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

async function askPlace(lang: Language) {
  const personKey = await consentedPerson(repo, lang, 'place-sentence');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'place' }, 'webchat');
  await conversation.say('hello');
  return { personKey, conversation };
}

const storedPlace = async (personKey: string) => (await storedAnswers(database.db, personKey)).place;

describe('a place given with a greeting or thanks around it', () => {
  it.each([
    ['en', 'hi I live in Leeds', { kind: 'town', value: 'Leeds' }],
    ['en', 'hello, Leeds', { kind: 'town', value: 'Leeds' }],
    ['en', 'Leeds thanks', { kind: 'town', value: 'Leeds' }],
    ['en', 'I live in Leeds, thank you', { kind: 'town', value: 'Leeds' }],
    ['en', 'hi its Merthyr Tydfil please', { kind: 'town', value: 'Merthyr Tydfil' }],
    ['en', 'hi, CF10 1AA', { kind: 'postcodeDistrict', value: 'CF10' }],
    ['en', 'my postcode is LS1 4AP thanks', { kind: 'postcodeDistrict', value: 'LS1' }],
    ['cy', "shwmae, dw i'n byw yn Abertawe", { kind: 'town', value: 'Abertawe' }],
    ['cy', 'Abertawe diolch', { kind: 'town', value: 'Abertawe' }],
    ['cy', "helo, dw i'n byw yng Nghaerdydd diolch", { kind: 'town', value: 'Caerdydd' }],
  ] as const)('(%s) "%s" stores only the place', async (lang, text, place) => {
    const { personKey, conversation } = await askPlace(lang);
    await conversation.say(text);
    expect(await storedPlace(personKey)).toEqual(place);
    expect(conversation.finished).toBe(true);
  });

  it.each(['Church Village', 'Hay-on-Wye', 'Thankerton', 'Ynys Môn'])('"%s" is kept as typed', async (town) => {
    const { personKey, conversation } = await askPlace('en');
    await conversation.say(town);
    expect(await storedPlace(personKey)).toEqual({ kind: 'town', value: town });
  });

  it('a postcode that is not one is still refused, greeting or not', async () => {
    const { personKey, conversation } = await askPlace('en');
    const reply = await conversation.say('hi, ZZ9 99 thanks');
    expect(reply.text).toContain(tFor('en')('whatMatters.place.badPostcode'));
    expect(await storedPlace(personKey)).toBeUndefined();
  });

  it('a greeting alone is greeted, and no place stored', async () => {
    const { personKey, conversation } = await askPlace('en');
    const reply = await conversation.say('hello there');
    expect(reply.text).toContain(tFor('en')('faq.greetings.reply'));
    expect(await storedPlace(personKey)).toBeUndefined();
  });
});
