/** The one connection module: MONGODB_URI wins; otherwise the embedded server in a child process. */
import { startEmbeddedServer } from '../../src/store/embedded';
import { Collections, openDatabase, redact } from '../../src/store';

test('with no URI it starts the embedded server in a child process and creates the indexes', async () => {
  const lines: string[] = [];
  const database = await openDatabase({ memory: true, log: (line) => lines.push(line) });
  try {
    expect(database.embedded).toBe(true);
    expect(lines.join('\n')).toMatch(/^Embedded MongoDB listening at mongodb:\/\/127\.0\.0\.1:\d+\/frontdoor$/m);
    expect(database.db.databaseName).toBe('frontdoor');
    const indexes = await database.db.collection(Collections.referrals).listIndexes().toArray();
    expect(indexes.find((i) => i.name === 'personKey_1')).toMatchObject({ unique: true });
    expect(await database.ping()).toBe(true);
  } finally {
    await database.close();
  }
  expect(await database.ping()).toBe(false);
});

test('a given URI always wins, and its database name is used', async () => {
  const server = await startEmbeddedServer({ port: 0, memory: true, log: () => undefined });
  try {
    const database = await openDatabase({ uri: server.uri.replace(/\/frontdoor$/, '/operators_own'), log: () => undefined });
    expect(database.embedded).toBe(false);
    expect(database.db.databaseName).toBe('operators_own');
    await database.close();
  } finally {
    await server.close();
  }
});

test('an unreachable URI fails with a clear message that hides the password', async () => {
  await expect(openDatabase({ uri: 'mongodb://admin:secret@127.0.0.1:1/x', serverSelectionTimeoutMS: 500, log: () => undefined })).rejects.toThrow(
    /Could not connect to MongoDB at mongodb:\/\/admin:\*\*\*@127\.0\.0\.1:1/,
  );
  expect(redact('mongodb+srv://u:p%40ss@cluster.example.net/db')).toBe('mongodb+srv://u:***@cluster.example.net/db');
});
