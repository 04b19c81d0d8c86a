/** The audit log: entries are kept with who, what and when, and read newest first with filters. */
import { AuditLog } from '../../src/handoff';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

test('records who did what to which handoff and when, newest first, filterable', async () => {
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const log = new AuditLog(t.db, () => new Date((clock += 1000)));
  const alice = { id: 'a'.repeat(24), email: 'alice@example.org', role: 'linkWorker' };
  const admin = { id: 'c'.repeat(24), email: 'admin@example.org', role: 'admin' };
  const h1 = '1'.repeat(24);
  const h2 = '2'.repeat(24);
  await log.record({ actor: alice, action: 'view', handoffId: h1 });
  await log.record({ actor: alice, action: 'claim', handoffId: h1 });
  await log.record({ actor: alice, action: 'message', handoffId: h1, detail: { delivered: true } });
  await log.record({ actor: admin, action: 'export', handoffId: h2 });
  await log.record({ actor: alice, action: 'close', handoffId: h1, detail: { outcome: 'contacted' } });
  await log.record({ actor: null, action: 'loginFailed', detail: { ip: '127.0.0.1' } });

  const all = await log.list();
  expect(all.map((e) => e.action)).toEqual(['loginFailed', 'close', 'export', 'message', 'claim', 'view']);
  expect(all[1]).toMatchObject({ actor: alice, handoffId: h1, detail: { outcome: 'contacted' }, at: new Date('2026-03-02T09:00:05Z') });
  expect((await log.list({ handoffId: h1 })).map((e) => e.action)).toEqual(['close', 'message', 'claim', 'view']);
  expect((await log.list({ actorId: admin.id })).map((e) => e.action)).toEqual(['export']);
  expect((await log.list({ action: 'claim' })).map((e) => e.handoffId)).toEqual([h1]);
  expect((await log.list({ before: new Date('2026-03-02T09:00:03Z'), limit: 1 })).map((e) => e.action)).toEqual(['claim']);
  expect(await t.db.collection(Collections.auditLog).countDocuments()).toBe(6);
});
