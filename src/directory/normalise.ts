import { createHash } from 'node:crypto';
import { htmlToText } from './html';
import {
  DAY_CODES,
  InputLocation,
  InputTaxonomyTerm,
  SERVICE_SCHEMA_VERSION,
  type InputService,
  type ServiceContent,
  type StoredService,
} from './schema';

/** A field we dropped or could not read (the record itself is still imported). */
export interface FieldWarning {
  field: string;
  reason: string;
}

const NAME_LIMIT = 300;
const SHORT_LIMIT = 1000;

const plain = (v: string | undefined, limit = SHORT_LIMIT): string | undefined => {
  const t = htmlToText(v, { limit, singleLine: true });
  return t === '' ? undefined : t;
};

/** http(s) links only: javascript:, data: and the rest are dropped. */
export function safeUrl(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  // Councils often publish bare host names ("www.example.org", "example.co.uk/page"): read them as https.
  const candidate = /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/|$))/i.test(raw) && !/^[a-z][a-z0-9+.-]*:/i.test(raw) ? `https://${raw}` : raw;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

export function safeEmail(value: string | undefined): string | undefined {
  const raw = value?.trim().replace(/^mailto:/i, '');
  if (!raw) return undefined;
  return /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(raw) && raw.length <= 254 ? raw : undefined;
}

function safePhone(value: string | undefined): string | undefined {
  const raw = value?.replace(/[^0-9+()\- ]/g, '').replace(/\s+/g, ' ').trim();
  return raw && /\d{3,}/.test(raw.replace(/\D/g, '')) ? raw.slice(0, 40) : undefined;
}

function hhmm(value: string | undefined): string | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : undefined;
}

/** RFC 5545 BYDAY ("MO,TU", "1MO", "-1FR") to day codes. */
function byDay(value: string | undefined): StoredService['schedules'][number]['days'] {
  if (!value) return undefined;
  const days = value
    .split(',')
    .map((part) => part.trim().toUpperCase().slice(-2))
    .filter((code): code is (typeof DAY_CODES)[number] => (DAY_CODES as readonly string[]).includes(code));
  const unique = DAY_CODES.filter((d) => days.includes(d));
  return unique.length ? unique : undefined;
}

/** Undefined keys out (the driver would store them as null), recursively, in place order kept. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => compact(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = compact(v);
    return out as T;
  }
  return value;
}

function uniq(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function freeFrom(text: string | undefined, amounts: number[]): boolean | undefined {
  if (amounts.some((a) => a > 0)) return false;
  if (amounts.length > 0 && amounts.every((a) => a === 0)) return true;
  if (!text) return undefined;
  if (/\b(not free|charge[sd]? apply|fee[s]? apply|£\s*[1-9])/i.test(text)) return false;
  if (/^\s*free\b|\bfree of charge\b|\bno (cost|charge|fee)s?\b|\bit'?s free\b|\bis free\b/i.test(text)) return true;
  return undefined;
}

function normaliseLocation(raw: unknown, warnings: FieldWarning[], field: string): ServiceContent['locations'][number] | undefined {
  const parsed = InputLocation.safeParse(raw);
  if (!parsed.success) {
    warnings.push({ field, reason: 'not a location object' });
    return undefined;
  }
  const loc = parsed.data;
  const address = [...loc.addresses, ...loc.physical_addresses][0];
  const addressText = address
    ? plain([address.address_1, address.address_2, address.address_3, address.address_4, address.city, address.region ?? address.state_province].filter(Boolean).join(', '))
    : undefined;
  const postcode = address?.postal_code ? plain(address.postal_code.toUpperCase(), 12)?.replace(/\s+/g, ' ') : undefined;
  let lat = loc.latitude;
  let lng = loc.longitude;
  if (lat !== undefined || lng !== undefined) {
    if (lat === undefined || lng === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) {
      warnings.push({ field: `${field}.latitude`, reason: `coordinates ${lat}, ${lng} are not a place on Earth; dropped` });
      lat = undefined;
      lng = undefined;
    }
  }
  const accessibility = uniq([...loc.accessibility, ...loc.accessibility_for_disabilities].flatMap((a) => [plain(a.description ?? a.accessibility), plain(a.details)]));
  const taxonomy = uniqueTerms(loc.attributes.map((a) => a.taxonomy_term));
  return compact({
    name: plain(loc.name, NAME_LIMIT),
    description: plain(loc.description),
    address: addressText,
    postcode,
    lat,
    lng,
    accessibility,
    taxonomy: taxonomy.length > 0 ? taxonomy : undefined,
  });
}

function taxonomyTerm(raw: unknown): ServiceContent['taxonomy'][number] | undefined {
  const parsed = InputTaxonomyTerm.safeParse(raw);
  if (!parsed.success) return undefined;
  const t = parsed.data;
  // ORUK puts the machine code in `term` (HSDS 3.0 in `code`): the matcher reads categories and access from it.
  const term = compact({
    id: plain(t.id ?? t.code, 200),
    name: plain(t.name ?? t.term, NAME_LIMIT),
    code: plain(t.term ?? t.code, 200),
    vocabulary: plain(t.vocabulary ?? t.taxonomy, 200),
  });
  return term.id || term.name ? term : undefined;
}

/** Readable terms, each once (same id and name). */
function uniqueTerms(raws: unknown[]): ServiceContent['taxonomy'] {
  const terms: ServiceContent['taxonomy'] = [];
  for (const raw of raws) {
    const term = taxonomyTerm(raw);
    if (term && !terms.some((t) => t.id === term.id && t.name === term.name)) terms.push(term);
  }
  return terms;
}

