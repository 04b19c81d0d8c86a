/**
 * Saying no to consent in web chat: the transcript so far is cleared at once, and what the person
 * types after it is kept only as long as the bot says (24 hours), until they say yes.
 */
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import type { FrontDoor } from '../../../src/app';
import { runRetention } from '../../../src/retention';
import { Collections } from '../../../src/store';
import { DirectLineClient, startApp, StreamReader, type DLActivity } from './client';

const HOUR = 3600_000;

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

/** Everything kept about web chats and bot state, as one string to search. */
async function keptAboutWebChats(): Promise<string> {
  const kept = [];
  for (const name of [Collections.directlineActivities, Collections.botState, Collections.referrals, Collections.consents]) {
    kept.push(...(await t.db.collection(name).find().toArray()));
  }
  return JSON.stringify(kept);
}

async function declined(): Promise<{ person: DirectLineClient; stream: StreamReader }> {
  const person = new DirectLineClient(app!.url);
  await person.start();
  const stream = await StreamReader.open(person.conversation!.streamUrl);
  await stream.waitForBot(/Which language would you like to use\?/);
  await person.say('English');
  await stream.waitForBot(/Is it OK for us to keep your answers\?/);
  await person.say('no');
  await stream.waitForBot(/deleted this chat/);
  return { person, stream };
}

const texts = (activities: DLActivity[]) => activities.map((a) => a.text ?? '');

test('after "no", the chat so far is deleted, and a page refresh shows only the reply saying so', async () => {
  const { person, stream } = await declined();
  try {
    const reply = stream.botTexts().at(-1)!;
    expect(reply).toContain("I won't keep anything you've told me.");
    expect(reply).toContain('Anything you type from now on is deleted within 24 hours.');
    expect(reply).toContain('If you change your mind, just type yes.');

    const replay = await person.poll();
    expect(texts(replay.body.activities)).toEqual([reply]);
    expect(await keptAboutWebChats()).not.toMatch(/"English"|Which language|Is it OK for us/);
  } finally {
    stream.close();
  }
});

test('after "no", a message gets a kind reply (not the welcome again), and what was typed is gone within 24 hours', async () => {
  const { person, stream } = await declined();
  try {
    const from = stream.activities.length;
    await person.say('my name is Zebedee Quarm and I live at KX1 2DL');
    const answer = await stream.waitForBot(/You said no, so I'm not keeping your answers/, from);
    expect(answer.text).toContain('type yes');
    const since = texts(stream.activities.slice(from).filter((a) => a.from?.role === 'bot')).join('\n');
    expect(since).not.toMatch(/Which language|automated assistant/);

    // Kept only so the chat can show it, as the bot said...
    expect(await keptAboutWebChats()).toContain('Zebedee');
    await runRetention(t.db, undefined, new Date(Date.now() + 22 * HOUR));
    expect(await keptAboutWebChats()).toContain('Zebedee');
    // ...then gone within 24 hours (the retention job runs hourly).
    const result = await runRetention(t.db, undefined, new Date(Date.now() + 24 * HOUR));
    expect(result.declinedWebChatActivities).toBeGreaterThan(0);
    expect(await keptAboutWebChats()).not.toContain('Zebedee');
    expect(await keptAboutWebChats()).not.toContain('KX1');
  } finally {
    stream.close();
  }
});

test('a "yes" after the "no" carries on with the questions, and what is typed after it is kept as agreed', async () => {
  const { person, stream } = await declined();
  try {
    let from = stream.activities.length;
    await person.say('yes');
    await stream.waitForBot(/What matters to you at the moment\?/, from);
    from = stream.activities.length;
    await person.say('Gardening with my neighbour Maureen');
    await stream.waitForBot(/What do you enjoy/, from);

    await runRetention(t.db, undefined, new Date(Date.now() + 25 * HOUR));
    const replay = texts((await person.poll()).body.activities);
    expect(replay).toContain('Gardening with my neighbour Maureen');
    expect(await t.db.collection(Collections.consents).countDocuments({ answer: 'yes' })).toBeGreaterThan(0);
  } finally {
    stream.close();
  }
});
