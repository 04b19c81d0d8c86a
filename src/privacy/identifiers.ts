/**
 * Identifiers a person (or someone typing for them) puts into free text: NHS numbers, dates of
 * birth and National Insurance numbers. Front Door does not need them (the link worker asks if the
 * team does), so they are left out of what is stored. Deterministic: regular expressions and the
 * NHS check digit, nothing learned, so the same words always give the same result.
 */

export const IDENTIFIER_KINDS = ['nhsNumber', 'dateOfBirth', 'niNumber'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** What is stored in place of each identifier: plain English, for the team that reads the answers. */
export const IDENTIFIER_PLACEHOLDERS: Readonly<Record<IdentifierKind, string>> = {
  nhsNumber: '[NHS number removed]',
  dateOfBirth: '[date of birth removed]',
  niNumber: '[National Insurance number removed]',
};

export interface FoundIdentifier {
  kind: IdentifierKind;
  start: number;
  end: number;
}

export interface WithoutIdentifiers<T> {
  value: T;
  /** Each kind left out, once, in the order first found. */
  leftOut: IdentifierKind[];
}

/**
 * The NHS modulus 11 check: weights 10 down to 2 on the first nine digits; 11 minus the remainder
 * is the tenth digit (11 counts as 0; 10 means no valid number).
 */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Ten digits as typed: together, or 3-3-4 with spaces or dashes, and not part of a longer number.
const NOT_PART_OF_A_NUMBER = String.raw`(?<![\d+])(?<!\+?44[\s-]?)`;
const TEN_DIGITS = String.raw`\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)`;
const NHS_LABEL = String.raw`\b(?:NHS|rhif\s+(?:y\s+)?GIG)(?:\s*(?:no\.?|number|num|#|rhif))?\s*(?:is|yw|ydy|[:.=#-])?\s*`;

/** Said to be an NHS number: kept out even when a digit is mistyped (the check would fail). */
const LABELLED_NHS = new RegExp(`(?<=${NHS_LABEL})${NOT_PART_OF_A_NUMBER}${TEN_DIGITS}`, 'giu');
/**
 * Any other ten digits passing the check. Not ones starting with 0: those are phone numbers
 * (no English or Welsh NHS number starts with 0), and 1 in 11 would pass the check by chance.
 */
const UNLABELLED_NHS = new RegExp(`${NOT_PART_OF_A_NUMBER}(?!0)${TEN_DIGITS}`, 'gu');

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Welsh, and as mutated after "o" ("3ydd o Fawrth").
  'ionawr', 'chwefror', 'mawrth', 'ebrill', 'mai', 'mehefin', 'gorffennaf', 'awst', 'medi', 'hydref', 'tachwedd', 'rhagfyr',
  'fawrth', 'fai', 'fehefin', 'orffennaf', 'fedi', 'dachwedd', 'ragfyr',
].join('|');
const ORDINAL = '(?:st|nd|rd|th|af|il|ydd|edd|fed|ed|eg|ain)';
const YEAR = String.raw`(?:\s*,?\s*(?:19|20)?\d{2})`;
const DATE = [
  // 03/04/1957, 3.4.57, 3-4-1957: a numeric date needs its year ("born 3.5kg" is a weight).
  String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)?\d{2}`,
  String.raw`(?:19|20)\d{2}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}${ORDINAL}?\s+(?:of\s+|o\s+(?:fis\s+)?)?(?:${MONTHS})\.?${YEAR}?`,
  String.raw`(?:${MONTHS})\.?\s+\d{1,2}${ORDINAL}?${YEAR}?`,
].join('|');
const BIRTH_LABEL = [
  String.raw`d\.?\s?o\.?\s?b\.?`,
  'date\\s+of\\s+birth',
  'birth\\s*date',
  'born',
  'dyddiad\\s+(?:fy\\s+)?ngeni',
  'dyddiad\\s+geni',
  'ganwyd',
  'ganed',
  'ngeni',
].join('|');
// Words that may come between the label and the date: "DOB: 3/4/57", "born on the 3rd of April".
// A place may come first: "born in Merthyr on 3 April 1957".
const BIRTH_JOIN = String.raw`(?:[\s:=,-]|\b(?:is|was|on|the|ar|yw|ydy|oedd)\b|\b(?:in|yn|ym|yng)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)*`;
/** A date straight after a birth label; other dates ("on 3/4 I went to the club") are not birth dates. */
const DATE_OF_BIRTH = new RegExp(`(?<=\\b(?:${BIRTH_LABEL})${BIRTH_JOIN})(?:${DATE})(?![\\d\\p{L}])`, 'giu');

/**
 * Two letters, six digits, A to D. The first letter is never D, F, I, Q, U or V, the second never
 * D, F, I, O, Q, U or V, and BG, GB, KN, NK, NT, TN and ZZ are never given.
 */
const NI_NUMBER = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/giu;

function matchesOf(pattern: RegExp, kind: IdentifierKind, text: string, keep: (found: string) => boolean = () => true): FoundIdentifier[] {
  return [...text.matchAll(pattern)]
    .filter((match) => keep(match[0]))
    .map((match) => ({ kind, start: match.index, end: match.index + match[0].length }));
}

/** Every identifier in the text, in order; where two overlap the first found is kept. */
export function findIdentifiers(text: string): FoundIdentifier[] {
  const found = [
    ...matchesOf(LABELLED_NHS, 'nhsNumber', text),
    ...matchesOf(UNLABELLED_NHS, 'nhsNumber', text, isValidNhsNumber),
    ...matchesOf(DATE_OF_BIRTH, 'dateOfBirth', text),
    ...matchesOf(NI_NUMBER, 'niNumber', text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundIdentifier[] = [];
  for (const next of found) if (!kept.some((k) => next.start < k.end && k.start < next.end)) kept.push(next);
  return kept;
}

/** The text with each identifier replaced by its placeholder. */
export function withoutIdentifiersInText(text: string): WithoutIdentifiers<string> {
  const found = findIdentifiers(text);
  let value = text;
  for (const { kind, start, end } of [...found].reverse()) value = value.slice(0, start) + IDENTIFIER_PLACEHOLDERS[kind] + value.slice(end);
  return { value, leftOut: [...new Set(found.map((f) => f.kind))] };
}

/** The same for every string inside an answer (a string, or an object or array holding strings). */
export function withoutIdentifiers<T>(value: T): WithoutIdentifiers<T> {
  const leftOut = new Set<IdentifierKind>();
  const clean = (part: unknown): unknown => {
    if (typeof part === 'string') {
      const result = withoutIdentifiersInText(part);
      result.leftOut.forEach((kind) => leftOut.add(kind));
      return result.value;
    }
    if (Array.isArray(part)) return part.map(clean);
    if (part !== null && typeof part === 'object' && Object.getPrototypeOf(part) === Object.prototype) {
      return Object.fromEntries(Object.entries(part).map(([key, inner]) => [key, clean(inner)]));
    }
    return part;
  };
  // clean keeps the shape: strings stay strings, arrays and plain objects keep their keys.
  return { value: clean(value) as T, leftOut: [...leftOut] };
}

/** How to tell the person what was left out, in one line: one kind, the usual pair, or several. */
export function leftOutWording(leftOut: readonly IdentifierKind[]): IdentifierKind | 'nhsNumberAndDateOfBirth' | 'several' {
  if (leftOut.length === 1) return leftOut[0];
  const nhsAndBirth = leftOut.length === 2 && leftOut.includes('nhsNumber') && leftOut.includes('dateOfBirth');
  return nhsAndBirth ? 'nhsNumberAndDateOfBirth' : 'several';
}
