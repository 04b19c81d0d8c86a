import { normaliseForMatching, synonymsFor } from '../../src/i18n';
import { isNoAnswer } from '../choiceMatching';

/** Longer than this, a message is telling us something, not closing a list. */
const MAX_WORDS = 10;

/**
 * True when a reply to "Anything else?" means "nothing else": "N", "NO", "nope", "thats it thanks",
 * "ok thank you dear", "na", "dim byd arall diolch". Every word must be a way of saying no or done, or
 * a polite word around it ("ok", "thanks", "dear", "diolch"), so "no, but transport" is not taken.
 */
export function meansNothingElse(text: string): boolean {
  if (isNoAnswer(text)) return true;
  const words = normaliseForMatching(text).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= MAX_WORDS && coveredFrom(words, 0);
}

/** Whether the words from `start` on are all "nothing else" phrases or polite words. */
function coveredFrom(words: readonly string[], start: number): boolean {
  if (start === words.length) return true;
  const startsWith = (phrase: readonly string[]) => phrase.length <= words.length - start && phrase.every((word, i) => words[start + i] === word);
  return closingPhrases()
    .filter(startsWith)
    .some((phrase) => coveredFrom(words, start + phrase.length));
}

let phraseCache: string[][] | undefined;

/** "No", "that's all", "dim byd arall", and the polite words said with them, each as its words (longest first). */
function closingPhrases(): string[][] {
  phraseCache ??= [
    ...synonymsFor('common.choices.done'),
    ...synonymsFor('common.choices.noAnswer'),
    ...synonymsFor('common.nothingElse.phrases'),
    ...synonymsFor('common.nothingElse.polite'),
  ]
    .map((phrase) => phrase.split(' '))
    .sort((a, b) => b.length - a.length);
  return phraseCache;
}
