import type { Category } from './categories';
import type { Answers, Barrier, Days, Interest, TimeOfDay, Place } from '../referrals/schema';
import type { Language } from '../i18n/languages';
import type { CategoryEvidence } from '../nlu/recognizer';

/**
 * What the matcher knows about a person: their own words, the categories of need or interest behind
 * them (each with where it came from, so a suggestion can say why), their barriers, when and where.
 */
export interface WantedCategory {
  category: Category;
  from: 'interest' | 'text' | 'barrier';
  words?: string[];
}

export interface MatchProfile {
  /** The person's own words (what matters, follow-up, interests in own words). */
  text: string;
  categories: WantedCategory[];
  barriers: Exclude<Barrier, 'nothing'>[];
  days?: Days;
  times?: TimeOfDay[];
  place?: Place;
  lang: Language;
}

/** The categories each interest choice stands for (first one first). */
export const INTEREST_CATEGORIES: Record<Interest, Category[]> = {
  arts: ['arts_crafts'],
  outdoors: ['walking', 'gardening_nature'],
  gardening: ['gardening_nature'],
  music: ['music_singing'],
  exercise: ['physical_activity'],
  food: ['food'],
  learning: ['learning'],
  volunteering: ['volunteering'],
  social: ['loneliness'],
};

/** The category a barrier points to (services tagged with it take that barrier into account). */
export const BARRIER_CATEGORIES: Partial<Record<Exclude<Barrier, 'nothing'>, Category>> = {
  cost: 'cost_barrier',
  transport: 'transport_barrier',
  access: 'disability_access',
  groupAnxiety: 'anxiety_in_groups',
  caring: 'carers_support',
};

/** The text to give a Recognizer for extraction (whatMatters + whatMattersMore + interests.ownWords). */
export function profileText(answers: Answers): string {
  return [answers.whatMatters, answers.whatMattersMore, answers.interests?.ownWords]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join('\n');
}

/** Builds the profile from stored answers plus categories a Recognizer extracted from the free text. */
export function profileFromAnswers(answers: Answers, lang: Language, extracted: CategoryEvidence[]): MatchProfile {
  const categories: WantedCategory[] = [];
  const seen = new Set<Category>();
  const add = (wanted: WantedCategory) => {
    if (seen.has(wanted.category)) return;
    seen.add(wanted.category);
    categories.push(wanted);
  };
  // The person's own words first (strongest first, as the recogniser ordered them), then their choices.
  for (const evidence of extracted) add({ category: evidence.category, from: 'text', words: evidence.words.length > 0 ? [...evidence.words] : undefined });
  for (const interest of answers.interests?.chosen ?? []) {
    for (const category of INTEREST_CATEGORIES[interest]) add({ category, from: 'interest' });
  }
  const barriers = [...new Set((answers.barriers ?? []).filter((b): b is Exclude<Barrier, 'nothing'> => b !== 'nothing'))];
  // "Money is tight" in their own words is the cost barrier too: never offer them something that costs.
  if (extracted.some((e) => e.category === 'cost_barrier') && !barriers.includes('cost')) barriers.push('cost');
  for (const barrier of barriers) {
    const category = BARRIER_CATEGORIES[barrier];
    if (category) add({ category, from: 'barrier' });
  }
  const profile: MatchProfile = { text: profileText(answers), categories, barriers, lang };
  if (answers.days) profile.days = answers.days;
  if (answers.times && answers.times.length > 0) profile.times = [...answers.times];
  if (answers.place) profile.place = answers.place;
  return profile;
}
