import type { Category } from '../src/directory/categories';
import { normaliseForMatching, SUPPORTED_LANGUAGES } from '../src/i18n';
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
 * Ways of saying a barrier that the shared lexicons do not hear, because they only mean a barrier
 * when the question is "what gets in the way?": bad knees or hips, panic attacks. Matched on
 * normalised text (no apostrophes), Welsh mutations included ("fy mhengliniau").
 */
const SAID_HERE: [Barrier, RegExp][] = [
  ['access', /\b(knees?|hips?|my back|bad back|arthritis|my legs|cant walk|can not walk|walking is hard|(p|b|mh|ph)en ?gl[iy]n\w*|(c|ch|g|ngh)luniau|(c|ch|g|ngh)efn|(c|g|ngh|ch)oesau)\b/],
  ['groupAnxiety', /\b(panic|panic attacks?|(p|b|mh|ph)anig|pyliau o banig|(p|b|mh|ph)ryderus|nerfus)\b/],
];

/** What gets in the way, heard in a sentence, in either language. */
export function barriersSpokenOf(text: string): Barrier[] {
  return [...new Set([...barriersInLexicons(text), ...barriersSaidHere(text)])];
}

/**
 * What the category lexicons hear ("I can't afford much and I get nervous in big groups"): the same
 * deterministic extraction as the suggestions, which reads negation ("I'm not worried about money"
 * names no cost barrier).
 */
function barriersInLexicons(text: string): Barrier[] {
  const found = new Set<Barrier>();
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const { category } of extractCategories(text, lang)) {
      const barrier = BARRIER_OF[category];
      if (barrier) found.add(barrier);
    }
  }
  return [...found];
}

function barriersSaidHere(text: string): Barrier[] {
  const normalised = normaliseForMatching(text);
  return SAID_HERE.filter(([, pattern]) => pattern.test(normalised)).map(([barrier]) => barrier);
}

/**
 * A kind reply to a sentence about something the next questions ask ("I work full time" is about
 * when they are free), as a locale key; undefined for anything else.
 */
export function barriersAside(text: string): string | undefined {
  const normalised = normaliseForMatching(text);
  return /\b(work|works|working|job|shifts?|gweithio|gwaith|swydd|shifftiau)\b/.test(normalised) ? 'whatMatters.barriers.workNoted' : undefined;
}
