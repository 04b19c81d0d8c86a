/**
 * Data minimisation: an NHS number or date of birth typed into a free-text answer (say by a GP
 * receptionist typing for a patient) is never stored; the person is told once, in their language.
 */
import { WhatMattersDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, LANGUAGES, storedAnswers, tFor } from '../dialogs/support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const TYPED_FOR_A_PATIENT = 'She is very lonely since her husband died and would like company. DOB 03/04/1957 NHS no 943 476 5919';
const STORED = 'She is very lonely since her husband died and would like company. DOB [date of birth removed] NHS no [NHS number removed]';

describe('the repository leaves identifiers out of free-text answers', () => {
  it('stores placeholders, as the mongodb driver reads it back and as the repository does', async () => {
    const personKey = await consentedPerson(repo, 'en', 'identifiers-repo');
    await repo.saveAnswer(personKey, 'whatMatters', TYPED_FOR_A_PATIENT);
    await repo.saveAnswer(personKey, 'whatMattersMore', 'born on 3 April 1957');
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music'], ownWords: 'choir, NHS number 9434765919' });

    const raw = await storedAnswers(database.db, personKey);
    expect(raw).toMatchObject({
      whatMatters: STORED,
      whatMattersMore: 'born on [date of birth removed]',
      interests: { chosen: ['music'], ownWords: 'choir, NHS number [NHS number removed]' },
    });
    expect(JSON.stringify(raw)).not.toMatch(/943 ?476 ?5919|03\/04\/1957|1957/);
    expect((await repo.find(personKey))!.answers.whatMatters).toBe(STORED);
  });

  it('keeps phone numbers, dates that are not birth dates and contact numbers as given', async () => {
    const personKey = await consentedPerson(repo, 'en', 'identifiers-untouched');
    const words = 'Text me on 07700 900777. On 3/4 I went to the club at 10:30, near CF10 1AA. Ref 9434765910.';
    await repo.saveAnswer(personKey, 'whatMatters', words);
    await repo.saveAnswer(personKey, 'contactNumber', '+447700900777');
    expect(await storedAnswers(database.db, personKey)).toMatchObject({ whatMatters: words, contactNumber: '+447700900777' });
  });
});

describe.each(LANGUAGES)('the person is told what was left out (%s)', (lang) => {
  const t = tFor(lang);

  it('says once, plainly, that the NHS number and date of birth were left out, then asks the next question', async () => {
    const personKey = await consentedPerson(repo, lang, 'identifiers-told');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey });
    await conversation.say('hello');

    const reply = await conversation.say(TYPED_FOR_A_PATIENT);

    expect((await storedAnswers(database.db, personKey)).whatMatters).toBe(STORED);
    const lines = reply.activities.map((a) => a.text ?? '');
    expect(lines.filter((line) => line === t('whatMatters.leftOut.nhsNumberAndDateOfBirth'))).toHaveLength(1);
    expect(reply.text).toContain(t('whatMatters.interests.ask'));
  });

  it('says which one when only a date of birth was left out of their own words for interests', async () => {
    const personKey = await consentedPerson(repo, lang, 'identifiers-interests');
    await repo.saveAnswer(personKey, 'whatMatters', 'Getting out of the house and meeting people');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey });
    await conversation.say('hello');

    const reply = await conversation.say('bowls, dyddiad geni 03/04/1957');

    expect(reply.text).toContain(t('whatMatters.leftOut.dateOfBirth'));
    const stored = (await storedAnswers(database.db, personKey)).interests as { ownWords?: string } | undefined;
    expect(stored?.ownWords ?? '').not.toContain('1957');
  });

  it('says nothing about leaving out when there was nothing to leave out', async () => {
    const personKey = await consentedPerson(repo, lang, 'identifiers-none');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey });
    await conversation.say('hello');
    const reply = await conversation.say('On 3/4 I went to the club and it was lovely, ring 07700 900777');
    const leftOutLines = ['nhsNumber', 'dateOfBirth', 'niNumber', 'nhsNumberAndDateOfBirth', 'several'].map((kind) => t(`whatMatters.leftOut.${kind}`));
    expect(reply.activities.map((a) => a.text).filter((line) => leftOutLines.includes(line ?? ''))).toEqual([]);
  });
});
