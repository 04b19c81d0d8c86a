import fs from 'node:fs';
import { servicesCollection } from '../../src/directory/import';
import { DirectoryGeocoder } from '../../src/directory/geocode';
import { rankServices } from '../../src/directory/match';
import { loadSampleDirectoryIfEmpty, SAMPLE_DIRECTORY_FILE } from '../../src/directory/sample';
import { readStoredService, type StoredService } from '../../src/directory/schema';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { evaluatePrecisionAt3, handLabelled, loadLabelledProfiles, matchProfileFor } from '../fixtures/matching/evaluate';

/**
 * Matching quality on the labelled set (test/fixtures/matching): the sample directory goes through the
 * real import into a real database; profiles use the hand-labelled categories as extracted evidence.
 */
const NOW = new Date('2026-11-24T12:00:00Z');

interface RawTerm {
  taxonomy: string;
  term: string;
}
interface RawService {
  id: string;
  attributes?: { taxonomy_term: RawTerm }[];
  service_at_locations: { location: { attributes?: { taxonomy_term: RawTerm }[] } }[];
}

/** What the published record itself says (read from the raw ORUK file, not through our importer). */
function rawFacts(): Map<string, { paid: boolean; notStepFree: boolean; inPerson: boolean }> {
  const raw = JSON.parse(fs.readFileSync(SAMPLE_DIRECTORY_FILE, 'utf8')) as RawService[];
  return new Map(
    raw.map((s) => {
      const terms = (s.attributes ?? []).map((a) => a.taxonomy_term);
      const access = s.service_at_locations.flatMap((l) => (l.location.attributes ?? []).map((a) => a.taxonomy_term.term));
      return [
        `sample:${s.id}`,
        {
          paid: terms.some((t) => t.taxonomy === 'frontdoor-cost' && t.term === 'paid'),
          notStepFree: access.includes('not_step_free'),
          inPerson: terms.some((t) => t.taxonomy === 'frontdoor-delivery' && t.term === 'in_person'),
        },
      ];
    }),
  );
}

describe('matching quality on the labelled set', () => {
  let t: TestDatabase;
  let services: StoredService[];
  let geocoder: DirectoryGeocoder;
  const profiles = loadLabelledProfiles();

  beforeAll(async () => {
    t = await startTestDatabase();
    await loadSampleDirectoryIfEmpty(t.db, () => undefined);
    const docs = await servicesCollection(t.db).find({}).toArray();
    services = docs.map((d) => readStoredService(d)).filter((s): s is StoredService => s !== undefined);
    geocoder = new DirectoryGeocoder(services);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('has at least 60 varied profiles, some in Welsh, each with labelled services', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(60);
    expect(profiles.filter((p) => p.lang === 'cy').length).toBeGreaterThanOrEqual(3);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    for (const p of profiles) expect(p.relevant.length).toBeGreaterThan(0);
  });

  it('reaches precision@3 of at least 0.8 with hand-labelled categories', async () => {
    const { precisionAt3, results } = await evaluatePrecisionAt3(services, handLabelled, { geocoder, now: NOW });
    const misses = results.filter((r) => r.precision < 1).map((r) => `${r.id} ${r.precision.toFixed(2)}: ${r.top.map((s) => s.name).join('; ')}`);
    console.log(`Matching precision@3 (hand-labelled categories, ${results.length} profiles): ${precisionAt3.toFixed(3)}\nBelow 1:\n  ${misses.join('\n  ')}`);
    expect(precisionAt3).toBeGreaterThanOrEqual(0.8);
  });

  it('never puts a service that breaks a cost or access barrier in the top 3 when the record says so', () => {
    const facts = rawFacts();
    let checked = 0;
    for (const p of profiles.filter((x) => x.barriers.includes('cost') || x.barriers.includes('access'))) {
      for (const suggestion of rankServices(services, matchProfileFor(p, p.categories.map((category) => ({ category, words: [] }))), { geocoder, now: NOW })) {
        const f = facts.get(suggestion.id)!;
        if (p.barriers.includes('cost')) expect({ profile: p.id, service: suggestion.name, paid: f.paid }).toEqual({ profile: p.id, service: suggestion.name, paid: false });
        if (p.barriers.includes('access')) expect({ profile: p.id, service: suggestion.name, stepIssue: f.notStepFree && f.inPerson }).toEqual({ profile: p.id, service: suggestion.name, stepIssue: false });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('is deterministic: ranking twice, or the directory shuffled, gives the same suggestions', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const shuffled = [...services];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    for (const p of profiles.slice(0, 20)) {
      const profile = matchProfileFor(p, p.categories.map((category) => ({ category, words: [] })));
      const first = rankServices(services, profile, { geocoder, now: NOW, limit: 5 }).map((s) => s.id);
      expect(rankServices(services, profile, { geocoder, now: NOW, limit: 5 }).map((s) => s.id)).toEqual(first);
      expect(rankServices(shuffled, profile, { geocoder, now: NOW, limit: 5 }).map((s) => s.id)).toEqual(first);
    }
  });
});
