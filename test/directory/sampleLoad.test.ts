/** A fresh development database gets the sample directory; one that holds a directory is left alone. */
import { loadSampleDirectoryIfEmpty, servicesCollection } from '../../src/directory';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeEach(async () => {
  t = await startTestDatabase();
});
afterEach(async () => t.stop());

test('loads the fictional town into an empty directory, once', async () => {
  const lines: string[] = [];
  expect(await loadSampleDirectoryIfEmpty(t.db, (line) => lines.push(line))).toBe(true);
  const services = servicesCollection(t.db);
  expect(await services.countDocuments({ source: 'sample' })).toBeGreaterThanOrEqual(160);
  expect(lines.join('\n')).toMatch(/Sample directory loaded: \d+ activities/);
  expect(await loadSampleDirectoryIfEmpty(t.db, () => undefined)).toBe(false);
});

test("leaves an operator's directory alone", async () => {
  await servicesCollection(t.db).insertOne({ _id: 'council:1', source: 'council', sourceId: '1', name: 'Real group' } as never);
  expect(await loadSampleDirectoryIfEmpty(t.db, () => undefined)).toBe(false);
  expect(await servicesCollection(t.db).countDocuments()).toBe(1);
});
