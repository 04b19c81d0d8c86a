/** Bot Framework state in MongoDB: botbuilder's own state classes over our Storage, through the driver. */
import { ActivityTypes, ConversationState, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { Collections } from '../../src/store/collections';
import { ETagConflictError, MongoBotStorage } from '../../src/store/botStorage';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let storage: MongoBotStorage;
beforeAll(async () => {
  t = await startTestDatabase();
  storage = new MongoBotStorage(t.db);
});
afterAll(async () => t.stop());

test('read, write and delete round-trip items with an eTag', async () => {
  expect(await storage.read(['missing'])).toEqual({});
  await storage.write({ 'web/conversations/a': { step: 2, answers: { 'what.matters': 'friends', $odd: true } } });
  const read = await storage.read(['web/conversations/a', 'missing']);
  expect(Object.keys(read)).toEqual(['web/conversations/a']);
  expect(read['web/conversations/a']).toMatchObject({ step: 2, answers: { 'what.matters': 'friends', $odd: true } });
  expect(typeof read['web/conversations/a'].eTag).toBe('string');
  await storage.delete(['web/conversations/a']);
  expect(await storage.read(['web/conversations/a'])).toEqual({});
  expect(await t.db.collection(Collections.botState).countDocuments()).toBe(0);
});

test('a write with a stale eTag fails; the current eTag or * succeeds', async () => {
  await storage.write({ k: { n: 1 } });
  const first = (await storage.read(['k'])).k;
  await storage.write({ k: { ...first, n: 2 } });
  await expect(storage.write({ k: { ...first, n: 3 } })).rejects.toThrow(ETagConflictError);
  await expect(storage.write({ k: { ...first, n: 3 } })).rejects.toThrow(/eTag conflict/);
  expect((await storage.read(['k'])).k.n).toBe(2);
  const current = (await storage.read(['k'])).k;
  await storage.write({ k: { ...current, n: 4 } });
  await storage.write({ k: { n: 5, eTag: '*' } });
  expect((await storage.read(['k'])).k.n).toBe(5);
});

test('of two concurrent writers holding the same eTag, exactly one wins', async () => {
  await storage.write({ race: { n: 0 } });
  const seen = (await storage.read(['race'])).race;
  const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => storage.write({ race: { ...seen, n: i + 1 } })));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ETagConflictError)).toBe(true);
});

test('ConversationState and UserState persist across turns and survive a new storage instance', async () => {
  const adapter = new TestAdapter();
  const activity = { type: ActivityTypes.Message, text: 'hi', channelId: 'test', conversation: { id: 'conv-1' }, from: { id: 'person-1' }, recipient: { id: 'bot' } };
  const turn = async (store: MongoBotStorage) => {
    const conversationState = new ConversationState(store);
    const userState = new UserState(store);
    const count = conversationState.createProperty<number>('count');
    const language = userState.createProperty<string>('language');
    const context = new TurnContext(adapter, activity as never);
    await conversationState.load(context);
    await userState.load(context);
    const next = (await count.get(context, 0)) + 1;
    await count.set(context, next);
    await language.set(context, 'cy');
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
    return next;
  };
  expect(await turn(storage)).toBe(1);
  expect(await turn(storage)).toBe(2);
  expect(await turn(new MongoBotStorage(t.db))).toBe(3);
  const keys = (await t.db.collection(Collections.botState).find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  expect(keys).toEqual(expect.arrayContaining(['test/conversations/conv-1/', 'test/users/person-1/']));
});
