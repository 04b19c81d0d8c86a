/**
 * Finds a person saying how old they are ("im 14", "I'm 15 years old", "aged 12", "dw i'n 14 oed"),
 * so an adults' service can point a child to Childline. Deterministic and deliberately narrow: it
 * fires only when the person speaks of themselves and the number is an age, never a weight, distance,
 * time, score or someone else's age ("my son is 14", "I'm 14 stone", "at 14:00", "7").
 */
/** Adults' services by default (MINIMUM_AGE in src/config.ts): someone younger is pointed to Childline. */
export const DEFAULT_MINIMUM_AGE = 18;

export interface StatedAge {
  /** The age in whole years (the youngest it can be, for "nearly 18" or "under 16": one less). */
  age: number;
  /** Which pattern matched (for the operator log; never the words). Welsh rules start with "cy.". */
  rule: string;
}

/** A bare "I'm 9" is more often a score (0 to 10) than an age: without "years old" or "oed", only 11 and up. */
const YOUNGEST_BARE_AGE = 11;
/** Oldest age we read: beyond it a number is not an age. */
const OLDEST_AGE = 99;

const ENGLISH_NUMBERS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
/** Digits (not part of a longer number) or a number word (a whole word: "ten", not "tenacious"). */
const NUMBER = `(\\d{1,2}(?!\\d)|(?:${Object.keys(ENGLISH_NUMBERS).join('|')})\\b)`;

/** "years old" and friends, in English and Welsh: with one of these the number is surely an age. */
const AGE_WORDS = /^\s*(?:-\s*)?(?:years?|yrs?|yr|y\/o|yo)\b(?:\s*-?\s*old)?|^\s*(?:mlwydd\s+oed|blwydd\s+oed|mlwydd|oed)\b/;
/**
 * After the number, words that make it something other than the speaker's age: units, ordinals,
 * "of" ("I'm 1 of 5"), scores ("out of 10"), times and decimals, or a following noun ("14 year old son").
 */
const NOT_AN_AGE_AFTER = new RegExp(
  [
    String.raw`^(?:st|nd|rd|th)\b`,
    String.raw`^\s*(?:[.:,/'"’]\s*\d|%|½)`,
    String.raw`^\s*(?:and\s+a\s+half\s+)?(?:stone|st|kg|kgs|kilos?|lbs?|pounds?|miles?|mi|km|kms|metres?|meters?|m|feet|foot|ft|inch(?:es)?|cm|mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|times?|pm|am|o'?clock)\b`,
    String.raw`^\s*(?:of|out\s+of|in\s+line|on\s+the)\b`,
    String.raw`^\s*(?:stôn|stôns|milltir|munud|munudau|awr|oriau|diwrnod|niwrnod|diwrnodau|wythnos|wythnosau|mis|misoedd|mlynedd|blynedd|cilo|pwys|o)\b`,
  ].join('|'),
  'i',
);
/** A noun straight after "14 years old" or "14 oed" says whose age it is: not the speaker's. */
const SOMEONE_ELSES = /^\s*(?:son|daughter|child|kid|boy|girl|grand\w*|nephew|niece|brother|sister|friend|cousin|step\w*|dog|cat|mab|merch|plentyn|bachgen|ŵyr|wyres|brawd|chwaer|ffrind)\b/i;

interface AgePattern {
  rule: string;
  pattern: RegExp;
  /** Years to take away from the number said ("nearly 18", "under 16": one less). */
  less?: (match: RegExpExecArray) => number;
  /** The number is an age only with "years old" or "oed" after it (e.g. at the start of a message). */
  needsAgeWords?: boolean;
}

const MORE_OR_LESS = String.raw`(?:(only|just|nearly|almost|about|turning|under|aged)\s+)?`;

