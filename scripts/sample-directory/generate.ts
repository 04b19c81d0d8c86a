/**
 * Generates Front Door's sample directory for the fictional town of Kestleford:
 * data/sample-directory/services.json (Open Referral UK / HSDS 3.0 full service objects) and its README.
 *
 *   npx tsx scripts/sample-directory/generate.ts [--check]
 *
 * Deterministic: identifiers come from a hash of each entry's stable key, and the few varied values
 * (recent assured dates, small offsets of venues) from a generator seeded with SEED and that key, so the
 * same catalogue always gives byte-identical output and adding an entry changes no other. With --check it writes nothing and fails if the files are out of date.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allEntries, CATEGORIES, OPENACTIVE, type Category, type Entry } from './catalogue';
import { CENTRE, COUNTY, ORGANISATIONS, TOWN, VENUES, type Venue, type VenueKey } from './places';

export const SEED = 20261124;
const NAMESPACE = 'frontdoor-sample-directory';
/** The date the sample was "last modified": fixed, so regenerating changes nothing. */
const LAST_MODIFIED = '2026-11-01T09:00:00.000Z';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'data', 'sample-directory');
const ACTIVITY_LIST = path.resolve(ROOT, '..', 'shared', 'data', 'openactive', 'activity-list.jsonld');

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit number from a name, to seed per-entry and per-venue generators. */
function hashInt(name: string): number {
  return createHash('sha1').update(`${NAMESPACE}:${name}`).digest().readUInt32BE(0);
}

