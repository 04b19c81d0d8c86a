import { ObjectId } from 'mongodb';
import { z } from 'zod';
import { FOLLOW_UP_ANSWERS } from '../referrals/schema';

/**
 * A scheduled follow-up is a small job document. It holds no message text and no phone number:
 * the text is rendered from the locales and the number looked up at send time, so an erasure or a
 * changed number is respected and the job collection holds nothing a person wrote.
 */
export const FOLLOW_UP_SCHEMA_VERSION = 1;

export const FOLLOW_UP_KINDS = ['referralCheckIn', 'linkWorkerFollowUp', 'ons4Repeat'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * pending: waiting for dueAt. sending: claimed by one worker (lease). sent: handed to the provider.
 * skipped: not sent on purpose (opted out, no SMS contact). failed: gave up after retries, or
 * interrupted mid-send (a person should check). cancelled: withdrawn (opt-out, erasure, rescheduled).
 */
export const FOLLOW_UP_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Replies to a check-in (1 went, 2 not yet, 3 I'd like help): defined with the referral, which stores them. */
export { FOLLOW_UP_ANSWERS, type FollowUpAnswer } from '../referrals/schema';

/** Why a job ended without being sent; stored in lastError (never provider text that may hold a number). */
export const INTERRUPTED = 'interrupted';
export const OPTED_OUT = 'optedOut';

export const LeaseSchema = z.object({ owner: z.string(), until: z.date() });
export type Lease = z.infer<typeof LeaseSchema>;

export const FollowUpJobSchema = z.object({
  _id: z.instanceof(ObjectId),
  schemaVersion: z.number().int().catch(FOLLOW_UP_SCHEMA_VERSION),
  kind: z.enum(FOLLOW_UP_KINDS),
  personKey: z.string().min(1),
  dueAt: z.date(),
  status: z.enum(FOLLOW_UP_STATUSES),
  attempts: z.number().int().min(0).catch(0),
  lastError: z.string().optional().catch(undefined),
  lease: LeaseSchema.optional().catch(undefined),
  /**
   * Set just before the sender is called and cleared when it returns. A job whose lease ran out
   * with this set may have reached the provider, so it is never resent blindly (see worker.ts).
   */
  inFlightSince: z.date().optional().catch(undefined),
  sentAt: z.date().optional().catch(undefined),
  providerId: z.string().optional().catch(undefined),
  /** The person's reply to this follow-up, once they answer (check-ins only). */
  answer: z.enum(FOLLOW_UP_ANSWERS).optional().catch(undefined),
  repliedAt: z.date().optional().catch(undefined),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type FollowUpJob = z.infer<typeof FollowUpJobSchema>;
