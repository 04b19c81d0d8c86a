import type { Days, TimeOfDay } from '../referrals/schema';
import type { ScheduleFact, ServiceFacts } from './serviceFacts';

/**
 * Schedule fit: does a service run on the days and at the times a person said suit them?
 * Mornings open before 12:00, afternoons 12:00 to 17:00, evenings from 17:00.
 */
const WEEKDAYS_MASK = 0b0011111; // MO..FR (bit order follows DAY_CODES)
const WEEKENDS_MASK = 0b1100000; // SA, SU
const ALL_DAYS_MASK = 0b1111111;

export interface WhenWanted {
  dayMask: number;
  /** Time-of-day windows in minutes [from, to); empty = any time. */
  windows: [number, number][];
}

const WINDOWS: Record<Exclude<TimeOfDay, 'any'>, [number, number]> = {
  mornings: [0, 12 * 60],
  afternoons: [12 * 60, 17 * 60],
  evenings: [17 * 60, 24 * 60 + 1],
};

/** What the person asked for, or undefined when anything suits them. */
export function whenWanted(days: Days | undefined, times: readonly TimeOfDay[] | undefined): WhenWanted | undefined {
  const dayMask = days === 'weekdays' ? WEEKDAYS_MASK : days === 'weekends' ? WEEKENDS_MASK : ALL_DAYS_MASK;
  const windows = !times || times.includes('any') ? [] : times.filter((t): t is Exclude<TimeOfDay, 'any'> => t !== 'any').map((t) => WINDOWS[t]);
  if (dayMask === ALL_DAYS_MASK && windows.length === 0) return undefined;
  return { dayMask, windows };
}

function sessionFits(session: ScheduleFact, wanted: WhenWanted): boolean {
  if (session.dayMask !== 0 && (session.dayMask & wanted.dayMask) === 0) return false;
  if (wanted.windows.length === 0 || session.opensMinutes === undefined) return true;
  const opens = session.opensMinutes;
  const closes = session.closesMinutes !== undefined && session.closesMinutes > opens ? session.closesMinutes : opens + 60;
  // Fits when at least an hour of the session (or all of a shorter one) falls in a wanted window.
  const needed = Math.min(60, closes - opens);
  return wanted.windows.some(([from, to]) => Math.min(closes, to) - Math.max(opens, from) >= needed);
}

export type ScheduleFit = 'fits' | 'doesNotFit' | 'unknown';

/**
 * How a service's sessions meet what the person wants, and the first session that fits (for the reason).
 * Phone and online-only services are reachable whenever suits (a call back can be arranged), so they fit.
 */
export function scheduleFit(facts: ServiceFacts, wanted: WhenWanted | undefined): { fit: ScheduleFit; session?: ScheduleFact } {
  const first = facts.schedules[0];
  if (!wanted) return { fit: first ? 'fits' : 'unknown', session: first };
  for (const session of facts.schedules) if (sessionFits(session, wanted)) return { fit: 'fits', session };
  if (facts.remoteOnly && facts.phone) return { fit: 'fits', session: first };
  return { fit: facts.schedules.length > 0 || statedDaysMiss(facts, wanted) ? 'doesNotFit' : 'unknown' };
}

/** No schedule, but the description names only days the person cannot do ("every Monday" for weekends). */
function statedDaysMiss(facts: ServiceFacts, wanted: WhenWanted): boolean {
  return facts.statedDayMask !== 0 && (facts.statedDayMask & wanted.dayMask) === 0;
}

/** scheduleFit without the session (no allocation: the ranker asks this for every service). */
export function scheduleFitOnly(facts: ServiceFacts, wanted: WhenWanted): ScheduleFit {
  for (const session of facts.schedules) if (sessionFits(session, wanted)) return 'fits';
  if (facts.remoteOnly && facts.phone) return 'fits';
  return facts.schedules.length > 0 || statedDaysMiss(facts, wanted) ? 'doesNotFit' : 'unknown';
}
