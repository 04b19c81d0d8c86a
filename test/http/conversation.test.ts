/**
 * The whole guided conversation through the real server (`npm start`'s entry point) over
 * POST /api/messages with expectReplies, with a crash (SIGKILL) and restart half way.
 * The stored referral is then read straight from the database with the driver.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { JOURNEY, JOURNEY_REFERRAL, stepAfter, type JourneyStep } from '../fixtures/journey';
import { sendTurn, startAppProcess, textsOf, type AppProcess } from '../helpers/appProcess';

let dataDir: string;
let app: AppProcess | undefined;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-http-'));
});
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = () => startAppProcess({ FRONTDOOR_DATA_DIR: dataDir });

test('a whole conversation, killed and restarted half way, ends with every answer stored', async () => {
  app = await start();
  const conversation = 'http-conversation-1';
  const say = async (text: string) => textsOf(await sendTurn(app!.url, conversation, text));

  expect(await say('hello')).toMatch(/automated assistant for Front Door[\s\S]*not for emergencies[\s\S]*999[\s\S]*Which language/);
  expect(await say('English')).toMatch(/Is it OK for us to keep your answers\?/);
  expect(await say('yes')).toMatch(/What matters to you at the moment\?/);
  const walk = async (steps: readonly JourneyStep[]) => {
    for (const step of steps) expect(await say(step.say)).toMatch(step.then);
  };

  await walk(JOURNEY.slice(0, stepAfter('1 and 3')));
  // A crash, not a shutdown: the process is killed with SIGKILL mid-conversation.
  await app.kill();
  app = await start();
  await walk(JOURNEY.slice(stepAfter('1 and 3'), stepAfter('7')));
  // And once more, between two ONS4 questions.
  await app.kill();
  app = await start();
  await walk(JOURNEY.slice(stepAfter('7'), stepAfter('5')));
  const summary = await say('3');
  expect(summary).toMatch(/Here's what I've heard/);
  expect(summary).toMatch(/lonely since I retired/);
  // Activities from the sample directory come next; the first is chosen, then what happens next is said last.
  expect(await say('yes')).toMatch(/things (near you )?that might help[\s\S]*1\. [\s\S]*2\. [\s\S]*3\. [\s\S]*Would you like to choose one\?/);
  expect(await say('1')).toMatch(/I've added .+ to your referral/);
  expect(await say("that's all")).toMatch(/sent your answers to the Front Door team[\s\S]*about 3 days/);

  const uri = /Embedded MongoDB listening at (\S+)/.exec(app.output())![1];
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db('frontdoor');
    const referrals = await db.collection('referrals').find().toArray();
    expect(referrals).toHaveLength(1);
    const referral = referrals[0];
    expect(referral).toMatchObject({ ...JOURNEY_REFERRAL, channel: 'emulator', consent: { noticeVersion: expect.any(String) } });
    expect(referral.readyAt).toBeInstanceOf(Date);
    expect(referral.suggestions.shown).toHaveLength(1);
    expect(referral.suggestions.picked).toEqual([{ id: referral.suggestions.shown[0].ids[0], at: expect.any(Date) }]);
    // The person is known only by a pseudonymous key, never by their channel id.
    expect(JSON.stringify(referral)).not.toContain(`user-${conversation}`);
    const consents = await db.collection('consents').find({ personKey: referral.personKey }).toArray();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ answer: 'yes', channel: 'emulator', noticeVersion: referral.consent.noticeVersion });
    expect(consents[0].recordedAt).toBeInstanceOf(Date);
  } finally {
    await client.close();
  }
});

test('SIGTERM stops the server gracefully and the database with it', async () => {
  app ??= await start();
  await app.stop();
  expect(app.output()).toMatch(/SIGTERM received/);
  app = undefined;
});
