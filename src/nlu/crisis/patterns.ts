/**
 * The small pattern language the rule table is written in, compiled to regular expressions over
 * normalised text (see normalise.ts: words separated by single spaces, " . " between clauses).
 *
 *   want to <0-2> die     words in order, with up to 2 other words between "to" and "die"
 *   (kill|killing) myself alternatives; plain groups are made non-capturing
 *   {PERSON} {SUBJ} ...   named word lists (MACROS below)
 *   {END}                 the clause ends here
 *
 * A gap never spans a clause boundary or a negation word, so "my husband never hits me" cannot match
 * "{SUBJ} <0-1> hits me". Patterns always match whole words.
 */

const NEGATION_WORDS = '(?:not|never|no|ddim|dim|byth|nid)';

/** People someone might be in danger from, or might harm. */
const PERSON =
  '(?:husband|wife|partner|boyfriend|girlfriend|ex|ex husband|ex wife|ex partner|fiance|fiancee|spouse|mum|mam|mom|' +
  'mother|dad|father|stepdad|step dad|stepmum|stepfather|stepmother|son|daughter|stepson|stepdaughter|brother|' +
  'sister|uncle|aunt|auntie|cousin|grandad|granddad|grandpa|grandma|gran|nan|nana|grandson|granddaughter|carer|' +
  'neighbour|neighbor|neighbours|landlord|flatmate|housemate|lodger|boss|friend|best friend|kids|kid|child|' +
  'children|baby|family|parents|nephew|niece|other half|fella|bloke|man|mate|best mate|pal|bestie|bff|step mum|' +
  'stepbrother|step brother|stepsister|step sister|teacher|coach|colleague|classmate)';

/**
 * A parent's partner: "my mum's boyfriend", "my mums boyfriend", "mums bf" (normalise.ts drops the 's and
 * reads bf as boyfriend), "my dads girlfriend"; "my" is often left out.
 */
const PARENT_PARTNER =
  '(?:(?:my|our) )?(?:mum|mums|mam|mams|mom|moms|mother|mothers|dad|dads|father|fathers|nan|nans|gran|grans) ' +
  '(?:new )?(?:boyfriend|girlfriend|partner|fella|husband|wife|fiance|fiancee)';

/** People as the doer of harm to the person writing. */
const SUBJ = `(?:he|she|they|someone|somebody|${PARENT_PARTNER}|(?:my|our|the) (?:ex )?${PERSON})`;

/**
 * Someone other than the writer, as the subject of their own risk: "she", "my friend", "my friend's husband"
 * (the possessive 's is dropped by normalise.ts), "her boyfriend".
 */
const THIRD = `(?:he|she|they|(?:my|our|her|his|their) (?:ex )?${PERSON}(?: ${PERSON})?)`;

/** People as the target of harm. */
const OBJ =
  `(?:him|her|them|someone|somebody|anyone|anybody|people|everyone|everybody|others|other people|the people|` +
  `those people|that (?:man|woman|guy|person)|(?:my|our|his|her|the|their) ${PERSON})`;

const MEDS =
  '(?:pills|tablets|paracetamol|paracetamols|painkillers|meds|medication|medicine|antidepressants|sleeping pills|' +
  'sleeping tablets|codeine|co codamol|cocodamol|ibuprofen|aspirin|insulin|sertraline|citalopram|amitriptyline|' +
  'diazepam|tramadol|morphine|lithium|propranolol|zopiclone|mirtazapine|fluoxetine|quetiapine|olanzapine|' +
  'pill|tablet|pils|paras|prescription|prescribed meds|capsules)';

/** Welsh: the people list after "fy" (my), with the nasal mutation it causes. */
const PERSON_CY =
  '(?:ngwr|ngwraig|mhartner|mhartneres|nghariad|nhad|llystad|mam|llysfam|mab|merch|mrawd|chwaer|nghymydog|' +
  'mhlant|mabi|mhlentyn|nheulu|ffrind|ffrindiau)';

const MACROS: Readonly<Record<string, string>> = {
  PERSON,
  SUBJ,
  OBJ,
  THIRD,
  PARENT_PARTNER,
  MEDS,
  PERSON_CY,
  END: '(?= \\.|$)',
};

const gap = (min: string, max: string): string => `(?:(?!${NEGATION_WORDS} )[^ .]+ ){${min},${max}}`;

/** Expands macros and gaps and makes plain groups non-capturing. */
export function expandPattern(source: string): string {
  return source
    .replace(/<(\d)-(\d)> ?/g, (_m, a: string, b: string) => gap(a, b))
    .replace(/\{([A-Z_]+)\}/g, (m, name: string) => {
      const macro = MACROS[name];
      if (macro === undefined) throw new Error(`crisis rules: unknown macro ${m}`);
      return macro;
    })
    .replace(/\((?!\?)/g, '(?:');
}

/** A pattern that finds whole-word matches anywhere in normalised text. */
export function compileMatcher(source: string): RegExp {
  return new RegExp(`(?<![^ ])(?:${expandPattern(source)})(?![^ ])`, 'g');
}

/** A pattern that must match the words straight after a match (up to the clause end). */
export function compileAfter(source: string): RegExp {
  return new RegExp(`^(?:${expandPattern(source)})(?![^ ])`);
}

/**
 * A pattern that must match the words straight before a match (back to the clause start). It is tested
 * against those words plus one trailing space, so a pattern may end in a word or in a gap ("when <0-3>").
 */
export function compileBefore(source: string): RegExp {
  return new RegExp(`(?<![^ ])(?:${expandPattern(source)}) ?$`);
}

/**
 * Words of which at least one must be in a message for `source` to match it, or undefined when no such set
 * can be read off the pattern. Used to skip rules cheaply: most messages contain none of a rule's words.
 *
 * A top-level element of the pattern that is a plain word ("myself") or a plain group of word alternatives
 * ("(taken|took|swallowed)") is required by every match; the first word of each alternative is then always
 * a whole word of the matched text. Of the usable elements, the one with the longest shortest-word is kept
 * (long words are rarer).
 */
export function anchorWords(source: string): ReadonlySet<string> | undefined {
  const elements: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    // A top-level alternation means no single element is required.
    if (ch === '|' && depth === 0) return undefined;
    if (ch === ' ' && depth === 0) {
      elements.push(current);
      current = '';
    } else current += ch;
  }
  elements.push(current);

  let best: string[] | undefined;
  let bestScore = 0;
  for (const element of elements) {
    let alternatives: string[];
    if (/^[a-z]+$/.test(element)) alternatives = [element];
    else if (/^\((?:[a-z]+(?: [a-z]+)*\|)*[a-z]+(?: [a-z]+)*\)$/.test(element)) alternatives = element.slice(1, -1).split('|');
    else continue;
    const firstWords = alternatives.map((a) => a.split(' ')[0]);
    const score = Math.min(...firstWords.map((w) => w.length));
    if (score > bestScore) {
      best = firstWords;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : new Set(best);
}
