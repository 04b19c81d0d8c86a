import { z } from 'zod';

/**
 * The directory's shapes: what councils and HSDS publishers send (tolerant: missing, empty and
 * extra fields are fine; an id and a name are required), and what we store (our own normalised
 * service document, strict on write).
 */
export const SERVICE_SCHEMA_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Input: ORUK / HSDS 3.0 service objects, full or list level (both as published in the wild).
// ---------------------------------------------------------------------------------------------

/** A string field as publishers fill it: text, a number, null or absent. */
const looseText = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));
const looseNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : undefined;
  });
/** An array that may be absent, null, or hold junk entries (junk entries are dropped, not fatal). */
function looseArray<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((v) => {
      if (!Array.isArray(v)) return [] as z.output<T>[];
      const out: z.output<T>[] = [];
      for (const entry of v) {
        const parsed = item.safeParse(entry);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    });
}
const looseObject = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject(shape);

export const InputAddress = looseObject({
  address_1: looseText,
  address_2: looseText,
  address_3: looseText,
  address_4: looseText,
  city: looseText,
  region: looseText,
  state_province: looseText,
  postal_code: looseText,
  country: looseText,
  address_type: looseText,
});

export const InputAccessibility = looseObject({
  description: looseText,
  details: looseText,
  accessibility: looseText,
});

export const InputLocation = looseObject({
  id: looseText,
  name: looseText,
  description: looseText,
  location_type: looseText,
  latitude: looseNumber,
  longitude: looseNumber,
  addresses: looseArray(InputAddress),
  physical_addresses: looseArray(InputAddress),
  accessibility: looseArray(InputAccessibility),
  accessibility_for_disabilities: looseArray(InputAccessibility),
  /** Location-level taxonomy terms (ORUK `attributes`), e.g. frontdoor-access `step_free`. */
  attributes: looseArray(looseObject({ taxonomy_term: z.unknown().optional() })),
});

export const InputSchedule = looseObject({
  id: looseText,
  valid_from: looseText,
  valid_to: looseText,
  dtstart: looseText,
  until: looseText,
  freq: looseText,
  interval: looseNumber,
  byday: looseText,
  bymonthday: looseText,
  byweekno: looseText,
  byyearday: looseText,
  opens_at: looseText,
  closes_at: looseText,
  description: looseText,
  notes: looseText,
  attending_type: looseText,
  schedule_link: looseText,
  timezone: looseText,
});

export const InputCostOption = looseObject({
  option: looseText,
  amount: looseNumber,
  currency: looseText,
  amount_description: looseText,
  valid_from: looseText,
  valid_to: looseText,
});

export const InputTaxonomyTerm = looseObject({
  id: looseText,
  name: looseText,
  code: looseText,
  term: looseText,
  description: looseText,
  taxonomy: looseText,
  vocabulary: looseText,
  term_uri: looseText,
});

export const InputService = looseObject({
  id: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1, 'an id is required').max(200, 'the id is longer than 200 characters')),
  name: z.string().min(1, 'a name is required'),
  description: looseText,
  url: looseText,
  email: looseText,
  status: looseText,
  fees: looseText,
  fees_description: looseText,
  accreditations: looseText,
  alert: looseText,
  minimum_age: looseNumber,
  maximum_age: looseNumber,
  assured_date: looseText,
  last_modified: looseText,
  attending_type: looseText,
  attending_access: looseText,
  deliverable_type: looseText,
  organization: z
    .unknown()
    .optional()
    .transform((v) => {
      const parsed = looseObject({ id: looseText, name: looseText }).safeParse(v);
      return parsed.success ? parsed.data : undefined;
    }),
  phones: looseArray(looseObject({ number: looseText, type: looseText, description: looseText })),
  contacts: looseArray(looseObject({ phones: looseArray(looseObject({ number: looseText })) })),
  service_at_locations: looseArray(looseObject({ location: z.unknown().optional() })),
  locations: looseArray(z.unknown()),
  schedules: looseArray(InputSchedule),
  regular_schedules: looseArray(InputSchedule),
  cost_options: looseArray(InputCostOption),
  languages: looseArray(z.union([z.string(), looseObject({ name: looseText, code: looseText, id: looseText })])),
  attributes: looseArray(looseObject({ taxonomy_term: z.unknown().optional(), link_type: looseText })),
  taxonomy_terms: looseArray(z.unknown()),
  service_taxonomys: looseArray(looseObject({ taxonomy: z.unknown().optional() })),
  pc_targetAudience: looseArray(looseObject({ id: looseText, audienceType: looseText })),
  pc_metadata: z
    .unknown()
    .optional()
    .transform((v) => {
      const parsed = looseObject({ date_created: looseText, date_modified: looseText, date_assured: looseText }).safeParse(v);
      return parsed.success ? parsed.data : undefined;
    }),
});
export type InputService = z.output<typeof InputService>;