/** The speaker about themselves, then a number. Not after "like" ("I feel like I'm 14 again"). */
const PATTERNS: AgePattern[] = [
  {
    rule: 'en.iAm',
    pattern: new RegExp(String.raw`(?<!\blike\s|\bas if\s|\bthough\s)\b(?:i\s*'?\s*m|i am)\s+${MORE_OR_LESS}${NUMBER}`, 'gi'),
    less: (m) => (/^(nearly|almost|turning|under)$/i.test(m[1] ?? '') ? 1 : 0),
  },
  { rule: 'en.aged', pattern: new RegExp(String.raw`^\s*(?:aged?|my age is|age\s*:)\s*:?\s*${NUMBER}`, 'gi') },
  { rule: 'en.yearsOld', pattern: new RegExp(String.raw`^\s*${NUMBER}(?=\s*-?\s*(?:years?|yrs?|yr|y\/o|yo)\b)`, 'gi'), needsAgeWords: true },
  {
    rule: 'cy.dwIn',
    pattern: new RegExp(String.raw`(?<![\w'])(?:dw\s*i|dwi|rydw\s*i|ydw\s*i|rwy|rw\s*i|wi|fi)\s*(?:'\s*n|\s+ond\s+yn|\s+yn)\s+(?:ond\s+|dim\s+ond\s+|bron\s+yn\s+)?(\d{1,2})(?!\d)`, 'gi'),
    less: (m) => (/\bbron\b/i.test(m[0]) ? 1 : 0),
  },
  { rule: 'cy.oed', pattern: /^\s*(\d{1,2})(?=\s*(?:mlwydd\s+oed|blwydd\s+oed|oed)\b)/gi, needsAgeWords: true },
];

/** UK school years 7 to 13 (secondary); the oldest a pupil can be is the year plus five. */
const SCHOOL_YEAR = [
  { rule: 'en.schoolYear', pattern: /\b(?:i\s*'?\s*m|i am)\s+(?:in\s+)?(?:a\s+)?(?:year|yr)\s*(\d{1,2})(?!\d)(?!\s*(?:of|at\s+uni))/gi },
  { rule: 'cy.schoolYear', pattern: /(?<![\w'])(?:dw\s*i|dwi|rydw\s*i|rwy|rw\s*i|fi)\s*(?:'\s*n\s+|\s+)?(?:ym\s+mlwyddyn|yn\s+mlwyddyn|mlwyddyn|blwyddyn)\s*(\d{1,2})(?!\d)/gi },
];
const OLDEST_IN_SCHOOL_YEAR = 5;

function normalise(text: string): string {
  return text.replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

function numberFrom(word: string): number {
  return ENGLISH_NUMBERS[word] ?? Number(word);
}

function ageFrom(text: string, found: AgePattern, match: RegExpExecArray): number | undefined {
  const said = numberFrom(match[match.length - 1]);
  const after = text.slice(match.index + match[0].length);
  const withAgeWords = AGE_WORDS.test(after);
  if (!withAgeWords && (found.needsAgeWords || NOT_AN_AGE_AFTER.test(after))) return undefined;
  if (withAgeWords && SOMEONE_ELSES.test(after.replace(AGE_WORDS, ''))) return undefined;
  if (!withAgeWords && found.rule !== 'en.aged' && said < YOUNGEST_BARE_AGE) return undefined;
  const age = said - (found.less?.(match) ?? 0);
  return age > 0 && age <= OLDEST_AGE ? age : undefined;
}

/** The age the person says they are, if this message says so; undefined otherwise. */
export function detectStatedAge(text: string): StatedAge | undefined {
  const normalised = normalise(text);
  for (const found of PATTERNS) {
    for (const match of normalised.matchAll(found.pattern)) {
      const age = ageFrom(normalised, found, match as RegExpExecArray);
      if (age !== undefined) return { age, rule: found.rule };
    }
  }
  for (const { rule, pattern } of SCHOOL_YEAR) {
    for (const match of normalised.matchAll(pattern)) {
      const year = Number(match[1]);
      if (year >= 7 && year <= 13) return { age: year + OLDEST_IN_SCHOOL_YEAR, rule };
    }
  }
  return undefined;
}

/** True when the message says the person is younger than `minimumAge` (0 turns the check off). */
export function statesAgeUnder(text: string, minimumAge: number): StatedAge | undefined {
  if (minimumAge <= 0) return undefined;
  const stated = detectStatedAge(text);
  return stated && stated.age < minimumAge ? stated : undefined;
}
