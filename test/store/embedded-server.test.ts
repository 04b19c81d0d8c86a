/** What only the embedded server promises: refusal outside the subset, and robustness to bad input. */
import net from 'node:net';
import { serialize } from 'bson';
import { MongoClient, type Db } from 'mongodb';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded';

let server: EmbeddedServer;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, memory: true, log: () => undefined });
  client = await MongoClient.connect(server.uri);
  db = client.db('embedded');
  await db.collection('c').insertMany([{ a: 1, text: 'walking group' }, { a: 2, text: 'art club' }]);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('anything outside the portable subset is refused by name', () => {
  const refused: [string, () => Promise<unknown>, RegExp][] = [
    ['$text', () => db.collection('c').find({ $text: { $search: 'walk' } }).toArray(), /\$text/],
    ['$where', () => db.collection('c').find({ $where: 'this.a > 1' }).toArray(), /\$where/],
    ['$regex', () => db.collection('c').find({ text: { $regex: 'walk' } }).toArray(), /\$regex/],
    ['$near', () => db.collection('c').find({ loc: { $near: [0, 0] } }).toArray(), /\$near/],
    ['$expr', () => db.collection('c').find({ $expr: { $gt: ['$a', 1] } }).toArray(), /\$expr/],
    ['$facet', () => db.collection('c').aggregate([{ $facet: { x: [] } }]).toArray(), /\$facet/],
    ['$out', () => db.collection('c').aggregate([{ $out: 'copy' }]).toArray(), /\$out/],
    ['$function', () => db.collection('c').aggregate([{ $project: { x: { $function: { body: 'x', args: [], lang: 'js' } } } }]).toArray(), /\$function/],
    ['$lookup pipeline', () => db.collection('c').aggregate([{ $lookup: { from: 'c', pipeline: [], as: 'x' } }]).toArray(), /\$lookup with a pipeline/],
    ['pipeline update', () => db.collection('c').updateOne({ a: 1 }, [{ $set: { b: 1 } }]), /aggregation pipeline/],
    ['$bit', () => db.collection('c').updateOne({ a: 1 }, { $bit: { a: { and: 1 } } }), /\$bit/],
    ['TTL index', () => db.collection('c').createIndex({ at: 1 }, { expireAfterSeconds: 60 }), /TTL/],
    ['text index', () => db.collection('c').createIndex({ text: 'text' }), /index type/],
    ['collation', () => db.collection('c').find({ a: 1 }, { collation: { locale: 'en' } }).toArray(), /collation/],
    ['transaction', () => db.command({ find: 'c', startTransaction: true, autocommit: false }), /transactions/],
    ['unknown command', () => db.command({ mapReduce: 'c' }), /no such command: 'mapReduce'/],
    ['serverStatus', () => db.command({ serverStatus: 1 }), /no such command/],
  ];
  test.each(refused)('%s', async (_name, run, message) => {
    await expect(run()).rejects.toThrow(message);
    await expect(run()).rejects.toThrow(/portable subset/);
  });

  test('a refused write changes nothing', async () => {
    await expect(db.collection('c').updateMany({}, { $set: { b: 1 }, $bit: { a: { or: 1 } } })).rejects.toThrow();
    expect(await db.collection('c').countDocuments({ b: 1 })).toBe(0);
  });
});

/** Sends raw bytes on a fresh socket and resolves when the server closes it. */
function sendRaw(bytes: Buffer): Promise<'closed'> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => resolve('closed'));
    setTimeout(() => reject(new Error('server kept a bad connection open')), 5000).unref();
  });
}

function header(length: number, opCode: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(1, 4);
  head.writeInt32LE(0, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

describe('bad input closes that connection and leaves the server and other clients running', () => {
  test.each([
    ['garbage bytes', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')],
    ['a negative length', header(-5, 2013)],
    ['an oversized message', header(100_000_000, 2013)],
    ['an unknown opcode', Buffer.concat([header(26, 9999), Buffer.alloc(10)])],
    ['a truncated BSON body', Buffer.concat([header(16 + 4 + 1 + 8, 2013), Buffer.from([0, 0, 0, 0, 0]), Buffer.from([50, 0, 0, 0, 1, 2, 3, 4])])],
    ['an OP_MSG with an unknown section kind', Buffer.concat([header(16 + 4 + 1 + 5, 2013), Buffer.from([0, 0, 0, 0, 7]), Buffer.from(serialize({}))])],
  ])('%s', async (_name, bytes) => {
    await expect(sendRaw(bytes)).resolves.toBe('closed');
    expect(await db.collection('c').countDocuments()).toBe(2);
  });

  test('a well-formed but invalid command gets an error reply, not a crash', async () => {
    await expect(db.command({ insert: 'c', documents: 'not an array' })).rejects.toThrow(/documents/);
    await expect(db.command({ find: 42 })).rejects.toThrow(/collection/);
    await expect(db.collection('c').insertOne({ $bad: 1 })).rejects.toThrow(/\$ prefixed/);
    expect(await db.collection('c').countDocuments()).toBe(2);
  });
});

test('an indexed findOne reads one document, not the collection', async () => {
  // Timing-free check: a 50k collection, and a findOne by an indexed field must not scale with size.
  const big = db.collection('big');
  await big.createIndex({ key: 1 }, { unique: true });
  await big.insertMany(Array.from({ length: 50_000 }, (_, i) => ({ key: `k${i}`, n: i })));
  const time = async (filter: object) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) await big.findOne(filter);
    return Number(process.hrtime.bigint() - start) / 1e6 / 200;
  };
  const indexed = await time({ key: 'k49999' });
  const scanned = await time({ n: 49_999 });
  expect(await big.findOne({ key: 'k49999' }, { projection: { _id: 0 } })).toEqual({ key: 'k49999', n: 49_999 });
  // A scan of 50k documents through the query engine is far slower than a look-up.
  expect(scanned / indexed).toBeGreaterThan(5);
});
