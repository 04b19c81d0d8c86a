/**
 * England and Wales bank holidays, computed for any year (so the list never runs out). One-off national holidays
 * (a coronation, a jubilee) cannot be computed: operators declare them in LINKWORKER_CLOSED_DATES.
 * Dates are local calendar dates written YYYY-MM-DD.
 */
export const BANK_HOLIDAY_REGIONS = ['england-and-wales', 'none'] as const;
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number];
export const DEFAULT_BANK_HOLIDAYS: BankHolidayRegion = 'england-and-wales';

const SUNDAY = 0;
const MONDAY = 1;
const SATURDAY = 6;

/** A calendar date as a UTC midnight, only for day arithmetic (never shown as an instant). */
function day(year: number, month: number, date: number): Date {
  return new Date(Date.UTC(year, month - 1, date));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function plusDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return day(year, month, date);
}

function firstMonday(year: number, month: number): Date {
  const first = day(year, month, 1);
  return plusDays(first, (MONDAY - first.getUTCDay() + 7) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = day(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() - MONDAY + 7) % 7));
}

/** A holiday on a weekend moves to the following Monday. */
function weekdaySubstitute(date: Date): Date {
  if (date.getUTCDay() === SATURDAY) return plusDays(date, 2);
  if (date.getUTCDay() === SUNDAY) return plusDays(date, 1);
  return date;
}

/**
 * Christmas and Boxing Day with their substitutes: 25th Sat -> Mon 27th and Tue 28th; 25th Sun -> Tue 27th
 * (Boxing Day, Mon 26th, keeps its day); 26th Sat -> Mon 28th.
 */
function christmasDays(year: number): Date[] {
  const christmas = day(year, 12, 25);
  switch (christmas.getUTCDay()) {
    case SATURDAY:
      return [day(year, 12, 27), day(year, 12, 28)];
    case SUNDAY:
      return [day(year, 12, 26), day(year, 12, 27)];
    case 5: // Friday: Boxing Day is a Saturday
      return [christmas, day(year, 12, 28)];
    default:
      return [christmas, day(year, 12, 26)];
  }
}

/** The bank holidays of one year in England and Wales, in date order. */
export function englandAndWalesBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    weekdaySubstitute(day(year, 1, 1)),
    plusDays(easter, -2), // Good Friday
    plusDays(easter, 1), // Easter Monday
    firstMonday(year, 5), // early May
    lastMonday(year, 5), // spring
    lastMonday(year, 8), // summer
    ...christmasDays(year),
  ].map(iso);
}

const cache = new Map<number, ReadonlySet<string>>();

/** Whether a local calendar date (YYYY-MM-DD) is a bank holiday in the region. */
export function isBankHoliday(date: string, region: BankHolidayRegion): boolean {
  if (region === 'none') return false;
  const year = Number(date.slice(0, 4));
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = new Set(englandAndWalesBankHolidays(year));
    cache.set(year, holidays);
  }
  return holidays.has(date);
}
