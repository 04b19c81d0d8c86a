/**
 * Categories of need or interest from free text, with the person's words that led to each.
 * Deterministic: tokens -> phrase matches -> longest wins -> negation and "about someone else" checks
 * -> one entry per category, strongest first.
 */
import { CATEGORIES, type Category } from '../../directory/categories';
import type { Language } from '../../i18n/languages';
import { isNegated } from '../crisis/negation';
import type { CategoryEvidence } from '../recognizer';
import { findPhrases, compileLexicon, NEGATORS, type CompiledLexicon, type PhraseMatch } from './compile';
import { LEXICON_CY, NEUTRAL_CY } from './lexicon-cy';
import { LEXICON_EN, NEUTRAL_EN } from './lexicon-en';
import { BOUNDARY, tokenise, type Tokens } from './tokens';

const compiled = new Map<Language, CompiledLexicon>();

/** English text uses the English phrases; Welsh text uses the Welsh ones and the English ones people mix in. */
function lexiconFor(lang: Language): CompiledLexicon {
  let lexicon = compiled.get(lang);
  if (lexicon === undefined) {
    lexicon =
      lang === 'cy'
        ? compileLexicon({ primary: LEXICON_CY, mixedIn: LEXICON_EN, neutral: [...NEUTRAL_CY, ...NEUTRAL_EN], welsh: true })
        : compileLexicon({ primary: LEXICON_EN, neutral: NEUTRAL_EN, welsh: false });
    compiled.set(lang, lexicon);
  }
  return lexicon;
}

/** Feelings: "I don't want to be lonely any more" is still loneliness. */
const STATES: ReadonlySet<Category> = new Set(['loneliness', 'mental_wellbeing', 'bereavement']);
const WANTING: ReadonlySet<string> = new Set(['want', 'wish', 'eisiau', 'hoffwn', 'hoffi']);

/** Words that may sit between a negation and an activity: "not into", "don't want anything with". */
const ACTIVITY_BRIDGE: ReadonlySet<string> = new Set([
  'i', 'am', 'do', 'want', 'anything', 'with', 'into', 'a', 'an', 'the', 'any', 'big', 'fan', 'of', 'keen', 'on',
  'interested', 'interest', 'in', 'really', 'like', 'that', 'bothered', 'about', 'for', 'me', 'too', 'one', 'fussed',
  'yn', 'eisiau', 'hoffi', 'unrhyw', 'beth', 'gyda', 'diddordeb', 'mewn', 'awydd', 'gen', 'i', 'hoff', 'o',
]);
const MAX_ACTIVITY_BRIDGE = 5;

/** Barriers and group anxiety are said with negative words ("don't like crowds"): only a plain "not" undoes them. */
const PLAIN_NOT_ONLY: ReadonlySet<Category> = new Set(['anxiety_in_groups']);

function negationWordsBefore(tk: Tokens, start: number, bridge: ReadonlySet<string>, max: number): string[] | null {
  const between: string[] = [];
  for (let i = start - 1; i >= 0 && between.length <= max; i--) {
    const word = tk.tokens[i].norm;
    if (word === BOUNDARY) return null;
    if (NEGATORS.has(word)) return between;
    if (!bridge.has(word)) return null;
    between.push(word);
  }
  return null;
}

/** Barriers that lacking something is ("no buses", "without a car", "heb arian"): lacking is not negating. */
const LACK_IS_THE_BARRIER: ReadonlySet<Category> = new Set(['cost_barrier', 'transport_barrier', 'disability_access']);
const LACKING: ReadonlySet<string> = new Set(['no', 'without', 'dim', 'heb']);

function negated(tk: Tokens, match: PhraseMatch, category: Category): boolean {
  if (match.phrase.negative) return false;
  const start = match.start;
  if (LACK_IS_THE_BARRIER.has(category) && start > 0 && LACKING.has(tk.tokens[start - 1].norm)) return false;
  if (PLAIN_NOT_ONLY.has(category)) {
    const between = negationWordsBefore(tk, start, new Set(['i', 'am', 'really', 'very', 'too', 'that', 'yn']), 2);
    return between !== null;
  }
  if (isNegated(tk.text, tk.offsets[start])) {
    if (!STATES.has(category)) return true;
    // Walk back to the negation: a "want" on the way means the feeling is still there.
    for (let i = start - 1; i >= 0; i--) {
      const word = tk.tokens[i].norm;
      if (NEGATORS.has(word) || word === BOUNDARY) return true;
      if (WANTING.has(word)) return false;
    }
    return true;
  }
  if (STATES.has(category)) return false;
  return negationWordsBefore(tk, start, ACTIVITY_BRIDGE, MAX_ACTIVITY_BRIDGE) !== null;
}

