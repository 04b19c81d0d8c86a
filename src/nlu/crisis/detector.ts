/**
 * The crisis detector: normalise, then try each rule in priority order; the first match that is not
 * negated and not cancelled by the rule's exceptions decides. Two adjustments follow:
 * - a someone-else match yields to a risk of the writer's own found outside its words ("my friend wants
 *   to die and so do i": the writer's own crisis reply comes first);
 * - a refinement may re-label the decision ("i'm 14" with abuse is a child at risk).
 * Pure, synchronous and deterministic.
 */
import { isNegated } from './negation';
import { BOUNDARY, normalise } from './normalise';
import { REFINEMENTS, RULES, type CompiledRule } from './rules';
import type { CrisisKind, CrisisResult } from './types';

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
  if (rule.unlessFollowedBy !== undefined && rule.unlessFollowedBy.test(text.slice(end, end + CONTEXT_CHARS).trim())) {
    return false;
  }
  return true;
}

const containsAny = (words: ReadonlySet<string>, anchors: ReadonlySet<string>): boolean => {
  for (const a of anchors) if (words.has(a)) return true;
  return false;
};

interface Match {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
}

/** A span of text whose matches do not count (the words a someone-else rule already read). */
interface Span {
  readonly start: number;
  readonly end: number;
}

const inside = (start: number, end: number, span: Span | undefined): boolean =>
  span !== undefined && start >= span.start && end <= span.end;

function firstMatch(text: string, words: ReadonlySet<string>, rules: readonly CompiledRule[], skip?: Span): Match | undefined {
  for (const rule of rules) {
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
        const end = m.index + m[0].length;
        if (!inside(m.index, end, skip) && accepts(rule, text, m.index, end)) return { rule, start: m.index, end };
      }
    }
  }
  return undefined;
}

const OWN_RISK_RULES: readonly CompiledRule[] = RULES.filter((rule) => rule.kind !== 'someone_else_at_risk');

/** Refinements by the kind they re-label, worked out once. */
const REFINEMENTS_OF = new Map<CrisisKind, CompiledRule[]>();
for (const refinement of REFINEMENTS) {
  for (const kind of refinement.refines ?? []) REFINEMENTS_OF.set(kind, [...(REFINEMENTS_OF.get(kind) ?? []), refinement]);
}

function decidingRule(text: string): CompiledRule | undefined {
  const words = new Set(text.split(' '));
  const first = firstMatch(text, words, RULES);
  if (first === undefined) return undefined;
  let rule = first.rule;
  if (rule.kind === 'someone_else_at_risk') {
    rule = firstMatch(text, words, OWN_RISK_RULES, first)?.rule ?? rule;
  }
  const refinements = REFINEMENTS_OF.get(rule.kind);
  return (refinements === undefined ? undefined : firstMatch(text, words, refinements)?.rule) ?? rule;
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
    const rule = decidingRule(normalised);
    return rule === undefined ? noCrisis() : { crisis: true, kind: rule.kind, rule: rule.id };
  } catch {
    return { crisis: true, rule: 'detector.error' };
  }
}
