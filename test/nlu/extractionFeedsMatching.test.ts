import { servicesCollection } from '../../src/directory/import';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import { readStoredService, type StoredService } from '../../src/directory/schema';
import { extractCategories } from '../../src/nlu/categories';
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

/** The extractor's order is what the ranker weighs most (first-named need): the rules that set it. */
describe('the order extracted categories come in', () => {
  const order = (text: string, lang: 'en' | 'cy' = 'en') => extractCategories(text, lang).map((e) => e.category);

  it('puts what to do before a feeling or barrier said as often', () => {
    expect(order('I feel lonely and would like to join a choir')).toEqual(['music_singing', 'loneliness']);
    expect(order("Dw i'n unig ac mae gen i ddiddordeb mewn garddio", 'cy')).toEqual(['gardening_nature', 'loneliness']);
    expect(order("I'm struggling to afford the bus but I'd love to try swimming")).toEqual(['physical_activity', 'cost_barrier', 'transport_barrier']);
  });

  it('puts what someone wants to learn before learning itself', () => {
    expect(order('I want to learn to use a laptop')).toEqual(['digital_skills', 'learning']);
    expect(order('Hoffwn i ddysgu sut i ddefnyddio cyfrifiadur', 'cy')).toEqual(['digital_skills', 'learning']);
    // Not when "learn" has its own object: learning English, then meeting people.
    expect(order('I want to learn English and meet people')).toEqual(['learning', 'loneliness']);
  });

  it('lets a specific activity lead a broad word said as often', () => {
    expect(order('I like being outdoors and I used to cycle')).toEqual(['physical_activity', 'gardening_nature']);
  });

  it('counts overlapping phrases as one mention', () => {
    // "meet people like me" is one mention of loneliness, not two, so it does not outrank "gay".
    expect(order("I'm gay and would like to meet people like me")).toEqual(['lgbtq', 'loneliness']);
  });

  it('reads having or leaving a job as background, and not being able to pay for something as cost', () => {
    expect(order('I work days but would like a pottery class in the evening')).not.toContain('employment');
    expect(order('Since I stopped working I want to help out somewhere')).toEqual(['volunteering']);
    expect(order("I can't pay for the gym")).toEqual(['physical_activity', 'cost_barrier']);
    expect(order("I'm out of work and looking for a job")).toContain('employment');
  });
});