/** One input record to our stored content. Undefined name after HTML removal is the caller's skip. */
export function normaliseService(input: InputService, source: string): { content: ServiceContent; warnings: FieldWarning[] } | { error: FieldWarning } {
  const warnings: FieldWarning[] = [];
  const name = htmlToText(input.name, { limit: NAME_LIMIT, singleLine: true });
  if (!name) return { error: { field: 'name', reason: 'the name is empty once HTML is removed' } };

  const url = safeUrl(input.url);
  if (input.url?.trim() && !url) warnings.push({ field: 'url', reason: 'not an http(s) link; dropped' });
  const email = safeEmail(input.email);
  if (input.email?.trim() && !email) warnings.push({ field: 'email', reason: 'not an e-mail address; dropped' });
  const phone = safePhone([...input.phones.map((p) => p.number), ...input.contacts.flatMap((c) => c.phones.map((p) => p.number))].find((n) => safePhone(n)));

  const sourceStatus = input.status?.trim().toLowerCase() || undefined;
  const status = !sourceStatus || sourceStatus === 'active' ? 'active' : 'inactive';

  const options = input.cost_options.map((o) =>
    compact({ option: plain(o.option), amount: o.amount, currency: plain(o.currency, 10), description: plain(o.amount_description) }),
  );
  const feesText = plain(input.fees ?? input.fees_description);
  const free = freeFrom([feesText, ...options.map((o) => o.option)].filter(Boolean).join(' '), options.flatMap((o) => (o.amount === undefined ? [] : [o.amount])));

  const locationsRaw = [...input.service_at_locations.map((s) => s.location).filter((l) => l !== undefined), ...input.locations];
  const locations = locationsRaw
    .map((l, i) => normaliseLocation(l, warnings, `locations[${i}]`))
    .filter((l): l is NonNullable<typeof l> => l !== undefined);

  const schedules = [...input.schedules, ...input.regular_schedules].map((s) => {
    const given: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(s)) {
      if (typeof value === 'number' && Number.isFinite(value)) given[key] = value;
      else if (typeof value === 'string') {
        const t = key === 'schedule_link' ? safeUrl(value) : plain(value);
        if (t) given[key] = t;
      }
    }
    return compact({ given, days: byDay(s.byday), opensAt: hhmm(s.opens_at), closesAt: hhmm(s.closes_at), description: plain(s.description) });
  });

  const languages = uniq(input.languages.map((l) => (typeof l === 'string' ? plain(l, 100) : plain(l.name ?? l.code, 100))));
  const taxonomyRaw = [
    ...input.attributes.map((a) => a.taxonomy_term),
    ...input.taxonomy_terms,
    ...input.service_taxonomys.map((s) => s.taxonomy),
  ];
  const taxonomy = uniqueTerms(taxonomyRaw);

  const content: ServiceContent = compact({
    _id: `${source}:${input.id}`,
    schemaVersion: SERVICE_SCHEMA_VERSION,
    source,
    sourceId: input.id,
    name,
    description: htmlToText(input.description),
    url,
    email,
    phone,
    status,
    sourceStatus,
    cost: compact({ free, text: feesText, options }),
    organisation: input.organization && (input.organization.id || input.organization.name) ? compact({ id: plain(input.organization.id, 200), name: plain(input.organization.name, NAME_LIMIT) }) : undefined,
    locations,
    schedules,
    languages,
    accessibility: uniq(locations.flatMap((l) => l.accessibility)),
    taxonomy,
    audiences: uniq(input.pc_targetAudience.map((a) => plain(a.audienceType ?? a.id, 200))),
    attendingType: plain(input.attending_type, 200),
    minimumAge: input.minimum_age,
    maximumAge: input.maximum_age,
    alert: plain(input.alert),
    provenance: compact({
      source,
      assuredDate: plain(input.assured_date ?? input.pc_metadata?.date_assured, 40),
      lastModified: plain(input.last_modified ?? input.pc_metadata?.date_modified, 40),
    }),
  });
  return { content, warnings };
}

/** A stable hash of normalised content (key order is fixed by normaliseService). */
export function contentHash(content: ServiceContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
