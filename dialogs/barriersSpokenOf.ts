import type { Category } from '../src/directory/categories';
import { SUPPORTED_LANGUAGES } from '../src/i18n';
import { extractCategories } from '../src/nlu';
import type { Barrier } from '../src/referrals';

/** The barriers the category lexicons (src/nlu) can hear in a sentence. */
const BARRIER_OF: Partial<Record<Category, Barrier>> = {
  cost_barrier: 'cost',
  transport_barrier: 'transport',
  disability_access: 'access',
  anxiety_in_groups: 'groupAnxiety',
  carers_support: 'caring',
};

/**
 * What gets in the way, heard in a sentence ("I can't afford much and I get nervous in big groups"),
 * in either language. Uses the same deterministic extraction as the suggestions, which reads
 * negation ("I'm not worried about money" names no cost barrier).
 */
export function barriersSpokenOf(text: string): Barrier[] {
  const found = new Set<Barrier>();
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const { category } of extractCategories(text, lang)) {
      const barrier = BARRIER_OF[category];
      if (barrier) found.add(barrier);
    }
  }
  return [...found];
}
