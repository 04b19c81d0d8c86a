/**
 * Field-level encryption at rest, through the whole application: with FIELD_ENCRYPTION_KEY set,
 * a person's words, name, place and numbers, given over /api/messages, web chat and SMS, appear in
 * no stored document of any collection, yet the conversation reads them back, survives a restart,
 * refuses to start without the key, and carries on after the key is rotated. And data stored
 * before a key was set is sealed by `npm run reseal`'s job, leaving nothing readable.
 */
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { startFrontDoor, type FrontDoor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { SEALED_FIELDS } from '../../src/privacy';
import { Collections, enableFieldEncryption, FieldCipher, keyIdOf } from '../../src/store';
import { resealAll } from '../../src/store/reseal';
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
afterEach(async () => {
  if (!firstStopped) await sms?.app.stop().catch(() => undefined);
  await restarted?.stop().catch(() => undefined);
  await sms?.fake.stop().catch(() => undefined);
  await sms?.database.stop();
  firstStopped = false;
  restarted = undefined;
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

/**
 * People talk to the running app: a whole journey over /api/messages (confirmed, so a handoff with
 * the summary opens), web chat through the self-hosted Direct Line, and SMS from another number;
 * then a second person stops half way through.
 */
async function peopleTalk(): Promise<void> {
  const api = (conversation: string) => async (text: string) => textsOf(await sendTurn(sms.app.url, conversation, text));
  const say = api('enc-1');
  await say('hello');
  await say('English');
  await say('yes');
  for (const step of journey) {
    const reply = await say(step.say);
    expect(reply).toMatch(step.then);
    // The read-back comes from the stored (sealed, when a key is set) referral.
    if (/Here['’]s what I['’]ve heard/.test(reply)) expect(reply).toMatch(/Quillon Brightwater moved away[\s\S]*Zebedee/);
  }
  expect(await say('yes')).toMatch(/Thank you, Zebedee\. I've sent your answers/);

  const webChat = new DirectLineClient(sms.app.url);
  await webChat.start();
  for (const text of ['hello', 'English', 'yes', 'Ottoline next door is the only person I talk to']) await webChat.say(text);

  for (const text of ['hello', '1', 'yes', 'Ottoline is the only person I talk to']) await sms.text('+447700900777', text);

  const half = api('enc-2');
  for (const text of ['hello', 'English', 'yes', 'Quillon is far away', '1 and 3']) await half(text);
}

/** Asserts the database holds none of the secrets, and that the dump did cover the referral. */
async function expectNothingReadable(): Promise<void> {
  const stored = await everythingStored(sms);
  expect(stored.collections).toEqual(expect.arrayContaining([Collections.referrals, Collections.handoffs, Collections.botState, Collections.directlineActivities, 'smsConversations']));
  for (const secret of SECRETS) expect({ secret, found: stored.text.includes(secret) }).toEqual({ secret, found: false });
  // Choices stay in plain view, as they should: the dump covered the referral.
  expect(stored.text).toContain('"barriers":["cost","transport"]');
  expect(stored.text).toContain('"status":"ready"');
}

test('with a key set, nothing a person wrote is readable in any collection, and the service still works', async () => {
  sms = await startSmsApp({ FIELD_ENCRYPTION_KEY: KEY.toString('base64') });
  await peopleTalk();
  await expectNothingReadable();
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

test('data stored before a key was set is sealed by the re-seal job, and the service carries on with the key', async () => {
  sms = await startSmsApp();
  await peopleTalk();
  // Without a key everything is in plain view (so the check below can fail).
  expect((await everythingStored(sms)).text).toContain('Quillon');
  await sms.app.stop();
  firstStopped = true;

  const lines: string[] = [];
  const cipher = FieldCipher.withKeys(KEY);
  await enableFieldEncryption(sms.database.db, cipher);
  const reports = await resealAll(sms.database.db, cipher, SEALED_FIELDS, (line) => lines.push(line));
  expect(reports[Collections.referrals].resealed).toBe(4);
  expect(Object.values(reports).every((report) => report.busy === 0)).toBe(true);
  expect(lines).toContainEqual(expect.stringMatching(/^referrals: 4 of 4 documents checked, 4 re-sealed$/));
  await expectNothingReadable();

  // A second run finds nothing to do.
  const again = await resealAll(sms.database.db, cipher, SEALED_FIELDS);
  expect(Object.values(again).every((report) => report.resealed === 0)).toBe(true);

  restarted = await restart({ FIELD_ENCRYPTION_KEY: KEY.toString('base64') });
  expect(textsOf(await sendTurn(restarted.url, 'enc-2', 'cost and transport'))).toMatch(/Which days suit you best\?/);
});
