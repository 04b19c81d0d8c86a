import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Document } from 'mongodb';
import {
  activityListFromDatabase,
  findActivity,
  importActivityList,
  loadActivityList,
  parseActivityList,
  servicesCollection,
  taxonomiesCollection,
  type ParsedActivityList,
} from '../../src/directory';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.resolve(__dirname, '../..');
const ACTIVITY_LIST = path.resolve(__dirname, '../../../shared/data/openactive/activity-list.jsonld');
const HSDS_CSV = path.resolve(__dirname, '../fixtures/hsds-csv');
const GARDENING = '5b880e93-4a16-4c37-86ac-ba2ffba68358';
const WALKING_FOOTBALL = 'b8019b67-2ade-406f-a012-91a5c3869652';
const FOOTBALL = '0a5f732d-e806-4e51-ad40-0a7de0239c8c';

/** `npm run import` as a real process (the same entry point, run by tsx), against the test database. */
function runImportProcess(args: string[], db: TestDatabase): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', MONGODB_URI: db.uri, MONGODB_DATABASE: db.db.databaseName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('OpenActive activity list', () => {
  let parsed: ParsedActivityList;
  beforeAll(async () => {
    parsed = await loadActivityList(ACTIVITY_LIST);
  });

  it('parses all 768 concepts of the real list; links to concepts not in it are dropped and reported', () => {
    expect(parsed.total).toBe(768);
    expect(parsed.list.size).toBe(768);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map((w) => `${parsed.list.byId(w.id!)!.prefLabel} ${w.field}`).sort()).toEqual(['Medau narrower', 'Medau narrower', 'Rugby League narrower', 'Rugby Union narrower']);
    const gardening = parsed.list.byId(GARDENING)!;
    expect(gardening).toMatchObject({ id: GARDENING, uri: `https://openactive.io/activity-list#${GARDENING}`, prefLabel: 'Gardening', altLabels: [], broader: [], narrower: [] });
    expect(gardening.definition).toMatch(/tending and cultivating a garden/);
  });

  it('finds concepts by label and alternative label (case, accents, spaces and hyphens ignored) and by id or URI', () => {
    const { list } = parsed;
    expect(list.find('Gardening')?.id).toBe(GARDENING);
    expect(list.find('  CHAIR-BASED exercise ')?.prefLabel).toBe('Chair Based Exercise');
    expect(list.find('walking football')?.id).toBe(WALKING_FOOTBALL);
    // Alternative labels.
    expect(findActivity(list, 'Rambling')?.prefLabel).toBe('Walking');
    expect(findActivity(list, 'wild swimming')?.prefLabel).toBe('Open Water Swimming');
    expect(findActivity(list, 'Keep-Fit')?.prefLabel).toBe('Group Exercise');
    // Ids and URIs.
    expect(findActivity(list, WALKING_FOOTBALL)?.prefLabel).toBe('Walking Football');
    expect(list.byId(`https://openactive.io/activity-list#${WALKING_FOOTBALL}`)?.prefLabel).toBe('Walking Football');
    expect(list.find('Knitting')).toBeUndefined();
    expect(list.byId('not-a-concept')).toBeUndefined();
  });

  it('walks broader and narrower; descendants go all the way down, each once', () => {
    const { list } = parsed;
    expect(list.broaderOf(WALKING_FOOTBALL).map((c) => c.id)).toEqual([FOOTBALL]);
    expect(list.narrowerOf(FOOTBALL).map((c) => c.prefLabel)).toContain('Walking Football');
    const chair = list.find('Chair Based Exercise')!;
    expect(list.narrowerOf(chair.id).map((c) => c.prefLabel).sort()).toEqual(['Burlesque Chair Dance', 'Extend', 'Fabs', 'KFA Seated/Chair', 'Sit N B Fit']);
    const groupExercise = list.descendants(list.find('Group Exercise')!.id).map((c) => c.prefLabel);
    expect(groupExercise).toEqual(expect.arrayContaining(['Chair Based Exercise', 'Sit N B Fit']));
    // Nearest first: a child comes before its own children.
    expect(groupExercise.indexOf('Chair Based Exercise')).toBeLessThan(groupExercise.indexOf('Sit N B Fit'));
    expect(new Set(groupExercise).size).toBe(groupExercise.length);
    expect(list.descendants(GARDENING)).toEqual([]);
    expect(list.descendants('nope')).toEqual([]);
    // Every narrower link of the list is the inverse of a broader link.
    for (const c of list.concepts) for (const child of list.narrowerOf(c.id)) expect(child.broader).toContain(c.id);
  });

  it('reports bad concepts (which one, which field, why) and keeps the rest; HTML becomes plain text', () => {
    const result = parseActivityList({
      concept: [
        { id: 'https://openactive.io/activity-list#a1', prefLabel: 'Tai <b>Chi</b>', altLabel: 'Taiji', definition: '<p>Slow <script>alert(1)</script>movement</p>', narrower: ['https://openactive.io/activity-list#gone'] },
        { id: 'https://openactive.io/activity-list#a2' },
        { id: 'https://openactive.io/activity-list#a3', prefLabel: '<script>alert(1)</script>' },
        { id: 'https://openactive.io/activity-list#a1', prefLabel: 'Again' },
        'not a concept',
        { prefLabel: 'No id' },
        { id: 'https://openactive.io/activity-list#a4', prefLabel: 'Bowls', altLabel: ['Lawn Bowls'], broader: 'https://openactive.io/activity-list#a1' },
      ],
    });
    expect(result.total).toBe(7);
    expect(result.list.concepts.map((c) => c.prefLabel)).toEqual(['Tai Chi', 'Bowls']);
    expect(result.problems.map((p) => [p.index, p.field, p.reason])).toEqual([
      [1, 'prefLabel', 'prefLabel is missing'],
      [2, 'prefLabel', 'is empty once HTML is removed'],
      [3, 'id', 'the same concept appears earlier (concept 0)'],
      [4, '(concept)', expect.stringMatching(/object/)],
      [5, 'id', 'id is missing'],
    ]);
    expect(result.list.byId('a1')).toMatchObject({ altLabels: ['Taiji'], definition: 'Slow movement', narrower: [] });
    expect(result.warnings).toEqual([expect.objectContaining({ index: 0, field: 'narrower', reason: expect.stringMatching(/gone, which is not in the list/) })]);
    expect(result.list.find('taiji')?.id).toBe('a1');
    expect(result.list.broaderOf('a4').map((c) => c.prefLabel)).toEqual(['Tai Chi']);
    expect(() => parseActivityList({ hello: 'world' })).toThrow(/not the OpenActive activity list/);
  });
});

