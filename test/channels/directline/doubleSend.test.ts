/**
 * A double tap on send in web chat: the same words arrive twice, the second while the bot is still
 * answering the first. The copy is not taken as the answer to the next question.
 */
import type { FrontDoor } from '../../../src/app';
import { Collections } from '../../../src/store';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { DirectLineClient, startApp, StreamReader } from './client';

let t: TestDatabase;
let app: FrontDoor | undefined;
beforeAll(async () => {
  t = await startTestDatabase();
  app = await startApp(t);
});
afterAll(async () => {
  await app?.stop();
  await t.stop();
});

/** A new web chatter, in English, at "Is it OK for us to keep your answers?". */
async function atConsentQuestion(): Promise<{ person: DirectLineClient; stream: StreamReader }> {
  const person = new DirectLineClient(app!.url);
  await person.start();
  const stream = await StreamReader.open(person.conversation!.streamUrl);
  await stream.waitForBot(/Which language would you like to use\?/);
  await person.say('English');
  await stream.waitForBot(/Is it OK for us to keep your answers\?/);
  return { person, stream };
}

const botTexts = (stream: StreamReader, from: number) =>
  stream.activities
    .slice(from)
    .filter((a) => a.from?.role === 'bot')
    .map((a) => a.text ?? '');

it('"yes" sent twice at once answers the consent question once; the copy is not stored as what matters', async () => {
  const { person, stream } = await atConsentQuestion();

  const before = stream.activities.length;
  await Promise.all([person.say('yes'), person.say('yes')]);
  await stream.waitForBot(/What matters to you at the moment\?/, before, 20_000);
  // Give a second turn time to answer, had it been taken as an answer.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(botTexts(stream, before).filter((text) => /What matters to you|tell me a bit more|What do you enjoy/i.test(text))).toHaveLength(1);

  const next = stream.activities.length;
  await person.say('I would like to meet people');
  await stream.waitForBot(/What do you enjoy/, next, 20_000);
  const referral = await t.db.collection(Collections.referrals).findOne({ channel: 'webchat' });
  expect(referral?.answers?.whatMatters).toBe('I would like to meet people');
}, 60_000);

it('"Yes, that\'s OK" tapped twice 100 ms apart (the first already answered) is still taken once', async () => {
  const { person, stream } = await atConsentQuestion();
  const before = stream.activities.length;
  await person.say("Yes, that's OK");
  await new Promise((resolve) => setTimeout(resolve, 100));
  await person.say("Yes, that's OK");
  await stream.waitForBot(/What matters to you at the moment\?/, before, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(botTexts(stream, before).filter((text) => /What matters to you|tell me a bit more|What do you enjoy/i.test(text))).toHaveLength(1);
}, 60_000);

it('the same words sent again after the reply has come (answering the next question alike) are taken', async () => {
  const { person, stream } = await atConsentQuestion();
  await person.say('yes');
  await stream.waitForBot(/What matters to you at the moment\?/);
  const before = stream.activities.length;
  await person.say('walking');
  await stream.waitForBot(/tell me a bit more/, before, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // a quick reader
  const after = stream.activities.length;
  await person.say('walking');
  await stream.waitForBot(/What do you enjoy/, after, 20_000);
  const referral = await t.db.collection(Collections.referrals).findOne({ 'answers.whatMatters': 'walking' });
  expect(referral?.answers?.whatMattersMore).toBe('walking');
}, 60_000);
