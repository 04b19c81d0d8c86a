/**
 * The full rule table, compiled once at module load. Kinds are checked in priority order so that the
 * reported kind is the most urgent one: a message that mentions both an overdose taken and wanting to die
 * is logged as a medical emergency.
 */
import { anchorWords, compileAfter, compileBefore, compileMatcher } from './patterns';
import type { RuleSpec } from './rule-types';
import { RULES_CY } from './rules-cy';
import { RULES_EN } from './rules-en';
import { RULES_OTHER } from './rules-other';
import type { CrisisKind } from './types';

export type { RuleSpec } from './rule-types';

const KIND_PRIORITY: readonly CrisisKind[] = [
  'medical_emergency',
  'suicide',
  'self_harm',
  'abuse_or_danger',
  'harm_to_others',
];

export interface Matcher {
  readonly regex: RegExp;
  /** The pattern cannot match unless the message contains one of these words (undefined: always try). */
  readonly anchors?: ReadonlySet<string>;
}

export interface CompiledRule {
  readonly id: string;
  readonly kind: CrisisKind;
  readonly example: string;
  readonly matchers: readonly Matcher[];
  readonly negatable: boolean;
  readonly unlessBefore?: RegExp;
  readonly unlessAfter?: RegExp;
}

function compileRule(spec: RuleSpec): CompiledRule {
  return {
    id: spec.id,
    kind: spec.kind,
    example: spec.example,
    matchers: spec.patterns.map((source) => ({ regex: compileMatcher(source), anchors: anchorWords(source) })),
    negatable: spec.negatable ?? true,
    unlessBefore: spec.unlessBefore === undefined ? undefined : compileBefore(spec.unlessBefore),
    unlessAfter: spec.unlessAfter === undefined ? undefined : compileAfter(spec.unlessAfter),
  };
}

/** English, Welsh, then the few in other languages, stably ordered by kind priority. */
export const RULE_SPECS: readonly RuleSpec[] = [...RULES_EN, ...RULES_CY, ...RULES_OTHER]
  .map((rule, index) => ({ rule, index }))
  .sort((a, b) => KIND_PRIORITY.indexOf(a.rule.kind) - KIND_PRIORITY.indexOf(b.rule.kind) || a.index - b.index)
  .map(({ rule }) => rule);

export const RULES: readonly CompiledRule[] = RULE_SPECS.map(compileRule);

{
  // Rule ids are logged and counted: a duplicate would merge two rules' statistics.
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (seen.has(rule.id)) throw new Error(`crisis rules: duplicate rule id ${rule.id}`);
    seen.add(rule.id);
  }
}
