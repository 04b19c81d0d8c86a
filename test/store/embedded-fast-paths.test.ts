/**
 * The embedded server's shortcuts answer exactly as the general mingo paths they bypass:
 * string-equality filters, direct update operators, structural document comparison,
 * the journal's pre-encoded put records, and snapshot isolation when versions share values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Binary, Decimal128, Long, ObjectId, serialize, type Document } from 'bson';
import { find as mingoFind, update as mingoUpdate } from 'mingo';
import { MongoClient } from 'mongodb';
import { startEmbeddedServer } from '../../src/store/embedded';
import { Collection } from '../../src/store/embedded/collection';
import { encodePut } from '../../src/store/embedded/journal';
import { compileFilter, projectDocuments } from '../../src/store/embedded/matching';
import { applyOperators } from '../../src/store/embedded/updates';
import { cloneDocument, keyOf, sameKey } from '../../src/store/embedded/values';

const docs: Document[] = [
  { _id: 'k1', eTag: 'e1', openFor: 'p1', tags: ['a', 'b'] },
  { _id: 'k2', eTag: 'e2', openFor: ['p1', 'p2'], tags: [] },
  { _id: 'k3', eTag: null, openFor: 7, nested: { openFor: 'p1' } },
  { _id: 'k4', openFor: { p: 1 }, tags: [['a']] },
  { _id: new ObjectId('64b7f0c2a1b2c3d4e5f60718'), eTag: 'e1', openFor: 'p2' },
  { _id: 'k6', eTag: 'e1', openFor: Long.fromNumber(3), tags: 'a' },
];

describe('string-equality filters match as mingo does', () => {
  const filters: Document[] = [
    { _id: 'k1' },
    { _id: { $in: ['k1', 'k3', 'nope'] } },
    { _id: { $in: [] } },
    { _id: 'k1', eTag: 'e1' },
    { _id: 'k1', eTag: 'e2' },
    { openFor: 'p1' },
    { openFor: { $eq: 'p2' } },
    { openFor: { $in: ['p2'] } },
    { tags: 'a' },
    { eTag: 'e1', tags: 'a' },
    { missing: 'x' },
    { 'nested.openFor': 'p1' },
    { openFor: { $ne: 'p1' } },
    { eTag: null },
  ];
  test.each(filters.map((f) => [JSON.stringify(f), f]))('%s', (_name, filter) => {
    const expected = mingoFind(docs, filter).all();
    const test = compileFilter(filter);
    expect(docs.filter((d) => test(d))).toEqual(expected);
  });
});

test('plain inclusion projections give what mingo gives, field order included', () => {
  const projections: Document[] = [
    { status: 1 },
    { status: true, openFor: 1 },
    { tags: 1, eTag: 1, missing: 1 },
    { status: 1, _id: 0 },
    { _id: 1, eTag: 1 },
    { eTag: 1, _id: false },
    { Zeta: 1, alpha: 1, _id: 1 },
    { nested: 1 },
  ];
  const sources = [...docs, { _id: 'k7', Zeta: 1, alpha: 2, status: 'open', eTag: undefined }, { status: 'no id' }];
  for (const projection of projections) {
    const expected = mingoFind(sources, {}, projection).all();
    const actual = projectDocuments(sources, projection);
    expect(actual.map((d) => Object.keys(d))).toEqual(expected.map((d) => Object.keys(d)));
    expect(actual).toEqual(expected);
  }
});

describe('direct update operators change a copy exactly as mingo update() with deep clones', () => {
  const stored: Document = {
    _id: 'h1',
    openFor: 'p1',
    status: 'open',
    count: 2,
    events: [{ at: new Date(1000), n: 1 }],
    tags: ['t0', 't0', 't1'],
    profile: { name: 'A', langs: ['en'] },
    pattern: /walk/i,
  };
  const modifiers: Document[] = [
    { $set: { status: 'closed', updatedAt: new Date(5000) } },
    { $set: { status: 'open' } },
    { $set: { profile: { name: 'A', langs: ['en'] } } },
    { $set: { profile: { name: 'B', langs: ['en', 'cy'] } }, $inc: { count: 1 } },
    { $unset: { status: '' }, $inc: { missing: 5 } },
    { $push: { events: { at: new Date(2000), n: 2 } }, $addToSet: { tags: 't2' } },
    { $push: { events: { $each: [{ n: 3 }, { n: 4 }], $slice: -2 } } },
    { $push: { newList: 'x' }, $addToSet: { other: 'y' } },
    { $addToSet: { tags: 't1' } },
    { $addToSet: { tags: { $each: ['t3', 't1'] } } },
    { $push: { status: 'x' } },
    { $set: { oid: new ObjectId('64b7f0c2a1b2c3d4e5f60718'), big: Long.fromNumber(9) } },
    // Nested paths made of plain names (a referral's answers are written this way).
    { $set: { 'profile.name': 'C', updatedAt: new Date(5000) } },
    { $set: { 'profile.name': 'A' } },
    { $set: { 'answers.days': ['sat'], 'answers.times': ['am'] } },
    { $set: { 'profile.more.deep': 1, 'profile.name': 'D' }, $unset: { status: '' } },
    { $unset: { 'profile.langs': '', 'nowhere.at.all': '' } },
    { $push: { 'profile.langs': 'cy' }, $inc: { 'stats.turns': 1 } },
    { $addToSet: { 'profile.langs': { $each: ['en', 'cy'] } } },
    { $set: { 'profile.name': 'E', 'profile-other': 1 } },
  ];
  test.each(modifiers.map((m) => [JSON.stringify(m), m]))('%s', (_name, modifier) => {
    const before = cloneDocument(stored);
    const expected = cloneDocument(stored);
    const expectedChanged = mingoUpdate(expected, modifier, undefined, undefined, { cloneMode: 'deep' }).length > 0;
    const { next, changed } = applyOperators(stored, modifier, undefined);
    expect(changed).toBe(expectedChanged);
    const { pattern: _pattern, ...rest } = next;
    const { pattern: _expectedPattern, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    expect(next.pattern).toEqual(/walk/i); // untouched fields are shared, not re-copied
    expect(stored).toEqual({ ...before, pattern: /walk/i }); // the stored version never changes
  });

  test('overlapping paths still go through mingo update() and its conflict check', () => {
    expect(() => applyOperators(stored, { $set: { count: 1 }, $inc: { count: 1 } }, undefined)).toThrow(/conflict/);
    expect(() => applyOperators(stored, { $set: { profile: {}, 'profile-x': 1 }, $unset: { 'profile.name': '' } }, undefined)).toThrow(/conflict/);
  });

  test('a nested write copies the field it changes inside, never the stored version', () => {
    const { next } = applyOperators(stored, { $set: { 'profile.name': 'C' }, $push: { 'profile.langs': 'cy' } }, undefined);
    expect(next.profile).toEqual({ name: 'C', langs: ['en', 'cy'] });
    expect(stored.profile).toEqual({ name: 'A', langs: ['en'] });
  });

  test.each([
    ['a field inside a string', { $set: { 'status.x': 1 } }],
    ['an array index', { $set: { 'events.0.n': 9 } }],
    ['a positional operator', { $set: { 'tags.$[]': 'x' } }],
  ])('%s gives what mingo update() gives', (_name, modifier) => {
    const expected = cloneDocument(stored);
    let expectedError: unknown;
    try {
      mingoUpdate(expected, modifier, undefined, undefined, { cloneMode: 'deep' });
    } catch (error) {
      expectedError = error;
    }
    if (expectedError) expect(() => applyOperators(stored, modifier, undefined)).toThrow((expectedError as Error).message);
    else expect({ ...applyOperators(stored, modifier, undefined).next, pattern: null }).toEqual({ ...expected, pattern: null });
  });
});

test('sameKey agrees with comparing keyOf strings', () => {
  const values: unknown[] = [
    null,
    undefined,
    0,
    -0,
    1,
    Long.fromNumber(1),
    Decimal128.fromString('1'),
    'a',
    'a,sb',
    true,
    new Date(1),
    new ObjectId('64b7f0c2a1b2c3d4e5f60718'),
    new Binary(Buffer.from('x')),
    [],
    ['a'],
    ['a', 'b'],
    [1, [2]],
    {},
    { a: 1 },
    { a: Long.fromNumber(1) },
    { a: 1, b: 2 },
    { b: 2, a: 1 },
    { a: { b: [1, { c: null }] } },
    { a: { b: [1, { c: undefined }] } },
  ];
  for (const a of values) for (const b of values) expect([a, b, sameKey(a, b)]).toEqual([a, b, keyOf(a) === keyOf(b)]);
});

test('replacing a document moves only the index keys that changed, and a clash changes nothing', () => {
  const coll = new Collection('app', 'referrals');
  coll.createIndex({ name: 'personKey_1', key: { personKey: 1 }, unique: true });
  coll.createIndex({ name: 'tags_1', key: { tags: 1 } });
  const a = { _id: 'a', personKey: 'p1', tags: ['x', 'y'] };
  const b = { _id: 'b', personKey: 'p2', tags: ['y'] };
  coll.insert(a);
  coll.insert(b);
  const a2 = { _id: 'a', personKey: 'p3', tags: ['y', 'z'] };
  coll.replace(a, a2);
  const ids = (filter: Document) => [...coll.candidates(filter)].map((d) => d._id);
  expect(ids({ personKey: 'p1' })).toEqual([]);
  expect(ids({ personKey: 'p3' })).toEqual(['a']);
  expect(ids({ tags: 'x' })).toEqual([]);
  expect(ids({ tags: 'y' })).toEqual(['a', 'b']);
  expect(ids({ tags: 'z' })).toEqual(['a']);
  expect(() => coll.replace(a2, { _id: 'a', personKey: 'p2', tags: ['q'] })).toThrow(/E11000.*personKey_1/);
  expect(coll.findById('a')).toBe(a2);
  expect(ids({ personKey: 'p3' })).toEqual(['a']);
  expect(ids({ tags: 'q' })).toEqual([]);
  coll.replace(a2, { _id: 'a', personKey: 'p3', tags: [] });
  expect(ids({ tags: 'z' })).toEqual([]);
});

test("a put record built around the document's bytes is the one serialize would build", () => {
  const doc = { _id: 'k', n: 1, when: new Date(3), list: ['é', { x: Long.fromNumber(5) }] };
  const built = encodePut('frontdoor', 'botState', serialize(doc));
  expect(Buffer.compare(built, Buffer.from(serialize({ o: 'put', d: 'frontdoor', c: 'botState', doc })))).toBe(0);
});

describe('through the driver', () => {
  let dbPath: string;
  beforeEach(() => {
    dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-fast-'));
  });
  afterEach(() => rmSync(dbPath, { recursive: true, force: true }));

  async function withClient(run: (client: MongoClient) => Promise<void>): Promise<void> {
    const server = await startEmbeddedServer({ port: 0, dbPath, log: () => undefined });
    const client = await MongoClient.connect(server.uri);
    try {
      await run(client);
    } finally {
      await client.close();
      await server.close();
    }
  }

  test('an open cursor keeps the versions it started with while updates share unchanged values', async () => {
    await withClient(async (client) => {
      const handoffs = client.db('app').collection<{ openFor: string; events: number[]; profile: Document; status?: string }>('handoffs');
      await handoffs.createIndex({ openFor: 1 }, { unique: true });
      await handoffs.insertMany([{ openFor: 'p1', events: [1], profile: { a: 1 } }, { openFor: 'p2', events: [1], profile: { a: 2 } }]);
      const cursor = handoffs.find({}, { batchSize: 1, projection: { _id: 0 } });
      expect(await cursor.next()).toEqual({ openFor: 'p1', events: [1], profile: { a: 1 } });
      await handoffs.findOneAndUpdate({ openFor: 'p2' }, { $push: { events: 2 }, $set: { status: 'open' } }, { upsert: true });
      expect(await cursor.next()).toEqual({ openFor: 'p2', events: [1], profile: { a: 2 } });
      expect(await handoffs.findOne({ openFor: 'p2' }, { projection: { _id: 0 } })).toEqual({ openFor: 'p2', events: [1, 2], profile: { a: 2 }, status: 'open' });
      expect(await handoffs.findOne({ openFor: 'p2' }, { projection: { status: 1 } })).toEqual({ status: 'open', _id: expect.anything() });
    });
  });

  test('replacements and updates written through the pre-encoded journal records survive a restart', async () => {
    await withClient(async (client) => {
      const state = client.db('app').collection<{ _id: string; eTag: string; turns: Document[] }>('botState');
      await state.replaceOne({ _id: 'conv/1' }, { eTag: '1', turns: [{ n: 1 }] }, { upsert: true });
      expect((await state.replaceOne({ _id: 'conv/1', eTag: '1' }, { eTag: '2', turns: [{ n: 1 }, { n: 2 }] })).modifiedCount).toBe(1);
      expect((await state.replaceOne({ _id: 'conv/1', eTag: '1' }, { eTag: '3', turns: [] })).matchedCount).toBe(0);
      expect((await state.replaceOne({ _id: 'conv/1' }, { eTag: '2', turns: [{ n: 1 }, { n: 2 }] })).modifiedCount).toBe(0);
      await client.db('app').collection('referrals').updateOne({ personKey: 'p1' }, { $set: { status: 'sent' } }, { upsert: true });
    });
    await withClient(async (client) => {
      expect(await client.db('app').collection<{ _id: string }>('botState').findOne({ _id: 'conv/1' })).toEqual({ _id: 'conv/1', eTag: '2', turns: [{ n: 1 }, { n: 2 }] });
      expect(await client.db('app').collection('referrals').findOne({ personKey: 'p1' }, { projection: { _id: 0 } })).toEqual({ personKey: 'p1', status: 'sent' });
    });
  });
});
