/**
 * Splits a message into normalised tokens that remember which of the person's words they came from, so a
 * category can be explained in the person's own words ("can't drive", not "can not drive").
 *
 * Each word goes through the crisis normaliser (case, accents, contractions, SMS shorthand, Welsh
 * elisions); clause punctuation becomes a boundary token that phrases and negation do not cross.
 */
import { BOUNDARY, normalise } from '../crisis/normalise';
import { FOR_CONTEXT, TO_CONTEXT, WELSH_YN_CONTEXT } from '../crisis/lexicon';

export { BOUNDARY };

export interface Token {
  /** Normalised form: lower case, accent-free, contractions expanded. */
  norm: string;
  /** Index into `words` of the word this token came from; -1 for a boundary. */
  source: number;
}

export interface Tokens {
  /** The person's words as typed (punctuation around them removed). */
  words: string[];
  tokens: Token[];
  /** Tokens joined by single spaces: the form the crisis negation check reads. */
  text: string;
  /** Start of each token in `text`. */
  offsets: number[];
}

/** Shorthand the crisis tables leave alone because it never matters there. */
const EXTRA_SHORTHAND: Readonly<Record<string, string>> = {
  m8: 'mate',
  m8s: 'mates',
  gd: 'good',
  v: 'very',
  sumthing: 'something',
  sumthin: 'something',
  summat: 'something',
  stuk: 'stuck',
  bcuz: 'because',
  gr8: 'great',
  '2gether': 'together',
  l8r: 'later',
  ppl: 'people',
  peeps: 'people',
  thx: 'thanks',
  nuffink: 'nothing',
  fink: 'think',
  pple: 'people',
  kidz: 'kids',
  cuppa: 'cup of tea',
  missus: 'wife',
  av: 'have',
};

/** Words repeat across messages: remember each one's normalised form (bounded, so memory stays flat). */
const normalisedWords = new Map<string, string>();
const NORMALISED_LIMIT = 20_000;

function normaliseWord(word: string): string {
  const known = normalisedWords.get(word);
  if (known !== undefined) return known;
  const norm = normalise(word);
  if (normalisedWords.size >= NORMALISED_LIMIT) normalisedWords.clear();
  normalisedWords.set(word, norm);
  return norm;
}

/** Longer input is cut: what matters is said early, and matching time must stay bounded. */
const MAX_CHARS = 5000;

const PIECES = /[\p{L}\p{N}'’`]+|[.!?;:,\n\u2014\u2013]+|\s-+\s/gu;

/** A bare "2" / "4" / "n" means different things by context ("want 2 go", "2 lonely", "dw i n unig"). */
function contextual(raw: string, prev: string, next: string): string | undefined {
  const nextIsWord = /^\p{L}/u.test(next);
  if (raw === '2' && (TO_CONTEXT.has(prev) || nextIsWord)) return 'to';
  if (raw === '4' && (FOR_CONTEXT.has(prev) || nextIsWord)) return 'for';
  if (raw === 'n' || raw === 'N') return WELSH_YN_CONTEXT.has(prev) ? 'yn' : 'and';
  return undefined;
}

export function tokenise(input: string): Tokens {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const pieces = text.match(PIECES) ?? [];
  const words: string[] = [];
  const tokens: Token[] = [];
  const push = (norm: string, source: number): void => {
    if (norm === BOUNDARY) {
      if (tokens.length > 0 && tokens[tokens.length - 1].norm !== BOUNDARY) tokens.push({ norm, source: -1 });
      return;
    }
    for (const part of (EXTRA_SHORTHAND[norm] ?? norm).split(' ')) tokens.push({ norm: part, source });
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!/[\p{L}\p{N}]/u.test(piece)) {
      push(BOUNDARY, -1);
      continue;
    }
    const word = piece.replace(/^['’`]+|['’`]+$/g, '');
    const source = words.length;
    words.push(word);
    const prev = tokens.length > 0 ? tokens[tokens.length - 1].norm : '';
    const special = contextual(word, prev, pieces[i + 1] ?? '');
    const norm = special ?? normaliseWord(word);
    for (const part of norm.split(' ')) if (part.length > 0) push(part, source);
  }
  while (tokens.length > 0 && tokens[tokens.length - 1].norm === BOUNDARY) tokens.pop();

  const offsets: number[] = [];
  let at = 0;
  for (const token of tokens) {
    offsets.push(at);
    at += token.norm.length + 1;
  }
  return { words, tokens, text: tokens.map((t) => t.norm).join(' '), offsets };
}