/** A UUID (version 5 layout) derived from a name, so identifiers stay put when the catalogue grows. */
export function uuidFor(name: string): string {
  const bytes = createHash('sha1').update(`${NAMESPACE}:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LANGUAGES: Record<string, string> = {
  en: 'English', cy: 'Welsh', pl: 'Polish', ur: 'Urdu', pa: 'Punjabi', ar: 'Arabic', uk: 'Ukrainian',
  ku: 'Kurdish', bfi: 'British Sign Language',
};

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };

function clock(time: string): string {
  const [h, m] = time.split(':').map(Number);
  if (h === 12 && m === 0) return '12 noon';
  const suffix = h < 12 ? 'am' : 'pm';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}.${String(m).padStart(2, '0')}${suffix}`;
}

interface ParsedWhen { freq: 'WEEKLY' | 'MONTHLY'; byday: string; opens: string; closes: string; text: string }

/** "TU 10:00-12:00", "MO,WE 09:00-17:00" or "1TH 14:00-16:00" (first Thursday of each month). */
export function parseWhen(when: string): ParsedWhen {
  const match = /^((?:-?\d)?[A-Z]{2}(?:,[A-Z]{2})*) (\d\d:\d\d)-(\d\d:\d\d)$/.exec(when);
  if (!match) throw new Error(`Bad schedule "${when}"`);
  const [, byday, opens, closes] = match;
  const monthly = /^-?\d/.test(byday);
  const times = `${clock(opens)} to ${clock(closes)}`;
  if (monthly) {
    const ordinal = byday.slice(0, -2);
    const day = DAY_NAMES[byday.slice(-2)];
    return { freq: 'MONTHLY', byday, opens, closes, text: `The ${ORDINALS[ordinal]} ${day} of each month, ${times}` };
  }
  const days = byday.split(',');
  for (const day of days) if (!DAY_NAMES[day]) throw new Error(`Bad day in "${when}"`);
  let dayText: string;
  if (days.length === 7) dayText = 'Every day';
  else if (byday === 'MO,TU,WE,TH,FR') dayText = 'Monday to Friday';
  else if (byday === 'MO,TU,WE,TH,FR,SA') dayText = 'Monday to Saturday';
  else if (days.length === 1) dayText = `${DAY_NAMES[days[0]]}s`;
  else dayText = `${days.slice(0, -1).map((d) => `${DAY_NAMES[d]}s`).join(', ')} and ${DAY_NAMES[days[days.length - 1]]}s`;
  return { freq: 'WEEKLY', byday, opens, closes, text: `${dayText}, ${times}` };
}

/** Venue coordinates: the invented centre, moved by miles and bearing, with a tiny seeded offset. */
function coordinates(venueKey: string, venue: Venue): { latitude: number; longitude: number } {
  const random = seeded((SEED ^ hashInt(`venue:${venueKey}`)) >>> 0);
  const radians = (venue.bearing * Math.PI) / 180;
  const milesPerDegreeLat = 69.05;
  const milesPerDegreeLng = 69.17 * Math.cos((CENTRE.latitude * Math.PI) / 180);
  const jitter = () => (random() - 0.5) * 0.0004;
  const latitude = CENTRE.latitude + (venue.miles * Math.cos(radians)) / milesPerDegreeLat + jitter();
  const longitude = CENTRE.longitude + (venue.miles * Math.sin(radians)) / milesPerDegreeLng + jitter();
  return { latitude: Number(latitude.toFixed(5)), longitude: Number(longitude.toFixed(5)) };
}

function term(taxonomy: string, code: string, name: string, description: string, termUri?: string) {
  return {
    id: uuidFor(`term:${taxonomy}:${code}`),
    name,
    description,
    taxonomy,
    taxonomy_id: uuidFor(`taxonomy:${taxonomy}`),
    term: code,
    ...(termUri ? { term_uri: termUri } : {}),
  };
}

const CATEGORY_LABELS: Record<Category, string> = {
  loneliness: 'Loneliness and company', physical_activity: 'Physical activity', walking: 'Walking',
  gardening_nature: 'Gardening and nature', arts_crafts: 'Arts and crafts', music_singing: 'Music and singing',
  learning: 'Learning', volunteering: 'Volunteering', befriending: 'Befriending', bereavement: 'Bereavement',
  carers_support: 'Support for carers', money_debt: 'Money and debt', housing: 'Housing', employment: 'Work and employment',
  mental_wellbeing: 'Mental wellbeing', long_term_condition: 'Living with a long-term condition', food: 'Food',
  digital_skills: 'Digital skills', faith_community: 'Faith communities', parenting: 'Parenting and families',
  older_people: 'Older people', young_people: 'Young people', lgbtq: 'LGBTQ+', ethnic_community: 'Cultural and language communities',
  disability_access: 'Disability and access', transport_barrier: 'Help when travel is hard', anxiety_in_groups: 'Gentle on group anxiety',
  cost_barrier: 'Help when cost is a barrier',
};

const GROUP_SIZE_LABELS = { one_to_one: 'One-to-one', small_group: 'Small group (up to about 10)', large_group: 'Larger group' };
const DELIVERY_LABELS = { in_person: 'In person', online: 'Online (video)', phone: 'By phone' };
const BOOKING_LABELS = { drop_in: 'Drop in, no need to book', booking: 'Please book or ring first', referral: 'By referral (you can usually refer yourself)' };

/** Accessibility terms for a venue, as codes; "not_step_free" is said as plainly as "step_free". */
function accessCodes(venue: Venue): string[] {
  const codes = [venue.stepFree ? 'step_free' : 'not_step_free'];
  if (venue.hearingLoop) codes.push('hearing_loop');
  if (venue.accessibleToilet) codes.push('accessible_toilet');
  if (venue.parking) codes.push('parking');
  if (venue.bus) codes.push('near_bus_stop');
  if (venue.outdoor) codes.push('outdoors');
  return codes;
}
const ACCESS_LABELS: Record<string, string> = {
  step_free: 'Step-free access', not_step_free: 'Not step-free', hearing_loop: 'Hearing loop',
  accessible_toilet: 'Accessible toilet', parking: 'Parking on site', near_bus_stop: 'Near a bus stop', outdoors: 'Outdoors',
  bsl: 'British Sign Language used',
};

function accessibilityText(venue: Venue): string {
  const parts = [venue.stepFree ? 'Step-free access throughout.' : 'Not step-free.'];
  if (venue.hearingLoop) parts.push('Hearing loop.');
  if (venue.accessibleToilet) parts.push('Accessible toilet.');
  else if (!venue.outdoor) parts.push('No accessible toilet.');
  if (venue.parking) parts.push('Free parking.');
  if (venue.bus) parts.push(`${venue.bus}.`);
  if (venue.accessNote) parts.push(venue.accessNote);
  return parts.join(' ');
}

function phoneNumber(key: string): string {
  const n = createHash('sha1').update(`phone:${key}`).digest().readUInt16BE(0) % 1000;
  return `01632 960${String(n).padStart(3, '0')}`;
}

function formatPounds(amount: number): string {
  return amount < 1 ? `${Math.round(amount * 100)}p` : `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`;
}

export function buildService(entry: Entry) {
  const random = seeded((SEED ^ hashInt(`service:${entry.key}`)) >>> 0);
  const id = uuidFor(`service:${entry.key}`);
  const org = ORGANISATIONS[entry.org];
  const venue: Venue = VENUES[entry.venue as VenueKey];
  const status = entry.status ?? 'active';
  const month = 1 + Math.floor(random() * 10);
  const day = 1 + Math.floor(random() * 28);
  const assured = entry.assured ?? `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const free = !entry.cost;
  const remote = entry.remote ?? [];
  const delivery = [...(entry.remoteOnly ? [] : ['in_person' as const]), ...remote];
  const languages = ['en', ...(entry.languages ?? [])];
  const phone = phoneNumber(entry.key);

  const location = {
    id: uuidFor(`location:${entry.venue}`),
    location_type: 'physical',
    name: venue.name,
    description: `${venue.name}, ${venue.address}, ${venue.place}.`,
    latitude: 0,
    longitude: 0,
    addresses: [{
      id: uuidFor(`address:${entry.venue}`),
      address_1: venue.address,
      city: venue.place,
      region: COUNTY,
      state_province: 'England',
      postal_code: venue.postcode,
      country: 'GB',
      address_type: 'physical',
    }],
    accessibility: [{
      id: uuidFor(`accessibility:${entry.venue}`),
      description: accessibilityText(venue),
      accessibility: accessibilityText(venue),
      ...(venue.accessNote ? { details: venue.accessNote } : {}),
    }],
    attributes: accessCodes(venue).map((code) => ({
      id: uuidFor(`location-attribute:${entry.venue}:${code}`),
      taxonomy_term_id: uuidFor(`term:frontdoor-access:${code}`),
      taxonomy_term: term('frontdoor-access', code, ACCESS_LABELS[code], `Venue accessibility: ${ACCESS_LABELS[code].toLowerCase()}.`),
    })),
  };
  Object.assign(location, coordinates(entry.venue, venue));

  const serviceAtLocations: object[] = [{
    id: uuidFor(`sal:${entry.key}:${entry.venue}`),
    service_id: id,
    location_id: location.id,
    ...(entry.remoteOnly
      ? { description: `${org.name} is based here; this service is ${remote.map((r) => (r === 'online' ? 'online' : 'by phone')).join(' or ')} and you do not need to come in.` }
      : {}),
    location,
  }];
  for (const way of remote) {
    const virtualId = uuidFor(`location:virtual:${way}`);
    serviceAtLocations.push({
      id: uuidFor(`sal:${entry.key}:${way}`),
      service_id: id,
      location_id: virtualId,
      location: {
        id: virtualId,
        location_type: 'virtual',
        name: way === 'online' ? 'Online (video call)' : 'By phone',
        description: way === 'online'
          ? 'Join from home on a computer, tablet or smartphone; a link is sent when you book.'
          : 'Take part by telephone from home; calls are free to receive.',
      },
    });
  }

  const schedules = entry.when.map((when, i) => {
    const parsed = parseWhen(when);
    return {
      id: uuidFor(`schedule:${entry.key}:${i}`),
      service_id: id,
      freq: parsed.freq,
      interval: 1,
      byday: parsed.byday,
      dtstart: '2026-01-05',
      opens_at: parsed.opens,
      closes_at: parsed.closes,
      description: parsed.text,
      attending_type: delivery.map((d) => DELIVERY_LABELS[d].toLowerCase()).join(', '),
    };
  });

  const costOptions = free
    ? [{ id: uuidFor(`cost:${entry.key}`), service_id: id, option: 'Free', amount: 0, amount_description: entry.costNote ?? 'No charge' }]
    : [{ id: uuidFor(`cost:${entry.key}`), service_id: id, option: 'Standard', amount: entry.cost, amount_description: entry.costNote ?? 'per session' }];
  const fees = free
    ? entry.costNote ? `Free: ${entry.costNote}.` : 'Free.'
    : `${formatPounds(entry.cost as number)} ${entry.costNote ?? 'per session'}.`;

  const attributes: object[] = [];
  const attribute = (code: string, taxonomyTerm: ReturnType<typeof term>) =>
    attributes.push({ id: uuidFor(`attribute:${entry.key}:${taxonomyTerm.taxonomy}:${code}`), link_id: id, link_type: 'service', taxonomy_term_id: taxonomyTerm.id, taxonomy_term: taxonomyTerm });
  for (const category of entry.categories) {
    attribute(category, term('frontdoor-categories', category, CATEGORY_LABELS[category], `Front Door category: ${CATEGORY_LABELS[category].toLowerCase()}.`));
  }
  for (const key of entry.openActive ?? []) {
    const concept = OPENACTIVE[key];
    attribute(concept.id, term('openactive-activity-list', concept.id, concept.label, `OpenActive activity: ${concept.label}.`, `https://openactive.io/activity-list#${concept.id}`));
  }
  attribute(entry.size, term('frontdoor-group-size', entry.size, GROUP_SIZE_LABELS[entry.size], `Group size: ${GROUP_SIZE_LABELS[entry.size].toLowerCase()}.`));
  for (const way of delivery) attribute(way, term('frontdoor-delivery', way, DELIVERY_LABELS[way], `How you take part: ${DELIVERY_LABELS[way].toLowerCase()}.`));
  const booking = entry.booking ?? 'drop_in';
  attribute(booking, term('frontdoor-booking', booking, BOOKING_LABELS[booking], `Booking: ${BOOKING_LABELS[booking].toLowerCase()}.`));
  attribute(free ? 'free' : 'paid', term('frontdoor-cost', free ? 'free' : 'paid', free ? 'Free' : 'Paid', free ? 'No charge to take part.' : 'There is a charge to take part.'));

  const slug = entry.key;
  return {
    id,
    organization_id: uuidFor(`organization:${entry.org}`),
    name: entry.name,
    description: entry.description,
    url: `https://${org.slug}.example.org/${slug}`,
    email: `hello@${org.slug}.example.org`,
    status,
    fees,
    ...(entry.ages ? { minimum_age: entry.ages[0], maximum_age: entry.ages[1] } : {}),
    assured_date: assured,
    assurer_email: `directory@${TOWN.toLowerCase()}.example.org`,
    ...(entry.alert ? { alert: entry.alert } : {}),
    last_modified: LAST_MODIFIED,
    schedules,
    service_areas: [{
      id: uuidFor(`area:${venue.place === TOWN ? 'town' : 'villages'}`),
      name: `${TOWN} and surrounding villages`,
      service_area: `${TOWN} and surrounding villages`,
      extent_type: 'text',
    }],
    service_at_locations: serviceAtLocations,
    languages: languages.map((code) => ({ id: uuidFor(`language:${entry.key}:${code}`), service_id: id, name: LANGUAGES[code], code })),
    phones: [{ id: uuidFor(`phone:${entry.key}`), service_id: id, number: phone, type: 'voice', description: 'Enquiries' }],
    organization: {
      id: uuidFor(`organization:${entry.org}`),
      name: org.name,
      description: org.description,
      email: `hello@${org.slug}.example.org`,
      website: `https://${org.slug}.example.org/`,
    },
    cost_options: costOptions,
    ...(entry.eligibility ? { eligibility_description: entry.eligibility } : {}),
    attributes,
  };
}

