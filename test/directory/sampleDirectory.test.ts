/** The sample directory (data/sample-directory/services.json) is complete, consistent and safely fictional. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDirectory } from '../../scripts/sample-directory/generate';

const CATEGORIES = [
  'loneliness', 'physical_activity', 'walking', 'gardening_nature', 'arts_crafts', 'music_singing', 'learning',
  'volunteering', 'befriending', 'bereavement', 'carers_support', 'money_debt', 'housing', 'employment',
  'mental_wellbeing', 'long_term_condition', 'food', 'digital_skills', 'faith_community', 'parenting',
  'older_people', 'young_people', 'lgbtq', 'ethnic_community', 'disability_access', 'transport_barrier',
  'anxiety_in_groups', 'cost_barrier',
];

interface Term { id: string; name: string; description: string; taxonomy: string; term: string; term_uri?: string }
interface Attribute { id: string; taxonomy_term: Term }
interface Location {
  id: string;
  location_type: string;
  latitude?: number;
  longitude?: number;
  addresses?: { postal_code: string; city: string; address_1: string; country: string }[];
  accessibility?: { description: string }[];
  attributes?: Attribute[];
}
interface Service {
  id: string;
  name: string;
  description: string;
  url: string;
  email: string;
  status: string;
  assured_date: string;
  schedules: { id: string; freq: string; byday: string; opens_at: string; closes_at: string }[];
  service_at_locations: { id: string; location: Location }[];
  languages: { id: string; name: string; code: string }[];
  phones: { number: string }[];
  organization: { id: string; name: string; description: string };
  cost_options: { id: string; amount: number }[];
  attributes: Attribute[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const services = JSON.parse(readFileSync(path.join(ROOT, 'data', 'sample-directory', 'services.json'), 'utf8')) as Service[];
const active = services.filter((s) => s.status === 'active');
const ACTIVITY_LIST = path.resolve(ROOT, '..', 'shared', 'data', 'openactive', 'activity-list.jsonld');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const terms = (s: Service, taxonomy: string) => s.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy).map((a) => a.taxonomy_term.term);
const categoriesOf = (s: Service) => terms(s, 'frontdoor-categories');
const physical = (s: Service) => s.service_at_locations.map((sal) => sal.location).filter((l) => l.location_type === 'physical');
const delivery = (s: Service) => terms(s, 'frontdoor-delivery');
const stepFree = (s: Service) => physical(s).some((l) => (l.attributes ?? []).some((a) => a.taxonomy_term.taxonomy === 'frontdoor-access' && a.taxonomy_term.term === 'step_free'));

/** Every string value in a record, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** Miles between two points (haversine). */
function miles(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2
    + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

describe('sample directory records', () => {
  it('has at least 160 services', () => {
    expect(services.length).toBeGreaterThanOrEqual(160);
    expect(active.length).toBeGreaterThanOrEqual(150);
  });

  it.each(services.map((s) => [s.name, s] as const))('%s is a complete service', (_name, s) => {
    expect(s.id).toMatch(UUID);
    expect(s.name.trim()).not.toBe('');
    expect(s.description.trim().length).toBeGreaterThan(40);
    expect(['active', 'inactive']).toContain(s.status);
    expect(s.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.organization.id).toMatch(UUID);
    expect(s.organization.name).not.toBe('');

    const places = physical(s);
    expect(places.length).toBeGreaterThanOrEqual(1);
    for (const location of places) {
      expect(location.addresses?.[0]?.postal_code).toMatch(/^KX\d \d[A-Z]{2}$/);
      expect(typeof location.latitude).toBe('number');
      expect(typeof location.longitude).toBe('number');
      expect(location.accessibility?.[0]?.description).toBeTruthy();
    }

    expect(s.schedules.length).toBeGreaterThanOrEqual(1);
    for (const schedule of s.schedules) {
      expect(schedule.id).toMatch(UUID);
      expect(['WEEKLY', 'MONTHLY']).toContain(schedule.freq);
      expect(schedule.byday).toMatch(/^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/);
      expect(schedule.opens_at).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(schedule.closes_at).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(schedule.closes_at > schedule.opens_at).toBe(true);
    }

    const categories = categoriesOf(s);
    expect(categories.length).toBeGreaterThanOrEqual(1);
    for (const category of categories) expect(CATEGORIES).toContain(category);

    expect(s.cost_options.length).toBeGreaterThanOrEqual(1);
    expect(s.cost_options[0].amount).toBeGreaterThanOrEqual(0);
    expect(s.languages.map((l) => l.code)).toContain('en');
    expect(terms(s, 'frontdoor-group-size')).toHaveLength(1);
    expect(delivery(s).length).toBeGreaterThanOrEqual(1);
  });

  it('is what the generator makes (regenerate with npx tsx scripts/sample-directory/generate.ts)', () => {
    expect(JSON.parse(JSON.stringify(buildDirectory()))).toEqual(services);
  });

  it('has unique service ids and consistent shared ids', () => {
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    expect(new Set(services.map((s) => s.name)).size).toBe(services.length);
    const nested = services.flatMap((s) => [...s.schedules.map((x) => x.id), ...s.cost_options.map((x) => x.id), ...s.attributes.map((x) => x.id), ...s.service_at_locations.map((x) => x.id)]);
    expect(new Set(nested).size).toBe(nested.length);
    // A location shared by several services is the same everywhere it appears.
    const locations = new Map<string, string>();
    for (const s of services) {
      for (const { location } of s.service_at_locations) {
        const seen = locations.get(location.id);
        const text = JSON.stringify(location);
        if (seen) expect(text).toBe(seen);
        else locations.set(location.id, text);
      }
    }
  });
});

describe('sample directory coverage', () => {
  it.each(CATEGORIES)('category %s has at least 4 active services', (category) => {
    expect(active.filter((s) => categoriesOf(s).includes(category)).length).toBeGreaterThanOrEqual(4);
  });

  it('varies in the ways matching needs', () => {
    const count = (test: (s: Service) => boolean) => active.filter(test).length;
    expect(count((s) => s.cost_options[0].amount === 0)).toBeGreaterThanOrEqual(60);
    expect(count((s) => s.cost_options[0].amount > 0)).toBeGreaterThanOrEqual(30);
    expect(count(stepFree)).toBeGreaterThanOrEqual(60);
    expect(count((s) => !stepFree(s))).toBeGreaterThanOrEqual(10);
    expect(count((s) => delivery(s).includes('online') || delivery(s).includes('phone'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => !delivery(s).includes('in_person'))).toBeGreaterThanOrEqual(5);
    expect(count((s) => terms(s, 'frontdoor-group-size').includes('one_to_one'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => terms(s, 'frontdoor-group-size').includes('small_group'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => s.schedules.some((x) => x.opens_at < '12:00'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => s.schedules.some((x) => x.opens_at >= '12:00' && x.opens_at < '17:00'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => s.schedules.some((x) => x.opens_at >= '17:00'))).toBeGreaterThanOrEqual(15);
    expect(count((s) => s.schedules.some((x) => /SA|SU/.test(x.byday)))).toBeGreaterThanOrEqual(15);
    for (const code of ['cy', 'pl', 'ur', 'pa', 'ar', 'bfi']) {
      expect(count((s) => s.languages.some((l) => l.code === code))).toBeGreaterThanOrEqual(2);
    }
    expect(services.filter((s) => s.status === 'inactive').length).toBeGreaterThanOrEqual(2);
    expect(services.filter((s) => s.assured_date < '2024-01-01').length).toBeGreaterThanOrEqual(3);
  });

  it('spreads from the town centre out to villages about 10 miles away', () => {
    const all = services.flatMap(physical) as Required<Location>[];
    const centre = { latitude: 52.3, longitude: -2.45 };
    const distances = all.map((l) => miles(centre, l));
    expect(Math.max(...distances)).toBeGreaterThan(8);
    expect(Math.max(...distances)).toBeLessThan(11);
    expect(distances.filter((d) => d < 1.5).length).toBeGreaterThanOrEqual(80);
    expect(distances.filter((d) => d >= 2).length).toBeGreaterThanOrEqual(30);
  });
});

describe('sample directory safety', () => {
  const everything = services.flatMap((s) => strings(s).map((x) => ({ ...x, service: s.name })));

  it('uses only OpenActive activity identifiers that exist in the activity list', () => {
    const used = services.flatMap((s) => s.attributes.map((a) => a.taxonomy_term).filter((t) => t.taxonomy === 'openactive-activity-list'));
    expect(used.length).toBeGreaterThanOrEqual(30);
    if (!existsSync(ACTIVITY_LIST)) {
      console.warn(`OpenActive list not found at ${ACTIVITY_LIST}; only the identifier shape is checked`);
      for (const t of used) expect(t.term).toMatch(UUID);
      return;
    }
    const list = JSON.parse(readFileSync(ACTIVITY_LIST, 'utf8')) as { concept: { id: string; identifier: string; prefLabel: string }[] };
    const byId = new Map(list.concept.map((c) => [c.identifier, c]));
    for (const t of used) {
      const concept = byId.get(t.term);
      expect(concept?.prefLabel).toBe(t.name);
      expect(t.term_uri).toBe(concept?.id);
    }
  });

  it('physical activities carry an OpenActive activity', () => {
    const untagged = active.filter((s) => categoriesOf(s).includes('physical_activity') && terms(s, 'openactive-activity-list').length === 0);
    expect(untagged.map((s) => s.name)).toEqual([]);
  });

  it('has no phone numbers outside Ofcom\'s drama range 01632 960xxx', () => {
    for (const s of services) for (const phone of s.phones) expect(phone.number).toMatch(/^01632 960\d{3}$/);
    const phoneLike = /(?:\+44\s?|\b0)\d[\d\s-]{8,12}\d/g;
    const offenders = everything
      .filter((x) => !/(^|_)id$|^(url|website|term_uri|term|email|assurer_email|last_modified)$/.test(x.key))
      .flatMap((x) => (x.text.match(phoneLike) ?? []).filter((n) => !/^01632 960\d{3}$/.test(n)).map((n) => `${x.service}: ${n}`));
    expect(offenders).toEqual([]);
  });

  it('uses only example.org addresses and websites', () => {
    for (const s of services) {
      expect(s.email).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
      expect(s.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*example\.org\//);
    }
    const emails = everything.flatMap((x) => x.text.match(/[^\s@]+@[^\s@]+/g) ?? []);
    for (const email of emails) expect(email).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
  });

  it('has plain text, not HTML, in names and descriptions', () => {
    for (const s of services) {
      for (const text of [s.name, s.description]) {
        expect(text).not.toMatch(/<[a-z/!][^>]*>/i);
        expect(text).not.toMatch(/&(#\d+|[a-z]+);/i);
        expect(text).toBe(text.trim());
      }
    }
  });

  it('uses fictional KX postcodes only', () => {
    const postcodes = services.flatMap((s) => physical(s).map((l) => l.addresses?.[0].postal_code));
    for (const postcode of postcodes) expect(postcode).toMatch(/^KX[1-6] \d[A-Z]{2}$/);
  });
});