/**
 * What to do leads; feelings and barriers say why or how. Said as often as something to do, they come after
 * it ("I feel lonely and would like to join a choir": singing, then loneliness), as people who label such
 * texts order them (a feeling after the activity in 44 of the 53 texts with both in test/fixtures/nlu).
 */
const WHY_OR_HOW: ReadonlySet<Category> = new Set([
  'loneliness', 'mental_wellbeing', 'cost_barrier', 'transport_barrier', 'disability_access', 'anxiety_in_groups',
]);
const whyOrHowLast = (c: Category): number => (WHY_OR_HOW.has(c) ? 1 : 0);

/**
 * Broad words name a setting or a general wish, not an activity: "I like being outdoors and I used to
 * cycle" is cycling first. They still count; a specific activity said as often comes before them.
 */
const BROAD: ReadonlySet<string> = new Set([
  // settings
  'outdoors', 'outdoor*', 'the outside', 'being outside', 'fresh air', 'nature', 'natur', 'awyr agored', 'tu allan',
  'awyr iach',
  // general wishes
  'active', 'more active', 'actif', 'learn', 'learning', 'dysgu', 'skills', 'sgiliau', 'creative*', 'creadigol',
]);

/** Conditions of someone else ("my husband has dementia") are the carer's context, not the person's need. */
const PERSONAL: ReadonlySet<Category> = new Set(['long_term_condition', 'disability_access', 'mental_wellbeing']);
const SOMEONE_ELSE: ReadonlySet<string> = new Set([
  'husband', 'wife', 'partner', 'mum', 'mam', 'mother', 'dad', 'father', 'son', 'daughter', 'child', 'kid', 'brother',
  'sister', 'he', 'she', 'his', 'her', 'him', 'gwr', 'gwraig', 'tad', 'mab', 'merch', 'plentyn', 'brawd', 'chwaer',
  'nhad', 'ngwr', 'ngwraig', 'mhlentyn', 'fab', 'ferch', 'nan', 'gran', 'grandad', 'grandma', 'grandpa', 'youngest',
  'eldest', 'oldest', 'lad', 'boy', 'girl', 'twins',
]);
const CARED_FOR: ReadonlySet<Category> = new Set(['long_term_condition', 'disability_access']);
const SELF: ReadonlySet<string> = new Set(['i', 'me', 'my', 'myself', 'fi', 'mi', 'fy']);
const SOMEONE_ELSE_WINDOW = 4;

function aboutSomeoneElse(tk: Tokens, start: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= SOMEONE_ELSE_WINDOW; i--) {
    const word = tk.tokens[i].norm;
    if (word === BOUNDARY || SELF.has(word)) return false;
    if (SOMEONE_ELSE.has(word)) return true;
  }
  return false;
}

/**
 * A shorter match whose words are all part of a longer one gives way: "walking" inside "walking football".
 * Words a gap skipped over are not part of the longer match: "Sikh" in "our Sikh community" stays.
 */
function longestOnly(matches: readonly PhraseMatch[]): PhraseMatch[] {
  return matches.filter(
    (m) =>
      !matches.some(
        (other) => other.filled.length > m.filled.length && m.filled.every((t) => other.filled.includes(t)),
      ),
  );
}

interface Found {
  category: Category;
  score: number;
  first: number;
  tokens: Set<number>;
}

/** Ages said as numbers: "I'm 82", "aged 16", "74 years old", "80 oed". */
const AGE_BEFORE: readonly (readonly string[])[] = [['i', 'am'], ['aged'], ['age'], ['im']];
const AGE_AFTER: readonly (readonly string[])[] = [['years', 'old'], ['year', 'old'], ['yrs'], ['yo'], ['oed'], ['mlwydd']];
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

const sequenceAt = (tk: Tokens, at: number, words: readonly string[]): boolean =>
  words.every((w, k) => tk.tokens[at + k]?.norm === w);

function ageCategory(age: number): Category | null {
  if (age >= 60 && age <= 110) return 'older_people';
  if (age >= 11 && age <= 25) return 'young_people';
  return null;
}

function ages(tk: Tokens): { category: Category; at: number; tokens: number[] }[] {
  const found: { category: Category; at: number; tokens: number[] }[] = [];
  tk.tokens.forEach((token, i) => {
    const age = /^\d{1,3}$/.test(token.norm) ? Number(token.norm) : NUMBER_WORDS[token.norm];
    if (age === undefined) return;
    const before = AGE_BEFORE.find((w) => i - w.length >= 0 && sequenceAt(tk, i - w.length, w));
    const after = AGE_AFTER.find((w) => sequenceAt(tk, i + 1, w));
    if (before === undefined && after === undefined) return;
    // "I'm not 70", "I'm only 45": an age that is denied is not the person's age.
    if (before !== undefined && tk.tokens[i - 1]?.norm === 'not') return;
    const category = ageCategory(age);
    if (category !== null) found.push({ category, at: i, tokens: [i, ...(after ? after.map((_, k) => i + 1 + k) : [])] });
  });
  return found;
}

