/**
 * Turns the phrase lexicons (data) into an index that can be matched against tokens quickly, and matches
 * it. Compiled once per language on first use.
 *
 * A token matches a phrase word exactly, by stem, as a Welsh mutated form of it, or as a typo of it
 * (one edit for words of 5-7 letters, two from 8; never for shorter words, where typos and real words
 * collide: "fit"/"fat", "sing"/"sign").
 */
import type { Category } from '../../directory/categories';
import { boundedDistance } from '../crisis/fuzzy';
import { unmutatedForms } from '../../i18n/welshMutations';
import { BOUNDARY, type Token } from './tokens';

export type Lexicon = Readonly<Record<Category, readonly string[]>>;

/** Words that end a gap and make a phrase containing them immune to negation outside it. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'nor', 'without', 'ddim', 'dim', 'byth', 'nid', 'heb', 'methu', 'neb',
]);

/** Real words that sit one edit from a phrase word and must never be "repaired" to it. */
const NOT_TYPOS: ReadonlySet<string> = new Set([
  'lovely', 'tablets', 'careers', 'career', 'walker', 'walked', 'single', 'singer', 'signing', 'sitting', 'meals',
  'mental', 'dancer', 'parks', 'pains', 'painting', 'worked', 'worker', 'plans', 'planet', 'learnt', 'lessons',
  'clause', 'colder', 'bored', 'boring', 'stress', 'street', 'county', 'country', 'cooker', 'counting', 'posting',
  'hearing', 'heating', 'bearing', 'reading', 'leading', 'heading', 'wedding', 'bedding', 'costs', 'coats', 'sport',
  'spots', 'price', 'prize', 'pride', 'bride', 'pricey', 'faith', 'faint', 'garden', 'warden', 'harden', 'parent',
  'patent', 'mother', 'bother', 'father', 'farther', 'rather', 'gather', 'crowds', 'clouds', 'growth', 'healthy',
  'wealthy', 'depressed', 'impressed', 'learned', 'earned', 'warned', 'lonely', 'lively', 'likely', 'lonelier',
  'friend', 'fiend', 'dying', 'diet', 'course', 'coarse', 'source', 'horse', 'house', 'mouse', 'crafty', 'drafty',
  'morning', 'mornings', 'evening', 'evenings', 'along', 'among', 'stops', 'shops', 'alike', 'atone',
  // Welsh "would be" forms, one letter from "byddar" (deaf)
  'byddai', 'byddaf', 'byddan', 'byddwn', 'bydda',
  // Everyday Welsh words one letter from a keyword: "pyliau o banig" (panic attacks) is not bills or buses
  'byliau', 'beidio', 'ffyrdd', 'tenau', 'gwaeth', 'gwedd', 'gweddu', 'rheini', 'ffrae', 'grisial', 'nodio',
  'cansen', 'canwr', 'trwst', 'trawst', 'peiriant', 'gofalwch', 'actio', 'allai', 'allwn', 'gwely', 'llawn',
  // English said in Welsh text
  'super',
]);

const MAX_GAP = 4;

interface Slot {
  /** Keys ("w:word" for a word, "s:stem" for a stem) any one of which fills the slot; empty for a gap. */
  keys: readonly string[];
  gap: boolean;
}

export interface Phrase {
  /** null for a neutral phrase: it claims its words for no category. */
  category: Category | null;
  text: string;
  slots: readonly Slot[];
  /** The phrase itself contains a negation ("no car", "can not afford"): outside negation is not checked. */
  negative: boolean;
}

interface TokenKeys {
  exact: ReadonlySet<string>;
  fuzzy: ReadonlySet<string>;
}

export interface CompiledLexicon {
  readonly phrases: readonly Phrase[];
  /** Phrases by the key of their first slot. */
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  /** Words and stems of 5+ letters, by first letter and by second letter, for typo matching. */
  readonly fuzzyByLetter: ReadonlyMap<string, readonly string[]>;
  readonly welsh: boolean;
  readonly cache: Map<string, TokenKeys>;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** First and last token index (inclusive) of the match. */
  start: number;
  end: number;
  /** Indexes of the tokens that filled slots (not the gap words). */
  filled: number[];
  /** Some word matched only as a typo. */
  fuzzy: boolean;
}

