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
    ...(referral.underMinimumAge ? { underMinimumAge: true as const } : {}),
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
  const { raised, urgentMark } = riskFlagsRaised(referral, input);
  return recordRiskFlags([], raised, urgentMark);
}

/**
 * The flags a request brings: those raised now (each a message the person just sent, its words found in
 * the transcript when not given) and the referral's urgent mark when none of them is its rule. The mark
 * only remembers the latest crisis (when, not what), so it is never a new time the person said it.
 */
export function riskFlagsRaised(referral: Referral, input: SummaryInput): { raised: RiskFlag[]; urgentMark?: RiskFlag } {
  const raised = (input.riskFlags ?? []).map((flag) => ({ ...flag, message: flag.message ?? raisedBy(flag.at, input.transcript) }));
  const urgent = referral.urgent;
  if (!urgent || raised.some((flag) => flag.rule === urgent.rule)) return { raised };
  return { raised, urgentMark: { rule: urgent.rule, message: raisedBy(urgent.flaggedAt, input.transcript), at: urgent.flaggedAt } };
}

/**
 * The kind of risk a rule id names (`suicide.end_it`, `cy.suicide.kill_self` and `pl.suicide.statement`
 * are all `suicide`); ids outside the crisis rule tables (`clu:crisis`, `extra`, ...) are each their own.
 * Kept in step with RISK_KINDS in the dashboard, which words the kind for the link worker.
 */
export function riskKindOf(rule: string): string {
  const words = rule.split('.');
  const first = words.length > 1 && /^[a-z]{2}$/.test(words[0]) ? words[1] : words[0];
  return RISK_KIND_OF_WORD[first] ?? first;
}

const RISK_KIND_OF_WORD: Readonly<Record<string, string>> = {
  danger: 'abuse_or_danger',
  medical: 'medical_emergency',
};

/**
 * One flag per kind of risk, as a handoff stores it: the first time, with its words, and for a kind
 * raised again how many times in all and when last. The same crisis seen twice (the referral's urgent
 * mark rebuilt beside the crisis turn's flag: same rule, about the same time, no words or the same
 * words) counts once. Older handoffs stored a flag per message: they read the same way.
 */
export function distinctRiskFlags(flags: readonly RiskFlag[]): RiskFlag[] {
  const byKind = new Map<string, RiskFlag>();
  for (const flag of oneFlagPerCrisis(flags)) {
    const kind = riskKindOf(flag.rule);
    const kept = byKind.get(kind);
    byKind.set(kind, kept ? raisedAgain(kept, flag) : flag);
  }
  return [...byKind.values()].sort(byFirstRaised);
}

/**
 * The stored flags with what this request brings: a flag raised now adds a time to its kind (unless it
 * is the first or latest time already stored: the same request sent again); the urgent mark only adds
 * a kind not stored yet.
 */
export function recordRiskFlags(stored: readonly RiskFlag[], raised: readonly RiskFlag[], urgentMark?: RiskFlag): RiskFlag[] {
  const flags = distinctRiskFlags(stored);
  for (const flag of distinctRiskFlags(raised)) {
    const index = flags.findIndex((kept) => riskKindOf(kept.rule) === riskKindOf(flag.rule));
    if (index < 0) flags.push(flag);
    else if (!alreadyCounted(flags[index], flag)) flags[index] = raisedAgain(flags[index], flag);
  }
  if (urgentMark && !flags.some((kept) => riskKindOf(kept.rule) === riskKindOf(urgentMark.rule))) flags.push(urgentMark);
  return flags.sort(byFirstRaised);
}

function lastRaised(flag: RiskFlag): Date {
  return flag.lastAt ?? flag.at;
}

function byFirstRaised(x: RiskFlag, y: RiskFlag): number {
  return x.at.getTime() - y.at.getTime();
}

function alreadyCounted(kept: RiskFlag, flag: RiskFlag): boolean {
  return flag.at.getTime() === kept.at.getTime() || flag.at.getTime() === lastRaised(kept).getTime();
}

/** Two flags of one kind as one: the words and time of the first, every time counted, the latest time. */
function raisedAgain(x: RiskFlag, y: RiskFlag): RiskFlag {
  const first = y.at < x.at ? y : x;
  const last = lastRaised(y) > lastRaised(x) ? lastRaised(y) : lastRaised(x);
  return { rule: first.rule, message: first.message, at: first.at, timesRaised: (x.timesRaised ?? 1) + (y.timesRaised ?? 1), lastAt: last };
}

/** Oldest first, with a second sighting of one crisis left out (the one with words kept, as shown before). */
function oneFlagPerCrisis(flags: readonly RiskFlag[]): RiskFlag[] {
  const kept: RiskFlag[] = [];
  for (const flag of [...flags].sort(byFirstRaised)) {
    const index = kept.findIndex((other) => sameCrisis(other, flag));
    if (index < 0) kept.push(flag);
    else if (kept[index].message === null && flag.message !== null) kept[index] = flag;
  }
  return kept;
}

function sameCrisis(x: RiskFlag, y: RiskFlag): boolean {
  const sameWords = x.message === null || y.message === null || x.message === y.message;
  return x.rule === y.rule && sameWords && Math.abs(x.at.getTime() - y.at.getTime()) <= FLAG_MATCH_MS;
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