// ---------------------------------------------------------------------------------------------
// Stored: one document per service in the `services` collection.
// ---------------------------------------------------------------------------------------------

export const SERVICE_STATUSES = ['active', 'inactive'] as const;
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const text = z.string();
const time = z.string().regex(/^\d{2}:\d{2}$/);

export const StoredTaxonomyTerm = z.object({
  id: text.optional(),
  name: text.optional(),
  /** The term's code within its vocabulary (ORUK `term` / `code`), e.g. `anxiety_in_groups`, `step_free`. */
  code: text.optional(),
  vocabulary: text.optional(),
});

export const StoredLocation = z.object({
  name: text.optional(),
  description: text.optional(),
  address: text.optional(),
  postcode: text.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accessibility: z.array(text),
  /** Location-level taxonomy terms (e.g. frontdoor-access codes); absent on older documents. */
  taxonomy: z.array(StoredTaxonomyTerm).optional(),
});

export const StoredSchedule = z.object({
  /** The schedule as given (text fields, reduced to plain text). */
  given: z.record(z.string(), z.union([text, z.number()])),
  /** Simple reading, when derivable from RFC 5545 byday / opens_at / closes_at. */
  days: z.array(z.enum(DAY_CODES)).optional(),
  opensAt: time.optional(),
  closesAt: time.optional(),
  description: text.optional(),
});

export const StoredCostOption = z.object({
  option: text.optional(),
  amount: z.number().optional(),
  currency: text.optional(),
  description: text.optional(),
});

export const StoredService = z.object({
  _id: text,
  schemaVersion: z.literal(SERVICE_SCHEMA_VERSION),
  source: text.min(1),
  sourceId: text.min(1),
  name: text.min(1),
  description: text,
  url: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  status: z.enum(SERVICE_STATUSES),
  /** The status the source gave (before our own "missing from a full import"). */
  sourceStatus: text.optional(),
  cost: z.object({ free: z.boolean().optional(), text: text.optional(), options: z.array(StoredCostOption) }),
  organisation: z.object({ id: text.optional(), name: text.optional() }).optional(),
  locations: z.array(StoredLocation),
  schedules: z.array(StoredSchedule),
  languages: z.array(text),
  accessibility: z.array(text),
  taxonomy: z.array(StoredTaxonomyTerm),
  audiences: z.array(text),
  attendingType: text.optional(),
  minimumAge: z.number().optional(),
  maximumAge: z.number().optional(),
  alert: text.optional(),
  provenance: z.object({
    source: text,
    assuredDate: text.optional(),
    lastModified: text.optional(),
    /** When we first imported it. */
    importedAt: z.date(),
    /** When a full import of the source last failed to include it. */
    missingSince: z.date().optional(),
  }),
  /** When the stored content last changed. */
  updatedAt: z.date(),
  /** Hash of the normalised content: a re-import with the same hash writes nothing. */
  contentHash: text,
});
export type StoredService = z.output<typeof StoredService>;

/** The part of a stored service the importer derives from one input record. */
export type ServiceContent = Omit<StoredService, 'provenance' | 'updatedAt' | 'contentHash'> & {
  provenance: Omit<StoredService['provenance'], 'importedAt' | 'missingSince'>;
};

/** Tolerant read of a stored service: older shapes get defaults; undefined when unreadable. */
export function readStoredService(doc: unknown): StoredService | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as Record<string, unknown>;
  const withDefaults = {
    locations: [],
    schedules: [],
    languages: [],
    accessibility: [],
    taxonomy: [],
    audiences: [],
    description: '',
    cost: { options: [] },
    ...d,
    schemaVersion: SERVICE_SCHEMA_VERSION,
  };
  const parsed = StoredService.safeParse(withDefaults);
  return parsed.success ? parsed.data : undefined;
}
