import { z } from 'zod';
import { SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';

/**
 * Stored shapes, one zod schema each. Writes are validated strictly; reads are tolerant
 * (older shapes get defaults, one bad field never hides the rest of a referral).
 */
export const REFERRAL_SCHEMA_VERSION = 1;
export const CONSENT_SCHEMA_VERSION = 1;
export const ERASURE_SCHEMA_VERSION = 1;

export const INTERESTS = [
  'arts',
  'outdoors',
  'gardening',
  'music',
  'exercise',
  'food',
  'learning',
  'volunteering',
  'social',
] as const;
export const BARRIERS = ['cost', 'transport', 'access', 'groupAnxiety', 'caring', 'language', 'nothing'] as const;
export const DAYS = ['weekdays', 'weekends', 'any'] as const;
export const TIMES = ['mornings', 'afternoons', 'evenings', 'any'] as const;
export const CONTACT_METHODS = ['chat', 'sms', 'phone', 'none'] as const;
/** The four ONS personal wellbeing questions (ONS4). */
export const ONS4_MEASURES = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export const REFERRAL_STATUSES = ['inProgress', 'ready'] as const;

export type Interest = (typeof INTERESTS)[number];
export type Barrier = (typeof BARRIERS)[number];
export type Days = (typeof DAYS)[number];
export type TimeOfDay = (typeof TIMES)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type Ons4Measure = (typeof ONS4_MEASURES)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Longest free-text answer we keep; longer answers are turned away kindly, never cut short. */
export const MAX_FREE_TEXT = 5000;

const freeText = z.string().trim().min(1).max(MAX_FREE_TEXT);

export const PlaceSchema = z.discriminatedUnion('kind', [
  /** Outward code only ("CF10"): enough to find things nearby, less personal than a full postcode. */
  z.object({ kind: z.literal('postcodeDistrict'), value: z.string().regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/) }),
  z.object({ kind: z.literal('town'), value: z.string().trim().min(2).max(80) }),
]);
export type Place = z.infer<typeof PlaceSchema>;

export const InterestsAnswerSchema = z.object({
  chosen: z.array(z.enum(INTERESTS)),
  /** What the person said in their own words when it was not one of the choices. */
  ownWords: freeText.optional(),
});
export type InterestsAnswer = z.infer<typeof InterestsAnswerSchema>;

/**
 * One schema per answer. `null` means the person chose to skip the question (so it is not asked
 * again); a missing field means it has not been asked yet.
 */
export const answerSchemas = {
  whatMatters: freeText,
  whatMattersMore: freeText.nullable(),
  interests: InterestsAnswerSchema,
  barriers: z.array(z.enum(BARRIERS)).min(1),
  days: z.enum(DAYS),
  times: z.array(z.enum(TIMES)).min(1),
  place: PlaceSchema.nullable(),
  contactMethod: z.enum(CONTACT_METHODS),
  /** E.164, e.g. +447700900123. */
  contactNumber: z.string().regex(/^\+44\d{9,10}$/).nullable(),
  preferredName: z.string().trim().min(1).max(50).nullable(),
} as const;

export type AnswerField = keyof typeof answerSchemas;
/**
 * Answers in the person's own words or that identify or reach them: sealed at rest when a field
 * key is configured. The rest are fixed choices the matching and reports read as they are.
 */
export const PERSONAL_ANSWER_FIELDS = ['whatMatters', 'whatMattersMore', 'interests', 'place', 'contactNumber', 'preferredName'] as const satisfies readonly AnswerField[];
export const ANSWER_FIELDS = Object.keys(answerSchemas) as AnswerField[];
export type AnswerValue<F extends AnswerField> = z.infer<(typeof answerSchemas)[F]>;
export type Answers = { [F in AnswerField]?: AnswerValue<F> };

/** An ONS4 score from 0 to 10, or null when skipped. */
export const Ons4ScoreSchema = z.number().int().min(0).max(10).nullable();
export type Ons4Score = z.infer<typeof Ons4ScoreSchema>;
export type Wellbeing = { [M in Ons4Measure]?: Ons4Score };

/** Keeps each field that parses; drops any that do not (an older or damaged shape). */
function keepValidFields<K extends string>(raw: unknown, schemas: Record<K, z.ZodType>): Partial<Record<K, unknown>> {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const kept: Partial<Record<K, unknown>> = {};
  for (const field of Object.keys(schemas) as K[]) {
    if (source[field] === undefined) continue;
    const parsed = schemas[field].safeParse(source[field]);
    if (parsed.success) kept[field] = parsed.data;
  }
  return kept;
}

