/**
 * When a follow-up may go out: only inside a daily window of local wall-clock time (default
 * 09:00 to 20:00 Europe/London). Local time comes from Intl.DateTimeFormat, so clock changes
 * (BST starts and ends) are handled by the platform's time zone data, not by fixed offsets.
 */
export interface SendWindow {
  /** "HH:MM", inclusive. */
  start: string;
  /** "HH:MM", exclusive. A window may cross midnight (start after end), e.g. 18:00 to 08:00. */
  end: string;
  timeZone: string;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock time of an instant in a time zone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`Send window time "${hhmm}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** How far the zone is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant of a local wall-clock time on a date. Two passes settle the offset on either side
 * of a clock change. A time skipped by the spring change (01:00 to 02:00 in London) lands one hour
 * later, a time that happens twice in autumn resolves to one of the two: neither matters for a
 * window that opens in the daytime.
 */
function instantOfWallTime(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  let guess = naive - offsetAt(new Date(naive), timeZone);
  guess = naive - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

export function isWithinSendWindow(instant: Date, window: SendWindow): boolean {
  const w = wallTime(instant, window.timeZone);
  const now = w.hour * 60 + w.minute;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The instant itself when sending is allowed, otherwise the next moment the window opens. */
export function nextSendTime(instant: Date, window: SendWindow): Date {
  if (isWithinSendWindow(instant, window)) return instant;
  const start = minutesOf(window.start);
  const w = wallTime(instant, window.timeZone);
  const nowMinutes = w.hour * 60 + w.minute;
  // Today's opening if it is still ahead, otherwise tomorrow's (calendar arithmetic in UTC is safe for dates).
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (nowMinutes < start ? 0 : 1)));
  return instantOfWallTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), start, window.timeZone);
}
