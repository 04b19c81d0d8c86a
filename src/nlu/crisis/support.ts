import type { Translate } from '../../i18n';
import type { CrisisKind } from './types';

/**
 * The support each kind of crisis needs (the numbers live in locales/<lang>/crisis.json). Suicide
 * and self-harm keep the first reply written; an overdose is told to call an ambulance first, abuse
 * gets the domestic abuse helplines, a child Childline, a helper advice for the person at risk.
 */
const SUPPORT_KEYS: Record<CrisisKind, readonly string[]> = {
  suicide: ['crisis.message'],
  self_harm: ['crisis.message'],
  medical_emergency: ['crisis.kinds.medical_emergency'],
  // Whoever hurts them may read their phone or this chat.
  abuse_or_danger: ['crisis.kinds.abuse_or_danger', 'crisis.seenByOthers'],
  sexual_violence: ['crisis.kinds.sexual_violence'],
  child_at_risk: ['crisis.kinds.child_at_risk'],
  someone_else_at_risk: ['crisis.kinds.someone_else_at_risk'],
  harm_to_others: ['crisis.kinds.harm_to_others'],
};

function isCrisisKind(kind: string | undefined): kind is CrisisKind {
  return kind !== undefined && Object.prototype.hasOwnProperty.call(SUPPORT_KEYS, kind);
}

/**
 * The signposts for `kind`. A kind not known here (the extra crisis check gives only a rule id)
 * gets the suicide reply, which covers the most.
 */
export function crisisSupportText(t: Translate, kind?: string): string {
  const keys = isCrisisKind(kind) ? SUPPORT_KEYS[kind] : SUPPORT_KEYS.suicide;
  return keys.map((key) => t(key)).join('\n');
}
