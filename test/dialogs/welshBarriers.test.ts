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

describe('(cy) "What gets in the way?" answered in a Welsh sentence about anxiety', () => {
  it.each([
    ['mae gen i byliau o banig'],
    ["dw i'n ofnus mewn grwpiau"],
    ["bydda i'n nerfus mewn grwpiau mawr"],
  ])('"%s" is read back as feeling anxious in groups, and nothing else', async (text) => {
    const t = tFor('cy');
    const personKey = await consentedPerson(repo, 'cy', 'barriers');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'barriers' });
    await conversation.say('helo');
    const reply = await conversation.say(text);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['groupAnxiety']);
    expect(reply.text).toContain(t('common.noted', { list: t('whatMatters.barriers.options.groupAnxiety.label') }));
    expect(reply.text).toContain(t('whatMatters.barriers.more'));
  });
});
