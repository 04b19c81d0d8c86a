import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Document } from 'mongodb';
import { ensureDirectoryIndexes, importServices, readStoredService, servicesCollection, topReasons, ImportInputError } from '../../src/directory';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ORUK = path.resolve(__dirname, '../../../shared/data/oruk');
const readJson = async (name: string): Promise<unknown> => JSON.parse(await fs.readFile(path.join(ORUK, name), 'utf8'));

/** Every string anywhere in a stored document (keys included). */
function strings(value: unknown, out: { path: string; text: string }[] = [], at = ''): { path: string; text: string }[] {
  if (typeof value === 'string') out.push({ path: at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, out, `${at}[${i}]`));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: `${at}.${k}(key)`, text: k });
      strings(v, out, `${at}.${k}`);
    }
  }
  return out;
}

const MARKUP = /<[a-zA-Z!/?]|<\/|&(?:[a-zA-Z]{2,8}|#\d+|#x[0-9a-f]+);|javascript:|\bon[a-z]+\s*=/i;

async function snapshot(db: TestDatabase): Promise<Document[]> {
  return db.db.collection(Collections.services).find({}).sort({ _id: 1 }).toArray();
}

describe('directory import (Open Referral UK)', () => {
  let db: TestDatabase;
  let northLincs: Record<string, unknown>[];

  beforeAll(async () => {
    db = await startTestDatabase();
    await ensureDirectoryIndexes(db.db);
    northLincs = (await readJson('north-lincolnshire-services.json')) as Record<string, unknown>[];
  });
  afterAll(async () => {
    await db.stop();
  });
  beforeEach(async () => {
    await db.db.collection(Collections.services).deleteMany({});
  });

  it('imports north-lincolnshire-services.json: every record accounted for, no markup in any stored string', async () => {
    const progress: number[] = [];
    const report = await importServices(db.db, northLincs, { source: 'northlincs', full: true, onProgress: (p) => progress.push(p.done) });
    expect(report.ok).toBe(true);
    expect(report.total).toBe(northLincs.length);
    expect(report.imported + report.skipped.length).toBe(report.total);
    for (const s of report.skipped) expect(s.reason).toMatch(/\w/);
    expect(progress[progress.length - 1]).toBe(report.imported);

    const docs = await snapshot(db);
    expect(docs).toHaveLength(report.imported);
    const offending = docs.flatMap((d) => strings(d).filter((s) => MARKUP.test(s.text)).map((s) => `${d._id}${s.path}: ${s.text.slice(0, 80)}`));
    expect(offending).toEqual([]);
    for (const doc of docs) expect(readStoredService(doc)).toBeDefined();

    // A real record, as a person would see it.
    const wawy = docs.find((d) => d.sourceId === '738f94e0-aa6c-6a5c-2395-7b64421ba2a5')!;
    expect(wawy).toMatchObject({
      _id: 'northlincs:738f94e0-aa6c-6a5c-2395-7b64421ba2a5',
      source: 'northlincs',
      name: '"We are with You" WAWY',
      status: 'active',
      email: 'victorhouse@northlincs.gov.uk',
      url: 'https://www.northlincs.gov.uk/',
      organisation: { name: 'Victor House' },
      provenance: { source: 'northlincs', assuredDate: '2024-12-10' },
    });
    expect(wawy.description).toMatch(/^Struggling with Drug & Alcohol Addiction\? We Are With You/);
    expect(wawy.provenance.importedAt).toBeInstanceOf(Date);
    // Bare host names are read as https links.
    expect(docs.filter((d) => d.url === 'https://balancedcoaching.co.uk/')).toHaveLength(1);
    expect(report.warningCount).toBe(0);
    // Audiences from the pc_targetAudience extension are kept.
    expect(docs.some((d) => (d.audiences as string[]).includes('Bereaved'))).toBe(true);
  });

  it('a re-import of the same file changes nothing (no updatedAt churn)', async () => {
    let clock = new Date('2026-01-01T10:00:00Z');
    await importServices(db.db, northLincs, { source: 'northlincs', full: true, now: () => clock });
    const before = await snapshot(db);
    clock = new Date('2026-02-01T10:00:00Z');
    const again = await importServices(db.db, northLincs, { source: 'northlincs', full: true, now: () => clock });
    expect(again).toMatchObject({ imported: 0, updated: 0, markedInactive: 0, ok: true });
    expect(again.unchanged).toBe(before.length);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a changed record is updated; its first import time is kept', async () => {
    const first = new Date('2026-01-01T10:00:00Z');
    const later = new Date('2026-03-01T10:00:00Z');
    const records = northLincs.slice(0, 5);
    await importServices(db.db, records, { source: 'northlincs', now: () => first });
    const changed = records.map((r, i) => (i === 2 ? { ...r, description: '<p>New &amp; improved</p>' } : r));
    const report = await importServices(db.db, changed, { source: 'northlincs', now: () => later });
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 4 });
    const doc = await servicesCollection(db.db).findOne({ sourceId: String(records[2].id) });
    expect(doc).toMatchObject({ description: 'New & improved', updatedAt: later, provenance: { importedAt: first } });
  });

  it('a FULL re-import without a record marks it inactive (not deleted); it comes back when it reappears', async () => {
    const records = northLincs.slice(0, 20);
    await importServices(db.db, records, { source: 'northlincs', full: true });
    const removed = records[7];
    const withoutOne = records.filter((r) => r !== removed);
    const report = await importServices(db.db, withoutOne, { source: 'northlincs', full: true });
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 19, markedInactive: 1 });
    const gone = await servicesCollection(db.db).findOne({ sourceId: String(removed.id) });
    expect(gone?.status).toBe('inactive');
    expect(gone?.provenance.missingSince).toBeInstanceOf(Date);
    expect(await servicesCollection(db.db).countDocuments({ status: 'active' })).toBe(19);

    // A partial (not --full) import never marks anything inactive.
    const partial = await importServices(db.db, records.slice(0, 3), { source: 'northlincs' });
    expect(partial.markedInactive).toBe(0);
    // Another source's full import leaves this source alone.
    await importServices(db.db, [{ id: 'x', name: 'Other' }], { source: 'other', full: true });
    expect(await servicesCollection(db.db).countDocuments({ source: 'northlincs', status: 'active' })).toBe(19);

    const back = await importServices(db.db, records, { source: 'northlincs', full: true });
    expect(back).toMatchObject({ updated: 1, unchanged: 19, markedInactive: 0 });
    const returned = await servicesCollection(db.db).findOne({ sourceId: String(removed.id) });
    expect(returned?.status).toBe('active');
    expect(returned?.provenance.missingSince).toBeUndefined();
  });

  it('imports the HSDS 3.0 full service example with locations, schedules, cost, accessibility and taxonomy', async () => {
    const full = await readJson('example-service_full.json');
    const report = await importServices(db.db, full, { source: 'hsds' });
    expect(report).toMatchObject({ total: 1, imported: 1, skipped: [] });
    // The example's latitude 100 is not a place on Earth: dropped, and said so.
    expect(report.warnings).toEqual([expect.objectContaining({ field: 'locations[0].latitude', id: 'ac148810-d857-441c-9679-408f346de14b' })]);
    const doc = await servicesCollection(db.db).findOne({ _id: 'hsds:ac148810-d857-441c-9679-408f346de14b' });
    expect(doc).toMatchObject({
      name: 'Community Counselling',
      status: 'active',
      minimumAge: 12,
      maximumAge: 100,
      organisation: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Organization Inc.' },
      cost: { free: false, text: 'fees_description', options: [{ option: 'Under 18s and Over 60s', amount: 35, description: 'per 1 hour session' }] },
      locations: [{ name: 'MyCity Civic Center', address: '1-30 Main Street, MyCity, MyRegion', postcode: 'ABC 1234' }],
      schedules: [{ days: ['TH', 'FR'], opensAt: '10:00', closesAt: '18:00', given: expect.objectContaining({ freq: 'WEEKLY', byday: 'TH,FR', interval: 1 }) }],
      taxonomy: [{ id: '3f7b145d-84af-42d7-8fae-eaca714b02b2', name: 'name', vocabulary: 'taxonomy' }],
      provenance: { source: 'hsds', assuredDate: '2005-01-01', lastModified: '2023-03-15T10:30:45.123Z' },
    });
    expect(doc?.locations[0].lat).toBeUndefined();
    expect(doc?.accessibility[0]).toMatch(/induction loops/);
    // The ORUK list page shape ("contents") works too, and is the same service.
    const list = await importServices(db.db, await readJson('example-service_list.json'), { source: 'hsds' });
    expect(list).toMatchObject({ total: 1, skipped: [] });
  });

  it('records with script tags and javascript: links are imported as plain text; a record with no name left is skipped with a reason', async () => {
    const report = await importServices(
      db.db,
      [
        {
          id: 'evil-1',
          name: '<script>alert("x")</script>Walking <b>group</b>',
          description: '<p onclick="steal()">Tuesdays<img src=x onerror=alert(1)></p><script>document.location="http://evil"</script>&lt;script&gt;alert(2)&lt;/script&gt;',
          url: 'javascript:alert(1)',
          email: '<a href="mailto:x@y.z">x@y.z</a>',
          organization: { id: 'o', name: '<i>Friends</i>' },
        },
        { id: 'evil-2', name: '<script>only a script</script>' },
        { name: 'No id' },
        { id: '', name: 'Empty id' },
        { id: 'ok-1', name: 'Fine', status: 'inactive' },
        { id: 'ok-1', name: 'Fine again' },
        'not an object',
        { id: 'n', name: 42 },
      ],
      { source: 'evil' },
    );
    expect(report.imported + report.skipped.length).toBe(report.total);
    expect(report.imported).toBe(2);
    expect(report.skipped.map((s) => [s.index, s.id, s.field])).toEqual([
      [1, 'evil-2', 'name'],
      [2, undefined, 'id'],
      [3, undefined, 'id'],
      [5, 'ok-1', 'id'],
      [6, undefined, '(record)'],
      [7, 'n', 'name'],
    ]);
    expect(report.skipped[0].reason).toBe('the name is empty once HTML is removed');
    expect(report.skipped[1].reason).toBe('id is missing');
    expect(report.skipped[3].reason).toBe('the same id appears earlier (record 4)');
    expect(topReasons(report.skipped, 10)).toContainEqual({ reason: 'id: id is missing', count: 1 });
    expect(report.skipped[2].reason).toBe('an id is required');
    expect(report.warnings.map((w) => w.field)).toEqual(['url', 'email']);

    const doc = await servicesCollection(db.db).findOne({ _id: 'evil:evil-1' });
    expect(doc).toMatchObject({ name: 'Walking group', description: 'Tuesdays', organisation: { name: 'Friends' } });
    expect(doc?.url).toBeUndefined();
    expect(doc?.email).toBeUndefined();
    expect(await servicesCollection(db.db).findOne({ _id: 'evil:ok-1' })).toMatchObject({ status: 'inactive', sourceStatus: 'inactive' });
  });

  it('a failing write leaves the batch exactly as it was (nothing half-imported); earlier batches stay', async () => {
    const records = northLincs.slice(0, 6);
    await importServices(db.db, records.slice(0, 3), { source: 'northlincs' });
    // A stray document already holds (source, sourceId) of record 5 under another _id: the unique index refuses the upsert.
    await db.db.collection(Collections.services).insertOne({ _id: 'stray' as never, source: 'northlincs', sourceId: String(records[5].id), name: 'stray' });
    const before = await snapshot(db);
    const changed = records.map((r) => ({ ...r, description: 'Changed' }));
    const report = await importServices(db.db, changed, { source: 'northlincs', full: true });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ batch: { from: 0, to: 5 }, restored: true });
    expect(report.failure?.error).toMatch(/duplicate key|E11000/i);
    expect(report.markedInactive).toBe(0);
    expect(await snapshot(db)).toEqual(before);

    // With batches of 2 the first batch goes in and the failing third batch is put back.
    const batched = await importServices(db.db, changed, { source: 'northlincs', batchSize: 2 });
    expect(batched).toMatchObject({ ok: false, updated: 3, imported: 1, failure: { batch: { from: 4, to: 5 }, restored: true } });
    expect(await servicesCollection(db.db).countDocuments({ source: 'northlincs', _id: { $ne: 'stray' } })).toBe(4);
    expect(await servicesCollection(db.db).findOne({ _id: `northlincs:${String(records[4].id)}` })).toBeNull();
  });

  it('refuses a payload with no services and an unsafe source name, writing nothing', async () => {
    await expect(importServices(db.db, { hello: 'world' }, { source: 's' })).rejects.toThrow(ImportInputError);
    await expect(importServices(db.db, 'text', { source: 's' })).rejects.toThrow(/No services found/);
    await expect(importServices(db.db, [], { source: '$bad name' })).rejects.toThrow(/source name/);
    expect(await snapshot(db)).toEqual([]);
  });
});
