import { DEFAULT_BANK_HOLIDAYS, isBankHoliday, type BankHolidayRegion } from './bankHolidays';

/**
 * When link workers are on duty, in the service's own time zone (Europe/London by default, so
 * British Summer Time is handled by the platform's time-zone data, not by us).
 *
 * Written as `LINKWORKER_HOURS`, e.g. "Mon-Fri 09:00-17:00" or "Mon-Thu 09:00-17:00, Fri 09:00-16:30,
 * Sat 10:00-13:00". "always" means someone is always on duty.
 *
 * Closed days override the weekly hours: bank holidays (LINKWORKER_BANK_HOLIDAYS, England and Wales by default;
 * not for "always", a service staffed every day) and the operator's own LINKWORKER_CLOSED_DATES.
 */
export const DEFAULT_SERVICE_HOURS = 'Mon-Fri 09:00-17:00';
export const DEFAULT_TIME_ZONE = 'Europe/London';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Minutes after midnight each day (0 = Sunday) that are on duty: [from, to) pairs. */
type Week = [number, number][][];

export class ServiceHoursError extends Error {}

function minutes(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new ServiceHoursError(`"${hhmm}" is not a time like 09:00`);
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new ServiceHoursError(`"${hhmm}" is not a time of day`);
  return h * 60 + m;
}

