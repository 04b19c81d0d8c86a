import { CATEGORIES, CATEGORY_VOCABULARY, type Category } from '../src/directory/categories';
import { DirectoryGeocoder } from '../src/directory/geocode';
import { rankServices } from '../src/directory/match';
import type { MatchProfile } from '../src/directory/profile';
import { DAY_CODES, SERVICE_SCHEMA_VERSION, type StoredService } from '../src/directory/schema';
import { measure, printHeader, printTarget } from './measure';

/**
 * Ranking benchmark (issue 5, matching): rank generated directories of 1k, 10k and 100k services for a
 * few varied profiles; p50/p95 per size beside a plain sort of the same array, and heap per 10k services.
 * Target: p95 under 20 ms at 10k.
 */

/** Deterministic PRNG (mulberry32) so every run ranks the same directory. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'friendly group welcome weekly session community centre tea chat walk garden music art craft learn help advice support local volunteers'.split(' ');
const ACTIVITY: Partial<Record<Category, string>> = { walking: 'walking', physical_activity: 'exercise', music_singing: 'choir', arts_crafts: 'crafts', gardening_nature: 'gardening' };

export function generateServices(count: number, seed = 20261124): StoredService[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const services: StoredService[] = [];
  for (let i = 0; i < count; i++) {
    const categories = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(CATEGORIES)))];
    const free = random() < 0.65;
    const delivery = random() < 0.1 ? ['online'] : random() < 0.15 ? ['in_person', 'phone'] : ['in_person'];
    const district = `KX${1 + Math.floor(random() * 6)}`;
    const day = pick(DAY_CODES);
    const hour = 8 + Math.floor(random() * 12);
    const name = `${pick(WORDS)} ${ACTIVITY[categories[0]] ?? pick(WORDS)} ${i}`;
    services.push({
      _id: `bench:${String(i).padStart(6, '0')}`,
      schemaVersion: SERVICE_SCHEMA_VERSION,
      source: 'bench',
      sourceId: String(i),
      name,
      description: Array.from({ length: 25 }, () => pick(WORDS)).join(' '),
      status: 'active',
      cost: { free, options: [] },
      organisation: { id: `org${Math.floor(random() * (count / 5))}` },
      locations: [
        {
          address: `${i} High Street, ${pick(['Kestleford', 'Fennick', 'Oxley Wold', 'Saltmoor'])}`,
          postcode: `${district} ${1 + Math.floor(random() * 9)}AB`,
          lat: 52.3 + (random() - 0.5) * 0.2,
          lng: -2.45 + (random() - 0.5) * 0.3,
          accessibility: [],
          taxonomy: [{ code: random() < 0.85 ? 'step_free' : 'not_step_free', vocabulary: 'frontdoor-access' }],
        },
      ],
      schedules: [{ given: {}, days: [day], opensAt: `${String(hour).padStart(2, '0')}:00`, closesAt: `${String(hour + 2).padStart(2, '0')}:00` }],
      languages: random() < 0.1 ? ['English', pick(['Polish', 'Urdu', 'Welsh'])] : ['English'],
      accessibility: [],
      taxonomy: [
        ...categories.map((c) => ({ code: c, name: c, vocabulary: CATEGORY_VOCABULARY })),
        { code: free ? 'free' : 'paid', vocabulary: 'frontdoor-cost' },
        { code: pick(['one_to_one', 'small_group', 'large_group']), vocabulary: 'frontdoor-group-size' },
        ...delivery.map((d) => ({ code: d, vocabulary: 'frontdoor-delivery' })),
      ],
      audiences: [],
      provenance: { source: 'bench', assuredDate: random() < 0.05 ? '2023-01-01' : '2026-06-01', importedAt: new Date(0) },
      updatedAt: new Date(0),
      contentHash: String(i),
    });
  }
  return services;
}

const PROFILES: MatchProfile[] = [
  { text: 'I feel lonely since my wife died, I used to love walking', categories: [{ category: 'loneliness', from: 'text' }, { category: 'bereavement', from: 'text' }, { category: 'walking', from: 'interest' }], barriers: ['cost'], days: 'weekdays', times: ['mornings'], place: { kind: 'postcodeDistrict', value: 'KX1' }, lang: 'en' },
  { text: 'gardening and being outdoors', categories: [{ category: 'gardening_nature', from: 'interest' }], barriers: ['access', 'transport'], place: { kind: 'town', value: 'Fennick' }, lang: 'en' },
  { text: 'Dw i eisiau canu mewn côr', categories: [{ category: 'music_singing', from: 'text' }], barriers: ['groupAnxiety', 'language'], days: 'weekends', times: ['afternoons', 'evenings'], lang: 'cy' },
  { text: 'money worries and debt', categories: [{ category: 'money_debt', from: 'text' }, { category: 'mental_wellbeing', from: 'text' }], barriers: [], lang: 'en' },
];

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

const ms = (n: number) => n.toFixed(3);

/** Returns false when the 10k target is missed. */
export async function benchRanking(): Promise<boolean> {
  printHeader('Ranking (matching): rankServices over generated directories, 4 varied profiles, limit 3');
  const gcNote = (globalThis as { gc?: () => void }).gc ? 'with global.gc' : 'no global.gc: heap figures are approximate (run node --expose-gc for exact)';
  let allMet = true;
  for (const size of [1_000, 10_000, 100_000]) {
    const before = heapUsed();
    const services = generateServices(size);
    const afterRecords = heapUsed();
    const geocoder = new DirectoryGeocoder(services);
    // The first ranking of an array derives each service's facts and a word index (kept for later calls).
    const coldStart = process.hrtime.bigint();
    rankServices(services, PROFILES[0], { geocoder });
    const firstMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const afterFacts = heapUsed();
    const runs = size >= 100_000 ? 40 : 200;
    // Warm up (JIT) before measuring.
    for (let i = 0; i < 8; i++) rankServices(services, PROFILES[i % PROFILES.length], { geocoder });
    const ranking = await measure(runs, 1, (i) => rankServices(services, PROFILES[i % PROFILES.length], { geocoder }));
    const keys = services.map((_, i) => (i * 7919) % size);
    const baseline = await measure(runs, 1, () => [...services.keys()].sort((a, b) => keys[b] - keys[a] || a - b));
    const per10k = (bytes: number) => `${((bytes / size) * 10_000 / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `${size.toLocaleString('en-GB')} services: rank p50 ${ms(ranking.p50)} ms, p95 ${ms(ranking.p95)} ms | ` +
        `baseline (sort of the same array by a precomputed number) p50 ${ms(baseline.p50)} ms, p95 ${ms(baseline.p95)} ms | ` +
        `p50 ratio ${(ranking.p50 / baseline.p50).toFixed(1)}x | first ranking of the array (derives facts and word index) ${firstMs.toFixed(0)} ms`,
    );
    console.log(`  heap per 10k services: records ${per10k(afterRecords - before)}, derived facts, word index and geocoder ${per10k(afterFacts - afterRecords)} (${gcNote})`);
    if (size === 10_000) allMet = printTarget(`ranking p95 under 20 ms at 10k services (measured ${ms(ranking.p95)} ms)`, ranking.p95 < 20) && allMet;
  }
  return allMet;
}
