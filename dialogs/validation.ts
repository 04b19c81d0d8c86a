import { normaliseForMatching, saysExactly, stripFillers, synonymsFor } from '../src/i18n';
import { MAX_FREE_TEXT, type Place } from '../src/referrals';
import { openingGreeting } from './greetings';

/** The result of reading a typed answer: a value, or the locale key of a kind explanation. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problemKey: string };

/** Free text kept as given (surrounding spaces trimmed); very long answers are asked to be shorter. */
export function parseFreeText(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problemKey: 'common.needText' };
  if (trimmed.length > MAX_FREE_TEXT) return { ok: false, problemKey: 'common.tooLong' };
  return { ok: true, value: trimmed };
}

/**
 * "What matters to you?" answered in the person's own words. A bare "ok" or "thanks" (said to the
 * message before, e.g. after asking for a person) is not what matters to them: the question stays.
 */
export function parseWhatMatters(text: string): Parsed<string> {
  if (saysExactly(text, 'common.acknowledgements')) return { ok: false, problemKey: 'whatMatters.whatMatters.stillAsking' };
  return parseFreeText(text);
}

const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const TOWN = /^[\p{L}][\p{L} .,'’-]{1,79}$/u;

/**
 * A town ("Merthyr Tydfil", "Ystradgynlais") or a UK postcode. Only the district ("CF10") of a
 * full postcode is kept: enough to find things nearby, and less personal.
 */
export function parsePlace(text: string): Parsed<Place> {
  // "hi, I live in Leeds thanks" → "Leeds": only the place is kept.
  const { rest: said, lastWord } = withoutLeadIn(openingGreeting(text)?.rest ?? text, 'whatMatters.place.leadIns');
  const rest = withoutEnding(said, 'whatMatters.politeEndings');
  // "yng Nghaerdydd", "ym Mangor": the town's name goes back to how it is written on its own.
  const trimmed = lastWord === 'yng' || lastWord === 'ym' ? withoutNasalMutation(rest) : rest;
  if (!trimmed) return { ok: false, problemKey: 'whatMatters.place.badTown' };
  if (/\d/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    const full = FULL_POSTCODE.exec(upper);
    if (full) return { ok: true, value: { kind: 'postcodeDistrict', value: full[1] } };
    if (POSTCODE_DISTRICT.test(upper)) return { ok: true, value: { kind: 'postcodeDistrict', value: upper } };
    return { ok: false, problemKey: 'whatMatters.place.badPostcode' };
  }
  if (saysOneOf(trimmed, ...NOT_A_PLACE)) return { ok: false, problemKey: 'whatMatters.place.badTown' };
  if (isLandmark(trimmed)) return { ok: false, problemKey: 'whatMatters.place.landmark' };
  if (TOWN.test(trimmed)) return { ok: true, value: { kind: 'town', value: trimmed } };
  return { ok: false, problemKey: 'whatMatters.place.badTown' };
}

/** Answers that are not a place: agreeing, "that's all", or the answer to another question ("mornings"). */
const NOT_A_PLACE = [
  'common.choices.yes',
  'common.choices.noAnswer',
  'common.choices.done',
  'common.fillers.timesOfDay',
  'whatMatters.days.options.weekdays',
  'whatMatters.days.options.weekends',
  'whatMatters.days.options.any',
  'whatMatters.times.options.mornings',
  'whatMatters.times.options.afternoons',
  'whatMatters.times.options.evenings',
  'whatMatters.times.options.any',
];

/** Answers that are not a name: agreeing, or "that's all". */
const NOT_A_NAME = ['common.choices.yes', 'common.choices.noAnswer', 'common.choices.done'];

/** True when the whole answer (polite padding aside) is one of the phrases at any of `keys`. */
function saysOneOf(text: string, ...keys: string[]): boolean {
  const normalised = normaliseForMatching(text);
  const forms = [normalised, stripFillers(normalised)].filter((form) => form.length > 0);
  return keys.some((key) => forms.some((form) => synonymsFor(key).includes(form)));
}

/**
 * "The big Tesco", "y capel": somewhere near home, not the town it is in. A landmark alone
 * ("Tesco") too; a longer name only with "the" or "y" in front, so "Church Village" stays a town.
 */
function isLandmark(place: string): boolean {
  const [first, ...rest] = normaliseForMatching(place).split(' ');
  const landmarks = synonymsFor('whatMatters.place.landmarks');
  if (rest.length === 0) return landmarks.includes(first);
  return synonymsFor('whatMatters.place.articles').includes(first) && rest.some((word) => landmarks.includes(word));
}

/**
 * "Prefer not to say", "I don't want to say", "dont no": the person would rather not answer, so the
 * question is skipped (null), as "skip" does. Anything else is read by `parse`.
 */
export function orDeclined<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T | null> {
  return (text) => (saysOneOf(text, 'whatMatters.declines') ? { ok: true, value: null } : parse(text));
}

/** Digits of a UK number after the country code or leading 0, or undefined. */
function ukNationalNumber(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  const match = /^(?:\+44|0044|44|0)(\d{9,10})$/.exec(compact);
  return match?.[1];
}

/**
 * The number in an answer: all of it ("07700 900123", after a lead-in), or else the first UK
 * number in a sentence ("my numbr is 07700900456", "its 07700 900123 thanks").
 */
function numberIn(answer: string): string | undefined {
  const runsOfDigits = answer.match(/\+?\d[\d\s().-]{7,}\d/g) ?? [];
  return [answer, ...runsOfDigits].map(ukNationalNumber).find((national) => national !== undefined);
}

/** A UK mobile number (07…), returned in E.164 form: "07700 900123" → "+447700900123". */
export function parseUkMobile(text: string): Parsed<string> {
  const national = numberIn(withoutLeadIn(text, 'whatMatters.mobile.leadIns').rest);
  // 071–075 and 077–079 are mobiles; 07624 is the Isle of Man. 070 and 076 are not mobiles.
  if (national && /^7(?:[1-57-9]\d{8}|624\d{6})$/.test(national)) return { ok: true, value: `+44${national}` };
  return { ok: false, problemKey: 'whatMatters.mobile.retry' };
}

/** A UK phone number we can call: landline (01, 02, 03) or mobile, in E.164 form. */
export function parseUkPhone(text: string): Parsed<string> {
  const national = numberIn(withoutLeadIn(text, 'whatMatters.phone.leadIns').rest);
  if (national && /^(?:[12]\d{8,9}|3\d{9}|7(?:[1-57-9]\d{8}|624\d{6}))$/.test(national)) {
    return { ok: true, value: `+44${national}` };
  }
  return { ok: false, problemKey: 'whatMatters.phone.retry' };
}

/**
 * What to call the person: the name as typed, without the sentence around it ("hi I'm Sam",
 * "Sam here", "Sam ydw i" → "Sam"). Anything short.
 */
export function parseName(text: string): Parsed<string> {
  const said = withoutLeadIn(withoutGreetingBeforeName(text), 'whatMatters.name.leadIns').rest;
  const trimmed = withoutEnding(said, 'whatMatters.name.endings', 'whatMatters.politeEndings');
  if (!trimmed) return { ok: false, problemKey: 'common.needText' };
  // "yes", "ok", "ie": agreeing to be asked is not a name (a "no" skips the question before this).
  // Nor are "that's all", a phone number, or emoji with no letters.
  if (saysOneOf(trimmed, ...NOT_A_NAME) || !/\p{L}/u.test(trimmed) || looksLikeANumber(trimmed)) {
    return { ok: false, problemKey: 'whatMatters.name.notAName' };
  }
  if (trimmed.length > 50) return { ok: false, problemKey: 'whatMatters.name.retry' };
  return { ok: true, value: trimmed };
}

/**
 * The answer without the greeting before it: "hi I'm Sam" → "I'm Sam", "hello, Sam" → "Sam". Some
 * greetings are names too ("Hai", "Yo"): "Hai Nguyen" is kept whole, "Hai, I'm Sam" is not.
 */
function withoutGreetingBeforeName(text: string): string {
  const opening = openingGreeting(text);
  if (!opening) return text;
  const [first, ...more] = opening.greeting;
  const mayBeAName = more.length === 0 && !/[,!:;-]$/.test(first) && synonymsFor('whatMatters.name.greetingsThatAreNames').includes(normaliseForMatching(first));
  return mayBeAName ? text : opening.rest;
}

/** Five digits or more: a phone number, not part of a name. */
function looksLikeANumber(text: string): boolean {
  return text.replace(/\D/g, '').length >= 5;
}

/** "+447700900123" → "07700 900123", for reading a number back to the person. */
export function formatUkNumber(e164: string): string {
  const national = `0${e164.replace(/^\+44/, '')}`;
  if (/^07/.test(national)) return `${national.slice(0, 5)} ${national.slice(5)}`;
  if (/^02/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

/**
 * The answer without the words people often put before it ("I live in Leeds", "my name is Jo",
 * "my number is 07700 900123", "dw i'n byw yng Nghaerdydd"), as typed otherwise. The lead-ins are
 * per language in locales (`leadIns`); the longest that fits is removed, and never the whole answer.
 */
function withoutLeadIn(text: string, key: string): { rest: string; lastWord?: string } {
  const words = text.trim().replace(/[.!]+$/, '').split(/\s+/).filter((word) => word.length > 0);
  const plain = words.map((word) => normaliseForMatching(word));
  const leadIns = synonymsFor(key)
    .map((leadIn) => leadIn.split(' '))
    .sort((a, b) => b.length - a.length);
  for (const leadIn of leadIns) {
    if (leadIn.length < words.length && leadIn.every((word, i) => plain[i] === word)) {
      return { rest: words.slice(leadIn.length).join(' ').replace(/^[,:-]\s*/, ''), lastWord: leadIn.at(-1) };
    }
  }
  return { rest: words.join(' ') };
}

/**
 * The answer without the words people often put after it ("Leeds thanks", "Sam here", "Sam ydw
 * i"), as typed otherwise: emoji and endings at `keys` (per language in locales), longest first,
 * until none is left. Never the whole answer.
 */
function withoutEnding(text: string, ...keys: string[]): string {
  const endings = keys
    .flatMap((key) => synonymsFor(key))
    .map((ending) => ending.split(' '))
    .sort((a, b) => b.length - a.length);
  const words = text.trim().split(/\s+/).filter((word) => word.length > 0);
  const plain = words.map((word) => normaliseForMatching(word));
  // How many words at the end of words[0..end) are an ending (a word with no letters is one).
  const endingBefore = (end: number): number =>
    plain[end - 1] === '' ? 1 : (endings.find((ending) => ending.every((word, i) => plain[end - ending.length + i] === word))?.length ?? 0);
  let end = words.length;
  for (let cut = endingBefore(end); cut > 0 && cut < end; cut = endingBefore(end)) end -= cut;
  return words.slice(0, end).join(' ').replace(/[\s,;:-]+$/, '');
}

/** Welsh nasal mutation undone at the start of a place name: Ngh→C, Mh→P, Nh→T, Ng→G, M→B, N→D. */
const NASAL_MUTATIONS: readonly [RegExp, string][] = [
  [/^Ngh/i, 'C'],
  [/^Mh/i, 'P'],
  [/^Nh/i, 'T'],
  [/^Ng/i, 'G'],
  [/^M/i, 'B'],
  [/^N/i, 'D'],
];

function withoutNasalMutation(name: string): string {
  const rule = NASAL_MUTATIONS.find(([pattern]) => pattern.test(name));
  return rule ? name.replace(rule[0], rule[1]) : name;
}
