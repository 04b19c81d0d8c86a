import { fillerWords, normaliseForMatching, numberWords, stripFillers, synonymsFor, unmutatedForms } from '../src/i18n';

/** A choice and every way of saying it (normalised, all languages). */
export interface MatchableChoice<V extends string = string> {
  value: V;
  synonyms: readonly string[];
  /** The number that picks it, when not its place in the list (numbers kept from an earlier list). */
  number?: number;
  /** Single English words that a one-letter typo still picks ("anxius" for "anxious"); see typoOf. */
  typoTolerant?: readonly string[];
}

/** Builds a matchable choice from locale keys naming `{ label, synonyms }` or word lists. */
export function matchable<V extends string>(value: V, ...keys: string[]): MatchableChoice<V> {
  return {
    value,
    synonyms: [...new Set(keys.flatMap((key) => synonymsFor(key)))],
    typoTolerant: [...new Set(keys.flatMap((key) => synonymsFor(key, ['en'])))].filter(isLongSingleWord),
  };
}

/**
 * Typos are only forgiven in words this long: a letter off a short word is often another word
 * ("now", "not"). Welsh words are never guessed at: with mutations, many everyday Welsh words are
 * one letter from another ("pyliau", "byliau"), so only English synonyms take typos.
 */
const MIN_TYPO_LENGTH = 5;

function isLongSingleWord(word: string): boolean {
  return word.length >= MIN_TYPO_LENGTH && !word.includes(' ');
}

/** A longer message is something the person is telling us, not a list of choices. */
const MAX_WORDS_IN_CHOICES = 30;

/**
 * Words that join several choices in one message: "cost and transport", "1 a 3", and the texting
 * forms "3 n 9", "gardening an music" ("&" and "+" are already spaces once normalised). A word is
 * only taken as joining when it is not itself a choice, so "n" for "no" still answers yes/no.
 */
const CONNECTORS = new Set(['and', 'n', 'an', 'nd', 'a', 'ac', 'or', 'neu', 'plus', 'also', 'hefyd', 'then', 'wedyn']);

/**
 * Words for a time of day ("mornings", "boreau"). Where they are not choices, they may sit beside
 * the answer and be passed over: "weekdays and mornings" to "Which days?" is weekdays (the times
 * are asked next).
 */
function timeOfDayWords(): ReadonlySet<string> {
  timeOfDayCache ??= new Set(synonymsFor('common.fillers.timesOfDay'));
  return timeOfDayCache;
}
let timeOfDayCache: ReadonlySet<string> | undefined;

/**
 * Small words that may sit inside a list of choices without changing it: "language and the money",
 * "my caring and some transport", "fy ngofalu". Like joining words, only where they are not choices.
 */
function smallWords(): ReadonlySet<string> {
  smallWordsCache ??= new Set(synonymsFor('common.fillers.smallWords'));
  return smallWordsCache;
}
let smallWordsCache: ReadonlySet<string> | undefined;

/** Words passed over between the choices of one answer, when they are not choices themselves. */
function isPassedOver(word: string): boolean {
  return CONNECTORS.has(word) || smallWords().has(word);
}

/**
 * A thumbs up is an "ok" and a thumbs down a "no" (matching drops symbols, so they would otherwise
 * be nothing). "ok", not "yes": after a no to consent, "ok" accepts the no rather than undoing it.
 * Skin tones are other symbols after the thumb, dropped as usual.
 */
const EMOJI_WORDS: readonly [RegExp, string][] = [
  [/\u{1F44D}/gu, ' ok '],
  [/\u{1F44E}/gu, ' no '],
];

/** The message normalised for matching, with a thumbs up or down read as words. */
function normalisedAnswer(text: string): string {
  return normaliseForMatching(EMOJI_WORDS.reduce((said, [emoji, word]) => said.replace(emoji, word), text));
}

function numberIn(phrase: string): number | undefined {
  if (/^\d{1,2}$/.test(phrase)) return Number(phrase);
  return numberWords().get(phrase);
}

function numbered<V extends string>(choices: readonly MatchableChoice<V>[], number: number): V | undefined {
  return choices.find((choice, index) => (choice.number ?? index + 1) === number)?.value;
}