export function buildDirectory() {
  const entries = allEntries();
  const keys = new Set<string>();
  for (const entry of entries) {
    if (keys.has(entry.key)) throw new Error(`Duplicate key ${entry.key}`);
    keys.add(entry.key);
  }
  return entries.map((entry) => buildService(entry));
}

type Service = ReturnType<typeof buildService>;

function categoryCounts(services: Service[]) {
  return CATEGORIES.map((category) => {
    const tagged = services.filter((s) => s.attributes.some((a) => (a as { taxonomy_term: { taxonomy: string; term: string } }).taxonomy_term.taxonomy === 'frontdoor-categories'
      && (a as { taxonomy_term: { term: string } }).taxonomy_term.term === category));
    return { category, all: tagged.length, active: tagged.filter((s) => s.status === 'active').length };
  });
}

function has(service: Service, taxonomy: string, code: string): boolean {
  const all = [
    ...service.attributes,
    ...service.service_at_locations.flatMap((sal) => ((sal as { location: { attributes?: object[] } }).location.attributes ?? [])),
  ] as { taxonomy_term: { taxonomy: string; term: string } }[];
  return all.some((a) => a.taxonomy_term.taxonomy === taxonomy && a.taxonomy_term.term === code);
}

function readme(services: Service[]): string {
  const counts = categoryCounts(services);
  const active = services.filter((s) => s.status === 'active');
  const stat = (label: string, test: (s: Service) => boolean) => `| ${label} | ${active.filter(test).length} |`;
  const languageCounts = new Map<string, number>();
  for (const s of active) for (const l of s.languages) if (l.code !== 'en') languageCounts.set(l.name, (languageCounts.get(l.name) ?? 0) + 1);
  return `# Sample directory: Kestleford (fictional)

\`services.json\` is Front Door's sample directory: ${services.length} services (${active.length} active) for
**Kestleford**, a market town in the county of **Wendshire**, and its villages (Oxley Wold, Tarrow End, Fennick,
Saltmoor, Cold Ashwell, Little Hemby and Brackenby St Mary). It is written for the project so the bot, the
matcher and the tests have realistic local activities to work with, and is loaded into an empty database.

**Everything in it is fictional**: the town, county, villages, streets, venues, organisations and services.
The postcodes use the outward codes KX1 to KX6; **KX is not a UK postcode area**, so no postcode here belongs
to a real address. Latitude and longitude are invented around one centre (${CENTRE.latitude}, ${CENTRE.longitude})
so that distances are realistic (town venues within about a mile and a half, villages 2 to 10 miles out); they are
not the location of any real place of the same name. Phone numbers are in Ofcom's range for drama
(01632 960000 to 01632 960999), e-mail addresses and websites use \`example.org\`, and no real person is named.

## Format

A JSON array of Open Referral UK / HSDS 3.0 **full service objects**, the same shape as the ORUK example
\`example-service_full.json\`: \`id\` (UUID), \`name\`, \`description\` (plain text, no HTML), \`url\`, \`email\`, \`status\`
(\`active\` or \`inactive\`), \`fees\` and \`cost_options\` (amount in pounds, 0 when free), \`assured_date\`, \`organization\`,
\`service_at_locations[].location\` (a physical location with address, postcode, latitude/longitude, accessibility,
and for phone or online services an extra \`virtual\` location), \`schedules\` (RFC 5545 style: \`freq\` WEEKLY or
MONTHLY, \`byday\` such as \`TU\`, \`MO,WE\` or \`1TH\` for the first Thursday, \`opens_at\`/\`closes_at\` as \`HH:MM\`), \`languages\`
(with the HSDS 3.0 \`name\` and \`code\`; \`bfi\` is British Sign Language), \`phones\` (HSDS 3.0), \`minimum_age\`/\`maximum_age\`
and \`eligibility_description\` where they apply, and \`attributes\` carrying taxonomy terms.

Services only available by phone or online still list the organisation's base as their physical location (so every
record has a postcode and coordinates); their \`service_at_locations[0].description\` says you need not come in, and
their \`frontdoor-delivery\` terms do not include \`in_person\`. A matcher should not count distance against them.

Taxonomies used in \`attributes[].taxonomy_term\` (\`taxonomy\` names the vocabulary, \`term\` is the code):

| taxonomy | terms |
| --- | --- |
| \`frontdoor-categories\` | the fixed category vocabulary of issue 5 (table below) |
| \`openactive-activity-list\` | OpenActive Activity List concepts for physical activities: \`term\` is the concept identifier, \`term_uri\` the concept id, \`name\` its prefLabel |
| \`frontdoor-group-size\` | \`one_to_one\`, \`small_group\`, \`large_group\` |
| \`frontdoor-delivery\` | \`in_person\`, \`online\`, \`phone\` |
| \`frontdoor-booking\` | \`drop_in\`, \`booking\`, \`referral\` |
| \`frontdoor-cost\` | \`free\`, \`paid\` |
| \`frontdoor-access\` (on the location) | \`step_free\`, \`not_step_free\`, \`hearing_loop\`, \`accessible_toilet\`, \`parking\`, \`near_bus_stop\`, \`outdoors\` |

## Categories (services tagged; a service usually has several)

| category | active | all |
| --- | ---: | ---: |
${counts.map((c) => `| \`${c.category}\` | ${c.active} | ${c.all} |`).join('\n')}

