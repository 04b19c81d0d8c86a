import { normaliseForMatching } from '../i18n/synonyms';
import type { Category } from './categories';

/**
 * Plain word matching for directories without our category tags (and as a tie-breaker with them):
 * lower-case words, crudely stemmed so "walks", "walking" and "walk" meet, minus common words.
 */

const STOPWORDS = new Set(
  (
    'a about after again all also am an and any are as at be been before being but by can could did do does doing ' +
    'down for from get got had has have having he her here him his how i if im in into is it its ive just like me ' +
    'more most my myself no nor not now of off on once only or other our out over own really same she should so ' +
    'some such than that the their them then there these they this those through to too under until up very was ' +
    'we were what when where which while who why will with would you your yours want wanted would feel feeling ' +
    'thing things something anything bit lot much many day days week weeks time times people person come ' +
    // Everyday words that say how someone feels about a thing, not what the thing is ("I used to love my allotment").
    'love loved loves loving lovely like liked likes enjoy enjoyed enjoys used use miss missed go going went make made ' +
    'good great well back still always never ever new old year years life know think'
  ).split(' '),
);

/** A crude English stem: enough for "walks/walking/walked" and "groups/group" to meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/** The distinct stemmed content words of a text. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normaliseForMatching(text).split(' ')) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.add(stem(word));
  }
  return out;
}

/**
 * Words that suggest a category when a directory carries no category tags (e.g. the real council data).
 * Stemmed like contentWords. Deliberately short lists of unambiguous words: everyday words that show up
 * in any description ("nature", "growing", "company", "chat", "social", "loss", "work") are left out.
 */
const KEYWORDS: Partial<Record<Category, string[]>> = {
  loneliness: ['lonely', 'loneliness', 'isolation', 'isolated', 'friendship', 'coffee', 'befriend'],
  physical_activity: ['exercise', 'fitness', 'sport', 'yoga', 'pilates', 'swim', 'swimming', 'football', 'dance', 'dancing', 'tai chi', 'gym', 'bowls', 'badminton', 'cycling', 'aerobics', 'netball', 'boxing'],
  walking: ['walk', 'walking', 'walks', 'ramble', 'rambles', 'stroll'],
  gardening_nature: ['garden', 'gardening', 'allotment', 'conservation', 'woodland', 'wildlife'],
  arts_crafts: ['art', 'arts', 'craft', 'crafts', 'knit', 'knitting', 'sewing', 'pottery', 'painting', 'drawing', 'writing', 'photography'],
  music_singing: ['music', 'singing', 'sing', 'choir', 'ukulele', 'band', 'song'],
  learning: ['learn', 'learning', 'course', 'class', 'lesson', 'history', 'education'],
  volunteering: ['volunteer', 'volunteering', 'volunteers'],
  befriending: ['befriending', 'befriender', 'befriend'],
  bereavement: ['bereavement', 'bereaved', 'grief'],
  carers_support: ['carer', 'carers', 'caring'],
  money_debt: ['debt', 'money', 'benefits', 'budget', 'bills'],
  housing: ['housing', 'tenancy', 'homeless', 'landlord', 'rent'],
  employment: ['employment', 'job', 'jobs', 'cv'],
  mental_wellbeing: ['mental', 'wellbeing', 'anxiety', 'depression', 'mindfulness', 'mood', 'stress'],
  long_term_condition: ['diabetes', 'stroke', 'arthritis', 'copd', 'dementia', 'parkinsons', 'chronic pain'],
  food: ['food', 'meal', 'meals', 'lunch', 'cooking', 'breakfast', 'larder', 'foodbank'],
  digital_skills: ['digital', 'computer', 'internet', 'tablet', 'smartphone'],
  faith_community: ['church', 'chapel', 'mosque', 'gurdwara', 'faith', 'prayer'],
  parenting: ['parent', 'parents', 'baby', 'babies', 'toddler', 'toddlers', 'tots', 'mums', 'dads', 'families', 'children', 'child', 'kids', 'under 5s', 'preschool', 'pre-school'],
  older_people: ['older', 'elderly', 'seniors', 'retired', '50+', 'over 60s'],
  young_people: ['young people', 'youth', 'teenagers', 'teens', '16 to 24', 'school years'],
  lgbtq: ['lgbt', 'lgbtq', 'gay', 'lesbian', 'trans', 'rainbow'],
  ethnic_community: ['refugee', 'asylum', 'esol', 'migrant'],
  disability_access: ['disability', 'disabled', 'wheelchair', 'deaf', 'blind', 'sensory'],
};

/** Description words strong enough on their own to give a category (elsewhere a description needs two keywords). */
const STRONG = new Set(
  ['allotment', 'gardening', 'choir', 'singing', 'bereavement', 'bereaved', 'grief', 'loneliness', 'lonely', 'befriending', 'befriender', 'foodbank', 'dementia', 'volunteering', 'carers', 'debt', 'knitting', 'yoga', 'pilates', 'ukulele']
    .flatMap((w) => [...contentWords(w)]),
);

/** Each keyword as the stems that must all be there ("tai chi" needs both words). */
const KEYWORD_PHRASES: [Category, string[][]][] = (Object.entries(KEYWORDS) as [Category, string[]][]).map(([category, words]) => [
  category,
  words.map((w) => [...contentWords(w)]).filter((stems) => stems.length > 0),
]);

const KEYWORD_STEMS: [Category, Set<string>][] = KEYWORD_PHRASES.map(([category, phrases]) => [category, new Set(phrases.flat())]);

function keywordsFound(phrases: readonly string[][], words: ReadonlySet<string>): string[] {
  return phrases.filter((stems) => stems.every((s) => words.has(s))).map((stems) => stems.join(' '));
}

/**
 * Categories a service's words suggest (for untagged directories). A keyword in the name (or taxonomy)
 * is enough; a description needs two different keywords of the category, or one strong one: one
 * everyday word somewhere in a long description ("seen the game grow") is not evidence.
 */
export function inferCategories(nameWords: ReadonlySet<string>, descriptionWords: ReadonlySet<string> = new Set()): Category[] {
  const out: Category[] = [];
  for (const [category, phrases] of KEYWORD_PHRASES) {
    if (keywordsFound(phrases, nameWords).length > 0) {
      out.push(category);
      continue;
    }
    const inDescription = keywordsFound(phrases, descriptionWords);
    if (inDescription.length >= 2 || inDescription.some((k) => STRONG.has(k))) out.push(category);
  }
  return out;
}

/** The stemmed keywords of a category: added to a profile's query words so text relevance finds them. */
export function categoryKeywords(category: Category): ReadonlySet<string> {
  return KEYWORD_STEMS.find(([c]) => c === category)?.[1] ?? new Set();
}

/**
 * Which items (by position in one array) have each word in their name, or only in their description:
 * text relevance then walks a few short lists instead of testing every service's words.
 */
export interface WordIndex {
  name: Map<string, number[]>;
  descriptionOnly: Map<string, number[]>;
}

export function buildWordIndex<T>(items: readonly T[], wordsOf: (item: T) => { name: ReadonlySet<string>; description: ReadonlySet<string> }): WordIndex {
  const name = new Map<string, number[]>();
  const descriptionOnly = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, word: string, i: number) => {
    const list = map.get(word);
    if (list) list.push(i);
    else map.set(word, [i]);
  };
  items.forEach((item, i) => {
    const words = wordsOf(item);
    for (const w of words.name) post(name, w, i);
    for (const w of words.description) if (!words.name.has(w)) post(descriptionOnly, w, i);
  });
  return { name, descriptionOnly };
}
