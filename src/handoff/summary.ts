import type { Referral } from '../referrals/schema';
import type { HandoffSummary, RiskFlag, TranscriptEntry } from './schema';

export interface SummaryInput {
  /** The conversation so far; risk flags without a message are matched to the person's message here. */
  transcript?: readonly TranscriptEntry[];
  /** Flags the caller knows with the message that raised each (e.g. from the crisis detector this turn). */
  riskFlags?: readonly RiskFlag[];
  /** Names of picked activities by directory service id, when the caller has them. */
  activityNames?: ReadonlyMap<string, string> | Record<string, string>;
}

/** How far after a person's message a flag may be stamped and still be taken as raised by it. */
const FLAG_MATCH_MS = 60_000;

/**
 * The thirty-second summary of a referral for a link worker: the person's words verbatim, their
 * choices, ONS4 baseline, picked activities and every risk flag with the message that raised it.
 * Pure: the caller supplies the referral and the transcript.
 */
export function buildSummary(referral: Referral, input: SummaryInput = {}): HandoffSummary {
  const a = referral.answers;
  const w = referral.wellbeing;
  const names = input.activityNames instanceof Map ? input.activityNames : new Map(Object.entries(input.activityNames ?? {}));
  return {
    preferredName: a.preferredName,
    whatMatters: a.whatMatters ?? null,
    whatMattersMore: a.whatMattersMore ?? null,
    categories: { chosen: a.interests?.chosen ?? [], ownWords: a.interests?.ownWords ?? null },
    barriers: a.barriers ?? [],
    availability: { days: a.days ?? null, times: a.times ?? [] },
    location: a.place ?? null,
    contact: { method: a.contactMethod ?? null, number: a.contactNumber ?? null },
    language: referral.lang,
    ...interpreterLanguageOf(referral),
    channel: referral.channel,
    wellbeingBaseline: {
      lifeSatisfaction: w.lifeSatisfaction ?? null,
      worthwhile: w.worthwhile ?? null,
      happiness: w.happiness ?? null,
      anxiety: w.anxiety ?? null,
    },
    chosenActivities: referral.suggestions.picked.map((pick) => ({ id: pick.id, name: names.get(pick.id) ?? null, pickedAt: pick.at })),
    riskFlags: riskFlagsOf(referral, input),
    humanRequestedAt: referral.humanRequestedAt ?? null,
  };
}

/** Present only when they need an interpreter, so older summaries keep their shape. */
function interpreterLanguageOf(referral: Referral): Pick<HandoffSummary, 'interpreterLanguage'> {
  return referral.interpreterLanguage ? { interpreterLanguage: referral.interpreterLanguage } : {};
}

function riskFlagsOf(referral: Referral, input: SummaryInput): RiskFlag[] {
  const flags = [...(input.riskFlags ?? [])].map((flag) => ({ ...flag, message: flag.message ?? raisedBy(flag.at, input.transcript) }));
  const urgent = referral.urgent;
  if (urgent && !flags.some((flag) => flag.rule === urgent.rule)) {
    flags.push({ rule: urgent.rule, message: raisedBy(urgent.flaggedAt, input.transcript), at: urgent.flaggedAt });
  }
  return distinctRiskFlags(flags.sort((x, y) => x.at.getTime() - y.at.getTime()));
}

/**
 * One entry per safety worry: a flag with no words is dropped when a flag of the same rule, raised at
 * about the same time, has them. The referral's urgent mark keeps no words, so a later handoff request
 * rebuilds it without them, and the crisis turn adds it with them: one crisis, seen twice.
 */
export function distinctRiskFlags<T extends RiskFlag>(flags: readonly T[]): T[] {
  const sameWorryWithWords = (flag: T) =>
    flags.some((other) => other.message !== null && other.rule === flag.rule && Math.abs(other.at.getTime() - flag.at.getTime()) <= FLAG_MATCH_MS);
  return flags.filter((flag) => flag.message !== null || !sameWorryWithWords(flag));
}

/** The person's last message at or shortly before the flag: the referral records when, not what. */
function raisedBy(at: Date, transcript: readonly TranscriptEntry[] = []): string | null {
  let best: TranscriptEntry | undefined;
  for (const entry of transcript) {
    if (entry.from !== 'person') continue;
    const before = at.getTime() - entry.at.getTime();
    if (before >= 0 && before <= FLAG_MATCH_MS && (!best || entry.at > best.at)) best = entry;
  }
  return best?.text ?? null;
}