function parsePhrase(text: string, category: Category | null): Phrase {
  const slots: Slot[] = text.split(' ').filter((p) => p.length > 0).map((part) => {
    if (part === '...') return { keys: [], gap: true };
    return {
      gap: false,
      keys: part.split('|').map((alt) => (alt.endsWith('*') ? `s:${alt.slice(0, -1)}` : `w:${alt}`)),
    };
  });
  if (slots.length === 0 || slots[0].gap || slots[slots.length - 1].gap) {
    throw new Error(`Lexicon phrase must start and end with a word: "${text}"`);
  }
  const negative = slots.some((s) => s.keys.some((k) => NEGATORS.has(k.slice(2))));
  return { category, text, slots, negative };
}

export interface LexiconSources {
  /** The text's own language: matched exactly, by stem, and with typos. */
  primary: Lexicon;
  /** Another language people mix in (English words in Welsh text): matched exactly and by stem only. */
  mixedIn?: Lexicon;
  /** Phrases that claim their words for no category. */
  neutral: readonly string[];
  /** Try the unmutated forms of Welsh words. */
  welsh: boolean;
}

const phrasesOf = (lexicon: Lexicon): Phrase[] =>
  (Object.entries(lexicon) as [Category, readonly string[]][]).flatMap(([category, list]) =>
    list.map((text) => parsePhrase(text, category)),
  );

const keysOf = (phrases: readonly Phrase[]): string[] => phrases.flatMap((p) => p.slots.flatMap((slot) => slot.keys));

export function compileLexicon({ primary, mixedIn, neutral, welsh }: LexiconSources): CompiledLexicon {
  const own = phrasesOf(primary);
  const phrases: Phrase[] = [...own, ...(mixedIn ? phrasesOf(mixedIn) : []), ...neutral.map((t) => parsePhrase(t, null))];
  const byFirst = new Map<string, Phrase[]>();
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const phrase of phrases) {
    for (const key of phrase.slots[0].keys) {
      const list = byFirst.get(key) ?? [];
      // The same phrase text under two categories ("food bank") gives two phrases, both kept.
      list.push(phrase);
      byFirst.set(key, list);
    }
    for (const slot of phrase.slots) {
      for (const key of slot.keys) (key.startsWith('s:') ? stems : words).add(key.slice(2));
    }
  }
  const fuzzyByLetter = new Map<string, string[]>();
  const addFuzzy = (letterKey: string, key: string): void => {
    const list = fuzzyByLetter.get(letterKey) ?? [];
    if (!list.includes(key)) list.push(key);
    fuzzyByLetter.set(letterKey, list);
  };
  // Typos are read only against the text's own language: an English word one letter from a Welsh
  // one ("carer" / "carte" in "cartref") is a different word, not a typo.
  for (const key of new Set(keysOf(own))) {
    const body = key.slice(2);
    if (body.length < 5 || !/^[a-z]+$/.test(body)) continue;
    addFuzzy(`1${body[0]}`, key);
    addFuzzy(`2${body[1]}`, key);
  }
  return { phrases, byFirst, words, stems, fuzzyByLetter, welsh, cache: new Map() };
}

/** Keys a single form matches exactly: the word itself, and every stem it starts with. */
function exactKeysOf(form: string, lexicon: CompiledLexicon, into: Set<string>): void {
  if (lexicon.words.has(form)) into.add(`w:${form}`);
  for (let k = 2; k <= form.length; k++) {
    const prefix = form.slice(0, k);
    if (lexicon.stems.has(prefix)) into.add(`s:${prefix}`);
  }
}

/** Typo distance allowed between a token and a lexicon word: by the shorter of the two. */
const allowedEdits = (a: number, b: number): number => (Math.min(a, b) >= 8 ? 2 : Math.min(a, b) >= 5 ? 1 : 0);