## What varies (active services)

| | count |
| --- | ---: |
${[
    stat('free', (s) => s.cost_options[0].amount === 0),
    stat('paid', (s) => (s.cost_options[0].amount ?? 0) > 0),
    stat('step-free venue', (s) => has(s, 'frontdoor-access', 'step_free')),
    stat('not step-free venue', (s) => has(s, 'frontdoor-access', 'not_step_free')),
    stat('one-to-one', (s) => has(s, 'frontdoor-group-size', 'one_to_one')),
    stat('small group', (s) => has(s, 'frontdoor-group-size', 'small_group')),
    stat('larger group', (s) => has(s, 'frontdoor-group-size', 'large_group')),
    stat('online or by phone', (s) => has(s, 'frontdoor-delivery', 'online') || has(s, 'frontdoor-delivery', 'phone')),
    stat('only online or by phone', (s) => !has(s, 'frontdoor-delivery', 'in_person')),
    stat('in a village (2 miles or more out)', (s) => (s.service_at_locations[0] as { location: { addresses: { city: string }[] } }).location.addresses[0].city !== TOWN),
    stat('evenings (from 5pm)', (s) => s.schedules.some((x) => x.opens_at >= '17:00')),
    stat('weekends', (s) => s.schedules.some((x) => /SA|SU/.test(x.byday))),
    stat('assured before 2024', (s) => s.assured_date < '2024-01-01'),
  ].join('\n')}