function matchPhrase<V extends string>(phrase: string, choices: readonly MatchableChoice<V>[]): V | undefined {
  // A number picks by position; a number word that picks nothing may still be a word ("dim" is 0, and "none").
  const byNumber = numberIn(phrase);
  const picked = byNumber === undefined ? undefined : numbered(choices, byNumber);
  if (picked !== undefined || (byNumber !== undefined && /^\d+$/.test(phrase))) return picked;
  const exact = choices.find((choice) => choice.synonyms.includes(phrase))?.value;
  if (exact !== undefined) return exact;
  // Welsh mutation: "thrafnidiaeth" is "trafnidiaeth" after "a".
  const [first, ...rest] = phrase.split(' ');
  for (const form of unmutatedForms(first)) {
    if (negatesAYes(first, form)) continue;
    const unmutated = [form, ...rest].join(' ');
    const found = choices.find((choice) => choice.synonyms.includes(unmutated))?.value;
    if (found !== undefined) return found;
  }
  return typoOf(phrase, choices);
}

/**
 * A Welsh yes word with the aspirate mutation ("chewch", "chei") is its negative: the mutation
 * follows a "na", said or left out ("na chewch", "chewch chi ddim"). It is never read as the yes.
 */
function negatesAYes(word: string, radical: string): boolean {
  return ASPIRATE_STARTS.some((start) => word.startsWith(start)) && welshYesWords().has(radical);
}
const ASPIRATE_STARTS = ['ch', 'ph', 'th'];

function welshYesWords(): ReadonlySet<string> {
  welshYesCache ??= new Set(synonymsFor('common.choices.yes', ['cy']));
  return welshYesCache;
}
let welshYesCache: ReadonlySet<string> | undefined;

/**
 * The choice a single long word is a one-letter typo of ("weekdys", "evnings": one letter added,
 * missing or wrong, or two side by side swapped), when exactly one choice is that close. Small and
 * joining words are never read as typos of a choice.
 */
function typoOf<V extends string>(word: string, choices: readonly MatchableChoice<V>[]): V | undefined {
  if (!isLongSingleWord(word) || smallWords().has(word) || fillerWords().has(word)) return undefined;
  const close = new Set(
    choices.filter((choice) => choice.typoTolerant?.some((synonym) => withinOneEdit(word, synonym))).map((choice) => choice.value),
  );
  return close.size === 1 ? [...close][0] : undefined;
}

/** True when `a` becomes `b` by one letter added, removed or changed, or two neighbours swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (a[start] === b[start]) start += 1;
  const [restA, restB] = [a.slice(start), b.slice(start)];
  if (restA.slice(1) === restB.slice(1)) return true; // changed
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // added or removed
  return restA.length > 1 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swapped
}

/** The one choice a message picks, by number ("2", "two", "dau") or by word, or undefined. */
export function matchChoice<V extends string>(text: string, choices: readonly MatchableChoice<V>[]): V | undefined {
  const normalised = normalisedAnswer(text);
  if (!normalised) return undefined;
  const stripped = stripFillers(normalised);
  return (
    matchPhrase(normalised, choices) ??
    matchPhrase(stripped, choices) ??
    matchAgreeingPhrases(normalised, choices) ??
    matchAgreeingPhrases(stripped, choices)
  );
}

/**
 * Several phrases that all say the same choice: "yes, that's fine", "ydy, mae'n iawn", "no, I'd
 * rather not". Every word must belong to one of them (or be a joining or filler word), and they
 * must agree: "yes no" or "no that's fine" picks nothing, so the question is asked again.
 */
function matchAgreeingPhrases<V extends string>(normalised: string, choices: readonly MatchableChoice<V>[]): V | undefined {
  const words = normalised.split(' ');
  if (words.length < 2 || words.length > MAX_WORDS_IN_CHOICES) return undefined;
  const skippable = new Set([...fillerWords(), ...timeOfDayWords()]);
  let agreed: V | undefined;
  let start = 0;
  while (start < words.length) {
    let end = words.length;
    let value: V | undefined;
    for (; end > start; end--) {
      const phrase = words.slice(start, end).join(' ');
      // Numbers pick by position, alone; here only words count.
      if (numberIn(phrase) !== undefined) continue;
      value = matchPhrase(phrase, choices);
      if (value !== undefined) break;
    }
    if (value === undefined) {
      if (!isPassedOver(words[start]) && !skippable.has(words[start])) return undefined;
      start += 1;
      continue;
    }
    if (agreed !== undefined && agreed !== value) return undefined;
    agreed = value;
    start = end;
  }
  return agreed;
}

