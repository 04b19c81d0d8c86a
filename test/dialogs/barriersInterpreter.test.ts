/** Language as what gets in the way: the person is told, once, that an interpreter can be arranged. */
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

async function atBarriers(lang: 'en' | 'cy') {
  const personKey = await consentedPerson(repo, lang, 'barriers');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'barriers' }, 'webchat');
  await conversation.say('hello');
  return { personKey, conversation };
}

it.each([
  ['en', 'Language', "that's all"],
  ['en', 'i need an interpreter', "that's all"],
  ['cy', 'Iaith', 'dyna i gyd'],
] as const)('(%s) "%s" then "%s": the interpreter line, and Language stored', async (lang, say, done) => {
  const t = tFor(lang);
  const { personKey, conversation } = await atBarriers(lang);
  const first = await conversation.say(say);
  expect(first.text).not.toContain(t('whatMatters.barriers.interpreter'));
  const last = await conversation.say(done);
  expect(last.text).toContain(t('whatMatters.barriers.interpreter'));
  expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['language']);
});

it('other barriers get no interpreter line', async () => {
  const t = tFor('en');
  const { conversation } = await atBarriers('en');
  await conversation.say('Cost');
  const last = await conversation.say("that's all");
  expect(last.text).not.toContain(t('whatMatters.barriers.interpreter'));
});
