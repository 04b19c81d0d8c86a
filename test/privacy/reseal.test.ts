/** `npm run reseal`: key rotation and sealing older plain data, on the real database, and the script as a real process. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { EJSON } from 'bson';
import { HandoffRepository } from '../../src/handoff/repository';
import { SEALED_FIELDS } from '../../src/privacy';
import { ReferralRepository } from '../../src/referrals';
import { Collections, enableFieldEncryption, FieldCipher, isSealed, keyIdOf, MongoBotStorage } from '../../src/store';
import { resealAll } from '../../src/store/reseal';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.resolve(__dirname, '../..');
let t: TestDatabase;
beforeEach(async () => {
  t = await startTestDatabase();
});
afterEach(async () => t.stop());

async function seedReferral(personKey: string): Promise<void> {
  const referrals = new ReferralRepository(t.db);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.saveAnswer(personKey, 'whatMatters', `Quillon misses ${personKey}`);
  await referrals.saveAnswer(personKey, 'preferredName', 'Zebedee');
}

const sealedKeyIds = async (collection: string, field: (doc: Record<string, unknown>) => unknown) =>
  (await t.db.collection(collection).find().toArray()).map((doc) => {
    const value = field(doc);
    return isSealed(value) ? value.sealed : 'plain';
  });

test('rotation: everything sealed under the old key moves to the new one, after which the old key is no longer needed', async () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  await enableFieldEncryption(t.db, FieldCipher.withKeys(oldKey));
  await seedReferral('p1');
  await new MongoBotStorage(t.db).write({ 'webchat/conversations/c1/': { name: 'Zebedee' } });
  const referral = await new ReferralRepository(t.db).find('p1');
  const handoffs = new HandoffRepository(t.db);
  const { handoff } = await handoffs.open({ referral: referral!, reason: 'askedForPerson', transcript: [{ from: 'person', text: 'Quillon said hello', at: new Date() }] });
  await handoffs.recordPersonMessage('p1', 'and Zebedee too');

  const rotated = FieldCipher.withKeys(newKey, [oldKey]);
  await enableFieldEncryption(t.db, rotated);
  const lines: string[] = [];
  const reports = await resealAll(t.db, rotated, SEALED_FIELDS, (line) => lines.push(line));
  expect(reports[Collections.referrals]).toEqual({ resealed: 1, unchanged: 0, busy: 0 });
  expect(reports[Collections.handoffs].resealed).toBe(1);
  expect(reports[Collections.botState].resealed).toBe(1);
  expect(lines).toContain('referrals: 1 of 1 documents checked, 1 re-sealed');

  expect(await sealedKeyIds(Collections.referrals, (doc) => (doc.answers as Record<string, unknown>).whatMatters)).toEqual([keyIdOf(newKey)]);
  expect(await sealedKeyIds(Collections.handoffs, (doc) => doc.summary)).toEqual([keyIdOf(newKey)]);
  expect(await sealedKeyIds(Collections.handoffs, (doc) => (doc.transcript as { text: unknown }[])[0].text)).toEqual([keyIdOf(newKey)]);
  expect(await sealedKeyIds(Collections.botState, (doc) => doc.data)).toEqual([keyIdOf(newKey)]);

  // The old key can go: start-up accepts the new key alone, which reads everything.
  const newOnly = FieldCipher.withKeys(newKey);
  await expect(enableFieldEncryption(t.db, newOnly)).resolves.toMatch(/Field encryption: on/);
  expect((await new ReferralRepository(t.db).find('p1'))!.answers.whatMatters).toBe('Quillon misses p1');
  const read = (await new HandoffRepository(t.db).get(handoff._id.toHexString()))!;
  expect(read.transcript[0].text).toBe('Quillon said hello');
  expect(read.summary.preferredName).toBe('Zebedee');
  expect(EJSON.stringify(await t.db.collection(Collections.handoffs).find().toArray())).not.toMatch(/Quillon|Zebedee/);
});

test('refuses to run without a key to seal with', async () => {
  await expect(resealAll(t.db, FieldCipher.off(), SEALED_FIELDS)).rejects.toThrow(/needs FIELD_ENCRYPTION_KEY/);
});

function runScript(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/reseal.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('npm run reseal seals older plain data with progress and a summary, and says what it needs', async () => {
  await seedReferral('p2');
  await seedReferral('p3');
  const missing = await runScript({ FIELD_ENCRYPTION_KEY: '' });
  expect(missing.code).toBe(1);
  expect(missing.output).toMatch(/needs FIELD_ENCRYPTION_KEY/);

  const key = randomBytes(32);
  const run = await runScript({ FIELD_ENCRYPTION_KEY: key.toString('base64') });
  expect(run.output).toMatch(/referrals: 2 of 2 documents checked, 2 re-sealed/);
  expect(run.output).toMatch(/referrals: 2 re-sealed, 0 already sealed or empty, 0 busy/);
  expect(run.output).toMatch(new RegExp(`Done: everything is sealed under key ${keyIdOf(key)}`));
  expect(run.code).toBe(0);
  expect(EJSON.stringify(await t.db.collection(Collections.referrals).find().toArray())).not.toMatch(/Quillon|Zebedee/);
}, 60_000);
