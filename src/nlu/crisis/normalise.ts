/**
 * Text normalisation for crisis matching.
 *
 * Output: lower-case ASCII-ish words separated by single spaces, with " . " marking clause boundaries
 * (sentence punctuation, commas, dashes). Rules match on this form, so "I'm NOT ok… I want 2 diiie!!" and
 * "im not ok i want to die" look the same to them, while the comma in "I'm not ok, I want to die" survives
 * as a boundary that negation cannot cross.
 */
import { fuzzyKeyword } from './fuzzy';
import {
  BE_CONTEXT,
  BIGRAM_MAP,
  FOR_CONTEXT,
  ING_WORDS,
  SKELETON_WORDS,
  SPELLED_OUT_WORDS,
  TO_CONTEXT,
  TOKEN_MAP,
  TOO_AS_TO_CONTEXT,
  TRIGRAM_MAP,
  WELSH_YN_CONTEXT,
} from './lexicon';

/** Longer input is cut: no chat or SMS message is this long, and matching time must stay bounded. */
export const MAX_INPUT_CHARS = 50_000;

export const BOUNDARY = '.';

const skeleton = (word: string): string => word.replace(/(.)\1+/g, '$1');

const SKELETON_MAP: ReadonlyMap<string, string> = new Map(
  SKELETON_WORDS.map((w) => [skeleton(w), TOKEN_MAP[w] ?? w] as const),
);

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const PRONOUN_WOULD = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it', 'that', 'who', 'there']);
const PRONOUN_IS = new Set([
  'it', 'that', 'there', 'here', 'he', 'she', 'what', 'who', 'where', 'how', 'everything', 'nothing', 'life',
  'everyone', 'everybody', 'nobody', 'someone', 'somebody', 'this',
]);
const LEET: Readonly<Record<string, string>> = { '*': '', '1': 'i', '!': 'i', '|': 'i', '3': 'e', '0': 'o', '@': 'a', $: 's', '2': ' to ' };

/** Expands one word with an apostrophe: English contractions, Welsh elisions, dropped g. */
/**
 * "dwi'm isio byw", "dw i'm yn gweld pwynt", "sgen i'm rheswm", "sa i'm": the Welsh subject (alone, or "i"
 * after a Welsh verb) before "'m". English "I'm" has no Welsh verb before it, so it stays "i am".
 */
