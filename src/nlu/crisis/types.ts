/** Public result types of the crisis detector (re-exported by index.ts). */

/**
 * What kind of risk a message shows; the reply's signposts follow it (a child gets Childline, abuse
 * the domestic abuse helpline). A rule's id starts with its kind's word (`danger.` and `medical.`
 * are the older short forms of `abuse_or_danger` and `medical_emergency`).
 */
export type CrisisKind =
  | 'suicide'
  | 'self_harm'
  | 'harm_to_others'
  | 'abuse_or_danger'
  | 'medical_emergency'
  /** Someone else (a friend, a parent, a child) is at risk; the person writing is the helper. */
  | 'someone_else_at_risk'
  | 'sexual_violence'
  /** A child or young person (under 18) being hurt, abused or unsafe. */
  | 'child_at_risk';

export interface CrisisResult {
  crisis: boolean;
  kind?: CrisisKind;
  /** Stable rule id, e.g. 'suicide.want_to_die'. This is what gets logged, never the person's text. */
  rule?: string;
}
