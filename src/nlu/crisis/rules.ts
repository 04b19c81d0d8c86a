/**
 * The full rule table, compiled once at module load. Kinds are checked in priority order so that the
 * reported kind is the most urgent one: a message that mentions both an overdose taken and wanting to die
 * is logged as a medical emergency.
 *
 * Someone-else rules come first because their words contain the writer's own phrases ("my sister said she
 * wants to die" contains "wants to die"); the detector then still prefers any risk of the writer's own found
 * elsewhere in the message (detector.ts).
 */
import { anchorWords, compileAfter, compileBefore, compileMatcher } from './patterns';
import type { RuleSpec } from './rule-types';
import { RULES_CY } from './rules-cy';
import { RULES_EN } from './rules-en';
import { RULES_OTHER } from './rules-other';
import type { CrisisKind } from './types';

export type { RuleSpec } from './rule-types';

const KIND_PRIORITY: readonly CrisisKind[] = [
  'someone_else_at_risk',
  'medical_emergency',
  'suicide',
  'self_harm',
  'sexual_violence',
  'child_at_risk',
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
  readonly unlessFollowedBy?: RegExp;
  /** Set on refinements only (RuleSpec.refines). */
  readonly refines?: ReadonlySet<CrisisKind>;
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
    unlessFollowedBy: spec.unlessFollowedBy === undefined ? undefined : compileAfter(spec.unlessFollowedBy),
    refines: spec.refines === undefined ? undefined : new Set(spec.refines),
  };
}

/** English, Welsh, then the few in other languages, stably ordered by kind priority. */
export const RULE_SPECS: readonly RuleSpec[] = [...RULES_EN, ...RULES_CY, ...RULES_OTHER]
  .map((rule, index) => ({ rule, index }))
  .sort((a, b) => KIND_PRIORITY.indexOf(a.rule.kind) - KIND_PRIORITY.indexOf(b.rule.kind) || a.index - b.index)
  .map(({ rule }) => rule);

const COMPILED: readonly CompiledRule[] = RULE_SPECS.map(compileRule);

/** The rules that decide, in priority order. */
export const RULES: readonly CompiledRule[] = COMPILED.filter((rule) => rule.refines === undefined);

/** Rules that only re-label a decision already made (RuleSpec.refines). */
export const REFINEMENTS: readonly CompiledRule[] = COMPILED.filter((rule) => rule.refines !== undefined);

{
  // Rule ids are logged and counted: a duplicate would merge two rules' statistics.
  const seen = new Set<string>();
  for (const rule of COMPILED) {
    if (seen.has(rule.id)) throw new Error(`crisis rules: duplicate rule id ${rule.id}`);
    seen.add(rule.id);
  }
}
