import { normaliseForMatching, synonymsFor } from '../src/i18n';

/** Longer than this, a message is telling us something (and is not worth searching for greetings). */
const MAX_GREETING_WORDS = 16;

/**
 * True when a message is only a greeting or "I'm back" ("hi again", "hello, sorry I had to go",
 * "shwmae", "sori, o'n i'n gorfod mynd"), with nothing in it that could be an answer. "Hi, I love
 * gardening" is not: it says more than hello.
 */
export function isOnlyGreeting(text: string): boolean {
  const words = normaliseForMatching(text).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= MAX_GREETING_WORDS && coveredByGreetings(words, 0, false);
}

/**
 * Whether the words from `start` on are all greeting phrases, with small joining words ("and",
 * "ok", "ym") between them. At least one greeting is needed: "ok" alone is not hello.
 */
function coveredByGreetings(words: readonly string[], start: number, greeted: boolean): boolean {
  if (start === words.length) return greeted;
  const startsWith = (phrase: readonly string[]) => phrase.every((word, i) => words[start + i] === word);
  const afterGreeting = greetingPhrases().filter(startsWith).some((phrase) => coveredByGreetings(words, start + phrase.length, true));
  return afterGreeting || (joiningWords().has(words[start]) && coveredByGreetings(words, start + 1, greeted));
}

/**
 * The greeting a message opens with, and the rest as typed: "hi, I'm Sam" → "hi," and "I'm Sam";
 * "shwmae, dw i'n byw yn Abertawe" → "shwmae," and "dw i'n byw yn Abertawe". Undefined when the
 * message does not open with a greeting, or is nothing but greetings (that is `isOnlyGreeting`).
 * Words are compared whole, as typed between spaces, so "Mary-Kate" or "Yo-Yo" is never split.
 */
export function openingGreeting(text: string): { greeting: string[]; rest: string } | undefined {
  const typed = text.trim().split(/\s+/).filter(Boolean);
  const words = typed.map((word) => normaliseForMatching(word));
  const end = greetingEnd(words);
  if (end === 0 || end === typed.length) return undefined;
  return { greeting: typed.slice(0, end), rest: typed.slice(end).join(' ') };
}

/**
 * How many words at the start are greetings (longest phrase first). Joining words count only
 * between two greetings ("hello and good morning"): after the last one they may be the answer ("hi, So Yeon").
 */
function greetingEnd(words: readonly string[]): number {
  const phrases = [...greetingPhrases()].sort((a, b) => b.length - a.length);
  let end = 0;
  let greetedUpTo = 0;
  while (end < words.length) {
    const phrase = phrases.find((candidate) => candidate.every((word, i) => words[end + i] === word));
    if (phrase) greetedUpTo = end += phrase.length;
    else if (greetedUpTo > 0 && joiningWords().has(words[end])) end += 1;
    else break;
  }
  return greetedUpTo;
}

let greetingCache: string[][] | undefined;
let joinerCache: Set<string> | undefined;

/** Greetings and "I'm back" phrases in both languages, each as its words. */
function greetingPhrases(): string[][] {
  greetingCache ??= synonymsFor('faq.greetings.words').map((phrase) => phrase.split(' '));
  return greetingCache;
}

function joiningWords(): ReadonlySet<string> {
  joinerCache ??= new Set(synonymsFor('faq.greetings.joiners'));
  return joinerCache;
}

/**
 * Words that only greet, thank or say goodbye ("hello", "thanks so much x", "diolch yn fawr"), in
 * English or Welsh: after a referral went they are answered with where it stands, and not passed on.
 */
const SMALL_TALK_WORDS = new Set([
  'hi', 'hello', 'helo', 'hiya', 'hey', 'again', 'shwmae', 'smae', 'good', 'morning', 'afternoon', 'evening', 'bore', 'da', 'prynhawn', 'noswaith', 'dda',
  'thanks', 'thank', 'thankyou', 'you', 'so', 'very', 'much', 'ta', 'cheers', 'diolch', 'yn', 'fawr', 'iawn',
  'bye', 'goodbye', 'see', 'later', 'hwyl', 'ok', 'okay', 'x', 'xx', 'xxx', 'are', 'still', 'there', 'wyt', 'ti', 'dal', 'yna', 'ydych', 'chi',
]);

/** Only greeting, thanks or goodbye words: nothing to pass on to a link worker. */
export function onlySmallTalk(text: string): boolean {
  const words = normaliseForMatching(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((word) => SMALL_TALK_WORDS.has(word));
}

/**
 * True when a message asks after an earlier one, or says nobody has been in touch: "did anyone get
 * my message", "NOBODY HAS RUNG ME", "gawsoch chi fy neges", "does neb wedi ffonio". The phrases
 * (per language in locales) may sit anywhere in a longer message.
 */
export function asksAfterMessage(text: string): boolean {
  const said = ` ${normaliseForMatching(text)} `;
  return synonymsFor('common.askingAfterMessage').some((phrase) => said.includes(` ${phrase} `));
}
