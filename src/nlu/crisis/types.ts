/** Public result types of the crisis detector (re-exported by index.ts). */

export type CrisisKind = 'suicide' | 'self_harm' | 'harm_to_others' | 'abuse_or_danger' | 'medical_emergency';

export interface CrisisResult {
  crisis: boolean;
  kind?: CrisisKind;
  /** Stable rule id, e.g. 'suicide.want_to_die'. This is what gets logged, never the person's text. */
  rule?: string;
}
