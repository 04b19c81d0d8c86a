/** Language understanding: recognisers, commands, crisis detection and category extraction. */
export type { CategoryEvidence, Recognition, Recognizer } from './recognizer';
export { OfflineRecognizer, OFFLINE_SOURCE } from './offline';
export { extractCategories } from './categories';
export { recogniseCommand, type GlobalCommand, type GlobalCommandName } from './commands';
export { detectCrisis, type CrisisKind, type CrisisResult } from './crisis';