function dayIndex(name: string): number {
  const index = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAY_NAMES)[number]);
  if (index < 0) throw new ServiceHoursError(`"${name}" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return index;
}

export function parseServiceHours(spec: string): Week | 'always' {
  const text = spec.trim();
  if (/^always$/i.test(text)) return 'always';
  const week: Week = DAY_NAMES.map(() => []);
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]+)(?:\s*-\s*([A-Za-z]+))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match) throw new ServiceHoursError(`"${part}" should look like "Mon-Fri 09:00-17:00"`);
    const from = dayIndex(match[1]);
    const to = match[2] ? dayIndex(match[2]) : from;
    const start = minutes(match[3]);
    const end = minutes(match[4]);
    if (end <= start) throw new ServiceHoursError(`"${part}": the end time must be after the start time`);
    for (let d = from; ; d = (d + 1) % 7) {
      week[d].push([start, end]);
      if (d === to) break;
    }
  }
  if (week.every((day) => day.length === 0)) throw new ServiceHoursError('no hours given');
  return week;
}

/** Inclusive ranges of local calendar dates (YYYY-MM-DD; a single date is a range of one). */
type ClosedRanges = [string, string][];

/** A closure longer than this is more likely a typo in a year than a real closure. */
const MAX_CLOSURE_DAYS = 366;
const DAY_MS = 86_400_000;

function calendarDate(text: string, entry: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to 2 March: a real date prints back the same.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) {
    const where = entry === text ? '' : `"${entry}": `;
    throw new ServiceHoursError(`${where}"${text}" is not a date like 2026-12-24`);
  }
  return time;
}

/** LINKWORKER_CLOSED_DATES: e.g. "2026-12-24..2027-01-01, 2027-05-08" (dates and inclusive ranges). */
export function parseClosedDates(spec: string): ClosedRanges {
  const ranges: ClosedRanges = [];
  for (const entry of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [from, to = from, extra] = entry.split('..').map((p) => p.trim());
    if (extra !== undefined) throw new ServiceHoursError(`"${entry}" should be a date like 2026-12-24 or a range like 2026-12-24..2027-01-01`);
    const days = (calendarDate(to, entry) - calendarDate(from, entry)) / DAY_MS + 1;
    if (days < 1) throw new ServiceHoursError(`"${entry}": the range ends before it starts`);
    if (days > MAX_CLOSURE_DAYS) throw new ServiceHoursError(`"${entry}": a closure can be at most ${MAX_CLOSURE_DAYS} days`);
    ranges.push([from, to]);
  }
  return ranges;
}

export interface Closures {
  /** LINKWORKER_CLOSED_DATES. */
  closedDates?: string;
  /** LINKWORKER_BANK_HOLIDAYS (default England and Wales). */
  bankHolidays?: BankHolidayRegion;
}

interface LocalTime {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  day: number;
  minute: number;
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const WHOLE_DAY: [number, number][] = [[0, 24 * 60]];
/** How far ahead to look for an opening past closed days (longer than any closure). */
const MAX_DAYS_AHEAD = 2 * MAX_CLOSURE_DAYS + 14;

export class ServiceHours {
  private readonly week: Week;
  private readonly always: boolean;
  private readonly closedRanges: ClosedRanges;
  private readonly bankHolidays: BankHolidayRegion;
  private readonly format: Intl.DateTimeFormat;

  constructor(
    spec: string = DEFAULT_SERVICE_HOURS,
    readonly timeZone: string = DEFAULT_TIME_ZONE,
    closures: Closures = {},
  ) {
    const week = parseServiceHours(spec);
    this.always = week === 'always';
    this.week = week === 'always' ? DAY_NAMES.map(() => WHOLE_DAY) : week;
    this.closedRanges = parseClosedDates(closures.closedDates ?? '');
    // A service staffed "always" works through bank holidays; only its declared closures stop it.
    this.bankHolidays = this.always ? 'none' : (closures.bankHolidays ?? DEFAULT_BANK_HOLIDAYS);
    this.format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  private local(at: Date): LocalTime {
    const parts = Object.fromEntries(this.format.formatToParts(at).map((p) => [p.type, p.value]));
    return { date: `${parts.year}-${parts.month}-${parts.day}`, day: dayIndex(parts.weekday), minute: Number(parts.hour) * 60 + Number(parts.minute) };
  }

  /** Whether a local calendar date (YYYY-MM-DD) is a bank holiday or a declared closure. */
  isClosed(date: string): boolean {
    return isBankHoliday(date, this.bankHolidays) || this.closedRanges.some(([from, to]) => date >= from && date <= to);
  }

  /** Local time minus UTC, in minutes (0 to 1439), to notice a clock change. */
  private offsetMinutes(at: Date): number {
    const utc = at.getUTCHours() * 60 + at.getUTCMinutes();
    return (((this.local(at).minute - utc) % 1440) + 1440) % 1440;
  }

  onDuty(at: Date): boolean {
    if (this.always && this.closedRanges.length === 0) return true;
    const { date, day, minute } = this.local(at);
    if (this.isClosed(date)) return false;
    return this.week[day].some(([start, end]) => minute >= start && minute < end);
  }

  /** The next moment someone is on duty (at itself when on duty now), to the minute. */
  nextOnDuty(at: Date): Date {
    if (this.onDuty(at)) return at;
    const base = Math.floor(at.getTime() / 60_000) * 60_000;
    // When the clocks go back in the next two hours, local time repeats an hour: look minute by minute.
    if (this.offsetMinutes(at) !== this.offsetMinutes(new Date(base + 120 * 60_000))) {
      for (let i = 1; i <= 120; i++) {
        const candidate = new Date(base + i * 60_000);
        if (this.onDuty(candidate)) return candidate;
      }
    }
    const { date, day, minute } = this.local(at);
    // Minutes from now to the next range start in local time, from the week table, skipping closed days.
    let wait: number | undefined;
    for (let d = 0; d <= MAX_DAYS_AHEAD && wait === undefined; d++) {
      if (this.isClosed(plusDays(date, d))) continue;
      const starts = this.week[(day + d) % 7].map(([start]) => start).sort((x, y) => x - y);
      for (const start of starts) {
        const delta = d * 24 * 60 + start - minute;
        if (delta > 0) {
          wait = delta;
          break;
        }
      }
    }
    if (wait === undefined) return at;
    const guess = new Date(base + wait * 60_000);
    // A clock change on the way moves local time by an hour: settle on the first on-duty minute near the guess.
    for (let shift = -60; shift <= 60; shift++) {
      const candidate = new Date(guess.getTime() + shift * 60_000);
      if (candidate > at && this.onDuty(candidate)) return candidate;
    }
    return guess;
  }
}