/**
 * Every choice a message picks ("1 and 3", "cost, transport", "arts and crafts and gardening"),
 * or undefined unless the whole message is made of choices. Longest phrases win, so a label that
 * contains "and" is not split in two.
 */
export function matchChoices<V extends string>(text: string, choices: readonly MatchableChoice<V>[]): V[] | undefined {
  const normalised = stripFillers(normalisedAnswer(text));
  if (!normalised) return undefined;
  const single = matchChoice(text, choices);
  if (single !== undefined) return [single];
  const words = normalised.split(' ');
  if (words.length > MAX_WORDS_IN_CHOICES) return undefined;
  const picked: V[] = [];
  let start = 0;
  while (start < words.length) {
    let matched = false;
    for (let end = words.length; end > start; end--) {
      const value = matchPhrase(words.slice(start, end).join(' '), choices);
      if (value !== undefined) {
        if (!picked.includes(value)) picked.push(value);
        start = end;
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (!isPassedOver(words[start])) return undefined;
      start += 1;
    }
  }
  return picked.length > 0 ? picked : undefined;
}

/** True when the whole message (fillers aside) is one of the phrases at `key`, in either language. */
function saysOneOf(text: string, key: string): boolean {
  const words = synonymsFor(key);
  const normalised = normalisedAnswer(text);
  return normalised.length > 0 && (words.includes(normalised) || words.includes(stripFillers(normalised)));
}

/** True when the message means "skip this question" in either language. */
export function isSkip(text: string): boolean {
  return saysOneOf(text, 'common.choices.skip');
}

/**
 * True when the message gives nothing to keep: "skip", and also "that's all", "idk", "none of
 * them", "dyna i gyd", "wn i ddim". Where own words are kept, these are not the person's words.
 */
export function isNoAnswer(text: string): boolean {
  return isSkip(text) || saysOneOf(text, 'common.choices.noAnswer') || saysOneOf(text, 'common.choices.done');
}

/** True when the message means "any of these would do": "all of them", "anything", "unrhyw beth". */
export function meansAnything(text: string): boolean {
  return saysOneOf(text, 'common.choices.anything');
}

/**
 * A 0 to 10 score from "7", "seven", "saith", "7/10", "7 out of 10" or a hedged "about a 7", "I'd
 * say 4", "tua 6" (the person's own estimate is their answer), or undefined. Numbers outside 0 to
 * 10, and two numbers ("5 or 6"), are not guessed at.
 */
export function parseScore(text: string): number | undefined {
  const normalised = normaliseForMatching(text)
    .replace(/\s+(out of|allan o|o)\s+(10|ten|deg)$/, '')
    .replace(/\s+10$/, '')
    .replace(/(\d)ish$/, '$1');
  const hedges = synonymsFor('common.scoreHedges');
  const unhedged = normalised.split(' ').filter((word) => !hedges.includes(word)).join(' ');
  for (const candidate of [normalised, stripFillers(normalised), unhedged, stripFillers(unhedged)]) {
    const value = numberIn(candidate);
    if (value !== undefined && value >= 0 && value <= 10) return value;
  }
  return undefined;
}

/** Words around an ordinal that say nothing: "the first one", "yr un cyntaf", "option 2nd". */
const ORDINAL_PADDING = new Set(['the', 'one', 'option', 'number', 'y', 'yr', 'un', 'opsiwn', 'rhif']);
const MAX_ORDINAL = 5;

/**
 * The place in a list of `count` that a message names by ordinal ("the first one", "2nd", "the
 * last one", "yr ail un", "yr olaf"), from 1; or undefined.
 */
export function ordinalIn(text: string, count: number): number | undefined {
  const phrase = stripFillers(normaliseForMatching(text))
    .split(' ')
    .filter((word) => !ORDINAL_PADDING.has(word))
    .join(' ');
  if (!phrase || count < 1) return undefined;
  if (synonymsFor('common.ordinals.last').includes(phrase)) return count;
  for (let place = 1; place <= Math.min(count, MAX_ORDINAL); place++) {
    if (synonymsFor(`common.ordinals.${place}`).includes(phrase)) return place;
  }
  return undefined;
}