Inactive services: ${services.length - active.length} (kept so importers and matchers can be tested on them).
Languages besides English: ${[...languageCounts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} (${n})`).join(', ')}.

## OpenActive attribution

Physical activities are tagged with concepts from the **OpenActive Activity List**
(https://openactive.io/activity-list), © OpenActive, licensed under
[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/). Only concept identifiers and preferred labels are used.
The test checks every identifier used here against the list in \`../shared/data/openactive/activity-list.jsonld\`.
Front Door also imports the whole list as its taxonomy for physical activities (\`npm run import -- ../shared/data/openactive/activity-list.jsonld\`, into the \`taxonomies\` collection); the repository's \`NOTICE\` file carries the attribution.

The data layout follows Open Referral UK / HSDS 3.0 (Open Referral, CC BY-SA 4.0); the services themselves are
original to this project.

## Regenerate or extend

The catalogue is hand-written in \`scripts/sample-directory/catalogue.ts\` (services, and templates held in several
villages) and \`scripts/sample-directory/places.ts\` (venues, organisations). Then:

\`\`\`
npx tsx scripts/sample-directory/generate.ts           # writes services.json and this README
npx tsx scripts/sample-directory/generate.ts --check   # fails if they are out of date
npx jest test/directory/sampleDirectory.test.ts        # validates the file
\`\`\`

Generation is deterministic (seed ${SEED}; identifiers are hashes of each entry's stable key, so adding entries
never changes existing ids). Do not edit \`services.json\` or this README by hand.
`;
}

