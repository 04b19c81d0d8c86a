/**
 * The portable subset of ARCHITECTURE.md, "Storage", exercised through the official driver.
 * Runs against the embedded server, or against TEST_MONGODB_URI when set, with the same expectations.
 */
import { MongoBulkWriteError, MongoServerError, ObjectId, type Collection, type Document } from 'mongodb';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

/** The people in these tests; array fields typed so the driver's typings accept $push and $pull. */
interface Person {
  _id?: ObjectId;
  name: string;
  age?: number;
  town?: string;
  tags?: string[];
  visits?: number;
  sessions?: number;
  joined?: Date;
  seenAt?: Date;
  carer?: boolean;
  contact?: { method: string };
  area?: string;
  createdBy?: string;
  visitsLog?: number[];
}

let t: TestDatabase;
let people: Collection<Person>;

beforeAll(async () => {
  t = await startTestDatabase({ indexes: false });
});
afterAll(async () => t.stop());

beforeEach(async () => {
  people = t.db.collection<Person>('people');
  await people.deleteMany({});
  await people.insertMany([
    { _id: new ObjectId('000000000000000000000001'), name: 'Ann', age: 71, town: 'Brigg', tags: ['walking', 'gardening'], visits: 3, joined: new Date('2024-01-05') },
    { _id: new ObjectId('000000000000000000000002'), name: 'Bob', age: 34, town: 'Scunthorpe', tags: ['music'], visits: 0, joined: new Date('2024-03-01') },
    { _id: new ObjectId('000000000000000000000003'), name: 'Cerys', age: 52, town: 'Brigg', tags: ['singing', 'walking'], visits: 7, joined: new Date('2023-11-20'), carer: true },
    { _id: new ObjectId('000000000000000000000004'), name: 'Dev', age: 19, town: 'Barton', tags: [], visits: 1, joined: new Date('2024-06-10') },
  ]);
});

const names = (docs: Document[]) => docs.map((d) => d.name);

describe('find', () => {
  test('comparison operators', async () => {
    expect(names(await people.find({ age: { $gt: 50 } }).sort({ age: 1 }).toArray())).toEqual(['Cerys', 'Ann']);
    expect(names(await people.find({ age: { $gte: 34, $lt: 60 } }).sort({ name: 1 }).toArray())).toEqual(['Bob', 'Cerys']);
    expect(names(await people.find({ town: { $ne: 'Brigg' } }).sort({ name: 1 }).toArray())).toEqual(['Bob', 'Dev']);
    expect(names(await people.find({ town: { $in: ['Barton', 'Scunthorpe'] } }).sort({ name: 1 }).toArray())).toEqual(['Bob', 'Dev']);
    expect(names(await people.find({ town: { $nin: ['Brigg'] }, age: { $lte: 19 } }).toArray())).toEqual(['Dev']);
    expect(names(await people.find({ joined: { $lt: new Date('2024-01-01') } }).toArray())).toEqual(['Cerys']);
    expect(names(await people.find({ _id: new ObjectId('000000000000000000000002') }).toArray())).toEqual(['Bob']);
  });

  test('logical, element and array operators', async () => {
    expect(names(await people.find({ $or: [{ age: { $lt: 20 } }, { visits: { $gt: 5 } }] }).sort({ name: 1 }).toArray())).toEqual(['Cerys', 'Dev']);
    expect(names(await people.find({ $and: [{ town: 'Brigg' }, { age: { $gt: 60 } }] }).toArray())).toEqual(['Ann']);
    expect(names(await people.find({ $nor: [{ town: 'Brigg' }, { age: { $lt: 20 } }] }).toArray())).toEqual(['Bob']);
    expect(names(await people.find({ age: { $not: { $gt: 50 } } }).sort({ name: 1 }).toArray())).toEqual(['Bob', 'Dev']);
    expect(names(await people.find({ carer: { $exists: true } }).toArray())).toEqual(['Cerys']);
    expect(names(await people.find({ carer: { $exists: false }, town: 'Brigg' }).toArray())).toEqual(['Ann']);
    expect(names(await people.find({ name: { $type: 'string' }, visits: { $type: 'int' } }).toArray())).toHaveLength(4);
    expect(names(await people.find({ tags: 'walking' }).sort({ name: 1 }).toArray())).toEqual(['Ann', 'Cerys']);
    expect(names(await people.find({ tags: { $all: ['walking', 'singing'] } }).toArray())).toEqual(['Cerys']);
    expect(names(await people.find({ tags: { $size: 0 } }).toArray())).toEqual(['Dev']);
    expect(names(await people.find({ tags: { $elemMatch: { $eq: 'music' } } }).toArray())).toEqual(['Bob']);
  });

  test('sort, skip, limit and projection', async () => {
    const page = await people.find({}, { projection: { name: 1, _id: 0 } }).sort({ age: -1 }).skip(1).limit(2).toArray();
    expect(page).toEqual([{ name: 'Cerys' }, { name: 'Bob' }]);
    const without = await people.findOne({ name: 'Ann' }, { projection: { tags: 0, joined: 0 } });
    expect(without).toEqual({ _id: new ObjectId('000000000000000000000001'), name: 'Ann', age: 71, town: 'Brigg', visits: 3 });
    expect(names(await people.find().sort({ town: 1, age: -1 }).toArray())).toEqual(['Dev', 'Ann', 'Cerys', 'Bob']);
  });

  test('findOne of nothing is null, and types round-trip', async () => {
    expect(await people.findOne({ name: 'Nobody' })).toBeNull();
    const ann = await people.findOne({ name: 'Ann' });
    expect(ann?._id).toBeInstanceOf(ObjectId);
    expect(ann?.joined).toBeInstanceOf(Date);
    expect(ann?.joined?.toISOString()).toBe('2024-01-05T00:00:00.000Z');
  });
});