describe('OpenActive activity list in the taxonomies collection', () => {
  let db: TestDatabase;
  let parsed: ParsedActivityList;
  const snapshot = (): Promise<Document[]> => db.db.collection(Collections.taxonomies).find({}).sort({ _id: 1 }).toArray();

  beforeAll(async () => {
    db = await startTestDatabase();
    parsed = await loadActivityList(ACTIVITY_LIST);
  });
  afterAll(async () => {
    await db.stop();
  });
  beforeEach(async () => {
    await db.db.collection(Collections.taxonomies).deleteMany({});
  });

  it('imports every concept; a re-import changes nothing; a concept missing from a re-import is marked inactive, and comes back', async () => {
    let clock = new Date('2026-01-01T10:00:00Z');
    const first = await importActivityList(db.db, parsed, { now: () => clock, batchSize: 300 });
    expect(first).toMatchObject({ total: 768, imported: 768, updated: 0, unchanged: 0, markedInactive: 0, ok: true });
    const gardening = await taxonomiesCollection(db.db).findOne({ _id: `openactive:${GARDENING}` });
    expect(gardening).toMatchObject({
      vocabulary: 'openactive-activity-list',
      conceptId: GARDENING,
      prefLabel: 'Gardening',
      labels: ['gardening'],
      status: 'active',
      provenance: { source: 'openactive', license: 'https://creativecommons.org/licenses/by/4.0/', importedAt: clock },
    });
    const before = await snapshot();

    clock = new Date('2026-02-01T10:00:00Z');
    const again = await importActivityList(db.db, parsed, { now: () => clock });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 768, markedInactive: 0 });
    expect(await snapshot()).toEqual(before);

    const withoutGardening = parseActivityList({ concept: parsed.list.concepts.filter((c) => c.id !== GARDENING).map((c) => ({ id: c.uri, prefLabel: c.prefLabel, altLabel: c.altLabels, broader: c.broader.map((b) => parsed.list.byId(b)!.uri), narrower: c.narrower.map((n) => parsed.list.byId(n)!.uri), definition: c.definition, notation: c.notation })) });
    const missing = await importActivityList(db.db, withoutGardening, { now: () => clock });
    expect(missing).toMatchObject({ imported: 0, updated: 0, unchanged: 767, markedInactive: 1 });
    expect(await taxonomiesCollection(db.db).findOne({ _id: `openactive:${GARDENING}` })).toMatchObject({ status: 'inactive', provenance: { missingSince: clock } });
    const fromDb = await activityListFromDatabase(db.db);
    expect(fromDb.size).toBe(767);
    expect(fromDb.find('gardening')).toBeUndefined();
    expect(fromDb.find('Walking Football')?.broader).toEqual([FOOTBALL]);

    const back = await importActivityList(db.db, parsed, { now: () => clock });
    expect(back).toMatchObject({ imported: 0, updated: 1, unchanged: 767, markedInactive: 0 });
    const returned = await taxonomiesCollection(db.db).findOne({ _id: `openactive:${GARDENING}` });
    expect(returned?.status).toBe('active');
    expect(returned?.provenance.missingSince).toBeUndefined();
    expect(returned?.provenance.importedAt).toEqual(new Date('2026-01-01T10:00:00Z'));
    // The label index answers a look-up.
    expect(await taxonomiesCollection(db.db).findOne({ vocabulary: 'openactive-activity-list', labels: 'rambling' })).toMatchObject({ prefLabel: 'Walking' });
  });

  it('a failing write puts the batch back as it was (nothing half-imported)', async () => {
    await importActivityList(db.db, parsed, { batchSize: 400 });
    // Another document already holds Walking Football's (vocabulary, conceptId): the unique index refuses the upsert.
    await taxonomiesCollection(db.db).deleteOne({ _id: `openactive:${WALKING_FOOTBALL}` });
    await db.db.collection(Collections.taxonomies).insertOne({ _id: 'stray' as never, vocabulary: 'openactive-activity-list', conceptId: WALKING_FOOTBALL, status: 'active' });
    const before = await snapshot();
    const changed = parseActivityList({ concept: parsed.list.concepts.map((c) => ({ id: c.uri, prefLabel: c.prefLabel, definition: 'Changed' })) });
    const report = await importActivityList(db.db, changed, { batchSize: 400 });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ restored: true });
    expect(report.failure?.error).toMatch(/duplicate key|E11000/i);
    expect(report.markedInactive).toBe(0);
    // The first batch of 400 went in; the failing batch is exactly as it was.
    const after = await snapshot();
    const failedBatch = new Set(changed.list.concepts.slice(400).map((c) => `openactive:${c.id}`));
    expect(after.filter((d) => failedBatch.has(d._id as string))).toEqual(before.filter((d) => failedBatch.has(d._id as string)));
    expect(after.find((d) => d._id === 'stray')).toBeDefined();
  });

  it('npm run import, as a real process: the activity list (.jsonld detected), then the HSDS CSV fixture; again: all unchanged', async () => {
    const list = await runImportProcess([ACTIVITY_LIST], db);
    expect(list.output).toMatch(/Read activity-list\.jsonld \(\d+ KB\): OpenActive Activity List \(https:\/\/openactive\.io\/activity-list\), © OpenActive, CC BY 4\.0\./);
    expect(list.output).toContain('768/768 concepts written or checked (768 new, 0 updated, 0 unchanged)');
    expect(list.output).toContain('Import of openactive-activity-list: 768 concepts: 768 imported, 0 updated, 0 unchanged, 0 skipped, 0 marked inactive.');
    expect(list.output).toContain('Links dropped: 4');
    expect(list.code).toBe(0);
    expect(await taxonomiesCollection(db.db).countDocuments({ status: 'active' })).toBe(768);

    const csv = await runImportProcess([HSDS_CSV, '--source', 'kx-cli', '--full'], db);
    expect(csv.output).toContain('Import of kx-cli: 7 records: 5 imported, 0 updated, 0 unchanged, 2 skipped, 0 marked inactive.');
    expect(csv.code).toBe(0);
    expect(await servicesCollection(db.db).countDocuments({ source: 'kx-cli' })).toBe(5);

    const [listAgain, csvAgain, refused] = await Promise.all([
      runImportProcess(['--format', 'openactive', ACTIVITY_LIST], db),
      runImportProcess([HSDS_CSV, '--format=csv', '--source', 'kx-cli', '--full'], db),
      runImportProcess([path.join(HSDS_CSV, 'no-such-dir'), '--format', 'csv'], db),
    ]);
    expect(listAgain.output).toContain('768 concepts: 0 imported, 0 updated, 768 unchanged, 0 skipped, 0 marked inactive.');
    expect(csvAgain.output).toContain('7 records: 0 imported, 0 updated, 5 unchanged, 2 skipped, 0 marked inactive.');
    expect([listAgain.code, csvAgain.code]).toEqual([0, 0]);
    expect(refused.output).toMatch(/Import refused: Cannot read .*no-such-dir: ENOENT/);
    expect(refused.code).toBe(1);
  }, 60_000);
});