function verifyOpenActive(): void {
  if (!existsSync(ACTIVITY_LIST)) {
    console.warn(`(OpenActive list not found at ${ACTIVITY_LIST}; identifiers not checked)`);
    return;
  }
  const list = JSON.parse(readFileSync(ACTIVITY_LIST, 'utf8')) as { concept: { identifier: string; prefLabel: string }[] };
  const byId = new Map(list.concept.map((c) => [c.identifier, c.prefLabel]));
  for (const [key, concept] of Object.entries(OPENACTIVE)) {
    if (byId.get(concept.id) !== concept.label) throw new Error(`OpenActive ${key}: ${concept.id} is "${byId.get(concept.id)}", not "${concept.label}"`);
  }
}

function main(): void {
  verifyOpenActive();
  const services = buildDirectory();
  const short = categoryCounts(services).filter((c) => c.active < 4);
  if (short.length > 0) throw new Error(`Categories with fewer than 4 active services: ${short.map((c) => `${c.category} (${c.active})`).join(', ')}`);
  const files = {
    [path.join(OUT_DIR, 'services.json')]: `${JSON.stringify(services, null, 2)}\n`,
    [path.join(OUT_DIR, 'README.md')]: readme(services),
  };
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
    if (stale.length > 0) {
      console.error(`Out of date: ${stale.map(([file]) => path.relative(ROOT, file)).join(', ')}`);
      process.exit(1);
    }
    console.log('Sample directory is up to date.');
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
  console.log(`Wrote ${services.length} services (${services.filter((s) => s.status === 'active').length} active) to ${path.relative(ROOT, OUT_DIR)}`);
  for (const c of categoryCounts(services)) console.log(`  ${c.category.padEnd(20)} ${c.active}`);
}

if (require.main === module) main();