describe('writes', () => {
  test('insertOne generates an ObjectId _id', async () => {
    const result = await people.insertOne({ name: 'Eli' });
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    expect((await people.findOne({ _id: result.insertedId }))?.name).toBe('Eli');
  });

  test('update operators', async () => {
    const id = new ObjectId('000000000000000000000001');
    await people.updateOne({ _id: id }, { $set: { 'contact.method': 'sms' }, $inc: { visits: 2 }, $unset: { town: '' } });
    await people.updateOne({ _id: id }, { $push: { tags: 'art' }, $max: { age: 72 }, $min: { visits: 4 } });
    await people.updateOne({ _id: id }, { $addToSet: { tags: 'walking' } });
    // Two operators on one path conflict, as on MongoDB.
    await expect(people.updateOne({ _id: id }, { $push: { tags: 'x' }, $addToSet: { tags: 'y' } })).rejects.toThrow(/conflict/);
    await people.updateOne({ _id: id }, { $pull: { tags: 'gardening' }, $rename: { visits: 'sessions' }, $mul: { age: 1 }, $currentDate: { seenAt: true } });
    const ann = await people.findOne({ _id: id });
    expect(ann).toMatchObject({ name: 'Ann', age: 72, sessions: 4, contact: { method: 'sms' }, tags: ['walking', 'art'] });
    expect(ann?.town).toBeUndefined();
    expect(ann?.seenAt).toBeInstanceOf(Date);
    await people.updateOne({ _id: id }, { $push: { tags: { $each: ['a', 'b', 'c'], $slice: -3 } } });
    await people.updateOne({ _id: id }, { $pop: { tags: 1 }, $pullAll: { visitsLog: [] } });
    expect((await people.findOne({ _id: id }))?.tags).toEqual(['a', 'b']);
  });

  test('updateMany, replaceOne and counts of matched/modified', async () => {
    const many = await people.updateMany({ town: 'Brigg' }, { $set: { area: 'north' } });
    expect([many.matchedCount, many.modifiedCount]).toEqual([2, 2]);
    const again = await people.updateMany({ town: 'Brigg' }, { $set: { area: 'north' } });
    expect([again.matchedCount, again.modifiedCount]).toEqual([2, 0]);
    const replaced = await people.replaceOne({ name: 'Dev' }, { name: 'Dev', age: 20 });
    expect(replaced.modifiedCount).toBe(1);
    expect(await people.findOne({ name: 'Dev' }, { projection: { _id: 0 } })).toEqual({ name: 'Dev', age: 20 });
  });

  test('upserts, with $setOnInsert only on insert', async () => {
    const first = await people.updateOne({ name: 'Fran', town: 'Brigg' }, { $inc: { visits: 1 }, $setOnInsert: { createdBy: 'test' } }, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    const second = await people.updateOne({ name: 'Fran', town: 'Brigg' }, { $inc: { visits: 1 }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
    expect(second.upsertedCount).toBe(0);
    expect(await people.findOne({ name: 'Fran' }, { projection: { _id: 0 } })).toEqual({ name: 'Fran', town: 'Brigg', visits: 2, createdBy: 'test' });
    const replaced = await people.replaceOne({ _id: 'custom' as unknown as ObjectId }, { name: 'Gus' }, { upsert: true });
    expect(replaced.upsertedId).toBe('custom');
  });

  test('changing _id is refused', async () => {
    await expect(people.updateOne({ name: 'Ann' }, { $set: { _id: new ObjectId() } })).rejects.toThrow(/_id/);
  });

  test('deleteOne and deleteMany', async () => {
    expect((await people.deleteOne({ town: 'Brigg' })).deletedCount).toBe(1);
    expect((await people.deleteMany({ age: { $lt: 40 } })).deletedCount).toBe(2);
    expect(await people.countDocuments()).toBe(1);
  });

  test('findOneAndUpdate, findOneAndReplace and findOneAndDelete', async () => {
    const before = await people.findOneAndUpdate({ town: 'Brigg' }, { $inc: { visits: 10 } }, { sort: { age: 1 } });
    expect(before).toMatchObject({ name: 'Cerys', visits: 7 });
    const after = await people.findOneAndUpdate({ name: 'Cerys' }, { $inc: { visits: 1 } }, { returnDocument: 'after', projection: { visits: 1, _id: 0 } });
    expect(after).toEqual({ visits: 18 });
    const upserted = await people.findOneAndUpdate({ name: 'Hal' }, { $set: { age: 40 } }, { upsert: true, returnDocument: 'after' });
    expect(upserted).toMatchObject({ name: 'Hal', age: 40 });
    const replaced = await people.findOneAndReplace({ name: 'Hal' }, { name: 'Hal', age: 41 }, { returnDocument: 'after' });
    expect(replaced).toMatchObject({ name: 'Hal', age: 41 });
    const removed = await people.findOneAndDelete({ name: 'Hal' });
    expect(removed?.name).toBe('Hal');
    expect(await people.findOneAndDelete({ name: 'Hal' })).toBeNull();
  });

  test('bulkWrite of mixed operations', async () => {
    const result = await people.bulkWrite([
      { insertOne: { document: { name: 'Ivy' } } },
      { updateOne: { filter: { name: 'Ann' }, update: { $set: { age: 80 } } } },
      { updateMany: { filter: { town: 'Brigg' }, update: { $inc: { visits: 1 } } } },
      { replaceOne: { filter: { name: 'Bob' }, replacement: { name: 'Bob', age: 35 } } },
      { deleteOne: { filter: { name: 'Dev' } } },
      { deleteMany: { filter: { name: 'Nobody' } } },
      { updateOne: { filter: { name: 'Jo' }, update: { $set: { age: 9 } }, upsert: true } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.matchedCount).toBe(4);
    expect(result.deletedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(await people.countDocuments()).toBe(5); // 4 + Ivy + Jo - Dev
  });

  test('countDocuments, estimatedDocumentCount and distinct', async () => {
    expect(await people.countDocuments({ town: 'Brigg' })).toBe(2);
    expect(await people.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await people.estimatedDocumentCount()).toBe(4);
    expect((await people.distinct('town')).sort()).toEqual(['Barton', 'Brigg', 'Scunthorpe']);
    expect((await people.distinct('tags', { town: 'Brigg' })).sort()).toEqual(['gardening', 'singing', 'walking']);
  });
});

describe('aggregate', () => {
  test('$match $group $sort $project $limit $skip $count', async () => {
    const byTown = await people
      .aggregate([
        { $match: { age: { $gte: 19 } } },
        { $group: { _id: '$town', people: { $sum: 1 }, averageAge: { $avg: '$age' }, names: { $push: '$name' } } },
        { $sort: { people: -1, _id: 1 } },
        { $project: { _id: 0, town: '$_id', people: 1, averageAge: 1 } },
        { $skip: 0 },
        { $limit: 2 },
      ])
      .toArray();
    expect(byTown).toEqual([
      { people: 2, averageAge: 61.5, town: 'Brigg' },
      { people: 1, averageAge: 19, town: 'Barton' },
    ]);
    expect(await people.aggregate([{ $match: { town: 'Brigg' } }, { $count: 'n' }]).toArray()).toEqual([{ n: 2 }]);
  });

  test('$unwind and $lookup by localField/foreignField', async () => {
    const towns = t.db.collection('towns');
    await towns.deleteMany({});
    await towns.insertMany([{ name: 'Brigg', county: 'Lincolnshire' }, { name: 'Barton', county: 'Lincolnshire' }]);
    const tagCounts = await people.aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }, { $limit: 1 }]).toArray();
    expect(tagCounts).toEqual([{ _id: 'walking', n: 2 }]);
    const joined = await people
      .aggregate([{ $match: { name: 'Ann' } }, { $lookup: { from: 'towns', localField: 'town', foreignField: 'name', as: 'place' } }, { $project: { _id: 0, county: '$place.county' } }])
      .toArray();
    expect(joined).toEqual([{ county: ['Lincolnshire'] }]);
  });
});

describe('indexes', () => {
  test('unique index violations are reported as duplicate key errors', async () => {
    const users = t.db.collection('users');
    await users.drop().catch(() => undefined);
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@example.org' });
    const error = await users.insertOne({ email: 'a@example.org' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect((error as MongoServerError).keyValue).toEqual({ email: 'a@example.org' });
    // An update that would collide is refused too, and the stored document is unchanged.
    await users.insertOne({ email: 'b@example.org' });
    await expect(users.updateOne({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } })).rejects.toMatchObject({ code: 11000 });
    expect(await users.countDocuments({ email: 'b@example.org' })).toBe(1);
    // An ordered insertMany stops at the first duplicate and says which one.
    const bulk = await users.insertMany([{ email: 'c@example.org' }, { email: 'a@example.org' }, { email: 'd@example.org' }]).catch((e: unknown) => e);
    expect(bulk).toBeInstanceOf(MongoBulkWriteError);
    expect((bulk as MongoBulkWriteError).insertedCount).toBe(1);
    expect(await users.countDocuments()).toBe(3);
  });

  test('compound unique indexes, listIndexes and dropIndex', async () => {
    const slots = t.db.collection('slots');
    await slots.drop().catch(() => undefined);
    await slots.createIndexes([{ key: { service: 1, day: 1 }, name: 'service_day', unique: true }, { key: { day: -1 } }]);
    await slots.insertOne({ service: 's1', day: 'mon' });
    await slots.insertOne({ service: 's1', day: 'tue' });
    await slots.insertOne({ service: 's2', day: 'mon' });
    await expect(slots.insertOne({ service: 's1', day: 'mon' })).rejects.toMatchObject({ code: 11000 });
    const indexes = await slots.listIndexes().toArray();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'day_-1', 'service_day']);
    expect(indexes.find((i) => i.name === 'service_day')).toMatchObject({ key: { service: 1, day: 1 }, unique: true });
    await slots.dropIndex('service_day');
    await slots.insertOne({ service: 's1', day: 'mon' });
    expect(await slots.countDocuments({ service: 's1', day: 'mon' })).toBe(2);
  });

  test('creating a unique index over duplicates fails and leaves no index', async () => {
    const dupes = t.db.collection('dupes');
    await dupes.drop().catch(() => undefined);
    await dupes.insertMany([{ k: 1 }, { k: 1 }]);
    await expect(dupes.createIndex({ k: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await dupes.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });
});

describe('databases and collections', () => {
  test('create, list, drop', async () => {
    await t.db.createCollection('made');
    const collections = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(collections).toContain('made');
    await expect(t.db.createCollection('made')).rejects.toMatchObject({ code: 48 });
    expect(await t.db.collection('made').drop()).toBe(true);
    expect((await t.db.listCollections({ name: 'made' }).toArray()).length).toBe(0);
    const admin = t.client.db().admin();
    expect((await admin.listDatabases()).databases.map((d) => d.name)).toContain(t.db.databaseName);
    expect(await admin.ping()).toMatchObject({ ok: 1 });
  });
});
