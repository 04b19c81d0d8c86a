/**
 * The crisis detector: normalise, then try each rule in priority order; the first match that is not
 * negated and not cancelled by the rule's exceptions decides. Pure, synchronous and deterministic.
 */
import { isNegated } from './negation';
import { BOUNDARY, normalise } from './normalise';
import { RULES, type CompiledRule } from './rules';
import type { CrisisResult } from './types';

const noCrisis = (): CrisisResult => ({ crisis: false });

/** How far either side of a match exceptions look; they only ever need a few words. */
const CONTEXT_CHARS = 120;

/** The clause-limited words before `start`, trimmed: "... . my dad " -> "my dad". */
function clauseBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  let before = text.slice(from, start);
  const boundary = before.lastIndexOf(` ${BOUNDARY} `);
  if (boundary >= 0) before = before.slice(boundary + 3);
  return before.trim();
}

/** The clause-limited words after `end`, trimmed. */
function clauseAfter(text: string, end: number): string {
  let after = text.slice(end, end + CONTEXT_CHARS);
  const boundary = after.indexOf(` ${BOUNDARY}`);
  if (boundary >= 0) after = after.slice(0, boundary);
  return after.trim();
}

function accepts(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.negatable && isNegated(text, start)) return false;
  if (rule.unlessBefore !== undefined && rule.unlessBefore.test(`${clauseBefore(text, start)} `)) return false;
  if (rule.unlessAfter !== undefined && rule.unlessAfter.test(clauseAfter(text, end))) return false;
  return true;
}

const containsAny = (words: ReadonlySet<string>, anchors: ReadonlySet<string>): boolean => {
  for (const a of anchors) if (words.has(a)) return true;
  return false;
};

function firstMatchingRule(text: string): CompiledRule | undefined {
  const words = new Set(text.split(' '));
  for (const rule of RULES) {
    for (const { regex, anchors } of rule.matchers) {
      if (anchors !== undefined && !containsAny(words, anchors)) continue;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(text)) !== null) {
        // Patterns always consume at least one word; this guards against an endless loop regardless.
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        if (accepts(rule, text, m.index, m.index + m[0].length)) return rule;
      }
    }
  }
  return undefined;
}

/**
 * Reads one inbound message and says whether it shows crisis, of which kind, and which rule fired.
 * Never throws. If something unexpected does go wrong inside, it answers crisis (rule 'detector.error'):
 * a needless crisis reply is a far smaller harm than a missed one.
 */
export function detectCrisis(text: string): CrisisResult {
  if (typeof text !== 'string' || text.length === 0) return noCrisis();
  try {
    const normalised = normalise(text);
    if (normalised.length === 0) return noCrisis();
    const rule = firstMatchingRule(normalised);
    return rule === undefined ? noCrisis() : { crisis: true, kind: rule.kind, rule: rule.id };
  } catch {
    return { crisis: true, rule: 'detector.error' };
  }
}
