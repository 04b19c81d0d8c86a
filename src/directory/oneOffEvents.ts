/**
 * One-off events a directory keeps after they are over. Open Referral UK services sometimes describe a
 * single event with its date only in the name or description ("Christmas Fair 2023", "Saturday 14th
 * October 2023 coffee morning", "Summer holiday club 2022") and no schedule. Read conservatively: a
 * service that says it comes round again ("annual", "every Christmas", "Saturdays"), a date told in
 * passing ("founded in 1998", "since 2019", "relaunched on 11 November 2011") or a later year named
 * anywhere keeps the service. Dates without a year are never guessed at.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d\\d)';
/** "14th October 2023", "14 Oct, 2023", "14th of October 2023". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}\\b`, 'gi');
/** "October 14th, 2023". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'gi');
/** "14/10/2023" (day first, as UK directories write it). */
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/g;
const ANY_YEAR = /\b((?:19|20)\d\d)\b/g;
/** Words that make a dated description an event (and not a group's history). */
const EVENT_WORD =
  /\b(event|fair|fayre|fete|f[eê]te|festival|party|concert|gig|show|performance|celebration|coffee morning|open day|fun day|gala|bazaar|sale|market|holiday club|camp|workshop|exhibition|tournament|screening|lecture|talk|one[- ]off|join us|come along|tickets?)\b/i;
/** It comes round again: never a one-off. */
const RECURS =
  /\b(annual(ly)?|yearly|every|each (year|week|month|day|term|season)|weekly|fortnightly|monthly|termly|twice a|once a|(a|per) (week|month|year)|all year|year[- ]round|regular(ly)?|ongoing|(mon|tues|wednes|thurs|fri|satur|sun)days|(mon|tues|wednes|thurs|fri|satur|sun)day (mornings|afternoons|evenings)|term[- ]time)\b/i;
/** Words before a date that tell history, not when to come ("founded in 1998", "released on 21 March 2025"). */
const IN_PASSING =
  /\b(since|founded|formed|established|est|opened|re-?opened|(re)?launched|started|began|begun|born|died|released|out|won|awarded|toured|joined|built|created|registered|incorporated|set up|dates from|back in)\b\W*(\w+\W+){0,2}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the one-off event the service describes is over (ms since the epoch), or undefined when it is not one. */
export function oneOffEventEndsMs(name: string, description: string): number | undefined {
  const text = `${name}\n${description}`;
  if (RECURS.test(text)) return undefined;
  const ends = [...eventDatesIn(name, { yearAlone: true }), ...(EVENT_WORD.test(text) ? eventDatesIn(description, { yearAlone: false }) : [])];
  if (ends.length === 0) return undefined;
  const end = Math.max(...ends);
  // A later year named anywhere ("next fair in 2024", "sessions until June 2025"): it is not over with this one.
  const lastYear = new Date(end - 1).getUTCFullYear();
  return yearsIn(text).some((year) => year > lastYear) ? undefined : end;
}

/** Whether the service is a dated one-off event that is over at `nowMs`. */
export function isPastOneOffEvent(endsMs: number | undefined, nowMs: number): boolean {
  return endsMs !== undefined && endsMs <= nowMs;
}

/**
 * The moments the events dated in the text are over: the end of each full date, and in a name the end
 * of a year on its own. Dates told in passing are left out.
 */
function eventDatesIn(text: string, options: { yearAlone: boolean }): number[] {
  const ends: number[] = [];
  const add = (match: RegExpMatchArray, end: number | undefined) => {
    if (end !== undefined && !toldInPassing(text, match.index ?? 0)) ends.push(end);
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, endOfDay(Number(m[3]), monthIndex(m[2]), Number(m[1])));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, endOfDay(Number(m[3]), monthIndex(m[1]), Number(m[2])));
  for (const m of text.matchAll(NUMERIC_DATE)) add(m, endOfDay(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  // A year on its own only in a name: in a description it is too often an award or an album ("festival 2023 winners").
  if (ends.length > 0 || !options.yearAlone) return ends;
  for (const m of text.matchAll(ANY_YEAR)) {
    const year = Number(m[1]);
    if (year >= 2000) add(m, Date.UTC(year + 1, 0, 1));
  }
  return ends;
}

function toldInPassing(text: string, index: number): boolean {
  return IN_PASSING.test(text.slice(Math.max(0, index - 40), index));
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(ANY_YEAR)].filter((m) => !toldInPassing(text, m.index ?? 0)).map((m) => Number(m[1]));
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

/** The end of that day (UTC), or undefined when it is not a real date ("31 February"). */
function endOfDay(year: number, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1) return undefined;
  const start = Date.UTC(year, month, day);
  return new Date(start).getUTCDate() === day ? start + DAY_MS : undefined;
}
