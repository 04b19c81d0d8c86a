/**
 * Clause-scoped negation: does a "not / never / no / ddim / byth" govern the words a rule matched?
 *
 * Walking back from the first matched word, only "bridging" words (subjects, auxiliaries, "really",
 * "thoughts of", Welsh "yn", "eisiau", ...) may sit between the negation and the match. Anything else
 * stops the walk, as does a clause boundary. So:
 *   "i am not suicidal"                    -> negated ("am" bridges)
 *   "no thoughts of self harm"             -> negated ("of", "thoughts" bridge; "no" + "thoughts")
 *   "i am not ok . i want to die"          -> not negated (boundary)
 *   "im not ok i want to die"              -> not negated ("ok" does not bridge)
 *   "dw i ddim eisiau marw"                -> negated
 */
import { BOUNDARY } from './normalise';

/** Words that negate. "no" only counts before the nouns in NO_GOVERNS ("no plans to", "no longer"). */
const NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nor', 'ddim', 'dim', 'byth', 'nid', 'nac', 'erioed']);

const NO_GOVERNS: ReadonlySet<string> = new Set([
  'longer', 'thoughts', 'thought', 'plans', 'plan', 'intention', 'intentions', 'intent', 'urge', 'urges', 'desire',
  'wish', 'way', 'history', 'risk', 'chance', 'interest',
]);

/** An English negation followed straight away by a new subject starts nothing: "i am not i want to die". */
const NEW_SUBJECT: ReadonlySet<string> = new Set(['i', 'you', 'he', 'she', 'we', 'they']);
const ENGLISH_NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nor']);

const BRIDGING: ReadonlySet<string> = new Set([
  // English: subject, auxiliaries, adverbs, "feel like", "thoughts of", "any", "or <adjective>"
  'i', 'am', 'are', 'is', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have', 'has', 'had', 'would',
  'will', 'could', 'should', 'can', 'might', 'may', 'really', 'actually', 'even', 'ever', 'currently', 'remotely',
  'honestly', 'definitely', 'at', 'all', 'feel', 'feeling', 'felt', 'like', 'want', 'wanting', 'wanted', 'going',
  'to', 'planning', 'plan', 'plans', 'intention', 'intentions', 'intent', 'intend', 'thoughts', 'thought',
  'thinking', 'think', 'having', 'getting', 'of', 'about', 'any', 'urge', 'urges', 'desire', 'wish', 'tried', 'try', 'trying',
  'attempted', 'me', 'risk', 'a', 'or', 'depressed', 'sad', 'low', 'anxious', 'crazy', 'mad', 'unwell', 'ill',
  // Welsh
  'yn', 'wir', 'wedi', 'bod', 'fod', 'eisiau', 'mynd', 'teimlo', 'meddwl', 'meddyliau', 'o', 'gwbl', 'fi',
  'ti', 'e', 'hi', 'ni', 'chi', 'nhw', 'dw', 'rwy', 'mae', 'oes', 'gen', 'gyda', 'unrhyw', 'awydd', 'cynllun',
  'cynlluniau', 'fyddwn', 'baswn', 'faswn', 'byddwn', 'byswn', 'fyswn', 'dal',
]);

const MAX_BRIDGE = 6;

/** True when the words just before `start` in normalised `text` negate what starts there. */
export function isNegated(text: string, start: number): boolean {
  // Only a short window matters: this keeps the check O(1) however long the message is.
  const windowStart = Math.max(0, start - 120);
  const before = text.slice(windowStart, start).split(' ').filter((t) => t.length > 0);
  if (windowStart > 0) before.shift(); // first word may be cut in half
  let bridged = 0;
  let next = ''; // the word after the one being looked at, reading forwards
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i];
    if (word === BOUNDARY) return false;
    if (NEGATORS.has(word)) {
      // Straight before the match, any negation governs it ("no suicidal thoughts", "not suicidal").
      if (bridged > 0 && word === 'no' && !NO_GOVERNS.has(next)) return false;
      if (bridged > 0 && ENGLISH_NEGATORS.has(word) && NEW_SUBJECT.has(next)) return false;
      return true;
    }
    if (!BRIDGING.has(word) || ++bridged > MAX_BRIDGE) return false;
    next = word;
  }
  return false;
}
