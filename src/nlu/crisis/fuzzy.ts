/**
 * Bounded typo matching for a handful of long key words.
 *
 * Only long words are matched fuzzily: short ones ("die", "kill", "cut") sit one edit away from everyday
 * words ("dye", "lie", "bill", "fill", "put"), so they are repaired by the exact tables in normalise.ts instead.
 */

/** Key words worth repairing, and the real words that sit too close to them to be treated as typos. */
const FUZZY_TARGETS: readonly string[] = [
  'suicide',
  'suicidal',
  'overdose',
  'overdosed',
  'overdosing',
  'myself',
  'paracetamol',
  'unalive',
];

const TARGET_SET: ReadonlySet<string> = new Set(FUZZY_TARGETS);

/** Real words within one or two edits of a target: never "repaired". */
const NOT_TYPOS: ReadonlySet<string> = new Set([
  'overdoes', // "she overdoes the gardening"
  'overdone', // "the steak was overdone"
  'overdue',
  'overdoses',
  'suicides',
  'himself',
  'herself',
  'itself',
  'yourself',
  'thyself',
  'unalike',
]);

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up early once every
 * cell of a row exceeds `max`. Returns max + 1 when the distance is larger than max.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[n];
}

/** The key word a token is a typo of, or undefined. One edit for words under 8 letters, two from 8 up. */
export function fuzzyKeyword(token: string): string | undefined {
  if (token.length < 5 || token.length > 14 || NOT_TYPOS.has(token)) return undefined;
  // Words must be mostly letters; numbers and codes are never typos of these words.
  if (!/^[a-z]+$/.test(token)) return undefined;
  if (TARGET_SET.has(token)) return token;
  // The closest target wins: "overdosed" must not become "overdose".
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const target of FUZZY_TARGETS) {
    // Typos rarely touch both of the first two letters; this skips nearly every word cheaply.
    if (token[0] !== target[0] && token[1] !== target[1]) continue;
    const max = target.length >= 8 && token.length >= 8 ? 2 : 1;
    const d = boundedDistance(token, target, max);
    if (d <= max && d < bestDistance) {
      best = target;
      bestDistance = d;
    }
  }
  return best;
}
