import type { Db } from 'mongodb';
import { shortKey } from '../identity/personKey';
import type { ReferralRepository } from '../referrals';
import { Collections } from '../store/collections';
import type { HandoffRepository } from './repository';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface MissedReferralSweep {
  referrals: ReferralRepository;
  handoffs: HandoffRepository;
  /** Names of directory services by id, so the summary can name picked activities. */
  activityNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** Called for each handoff opened here, e.g. to schedule the referral's follow-ups as confirming would have. */
  onOpened?: (personKey: string, readyAt: Date) => Promise<void>;
  /** Operator log: short keys only. */
  log?: (line: string) => void;
  now?: Date;
  /** How long after confirming the turn itself is given to open the handoff (default 10 minutes). */
  graceMinutes?: number;
  /** How far back to look (default 14 days: a repair after an outage, not a rescan of history). */
  lookBackDays?: number;
}

/**
 * Confirmed referrals no link worker can see: ready, but with no handoff at all. Confirming marks
 * the referral ready and then opens its handoff; a crash or a failed write between the two leaves
 * a person told "a link worker will get in touch" with nothing in the queue. This opens the
 * missing handoff (reason "referral confirmed", summary from the referral; no conversation to
 * reply into, so the link worker uses the contact details in the summary). A referral whose
 * handoff was opened and closed already has one, and is left alone.
 */
export async function openMissedHandoffs(db: Db, sweep: MissedReferralSweep): Promise<number> {
  const now = sweep.now ?? new Date();
  const readyBefore = new Date(now.getTime() - (sweep.graceMinutes ?? 10) * MINUTE_MS);
  const readyAfter = new Date(now.getTime() - (sweep.lookBackDays ?? 14) * DAY_MS);
  const candidates = await db
    .collection<{ personKey: string; readyAt: Date }>(Collections.referrals)
    .find({ status: 'ready', readyAt: { $lt: readyBefore, $gt: readyAfter } }, { projection: { personKey: 1, readyAt: 1 } })
    .toArray();
  let opened = 0;
  for (const { personKey, readyAt } of candidates) {
    if ((await db.collection(Collections.handoffs).countDocuments({ personKey }, { limit: 1 })) > 0) continue;
    const referral = await sweep.referrals.find(personKey);
    if (referral?.status !== 'ready') continue;
    const activityNames = await sweep.activityNames?.(referral.suggestions.picked.map((p) => p.id));
    const { created } = await sweep.handoffs.open({ referral, reason: 'referralConfirmed', activityNames });
    if (!created) continue;
    opened++;
    sweep.log?.(`handoff opened for ${shortKey(personKey)}: a confirmed referral had none`);
    await sweep.onOpened?.(personKey, readyAt);
  }
  return opened;
}
