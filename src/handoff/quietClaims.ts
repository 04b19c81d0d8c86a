import type { AuditLog } from './audit';
import type { HandoffRepository } from './repository';
import type { Handoff } from './schema';

const MINUTE_MS = 60 * 1000;

/** How long a person may be left writing to a link worker who has gone quiet before the handoff goes back in the queue. */
export const DEFAULT_QUIET_CLAIM_MINUTES = 60;

/** Who acts when nobody does: the audit log records the release as the system's (actor null). */
const SYSTEM = { id: 'system', email: 'system' };

export interface QuietClaimSweep {
  handoffs: Pick<HandoffRepository, 'list' | 'get' | 'release'>;
  audit?: Pick<AuditLog, 'record'>;
  /** Tells the person (e.g. "the link worker had to step away"). */
  onReleased?: (handoff: Handoff) => Promise<void>;
  quietMinutes?: number;
  now?: Date;
  /** Operator log: no names, no words. */
  log?: (line: string) => void;
}

/**
 * When did the link worker holding this handoff last act (claimed it, or wrote)? And has the
 * person written since? A person writing to a link worker who has gone (logged out, gone home,
 * forgot to release) hears nothing back while the bot stays quiet; this is what finds them.
 */
export function isQuietClaim(handoff: Handoff, quietSince: Date): boolean {
  if (handoff.status !== 'claimed' || !handoff.claimedAt) return false;
  let workerActedAt = handoff.claimedAt.getTime();
  let personWroteAt = 0;
  for (const line of handoff.transcript) {
    const at = line.at.getTime();
    if (line.from === 'linkWorker' && at > workerActedAt) workerActedAt = at;
    if (line.from === 'person' && at > personWroteAt) personWroteAt = at;
  }
  return personWroteAt > workerActedAt && workerActedAt < quietSince.getTime();
}

/**
 * Puts back in the queue every claimed handoff whose person has written since the link worker
 * last acted, when that was more than `quietMinutes` ago, and tells the person. Returns how many.
 * Safe on several instances at once: a release that another instance already made fails and is skipped.
 */
export async function releaseQuietClaims(sweep: QuietClaimSweep): Promise<number> {
  const now = sweep.now ?? new Date();
  const quietSince = new Date(now.getTime() - (sweep.quietMinutes ?? DEFAULT_QUIET_CLAIM_MINUTES) * MINUTE_MS);
  // The queue's list leaves transcripts out; the few claimed ones are read whole.
  const claimed = await sweep.handoffs.list(['claimed']);
  let released = 0;
  for (const listed of claimed) {
    const handoff = await sweep.handoffs.get(listed._id);
    if (!handoff || !isQuietClaim(handoff, quietSince)) continue;
    let back: Handoff;
    try {
      back = await sweep.handoffs.release(handoff._id, SYSTEM, { asAdmin: true });
    } catch {
      continue; // released or closed meanwhile (by its link worker, or another instance)
    }
    released++;
    await sweep.audit?.record({ actor: null, action: 'release', handoffId: back._id.toHexString(), detail: { reason: 'linkWorkerQuiet' } });
    sweep.log?.(`handoff ${back._id.toHexString()} put back in the queue: its link worker had not answered for ${sweep.quietMinutes ?? DEFAULT_QUIET_CLAIM_MINUTES} minutes`);
    await sweep.onReleased?.(back).catch((error: Error) => sweep.log?.(`could not tell the person their handoff was put back: ${error.message}`));
  }
  return released;
}
