import type { Language } from './languages';

const WELSH_VOWEL = /^[aeiouwyâêîôûŵŷáéíóúàèìòù]/i;
/** After "a" (and), c, p and t take the aspirate mutation: "a chost", "a phryder", "a theimlo". */
const ASPIRATE: [RegExp, string][] = [
  [/^c(?!h)/, 'ch'],
  [/^p(?!h)/, 'ph'],
  [/^t(?!h)/, 'th'],
];

function welshAnd(item: string): string {
  if (WELSH_VOWEL.test(item)) return `ac ${item}`;
  for (const [pattern, mutated] of ASPIRATE) if (pattern.test(item)) return `a ${item.replace(pattern, mutated)}`;
  return `a ${item}`;
}

/**
 * "A, B and C" in the person's language. Welsh is done here rather than by Intl.ListFormat, which
 * writes "a(c)" and does not mutate: "Cost a theimlo'n bryderus", "Cost ac iaith".
 */
export function formatList(lang: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1];
  return lang === 'cy' ? `${head} ${welshAnd(last)}` : `${head} and ${last}`;
}
