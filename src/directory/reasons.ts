import type { Translate } from '../i18n';
import type { Category } from './categories';
import type { Reason } from './match';
import { DAY_CODES } from './schema';
import type { DayCode } from './serviceFacts';

/**
 * A suggestion's reasons in plain words, in the translator's language (locales/<lng>/matching.json),
 * e.g. ["You said you like being outdoors", "Free", "Tuesdays 10am", "About 1 mile away"].
 * Joined for display with " · ".
 */
export const REASON_SEPARATOR = ' · ';

/** Categories with their own "you said you like..." sentence (the ones an interest choice leads to). */
const INTEREST_SENTENCES = new Set<Category>(['arts_crafts', 'walking', 'gardening_nature', 'music_singing', 'physical_activity', 'food', 'learning', 'volunteering', 'loneliness']);
const BARRIER_SENTENCES = new Set<Category>(['cost_barrier', 'transport_barrier', 'disability_access', 'anxiety_in_groups', 'carers_support']);

function categorySentence(category: Category, from: 'interest' | 'text' | 'barrier', t: Translate): string {
  if (from === 'interest' && INTEREST_SENTENCES.has(category)) return t(`matching.reasons.fromInterest.${category}`);
  if (from === 'barrier' && BARRIER_SENTENCES.has(category)) return t(`matching.reasons.fromBarrier.${category}`);
  return t(`matching.reasons.fromText.${category}`);
}

const WEEKDAYS: readonly DayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** "Tuesdays", "Mondays and Thursdays", "Weekdays", "Every day" (Welsh: "Bob dydd Mawrth"...). */
export function describeDays(days: readonly DayCode[], t: Translate): string {
  const set = new Set(days);
  if (set.size === 7) return t('matching.days.everyDay');
  if (set.size === 5 && WEEKDAYS.every((d) => set.has(d))) return t('matching.days.weekdays');
  if (set.size === 2 && set.has('SA') && set.has('SU')) return t('matching.days.weekends');
  const names = DAY_CODES.filter((d) => set.has(d)).map((d) => t(`matching.days.names.${d}`));
  if (names.length === 0) return '';
  const joined = names.length === 1 ? names[0] : t('matching.days.and', { first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
  return t('matching.days.list', { days: joined });
}

/** Days of a monthly session: "Tuesdays" (Welsh "Dydd Mawrth": not "every", it is not every week). */
function describeMonthlyDays(days: readonly DayCode[], t: Translate): string {
  const names = DAY_CODES.filter((d) => days.includes(d)).map((d) => t(`matching.days.names.${d}`));
  if (names.length === 0) return '';
  const joined = names.length === 1 ? names[0] : t('matching.days.and', { first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
  const text = t('matching.days.listMonthly', { days: joined });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "10am", "2:30pm", "12 noon" (Welsh "10yb", "2:30yp", "hanner dydd"). */
export function describeTime(hhmm: string, t: Translate): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return '';
  const hour = Number(m[1]) % 24;
  const minutes = m[2];
  if (minutes === '00' && hour === 12) return t('matching.time.noon');
  if (minutes === '00' && hour === 0) return t('matching.time.midnight');
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const time = minutes === '00' ? String(h12) : `${h12}:${minutes}`;
  return t(hour < 12 ? 'matching.time.morning' : 'matching.time.afternoon', { time });
}

/** "Less than half a mile away", "About 1 mile away", "About 3 miles away". */
export function describeDistance(miles: number, t: Translate): string {
  if (miles < 0.5) return t('matching.reasons.distance.underHalf');
  if (miles < 1.5) return t('matching.reasons.distance.one');
  return t('matching.reasons.distance.many', { miles: Math.round(miles) });
}

function languageName(language: string, t: Translate): string {
  const key = language.toLowerCase().trim().replace(/[^a-z]+/g, '_');
  try {
    return t(`matching.languages.${key}`);
  } catch {
    // A language our locales do not name: show it as the directory gives it.
    return language;
  }
}

function describeReason(reason: Reason, t: Translate): string {
  switch (reason.kind) {
    case 'category':
      return categorySentence(reason.category, reason.from, t);
    case 'free':
    case 'stepFree':
    case 'smallGroup':
    case 'oneToOne':
    case 'online':
    case 'phone':
      return t(`matching.reasons.${reason.kind}`);
    case 'when': {
      const days = reason.perMonth === undefined ? describeDays(reason.days, t) : describeMonthlyDays(reason.days, t);
      const time = reason.opensAt ? describeTime(reason.opensAt, t) : '';
      const when = days && time ? t('matching.reasons.when', { days, time }) : days || time;
      if (reason.perMonth === undefined || !when) return when;
      const often = reason.perMonth === 1 ? 'once' : reason.perMonth === 2 ? 'twice' : 'many';
      return t(`matching.reasons.monthly.${often}`, { when, times: reason.perMonth });
    }
    case 'distance':
      return describeDistance(reason.miles, t);
    case 'language':
      return t('matching.reasons.language', { language: languageName(reason.language, t) });
  }
}

/** Each reason in plain words in the translator's language. */
export function describeReasons(reasons: readonly Reason[], t: Translate): string[] {
  return reasons.map((reason) => describeReason(reason, t)).filter((text) => text !== '');
}
