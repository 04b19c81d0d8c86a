/** A fresh development database gets the sample directory; one that holds a directory is left alone. */
import path from 'node:path';
import { loadSampleDirectoryIfEmpty, servicesCollection } from '../../src/directory';
import { parseImportArgs, runImport } from '../../src/directory/cli';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

/** A real council's export (../shared/data, see its README). */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');

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

test('importing a real directory retires the fictional one, so it is never suggested next to real places', async () => {
  await loadSampleDirectoryIfEmpty(t.db, () => undefined);
  const lines: string[] = [];
  const code = await runImport(parseImportArgs([NORTH_LINCS, '--source', 'northlincs']), t.db, (line) => lines.push(line));
  expect(code).toBe(0);
  const services = servicesCollection(t.db);
  expect(await services.countDocuments({ source: 'sample', status: 'active' })).toBe(0);
  expect(await services.countDocuments({ source: 'northlincs', status: 'active' })).toBeGreaterThan(100);
  expect(lines.join('\n')).toMatch(/fictional sample directory is no longer suggested \(\d+ activities marked inactive\)/);
  // And the next start does not load it again.
  expect(await loadSampleDirectoryIfEmpty(t.db, () => undefined)).toBe(false);
});

test('an import stopped part way (killed, or failing after its first batch) leaves no fictional place suggested', async () => {
  await loadSampleDirectoryIfEmpty(t.db, () => undefined);
  const stopAfterFirstBatch = (line: string) => {
    if (/records written or checked/.test(line)) throw new Error('killed');
  };
  const code = await runImport(parseImportArgs([NORTH_LINCS, '--source', 'northlincs', '--batch-size', '50']), t.db, stopAfterFirstBatch);
  expect(code).toBe(1);
  const services = servicesCollection(t.db);
  expect(await services.countDocuments({ source: 'northlincs' })).toBeGreaterThan(0);
  expect(await services.countDocuments({ source: 'sample', status: 'active' })).toBe(0);
});