/**
 * The categories in `text`, strongest first, each once, with the person's words that led to each.
 * `lang` chooses the phrase tables (Welsh text is also read with the English ones).
 */
export function extractCategories(text: string, lang: Language): CategoryEvidence[] {
  if (typeof text !== 'string' || text.trim().length === 0) return [];
  const tk = tokenise(text);
  if (tk.tokens.length === 0) return [];
  const matches = longestOnly(findPhrases(tk.tokens, lexiconFor(lang)));

  const found = new Map<Category, Found>();
  const add = (category: Category, score: number, first: number, tokenIndexes: readonly number[]): void => {
    const entry = found.get(category) ?? { category, score: 0, first, tokens: new Set<number>() };
    // Overlapping phrases are one mention: "meet people like me" is not two ("meet people", "people like me").
    if (!tokenIndexes.some((t) => entry.tokens.has(t))) entry.score += score;
    entry.first = Math.min(entry.first, first);
    for (const t of tokenIndexes) entry.tokens.add(t);
    found.set(category, entry);
  };

  for (const match of matches) {
    const category = match.phrase.category;
    if (category === null) continue;
    if (negated(tk, match, category)) continue;
    if (PERSONAL.has(category) && aboutSomeoneElse(tk, match.start)) {
      // Someone close with a condition or disability usually means the person is their carer.
      if (CARED_FOR.has(category)) add('carers_support', 0.5, match.start, match.filled);
      continue;
    }
    // Each mention counts once, a typo'd or broad one a little less; ties go to what was said first.
    add(category, match.fuzzy || BROAD.has(match.phrase.text) ? 0.75 : 1, match.start, match.filled);
  }
  for (const age of ages(tk)) add(age.category, 1, age.at, age.tokens);
  learningLeadsTo(tk, matches, found);

  const order = (c: Category): number => CATEGORIES.indexOf(c);
  return [...found.values()]
    .sort((a, b) => b.score - a.score || whyOrHowLast(a.category) - whyOrHowLast(b.category) || a.first - b.first || order(a.category) - order(b.category))
    .map((entry) => ({ category: entry.category, words: wordsOf(tk, entry.tokens) }));
}

/** How far after "learn" the thing to learn may start: "learn to cook", "learn how to use a tablet". */
const LEARNT_WITHIN = 4;
/** Words that say what follows "learn" is the thing learnt (not "learn English and meet people"). */
const LEARN_WHAT: ReadonlySet<string> = new Set(['to', 'how', 'about', 'sut', 'am']);

/**
 * "Learn to do video calls": the need is what they want to learn (digital skills), learning is how.
 * That category takes the place of "learn" in the order, just ahead of learning.
 */
function learningLeadsTo(tk: Tokens, matches: readonly PhraseMatch[], found: Map<Category, Found>): void {
  const learning = found.get('learning');
  if (learning === undefined) return;
  for (const learn of matches) {
    if (learn.phrase.category !== 'learning' || !learning.tokens.has(learn.start)) continue;
    const next = tk.tokens[learn.end + 1]?.norm;
    if (next === undefined || next === BOUNDARY) continue;
    const object = matches.find((m) => {
      if (m.phrase.category === null || m.phrase.category === 'learning' || !found.has(m.phrase.category)) return false;
      if (m.start <= learn.end || m.start - learn.end > LEARNT_WITHIN) return false;
      if (m.start > learn.end + 1 && !LEARN_WHAT.has(next)) return false;
      for (let i = learn.end + 1; i < m.start; i++) if (tk.tokens[i].norm === BOUNDARY) return false;
      return true;
    });
    const entry = object?.phrase.category ? found.get(object.phrase.category) : undefined;
    if (entry && entry.score >= learning.score) entry.first = Math.min(entry.first, learn.start - 0.5);
  }
}

/** The person's words behind a set of tokens, in the order they wrote them, each once. */
function wordsOf(tk: Tokens, tokenIndexes: ReadonlySet<number>): string[] {
  const sources = [...new Set([...tokenIndexes].map((i) => tk.tokens[i].source).filter((s) => s >= 0))].sort((a, b) => a - b);
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of sources.map((s) => tk.words[s])) {
    if (seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    words.push(word);
  }
  return words;
}
