/**
 * Field-level encryption at rest, through the whole application: with FIELD_ENCRYPTION_KEY set,
 * a person's words, name, place and numbers, given over /api/messages, web chat and SMS, appear in
 * no stored document of any collection, yet the conversation reads them back, survives a restart,
 * refuses to start without the key, and carries on after the key is rotated.
 */
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { Collections, keyIdOf } from '../../src/store';
import { DirectLineClient } from '../channels/directline/client';
import { JOURNEY } from '../fixtures/journey';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { startSmsApp, type SmsApp } from '../helpers/smsApp';

jest.setTimeout(60_000);

const KEY = randomBytes(32);
/** What people say below that must never be readable in the database. */
const SECRETS = ['Quillon', 'Zebedee', '7700900123', '07700 900123', '"DN15"', 'Ottoline', '7700900777', 'Brightwater'];

/**
 * The English journey up to the summary, with a name and words that could not turn up in
 * ciphertext by chance (the test database has no directory, so no suggestions come after).
 */
const journey = JOURNEY.slice(0, JOURNEY.findIndex((step) => step.say === '3') + 1).map((step) => {
  if (step.say.startsWith("I've felt lonely")) return { ...step, say: 'Quillon Brightwater moved away and I feel lonely now' };
  if (step.say === 'Sam') return { ...step, say: 'Zebedee' };
  return step;
});

let sms: SmsApp;
let firstStopped = false;
let restarted: FrontDoor | undefined;
afterAll(async () => {
  if (!firstStopped) await sms?.app.stop().catch(() => undefined);
  await restarted?.stop().catch(() => undefined);
  await sms?.fake.stop().catch(() => undefined);
  await sms?.database.stop();
});

/** Every stored document of every collection, as text: what a dump or a backup would show. */
async function everythingStored(app: SmsApp): Promise<{ text: string; collections: string[] }> {
  const db = app.database.db;
  const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const parts = await Promise.all(collections.map(async (name) => `${name}: ${EJSON.stringify(await db.collection(name).find().toArray())}`));
  return { text: parts.join('\n'), collections };
}

const restart = (env: Record<string, string>) =>
  startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: sms.database.uri, MONGODB_DATABASE: sms.database.db.databaseName, ...env }), () => undefined);

test('with a key set, nothing a person wrote is readable in any collection, and the service still works', async () => {
  const lines: string[] = [];
  sms = await startSmsApp({ FIELD_ENCRYPTION_KEY: KEY.toString('base64') });
  const api = (conversation: string) => async (text: string) => textsOf(await sendTurn(sms.app.url, conversation, text));

  // A whole journey over /api/messages: confirmed, so a handoff with the summary opens for the team.
  const say = api('enc-1');
  await say('hello');
  await say('English');
  await say('yes');
  for (const step of journey) {
    const reply = await say(step.say);
    expect(reply).toMatch(step.then);
    // The read-back comes from the sealed referral.
    if (/Here['’]s what I['’]ve heard/.test(reply)) expect(reply).toMatch(/Quillon Brightwater moved away[\s\S]*Zebedee/);
  }
  expect(await say('yes')).toMatch(/Thank you, Zebedee\. I've sent your answers/);

  // Web chat through the self-hosted Direct Line (its transcript is stored).
  const webChat = new DirectLineClient(sms.app.url);
  await webChat.start();
  await webChat.say('hello');
  await webChat.say('English');
  await webChat.say('yes');
  await webChat.say('Ottoline next door is the only person I talk to');

  // SMS from another number: its number, bot state and texts.
  await sms.text('+447700900777', 'hello');
  await sms.text('+447700900777', '1');
  await sms.text('+447700900777', 'yes');
  await sms.text('+447700900777', 'Ottoline is the only person I talk to');

  const stored = await everythingStored(sms);
  expect(stored.collections).toEqual(expect.arrayContaining([Collections.referrals, Collections.handoffs, Collections.botState, Collections.directlineActivities, 'smsConversations']));
  for (const secret of SECRETS) expect({ secret, found: stored.text.includes(secret) }).toEqual({ secret, found: false });
  // The dump did cover the referral: its choices are there in plain view, as they should be.
  expect(stored.text).toContain('"barriers":["cost","transport"]');
  expect(stored.text).toContain('"status":"ready"');
  lines.push(...stored.collections);

  // A second person, half way through, for the restarts below.
  const half = api('enc-2');
  for (const text of ['hello', 'English', 'yes', 'Quillon is far away', '1 and 3']) await half(text);
  await sms.app.stop();
  firstStopped = true;

  // Restart with the same key: the conversation carries on where it was.
  restarted = await restart({ FIELD_ENCRYPTION_KEY: KEY.toString('base64') });
  expect(textsOf(await sendTurn(restarted.url, 'enc-2', 'cost and transport'))).toMatch(/Which days suit you best\?/);
  await restarted.stop();
  restarted = undefined;

  // Without the key, or with another one alone, Front Door refuses to start and says what to set.
  await expect(restart({})).rejects.toThrow(new RegExp(`${keyIdOf(KEY)}.*FIELD_ENCRYPTION_KEY is not set`));
  const next = randomBytes(32).toString('base64');
  await expect(restart({ FIELD_ENCRYPTION_KEY: next })).rejects.toThrow(/FIELD_ENCRYPTION_PREVIOUS_KEYS/);

  // Rotation: the new key with the old one kept for reading.
  restarted = await restart({ FIELD_ENCRYPTION_KEY: next, FIELD_ENCRYPTION_PREVIOUS_KEYS: KEY.toString('base64') });
  expect(textsOf(await sendTurn(restarted.url, 'enc-2', 'weekends'))).toMatch(/What time of day/);
});
