import { ObjectId } from 'mongodb';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { BARRIERS, CONTACT_METHODS, DAYS, INTERESTS, Ons4ScoreSchema, PlaceSchema, TIMES } from '../referrals/schema';

/**
 * Stored handoff shapes. A handoff is what a link worker picks up: who, why, a thirty-second
 * summary, the transcript, who holds it now and how it ended.
 */
export const HANDOFF_SCHEMA_VERSION = 1;

export const HANDOFF_STATUSES = ['open', 'claimed', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Why a handoff was asked for: the referral was confirmed, the person asked for a person, or crisis. */
export const HANDOFF_REASONS = ['referralConfirmed', 'askedForPerson', 'crisis'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const OUTCOMES = ['contacted', 'connectedToActivity', 'signpostedElsewhere', 'declined', 'couldNotReach'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TRANSCRIPT_SPEAKERS = ['person', 'bot', 'linkWorker'] as const;
export type TranscriptSpeaker = (typeof TRANSCRIPT_SPEAKERS)[number];

export const TranscriptEntrySchema = z.object({
  from: z.enum(TRANSCRIPT_SPEAKERS),
  text: z.string(),
  at: z.date(),
  /** For link-worker messages: who wrote it (account id and email at the time). */
  linkWorker: z.object({ id: z.string(), email: z.string() }).optional(),
  /** For link-worker messages: false when delivery to the person failed. */
  delivered: z.boolean().optional(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

/**
 * A crisis or risk rule that fired, with the person's message that raised it (null when it is not known).
 * A handoff keeps one flag per kind of risk: the first time it was raised, with its words; when the
 * person said more of the same later, how many times in all and when last (absent when raised once).
 */
export const RiskFlagSchema = z.object({
  rule: z.string(),
  message: z.string().nullable(),
  at: z.date(),
  timesRaised: z.number().int().min(2).optional().catch(undefined),
  lastAt: z.date().optional().catch(undefined),
});
export type RiskFlag = z.infer<typeof RiskFlagSchema>;

/** What a link worker reads first. Every field says "not asked" (undefined) or "skipped" (null) as the referral does. */
export const HandoffSummarySchema = z.object({
  preferredName: z.string().nullable().optional(),
  /** The person's own words, verbatim. */
  whatMatters: z.string().nullable(),
  whatMattersMore: z.string().nullable(),
  categories: z.object({ chosen: z.array(z.enum(INTERESTS)), ownWords: z.string().nullable() }),
  barriers: z.array(z.enum(BARRIERS)),
  availability: z.object({ days: z.enum(DAYS).nullable(), times: z.array(z.enum(TIMES)) }),
  location: PlaceSchema.nullable(),
  contact: z.object({ method: z.enum(CONTACT_METHODS).nullable(), number: z.string().nullable() }),
  language: z.enum(SUPPORTED_LANGUAGES),
  /** The language they wrote in when not English or Welsh (ISO 639 code; "und": not known which): book an interpreter. */
  interpreterLanguage: z.string().optional(),
  /** They said they are younger than the service's minimum age (MINIMUM_AGE): Childline was given. */
  underMinimumAge: z.literal(true).optional(),
  channel: z.string(),
  wellbeingBaseline: z.object({
    lifeSatisfaction: Ons4ScoreSchema,
    worthwhile: Ons4ScoreSchema,
    happiness: Ons4ScoreSchema,
    anxiety: Ons4ScoreSchema,
  }),
  chosenActivities: z.array(z.object({ id: z.string(), name: z.string().nullable(), pickedAt: z.date() })),
  riskFlags: z.array(RiskFlagSchema),
  humanRequestedAt: z.date().nullable(),
});
export type HandoffSummary = z.infer<typeof HandoffSummarySchema>;

export const HandoffSchema = z.object({
  _id: z.instanceof(ObjectId),
  schemaVersion: z.number().int().catch(HANDOFF_SCHEMA_VERSION),
  personKey: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  urgent: z.boolean().catch(false),
  reasons: z.array(z.object({ reason: z.enum(HANDOFF_REASONS), at: z.date() })).catch([]),
  summary: HandoffSummarySchema,
  riskFlags: z.array(RiskFlagSchema).catch([]),
  transcript: z.array(TranscriptEntrySchema).catch([]),
  claimedBy: z.object({ id: z.string(), email: z.string() }).nullable().catch(null),
  claimedAt: z.date().nullable().catch(null),
  /** When it was last put back in the queue (someone had already talked to them); absent if never. */
  releasedAt: z.date().optional().catch(undefined),
  outcome: z.enum(OUTCOMES).nullable().catch(null),
  note: z.string().nullable().catch(null),
  followUpAt: z.date().nullable().catch(null),
  closedBy: z.object({ id: z.string(), email: z.string() }).nullable().catch(null),
  closedAt: z.date().nullable().catch(null),
  /**
   * Where to reach the person: the channel's conversation reference from the latest request, kept
   * opaque here (no botbuilder types in the domain) for the PersonMessenger to use.
   */
  conversationReference: z.record(z.string(), z.unknown()).nullable().catch(null),
  createdAt: z.date(),
  updatedAt: z.date(),
});
/** A handoff as read: `summary.riskFlags` always holds every flag raised while it was open. */
export type Handoff = z.infer<typeof HandoffSchema>;

/** A link worker as recorded on a handoff. */
export interface Actor {
  id: string;
  email: string;
}

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 4000;
