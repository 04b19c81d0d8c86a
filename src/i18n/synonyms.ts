import { localeResources, localeValue } from './resources';
import { SUPPORTED_LANGUAGES, type Language } from './languages';
import type { LocaleValue } from './loadLocales';

/**
 * Reduces typed text to a plain form for matching words, so "Yes!", "YES please" and "yes"
 * compare alike: lower case, accents dropped (â → a, ŵ → w), apostrophes removed
 * ("that's" → "thats"), other punctuation turned into spaces, spaces collapsed.
 */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function stringsIn(value: LocaleValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  // A choice is { label, synonyms }: both are ways of saying it.
  return [...stringsIn(value.label), ...stringsIn(value.synonyms)];
}

const synonymCache = new Map<string, string[]>();

/**
 * Every way of saying the thing at `key`, in every language, normalised. The key may name an
 * array of strings or a choice `{ label, synonyms }`. People mix languages, so a Welsh speaker
 * using the English service can still answer "ie".
 */
export function synonymsFor(key: string, languages: readonly Language[] = SUPPORTED_LANGUAGES): string[] {
  const cacheKey = `${languages.join(',')}|${key}`;
  const cached = synonymCache.get(cacheKey);
  if (cached) return cached;
  const all = languages.flatMap((lang) => stringsIn(localeValue(lang, key)));
  const unique = [...new Set(all.map(normaliseForMatching).filter((word) => word.length > 0))];
  synonymCache.set(cacheKey, unique);
  return unique;
}

/** True when the whole message is one of the ways of saying the thing at `key` (see synonymsFor). */
export function saysExactly(text: string, key: string): boolean {
  return synonymsFor(key).includes(normaliseForMatching(text));
}

let fillerCache: { leading: string[]; trailing: string[] } | undefined;

function fillers(): { leading: string[]; trailing: string[] } {
  if (!fillerCache) {
    // Longest first, so "i would like to" is removed before "i".
    const byLength = (a: string, b: string): number => b.length - a.length;
    fillerCache = {
      leading: synonymsFor('common.fillers.leading').sort(byLength),
      trailing: synonymsFor('common.fillers.trailing').sort(byLength),
    };
  }
  return fillerCache;
}

/** Single filler words ("please", "ok", "diolch"), which may sit between the phrases of an answer too. */
export function fillerWords(): ReadonlySet<string> {
  const { leading, trailing } = fillers();
  return new Set([...leading, ...trailing].filter((word) => !word.includes(' ')));
}

/**
 * Removes polite padding around a short answer ("please stop" → "stop", "yes thanks" → "yes").
 * Takes normalised text. Only whole words at the start or end are removed.
 */
export function stripFillers(normalised: string): string {
  const { leading, trailing } = fillers();
  let text = normalised;
  let changed = true;
  while (changed && text.length > 0) {
    changed = false;
    for (const word of leading) {
      if (text.startsWith(`${word} `)) {
        text = text.slice(word.length + 1);
        changed = true;
        break;
      }
    }
    for (const word of trailing) {
      if (text.endsWith(` ${word}`)) {
        text = text.slice(0, -(word.length + 1));
        changed = true;
        break;
      }
    }
  }
  return text;
}

let numberCache: Map<string, number> | undefined;

/** Number words in every language mapped to their value: "three" → 3, "tri" → 3, "deg" → 10. */
export function numberWords(): Map<string, number> {
  if (numberCache) return numberCache;
  const map = new Map<string, number>();
  for (const lang of Object.keys(localeResources()) as Language[]) {
    const list = localeValue(lang, 'common.numbers');
    if (!Array.isArray(list)) continue;
    list.forEach((words, value) => {
      for (const word of stringsIn(words)) {
        const normalised = normaliseForMatching(word);
        if (normalised && !map.has(normalised)) map.set(normalised, value);
      }
    });
  }
  numberCache = map;
  return map;
}
