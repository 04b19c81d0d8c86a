import type { Db } from 'mongodb';
import { shortKey } from '../identity/personKey';
import type { ReferralRepository } from '../referrals';
import { Collections } from '../store/collections';
import type { HandoffRepository } from './repository';

const MINUTE_MS = 60 * 1000;

/** The fields of a stored referral the sweep reads before deciding (read as stored: any shape). */
interface Candidate {
  personKey: string;
  status?: unknown;
  readyAt?: unknown;
  humanRequestedAt?: unknown;
  urgent?: { flaggedAt?: unknown };
}
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface MissedReferralSweep {
  referrals: ReferralRepository;
  handoffs: HandoffRepository;
  /** Names of directory services by id, so the summary can name picked activities. */
  activityNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** Called for each confirmed referral given a handoff here, e.g. to schedule its follow-ups as confirming would have. */
  onOpened?: (personKey: string, readyAt: Date) => Promise<void>;
  /** Operator log: short keys only. */
  log?: (line: string) => void;
  now?: Date;
  /** How long the turn itself is given to open the handoff (default 1 minute). */
  graceMinutes?: number;
  /** How far back to look (default 14 days: a repair after an outage, not a rescan of history). */
  lookBackDays?: number;
}

/**
 * Referrals no link worker can see: confirmed (ready), crisis-flagged (urgent) or asking for a
 * person, with no handoff since. Confirming marks the referral ready and then opens its handoff;
 * the crisis reply flags the referral and then opens an urgent one; "talk to a person" records
 * the request and then opens one. A crash or a failed write between the two leaves a person told
 * "a link worker will get in touch" (or given crisis support) with nothing in the queue. This
 * opens the missing handoff with the latest of those reasons, urgent if a crisis flag is among
 * them; its summary comes from the referral (the crisis rule, not the words, which only the turn
 * had); no conversation to reply into, so the link worker uses the contact details. A referral
 * with a handoff still active, or one touched since the latest of them (e.g. opened and closed by
 * the team), is left alone. Opening is idempotent per person (one active handoff), so racing a
 * turn that is about to open it only adds a reason.
 */
export async function openMissedHandoffs(db: Db, sweep: MissedReferralSweep): Promise<number> {
  const now = sweep.now ?? new Date();
  const before = new Date(now.getTime() - (sweep.graceMinutes ?? 1) * MINUTE_MS);
  const after = new Date(now.getTime() - (sweep.lookBackDays ?? 14) * DAY_MS);
  const window = { $lt: before, $gt: after };
  const candidates = await db
    .collection<Candidate>(Collections.referrals)
    .find(
      { $or: [{ status: 'ready', readyAt: window }, { 'urgent.flaggedAt': window }, { humanRequestedAt: window }] },
      { projection: { personKey: 1, status: 1, readyAt: 1, humanRequestedAt: 1, urgent: 1 } },
    )
    .toArray();
  let opened = 0;
  for (const candidate of candidates) {
    const { personKey } = candidate;
    const triggers = triggersOf(candidate, after, before);
    const trigger = triggers[0];
    if (!trigger) continue;
    // Covered by a handoff still active, or one touched since (e.g. opened, then closed by the team).
    const covering = { personKey, $or: [{ status: { $in: ['open', 'claimed'] } }, { updatedAt: { $gte: trigger.at } }] };
    if ((await db.collection(Collections.handoffs).countDocuments(covering, { limit: 1 })) > 0) continue;
    const referral = await sweep.referrals.find(personKey);
    if (!referral) continue;
    const activityNames = await sweep.activityNames?.(referral.suggestions.picked.map((p) => p.id));
    const urgent = triggers.some((t) => t.reason === 'crisis');
    const { created } = await sweep.handoffs.open({ referral, reason: trigger.reason, urgent, activityNames });
    if (!created) continue;
    opened++;
    sweep.log?.(`handoff opened for ${shortKey(personKey)} (${trigger.reason}): the referral had none`);
    if (trigger.reason === 'referralConfirmed') await sweep.onOpened?.(personKey, trigger.at);
  }
  return opened;
}

type Trigger = { reason: 'crisis' | 'referralConfirmed' | 'askedForPerson'; at: Date };

/** What should have opened a handoff, within the window, latest first: the crisis flag, the confirmation, "talk to a person". */
function triggersOf(candidate: Candidate, after: Date, before: Date): Trigger[] {
  const inWindow = (at: unknown): at is Date => at instanceof Date && at > after && at < before;
  const readyAt = candidate.status === 'ready' ? candidate.readyAt : undefined;
  const triggers: Trigger[] = [];
  if (inWindow(candidate.urgent?.flaggedAt)) triggers.push({ reason: 'crisis', at: candidate.urgent.flaggedAt });
  if (inWindow(readyAt)) triggers.push({ reason: 'referralConfirmed', at: readyAt });
  if (inWindow(candidate.humanRequestedAt)) triggers.push({ reason: 'askedForPerson', at: candidate.humanRequestedAt });
  return triggers.sort((a, b) => b.at.getTime() - a.at.getTime());
}
