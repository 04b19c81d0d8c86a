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
  // "I haven't got much money": the lexicons read the "not" as no cost barrier.
  ['cost', /\b(havent|have not|hasnt|dont have|do not have|not|no|little|short of|not enough) (got )?(much |enough |any |a lot of )?(money|cash)\b|\bdim (digon o |llawer o )?(arian|pres)\b/],
  ['transport', /\b(cant|can not|hard to|struggle to) get there\b|\b(dont|do not|cant|can not) drive\b|\bmethu cyrraedd\b/],
  [
    'language',
    /\b(my )?english (is )?(not|isnt) (very )?good\b|\b(dont|do not|cant|can not) speak (much |good )?english\b|\b(little|not much|bad|poor) english\b|\bdim llawer o saesneg\b/,
  ],
  ['access', /\b(knees?|hips?|my back|bad back|arthritis|my legs|cant walk|can not walk|walking is hard|(p|b|mh|ph)en ?gl[iy]n\w*|(c|ch|g|ngh)luniau|(c|ch|g|ngh)efn|(c|g|ngh|ch)oesau)\b/],
  ['groupAnxiety', /(?<!\b(not|never|isnt) )\b(anxious|anxiety|nervous)\b|\b(panic|panic attacks?|(p|b|mh|ph)anig|pyliau o banig|(p|b|mh|ph)ryderus|nerfus)\b/],
];

/**
 * Everyday misspellings of the words barriers are heard by, as people with dyslexia or little
 * English type them ("munny", "nervus", "cant get thair"), each with the word it stands for.
 */
const RESPELLINGS: Readonly<Record<string, string>> = {
  munny: 'money',
  mony: 'money',
  muny: 'money',
  mune: 'money',
  cots: 'cost',
  cosst: 'cost',
  expencive: 'expensive',
  expensiv: 'expensive',
  aford: 'afford',
  afored: 'afford',
  thair: 'there',
  ther: 'there',
  thare: 'there',
  trasport: 'transport',
  transprt: 'transport',
  buss: 'bus',
  anxius: 'anxious',
  anxous: 'anxious',
  anxios: 'anxious',
  ankshus: 'anxious',
  anxiaty: 'anxiety',
  anxity: 'anxiety',
  nervus: 'nervous',
  nervos: 'nervous',
  nervis: 'nervous',
  nervouse: 'nervous',
  peepul: 'people',
  pepul: 'people',
  peple: 'people',
  pepole: 'people',
  dosent: 'doesnt',
  dosnt: 'doesnt',
  doesent: 'doesnt',
  englsh: 'english',
  inglish: 'english',
  engish: 'english',
};

/** The message with each misspelt word replaced by the word it stands for; punctuation kept, as negation reads it. */
function respelt(text: string): string {
  return text.replace(/[\p{L}'’]+/gu, (word) => RESPELLINGS[normaliseForMatching(word)] ?? word);
}

/** What gets in the way, heard in a sentence, in either language, spelt however it is spelt. */
export function barriersSpokenOf(text: string): Barrier[] {
  const said = respelt(text);
  return [...new Set([...barriersInLexicons(said), ...barriersSaidHere(said)])];
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
