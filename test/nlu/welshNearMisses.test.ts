/**
 * Everyday Welsh words one letter from a keyword are not typos of it: "pyliau o banig" (panic attacks,
 * mutated "byliau") is not "biliau" (bills) or "bysiau" (buses). The hard negatives are in the labelled
 * set (kind "near_miss"), so the evaluation keeps watching them.
 */
import { extractCategories } from '../../src/nlu/categories';
import { loadCategoryFixture } from '../../scripts/eval/categories';

const nearMisses = loadCategoryFixture().filter((item) => item.kind === 'near_miss');

describe('Welsh words one letter from a keyword', () => {
  it('are in the labelled set', () => {
    expect(nearMisses.length).toBeGreaterThanOrEqual(10);
  });

  it.each(nearMisses.map((item) => [item.id, item.text, item.categories] as const))(
    '%s "%s" is read as exactly %j',
    (_id, text, categories) => {
      expect(extractCategories(text, 'cy').map((found) => found.category)).toEqual(categories);
    },
  );

  it.each([
    ['byliau', []],
    ['bydda', []],
    ['tenau', []],
    ['ffyrdd', []],
    // Real typos of the keywords are still read.
    ['bysiua', ['transport_barrier']],
    ['trenua', ['transport_barrier']],
  ] as const)('the single word "%s" is read as %j', (word, categories) => {
    expect(extractCategories(word, 'cy').map((found) => found.category)).toEqual(categories);
  });
});
