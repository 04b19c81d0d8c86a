/**
 * The fixed category vocabulary (issue 5). Directory services, extracted profiles, the labelled
 * evaluation sets and the CLU model all speak these names; this is the one place they are defined.
 */
export const CATEGORIES = [
  'loneliness',
  'physical_activity',
  'walking',
  'gardening_nature',
  'arts_crafts',
  'music_singing',
  'learning',
  'volunteering',
  'befriending',
  'bereavement',
  'carers_support',
  'money_debt',
  'housing',
  'employment',
  'mental_wellbeing',
  'long_term_condition',
  'food',
  'digital_skills',
  'faith_community',
  'parenting',
  'older_people',
  'young_people',
  'lgbtq',
  'ethnic_community',
  'disability_access',
  'transport_barrier',
  'anxiety_in_groups',
  'cost_barrier',
] as const;

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The taxonomy name directory records use for these categories. */
export const CATEGORY_VOCABULARY = 'frontdoor-categories';
