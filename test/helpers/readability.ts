/**
 * A rough, explainable readability measure for the words people read: Flesch-Kincaid grade plus
 * five gives a UK reading age. Syllables are counted by vowel groups, which is close enough for
 * short, everyday English; it is a guard against drift, not a judge of single words.
 */

/** Person-facing strings of one locale file: every string value, except synonym lists and notes for the operator. */
export function personFacingStrings(json: unknown, path = ''): Array<{ key: string; text: string }> {
  if (typeof json === 'string') return [{ key: path, text: json }];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return []; // arrays are synonyms people may type
  return Object.entries(json).flatMap(([key, value]) => (/synonyms|operator_review/i.test(key) ? [] : personFacingStrings(value, path ? `${path}.${key}` : key)));
}

/** What a reader reads: placeholders as a short word, links and markdown marks left out. */
function asRead(text: string): string {
  return text
    .replace(/\{\{[^}]+\}\}/g, 'it')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/https?:\/\/\S+/g, 'link')
    .replace(/[*_`]/g, '');
}

export function sentencesOf(text: string): string[] {
  return asRead(text)
    .split(/(?<=[.!?:;…])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

export function wordsOf(text: string): string[] {
  return text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
}

export function syllablesOf(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length <= 3) return 1;
  const trimmed = letters.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

/** Reading age (years) of a body of English text taken together: Flesch-Kincaid grade + 5. */
export function readingAge(texts: readonly string[]): number {
  const sentences = texts.flatMap(sentencesOf);
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return grade + 5;
}