export function readAnswers(raw: unknown): Answers {
  // Each kept field passed its own schema, so the record matches Answers field by field.
  return keepValidFields(raw, answerSchemas) as Answers;
}

const wellbeingSchemas = Object.fromEntries(ONS4_MEASURES.map((m) => [m, Ons4ScoreSchema])) as Record<
  Ons4Measure,
  typeof Ons4ScoreSchema
>;

export function readWellbeing(raw: unknown): Wellbeing {
  return keepValidFields(raw, wellbeingSchemas) as Wellbeing;
}

const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);

/**
 * Activities suggested after the summary (directory service ids): each batch shown and when, each
 * pick and when, and when the person said none of them fit. Ids only: the directory holds the rest.
 */
export const SuggestionRecordSchema = z.object({
  shown: z.array(z.object({ ids: z.array(z.string()), at: z.date() })).catch([]),
  picked: z.array(z.object({ id: z.string(), at: z.date() })).catch([]),
  noneFitAt: z.date().optional().catch(undefined),
});
export type SuggestionRecord = z.infer<typeof SuggestionRecordSchema>;

function noSuggestions(): SuggestionRecord {
  return { shown: [], picked: [] };
}

/** A reply to a follow-up text: 1 went, 2 not yet, 3 would like help. */
export const FOLLOW_UP_ANSWERS = ['went', 'notYet', 'needHelp'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

/** Replies to follow-up texts, oldest first (src/followups); `kind` names the follow-up when known. */
export const FollowUpRepliesSchema = z.object({
  replies: z.array(z.object({ answer: z.enum(FOLLOW_UP_ANSWERS), at: z.date(), kind: z.string().optional() })).catch([]),
});
export type FollowUpReplies = z.infer<typeof FollowUpRepliesSchema>;

/** The referral document as read: tolerant of older shapes. */
export const ReferralSchema = z.object({
  personKey: z.string(),
  schemaVersion: z.number().int().catch(REFERRAL_SCHEMA_VERSION),
  channel: z.string().catch('unknown'),
  lang: LanguageSchema.catch('en' satisfies Language),
  /** True once the person has picked a language themselves (not just our guess). */
  languageChosen: z.boolean().catch(false),
  /** The language they need an interpreter for (ISO 639 code, "und" when not known), when they wrote in another. */
  interpreterLanguage: z.string().regex(/^[a-z]{2,3}$/).optional().catch(undefined),
  status: z.enum(REFERRAL_STATUSES).catch('inProgress'),
  consent: z
    .object({ noticeVersion: z.string(), givenAt: z.date() })
    .optional()
    .catch(undefined),
  answers: z.unknown().transform(readAnswers),
  wellbeing: z.unknown().transform(readWellbeing),
  /** The ONS4 asked again after the follow-up text at six weeks (the baseline above stays as it was). */
  wellbeingRepeat: z.unknown().optional().transform((raw) => readWellbeing(raw)),
  urgent: z
    .object({ rule: z.string(), flaggedAt: z.date() })
    .optional()
    .catch(undefined),
  humanRequestedAt: z.date().optional().catch(undefined),
  /** The person said they are younger than the service's minimum age (MINIMUM_AGE): a flag only, never the age. */
  underMinimumAge: z.literal(true).optional().catch(undefined),
  suggestions: SuggestionRecordSchema.catch(noSuggestions),
  followUps: FollowUpRepliesSchema.optional().catch(undefined),
  createdAt: z.date().catch(new Date(0)),
  updatedAt: z.date().catch(new Date(0)),
  readyAt: z.date().optional().catch(undefined),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const CONSENT_ANSWERS = ['yes', 'no'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** A consent record: which notice the person saw, when, on which channel, and their answer. */
export const ConsentRecordSchema = z.object({
  schemaVersion: z.number().int().catch(CONSENT_SCHEMA_VERSION),
  personKey: z.string(),
  noticeVersion: z.string(),
  recordedAt: z.date(),
  channel: z.string(),
  answer: z.enum(CONSENT_ANSWERS),
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** What an erasure leaves behind: when, where, how much. Never who. */
export const ErasureLogSchema = z.object({
  schemaVersion: z.number().int().catch(ERASURE_SCHEMA_VERSION),
  erasedAt: z.date(),
  channel: z.string(),
  referralsDeleted: z.number().int().min(0),
  consentsDeleted: z.number().int().min(0),
});
export type ErasureLog = z.infer<typeof ErasureLogSchema>;

/** An anonymous tally, e.g. people who declined consent on a channel in a month. */
export const CounterSchema = z.object({
  _id: z.string(),
  name: z.string(),
  channel: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  count: z.number().int().min(0),
});
export type Counter = z.infer<typeof CounterSchema>;
