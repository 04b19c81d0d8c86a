/**
 * Plain words (reading age about 9 to 11): everything a person reads, in the chat, by text and on the
 * privacy page, taken together reads below a reading age of 11, and no sentence is long enough to
 * lose a reader. The dashboard (for staff) is left out. The four ONS wellbeing questions keep ONS's
 * own words, so they are left out of the sentence check.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { personFacingStrings, readingAge, sentencesOf, wordsOf } from '../helpers/readability';

const LOCALES = path.join(__dirname, '../../locales');
const STAFF_ONLY = new Set(['dashboard.json']);
/** Welsh sentences run longer than English ones for the same meaning (mutations, "chi'n", periphrasis). */
const MOST_WORDS_IN_A_SENTENCE = { en: 25, cy: 32 } as const;

function strings(lang: 'en' | 'cy'): Array<{ key: string; text: string }> {
  return readdirSync(path.join(LOCALES, lang))
    .filter((file) => file.endsWith('.json') && !STAFF_ONLY.has(file))
    .flatMap((file) => personFacingStrings(JSON.parse(readFileSync(path.join(LOCALES, lang, file), 'utf8')), file.replace(/\.json$/, '')));
}

it('what a person reads in English has a reading age of 11 or under, taken together', () => {
  const age = readingAge(strings('en').map((entry) => entry.text));
  expect(age).toBeLessThanOrEqual(11);
});

it.each(['en', 'cy'] as const)('no sentence a person reads in %s is longer than the limit', (lang) => {
  const tooLong = strings(lang)
    .filter((entry) => !entry.key.startsWith('wellbeing.') || !entry.key.endsWith('.ask'))
    .flatMap((entry) => sentencesOf(entry.text).map((sentence) => ({ key: entry.key, words: wordsOf(sentence).length, sentence })))
    .filter((found) => found.words > MOST_WORDS_IN_A_SENTENCE[lang]);
  expect(tooLong).toEqual([]);
});

describe('the measure itself', () => {
  it('reads short everyday sentences as young and long formal ones as old', () => {
    expect(readingAge(['I like to walk. It is fun. We go out on Sundays.'])).toBeLessThan(8);
    expect(readingAge(['Notwithstanding the aforementioned considerations, individuals experiencing psychological difficulties should consult appropriately qualified professionals.'])).toBeGreaterThan(16);
  });

  it('splits sentences and leaves placeholders, links and synonym lists out', () => {
    expect(sentencesOf('Hello. How are you?\nReply MENU.')).toEqual(['Hello.', 'How are you?', 'Reply MENU.']);
    expect(wordsOf(sentencesOf('See {{url}} or [the page](https://example.org/x).')[0])).toEqual(['See', 'it', 'or', 'the', 'page']);
    expect(personFacingStrings({ a: 'Hi there', b: { synonyms: ['yes'], label: 'Yes' }, operator_review: 'x' })).toEqual([
      { key: 'a', text: 'Hi there' },
      { key: 'b.label', text: 'Yes' },
    ]);
  });
});
