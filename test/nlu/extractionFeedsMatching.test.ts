import { servicesCollection } from '../../src/directory/import';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import { readStoredService, type StoredService } from '../../src/directory/schema';
import { compareExtraction, describeComparison, MAX_DROP, type MatchingComparison } from '../../scripts/eval/matching';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * Issue 8: extraction feeds matching. The same labelled profiles (test/fixtures/matching) and the same ranker,
 * once with the hand-labelled categories and once with the offline recogniser's categories from the
 * person's words; the sample directory goes through the real import into a real database.
 */
describe('extracted categories feed matching as well as hand labels', () => {
  let t: TestDatabase;
  let services: StoredService[];
  let comparison: MatchingComparison;

  beforeAll(async () => {
    t = await startTestDatabase();
    await loadSampleDirectoryIfEmpty(t.db, () => undefined);
    const docs = await servicesCollection(t.db).find({}).toArray();
    services = docs.map((d) => readStoredService(d)).filter((s): s is StoredService => s !== undefined);
    comparison = await compareExtraction(services);
    console.log(`Extraction feeds matching:\n  ${describeComparison(comparison).join('\n  ')}`);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('ranks the whole set both ways, from what the recogniser found in each text', () => {
    expect(services.length).toBeGreaterThan(150);
    expect(comparison.hand.results).toHaveLength(comparison.profiles.length);
    expect(comparison.extracted.results).toHaveLength(comparison.profiles.length);
    // The extractor really ran: most texts give it something to find.
    expect(comparison.profiles.filter((p) => p.categories.length > 0).length).toBeGreaterThan(comparison.profiles.length * 0.8);
  });

  it('keeps the hand-labelled precision@3 at 0.8 or more', () => {
    expect(comparison.hand.precisionAt3).toBeGreaterThanOrEqual(0.8);
  });

  it(`loses no more than ${MAX_DROP} precision@3 when extracted categories replace the hand labels`, () => {
    expect(comparison.drop).toBeLessThanOrEqual(MAX_DROP);
  });
});
