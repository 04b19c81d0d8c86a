/**
 * Through the whole bot: "language" typed at "What do you enjoy?" is an interest (learning one), not
 * the change-language command; "what does that mean?" gets the question in plainer words, per question.
 */
import { translator } from '../../src/i18n';
import { Collections } from '../../src/store/collections';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { sendTurn, textsOf } from '../helpers/appProcess';

let running: AppOnTestDatabase | undefined;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
});
afterAll(async () => running?.stop());

const en = translator('en');
const say = async (conversation: string, text: string) => textsOf(await sendTurn(running!.app.url, conversation, text));

it('"language" at "What do you enjoy?" is kept as what they enjoy; the language question is not asked', async () => {
  for (const text of ['hi', 'English', 'yes', 'I would like to meet people and learn things']) await say('explain-1', text);
  const reply = await say('explain-1', 'language');
  expect(reply).not.toMatch(/Which language would you like to use/);
  const referral = await running!.t.db.collection(Collections.referrals).findOne({ 'answers.whatMatters': 'I would like to meet people and learn things' });
  expect(JSON.stringify(referral?.answers?.interests)).toMatch(/language/i);
});

it('"what does that mean?" at the consent question gets it in plainer words, and nothing is stored', async () => {
  for (const text of ['hi', 'English']) await say('explain-2', text);
  const consents = () => running!.t.db.collection(Collections.consents).countDocuments();
  const before = await consents();
  const reply = await say('explain-2', 'what does that mean?');
  expect(reply).toContain(en('faq.questions.whatDoesItMean.plainer.consent.ask'));
  expect(await consents()).toBe(before);
});

it('"i dont understand" at "What matters to you?" gets that question in plainer words', async () => {
  for (const text of ['hi', 'English', 'yes']) await say('explain-3', text);
  const reply = await say('explain-3', 'i dont understand');
  expect(reply).toContain(en('faq.questions.whatDoesItMean.plainer.whatMatters.whatMatters'));
});
