import { z } from 'zod';
import { INTERRUPTED, type FollowUpJob } from '../followups/schema';
import { HANDOFF_STATUSES } from '../handoff/schema';
import { ONS4_MEASURES, type Referral } from '../referrals/schema';

/**
 * When is a person's referral finished? Worked out from what is stored, never from a new
 * question: a referral is finished when nothing is still going on for the person, that is
 * - no handoff is open or claimed (a link worker has finished; an urgent one stays while open),
 * - no follow-up text is still to come (pending) or being sent,
 * - no follow-up text sent lately is still waiting for its 1/2/3 or yes/no reply, and no
 *   six-week wellbeing repeat the person said yes to is half answered. A text interrupted mid-send
 *   counts as sent when it went to the provider (it most likely reached the person, and a reply to
 *   it is read as one): it holds the referral for the same reply window, time for an operator to
 *   check it (`npm run followups`), and no longer.
 * "I don't need help any more" is recorded by the link worker closing the handoff (outcome
 * "declined"); a "3, I'd like help" reply opens a new handoff, which keeps the referral open.
 * It finished at the person's last activity: the latest handoff close, follow-up change or
 * reply, or referral write (e.g. someone still chatting after the close).
 */

/** Latest representable date: an unreadable time never makes a referral look old. */
const NEVER_OLD = new Date(8.64e15);

/**
 * The parts of a stored handoff the rule reads; the rest (summary, transcript) is never loaded.
 * A damaged shape errs towards keeping: an unknown status counts as still open.
 */
export const HandoffFactsSchema = z.object({
  status: z.enum(HANDOFF_STATUSES).catch('open'),
  closedAt: z.date().nullable().catch(null),
  updatedAt: z.date().catch(NEVER_OLD),
  urgent: z.boolean().catch(false),
  conversationReference: z.record(z.string(), z.unknown()).nullable().catch(null),
});
export type HandoffFacts = z.infer<typeof HandoffFactsSchema>;

export interface PersonRecords {
  referral: Referral | null;
  handoffs: HandoffFacts[];
  jobs: FollowUpJob[];
}

/**
 * How long a sent text waits for its reply: FollowUpSchedule.awaitingReply's and
 * awaitingWellbeingRepeat's default window (a later "1", "2" or "3" is not matched to it).
 */
export const REPLY_WINDOW_DAYS = 14;

export type StillGoing = 'handoffActive' | 'followUpToCome' | 'followUpInterrupted' | 'awaitingReply' | 'wellbeingRepeat';

export type Progress = { finished: false; because: StillGoing } | { finished: true; lastActivity: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

export function progressOf(records: PersonRecords, now: Date): Progress {
  if (records.handoffs.some((h) => h.status !== 'closed')) return { finished: false, because: 'handoffActive' };
  const replyWindowStart = new Date(now.getTime() - REPLY_WINDOW_DAYS * DAY_MS);
  for (const job of records.jobs) {
    const because = stillGoing(job, records.referral, replyWindowStart);
    if (because) return { finished: false, because };
  }
  return { finished: true, lastActivity: lastActivity(records) };
}

function stillGoing(job: FollowUpJob, referral: Referral | null, replyWindowStart: Date): StillGoing | undefined {
  if (job.status === 'pending' || job.status === 'sending') return 'followUpToCome';
  if (job.status === 'failed' && job.lastError === INTERRUPTED) {
    return (job.inFlightSince ?? job.updatedAt) >= replyWindowStart ? 'followUpInterrupted' : undefined;
  }
  if (job.status === 'sent' && !job.answer && (job.sentAt ?? job.updatedAt) >= replyWindowStart) return 'awaitingReply';
  const saidYesLately = job.kind === 'ons4Repeat' && job.answer === 'went' && (job.repliedAt ?? job.updatedAt) >= replyWindowStart;
  if (saidYesLately && !wellbeingRepeatDone(referral)) return 'wellbeingRepeat';
  return undefined;
}

function wellbeingRepeatDone(referral: Referral | null): boolean {
  const repeat = referral?.wellbeingRepeat ?? {};
  return ONS4_MEASURES.every((measure) => repeat[measure] !== undefined);
}

function lastActivity(records: PersonRecords): Date {
  const times: Date[] = [];
  for (const h of records.handoffs) times.push(h.updatedAt, ...(h.closedAt ? [h.closedAt] : []));
  for (const job of records.jobs) times.push(job.updatedAt, ...[job.sentAt, job.repliedAt].filter((d): d is Date => d !== undefined));
  if (records.referral) times.push(records.referral.updatedAt);
  return new Date(Math.max(0, ...times.map((d) => d.getTime())));
}
