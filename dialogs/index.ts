/**
 * The guided conversation, one dialog per file. Dialogs get a ReferralRepository and a
 * DialogConfig through their constructors and never touch MongoDB or HTTP themselves.
 */
export type { DialogConfig } from './config';
export type { PersonOptions } from './personDialog';
export { RootDialog, ROOT_DIALOG, type RootDialogOptions, type RootResult } from './root';
export { WelcomeDialog, WELCOME_DIALOG, LANGUAGE_QUESTION, type WelcomeResult } from './welcome';
export { AFTER_NO, ConsentDialog, CONSENT_DIALOG, CONSENT_NOTICE_VERSION, type ConsentResult } from './consent';
export { WhatMattersDialog, WHAT_MATTERS_DIALOG, WHAT_MATTERS_PARTS, type WhatMattersPart } from './whatMatters';
export { WellbeingDialog, WELLBEING_DIALOG, suggestsLowWellbeing } from './wellbeing';
export { SummaryDialog, SUMMARY_DIALOG, tellWhatHappensNext, type SummaryResult, type SummaryDialogOptions } from './summary';
export { SuggestionsDialog, SUGGESTIONS_DIALOG, SUGGESTIONS_PER_BATCH, type SuggestionsDeps, type SuggestionsResult } from './suggestions';
export { suggestionCard, suggestionCards, suggestionIdIn } from './suggestionCards';
export { SUMMARY_PARTS, type SummaryPart } from './summaryText';
export { ChangeLanguageDialog, CHANGE_LANGUAGE_DIALOG, type ChangeLanguageOptions } from './changeLanguage';
export { DeleteDataDialog, DELETE_DATA_DIALOG, type DeleteDataResult } from './deleteData';
export {
  RestartConfirmDialog,
  RESTART_CONFIRM_DIALOG,
  CONSENT_AGAIN_AFTER_MS,
  consentIsStale,
  hasStoredAnswers,
  isConfirmedRestart,
  type RestartConfirmOptions,
  type RestartConfirmResult,
} from './restartConfirm';
export type { SequenceOptions } from './questionSequence';
export { activeQuestionAccepts, activeQuestionId } from './prompts/answerRecogniser';
export { ChoiceQuestion, choice, type ChoiceSpec, type ChoiceQuestionConfig } from './prompts/choiceQuestion';
export { renderQuestion, renderMessage, isTextOnlyChannel, showsCards, type QuestionView } from './render';
export { summaryCard, escapeMarkdown } from './summaryCard';
export { setTurnLanguage, turnLanguage, knownTurnLanguage, turnTranslator, loadTurnLanguage } from './turnLanguage';
