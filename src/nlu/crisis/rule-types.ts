import type { CrisisKind } from './types';

/**
 * One row of the rule table. Patterns are written in the language described in patterns.ts and matched
 * against normalised text (lower case, no punctuation, "dont" -> "do not", "wanna" -> "want to", ...).
 */
export interface RuleSpec {
  /** Stable id, logged instead of the text: `<kind>.<what>` (Welsh rules: `cy.<kind>.<what>`). */
  readonly id: string;
  readonly kind: CrisisKind;
  /** A message this rule exists to catch; `npm run eval` checks each one still fires its own rule. */
  readonly example: string;
  /** Any one matching is enough. */
  readonly patterns: readonly string[];
  /**
   * Whether a "not / never / no ... / ddim / byth" just before the match cancels it (negation.ts).
   * False for rules whose pattern already contains the negation ("do not want to live"). Default true.
   */
  readonly negatable?: boolean;
  /** Cancel the match when the words straight before it (same clause) end like this. */
  readonly unlessBefore?: string;
  /** Cancel the match when the words straight after it (same clause) start like this. */
  readonly unlessAfter?: string;
  /**
   * Like unlessAfter, but may reach into the next clause (write the boundary as `\\.`): for a reason given
   * after a comma, "i won't be around for long, i'm moving to Spain".
   */
  readonly unlessFollowedBy?: string;
  /**
   * A refinement: never fires alone. When the rule that decided is of one of these kinds and this rule
   * also matches somewhere in the message, this rule's id and kind are reported instead ("i'm 14" with
   * abuse is a child at risk).
   */
  readonly refines?: readonly CrisisKind[];
}
