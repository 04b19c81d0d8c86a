/**
 * Deterministic crisis detection (no ML) for every inbound message, in English and Welsh.
 * See detector.ts for the flow, rules-en.ts / rules-cy.ts for the rule table and its policy decisions.
 */
export { detectCrisis } from './detector';
export type { CrisisKind, CrisisResult } from './types';
