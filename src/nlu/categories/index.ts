/**
 * Offline category extraction: free text in English or Welsh -> categories from the fixed vocabulary,
 * with the person's words behind each. See extract.ts for the flow and lexicon-en.ts for the phrase syntax.
 */
export { extractCategories } from './extract';
export { scoreCategorySet, type CategoryRow, type CategorySetScore, type LabelledText, type TextResult } from './metrics';