function fuzzyKeysOf(token: string, lexicon: CompiledLexicon, into: Set<string>): void {
  if (token.length < 5 || !/^[a-z]+$/.test(token) || NOT_TYPOS.has(token)) return;
  // Typos rarely touch the first letter; in long words they may ("fibromyalgia" as "vibromyalgia").
  // Short words differing in the first letter are usually other words: "would" is not "mould".
  const candidates = new Set([
    ...(lexicon.fuzzyByLetter.get(`1${token[0]}`) ?? []),
    ...(token.length >= 8 ? (lexicon.fuzzyByLetter.get(`2${token[1]}`) ?? []) : []),
  ]);
  for (const key of candidates) {
    const body = key.slice(2);
    if (key.startsWith('w:')) {
      const max = allowedEdits(token.length, body.length);
      if (max > 0 && boundedDistance(token, body, max) <= max) into.add(key);
    } else {
      // A stem matches a typo'd start of the word: "volenteering" starts like "volunteer". Short stems
      // match too much that way ("print" is one letter from "paint").
      if (body.length < 6) continue;
      const max = allowedEdits(body.length, body.length);
      for (let len = body.length - max; len <= body.length + max; len++) {
        if (len < 5 || len > token.length) continue;
        if (boundedDistance(token.slice(0, len), body, max) <= max) {
          into.add(key);
          break;
        }
      }
    }
  }
}

const CACHE_LIMIT = 20_000;

/** Which phrase words a token fills: exactly (itself, or for Welsh an unmutated form), else as a typo. */
export function keysFor(token: string, lexicon: CompiledLexicon): TokenKeys {
  const cached = lexicon.cache.get(token);
  if (cached !== undefined) return cached;
  const exact = new Set<string>();
  exactKeysOf(token, lexicon, exact);
  if (lexicon.welsh) {
    // Two-letter forms are too ambiguous to unmutate: "mi" (me) is not "bi".
    for (const form of unmutatedForms(token)) if (form.length >= 3) exactKeysOf(form, lexicon, exact);
  }
  const fuzzy = new Set<string>();
  // A word the lexicon knows is never also read as a typo of another ("carer" is not "career").
  if (exact.size === 0) fuzzyKeysOf(token, lexicon, fuzzy);
  for (const key of exact) fuzzy.delete(key);
  const keys = { exact, fuzzy };
  if (lexicon.cache.size >= CACHE_LIMIT) lexicon.cache.clear();
  lexicon.cache.set(token, keys);
  return keys;
}

type Fill = 'exact' | 'fuzzy' | null;

function fills(slot: Slot, keys: TokenKeys): Fill {
  let result: Fill = null;
  for (const key of slot.keys) {
    if (keys.exact.has(key)) return 'exact';
    if (keys.fuzzy.has(key)) result = 'fuzzy';
  }
  return result;
}

/** Tries to match `phrase` with its first slot at token `start`. */
function matchAt(phrase: Phrase, tokens: readonly Token[], keys: readonly TokenKeys[], start: number): PhraseMatch | null {
  const filled: number[] = [];
  let fuzzy = false;
  const step = (slotIndex: number, at: number): boolean => {
    if (slotIndex === phrase.slots.length) return true;
    const slot = phrase.slots[slotIndex];
    if (slot.gap) {
      // Up to MAX_GAP words, none a boundary or a negation, then the next slot.
      for (let skip = 0; skip <= MAX_GAP; skip++) {
        const pos = at + skip;
        if (pos >= tokens.length) return false;
        if (skip > 0) {
          const skipped = tokens[pos - 1].norm;
          if (skipped === BOUNDARY || NEGATORS.has(skipped)) return false;
        }
        if (step(slotIndex + 1, pos)) return true;
      }
      return false;
    }
    if (at >= tokens.length || tokens[at].norm === BOUNDARY) return false;
    const how = fills(slot, keys[at]);
    if (how === null) return false;
    filled.push(at);
    if (step(slotIndex + 1, at + 1)) {
      if (how === 'fuzzy') fuzzy = true;
      return true;
    }
    filled.pop();
    return false;
  };
  if (!step(0, start)) return null;
  return { phrase, start, end: filled[filled.length - 1], filled: [...filled], fuzzy };
}

/** Every phrase match in the tokens, overlapping ones included. */
export function findPhrases(tokens: readonly Token[], lexicon: CompiledLexicon): PhraseMatch[] {
  const keys = tokens.map((t) => (t.norm === BOUNDARY ? { exact: new Set<string>(), fuzzy: new Set<string>() } : keysFor(t.norm, lexicon)));
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].norm === BOUNDARY) continue;
    const seen = new Set<Phrase>();
    for (const key of [...keys[i].exact, ...keys[i].fuzzy]) {
      for (const phrase of lexicon.byFirst.get(key) ?? []) {
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        const match = matchAt(phrase, tokens, keys, i);
        if (match !== null) matches.push(match);
      }
    }
  }
  return matches;
}
