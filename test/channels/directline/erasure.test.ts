/** "Delete my data" in web chat also erases the Direct Line transcript, which holds the person's words. */
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import type { FrontDoor } from '../../../src/app';
import { Collections } from '../../../src/store';
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

test('after "delete my data" nothing the person wrote is left in the transcript, referral or state', async () => {
  const person = new DirectLineClient(app!.url);
  const conversation = await person.start();
  const stream = await StreamReader.open(conversation.streamUrl);
  try {
    await stream.waitForBot(/Which language would you like to use\?/);
    await person.say('English');
    await stream.waitForBot(/Is it OK for us to keep your answers\?/);
    await person.say('yes');
    await stream.waitForBot(/What matters to you at the moment\?/);
    const words = 'My neighbour Maureen and I want a knitting group';
    await person.say(words);
    await stream.waitForBot(/What do you enjoy/);
    const transcript = () => t.db.collection(Collections.directlineActivities).countDocuments({ conversationId: conversation.conversationId });
    expect(await transcript()).toBeGreaterThan(0);

    await person.say('delete my data');
    await stream.waitForBot(/delete everything you've told me/);
    const from = stream.activities.length;
    await person.say('yes');
    await stream.waitForBot(/deleted your answers/, from);

    expect(await transcript()).toBe(0);
    for (const name of [Collections.directlineActivities, Collections.referrals, Collections.consents, Collections.botState]) {
      const docs = await t.db.collection(name).find().toArray();
      expect(JSON.stringify(docs)).not.toContain('Maureen');
    }
    expect(await t.db.collection(Collections.erasures).countDocuments()).toBe(1);
  } finally {
    stream.close();
  }
});