const WELSH_NOT_AFTER_SUBJECT = /(?<![a-z])((?:dwi|dydw|ti|di|dio|sai|wi|sgeni|sgeno|oni)|(?:(?:dw|sa|sgen|gen|does|fedra|alla|fydda|o'n|on) i))'m(?![a-z])/g;

function expandApostrophe(word: string, tail: string): string {
  switch (tail) {
    case 't':
      if (word === 'can') return 'can not'; // "can't": the general rule below would give "ca not"
      if (word === 'won') return 'will not';
      if (word === 'shan') return 'shall not';
      if (word === 'ain') return 'am not';
      return word.endsWith('n') ? `${word.slice(0, -1)} not` : `${word} t`;
    case 'm':
      return `${word} am`;
    case 're':
      return `${word} are`;
    case 've':
      return `${word} have`;
    case 'll':
      return `${word} will`;
    case 'd':
      // "I'd" -> "i would"; "OD'd" -> "oded"
      return PRONOUN_WOULD.has(word) ? `${word} would` : `${word}ed`;
    case 's':
      if (word === 'let') return 'let us';
      // Possessive 's is dropped: "my dad's suicide" -> "my dad suicide".
      return PRONOUN_IS.has(word) ? `${word} is` : word;
    case 'n':
      return `${word} yn`; // Welsh "dw i'n", "mae'n"
    case 'r':
      return `${word} yr`; // Welsh "i'r", "llyncu'r"
    case 'yn':
      return word === 'mo' ? 'moyn' : `${word} yn`; // Welsh "mo'yn"
    case '':
      return word.endsWith('in') ? `${word}g` : word; // "killin'" -> "killing"
    default:
      return `${word} ${tail}`;
  }
}

/**
 * Letters that NFD leaves alone but people type interchangeably. Polish "ł" (chciałbym / chcialbym). In
 * Arabic script, the Persian and Urdu keyboard forms of yeh, kaf and heh and the final-yeh "ى" many write for
 * "ي" ("نفسى"), so one pattern covers every keyboard; Urdu patterns are therefore written with ي, ك, ه.
 */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  'ł': 'l',
  '\u06CC': '\u064A', // Persian/Urdu yeh
  '\u0649': '\u064A', // alef maksura
  '\u06D0': '\u064A', // Pashto yeh
  '\u06A9': '\u0643', // keheh (Persian/Urdu kaf)
  '\u06AA': '\u0643', // swash kaf
  '\u06C1': '\u0647', // Urdu heh goal
  '\u06BE': '\u0647', // Urdu do-chashmi heh
};

const LETTER_VARIANT_CHARS = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

function foldLetterVariants(s: string): string {
  return (
    s
      // Tatweel stretches Arabic words ("أريـــد"); zero-width joiners sit inside Persian and Urdu words.
      .replace(/[\u0640\u200C\u200D]/g, '')
      .replace(LETTER_VARIANT_CHARS, (c) => LETTER_VARIANTS[c] ?? c)
  );
}

/** Character-level clean-up: case, Unicode forms, accents, apostrophes, contractions, punctuation. */
function cleanCharacters(input: string): string {
  let s = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  s = s.toLowerCase();
  if (/[^\t\n\r -~]/.test(s)) {
    // NFKC folds full-width and styled letters (𝗱𝗶𝗲, ｄｉｅ) to plain ones; lower-case again after it.
    s = s.normalize('NFKC').toLowerCase();
    // Typographic apostrophes to one form before contractions are read.
    s = s.replace(/[\u2018\u2019\u201B\u02BC\u02B9\u00B4\u2032]/g, "'");
    // Strip accents by decomposing and dropping combining marks: Welsh ŵ/ŷ/â become w/y/a, which is how
    // most people type Welsh on a phone anyway, and the rules are written without accents.
    s = s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/\u2026/g, '...');
    s = foldLetterVariants(s);
  }
  s = s.replace(/`/g, "'");
  // Masking and leetspeak inside words: s*icide, k1ll, d!e, want2die.
  s = s.replace(/(?<=[a-z])[*1!|30@$2]+(?=[a-z])/g, (m) => [...m].map((c) => LEET[c] ?? c).join(''));
  // Contractions and elisions. The look-behind makes the scan start only at word starts: without it a
  // long run of letters with no apostrophe is re-scanned from every position (quadratic).
  // Welsh first: "'m" after a Welsh subject is "ddim" (not), never English "am"; "'ma"/"'na" are "yma"/"yna".
  s = s
    .replace(WELSH_NOT_AFTER_SUBJECT, (_m, subject: string) => `${subject} ddim`)
    .replace(/(?<![a-z'])'(ma|na)(?![a-z])/g, (_m, short: string) => `y${short}`);
  s = s.replace(/(?<![a-z])([a-z]+)'([a-z]*)/g, (_m, word: string, tail: string) => expandApostrophe(word, tail));
  // Ellipses and dots between letters are pauses or spacing ("i.want.to.die"), not clause ends;
  // other sentence punctuation ends a clause; everything else that is not a letter or digit is a space.
  s = s
    .replace(/\.{2,}|(?<=[a-z])\.(?=[a-z])/g, ' ')
    .replace(/[.!?;:,\n\r\u2014\u2013]+|\s-+\s/g, ' . ')
    .replace(/[^\p{L}\p{N}. ]+/gu, ' ');
  return s;
}

/** Repairs one token that is not in the token map: stretched letters, then typos of long key words. */
function repairToken(token: string): string {
  const sk = skeleton(token);
  const bySkeleton = SKELETON_MAP.get(sk);
  if (bySkeleton !== undefined) return bySkeleton;
  let t = token;
  if (/(.)\1\1/.test(t)) {
    // "sooooo" and "hellllp": three or more of a letter is never English or Welsh spelling.
    t = t.replace(/(.)\1{2,}/g, '$1$1');
    if (hasOwn(TOKEN_MAP, t)) return TOKEN_MAP[t];
  }
  if (t.endsWith('in') && ING_WORDS.has(`${t}g`)) return `${t}g`;
  return fuzzyKeyword(t) ?? t;
}

/** Joins runs of three or more single letters when they spell a key word: "d i e" -> "die". */
function joinSpelledOut(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j].length === 1 && /\p{L}/u.test(tokens[j])) j++;
    if (j - i >= 3) {
      const joined = tokens.slice(i, j).join('');
      if (SPELLED_OUT_WORDS.has(joined) || SPELLED_OUT_WORDS.has(skeleton(joined))) {
        out.push(joined);
        i = j;
        continue;
      }
    }
    out.push(tokens[i]);
    i++;
  }
  return out;
}

/** Words after "wont" that make it a phonetic "want" ("i wont to die"), not "won't" ("i wont die"). */
const WANT_BEFORE: ReadonlySet<string> = new Set(['to', 'too', '2']);

/** "too" is the phonetic "to" after a verb that takes "to", when more words follow: "i want too die". */
const isPhoneticTo = (prev: string, next: string | undefined): boolean =>
  TOO_AS_TO_CONTEXT.has(prev) && next !== undefined && next !== BOUNDARY;

function mapTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  const push = (s: string): void => {
    for (const part of s.split(' ')) if (part) out.push(part);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const prev = out.length > 0 ? out[out.length - 1] : '';
    if (token === BOUNDARY) {
      if (prev !== BOUNDARY && out.length > 0) out.push(BOUNDARY);
      continue;
    }
    // Tokens whose meaning depends on the word before.
    if (token === '2' && TO_CONTEXT.has(prev)) push('to');
    else if (token === '4' && FOR_CONTEXT.has(prev)) push('for');
    else if (token === 'n') push(WELSH_YN_CONTEXT.has(prev) ? 'yn' : 'and');
    else if (token === 'b') push(BE_CONTEXT.has(prev) ? 'be' : 'b');
    else if (token === 'wont' && WANT_BEFORE.has(next ?? '')) push('want');
    else if (token === 'too' && isPhoneticTo(prev, next)) push('to');
    else if (hasOwn(TOKEN_MAP, token)) push(TOKEN_MAP[token]);
    else push(repairToken(token));
  }
  return out;
}

function mapBigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (i + 2 < tokens.length) {
      const triple = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`;
      if (hasOwn(TRIGRAM_MAP, triple)) {
        out.push(...TRIGRAM_MAP[triple].split(' '));
        i += 2;
        continue;
      }
    }
    if (i + 1 < tokens.length) {
      const pair = `${tokens[i]} ${tokens[i + 1]}`;
      if (hasOwn(BIGRAM_MAP, pair)) {
        out.push(...BIGRAM_MAP[pair].split(' '));
        i++;
        continue;
      }
    }
    out.push(tokens[i]);
  }
  return out;
}

/** Normalises a message for the rule table. Pure and total: any string in, a (possibly empty) string out. */
export function normalise(input: string): string {
  const cleaned = cleanCharacters(input);
  const raw = cleaned.split(' ').filter((t) => t.length > 0);
  const tokens = mapBigrams(mapTokens(joinSpelledOut(raw)));
  while (tokens.length > 0 && tokens[tokens.length - 1] === BOUNDARY) tokens.pop();
  return tokens.join(' ');
}
