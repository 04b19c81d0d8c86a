import type { TurnContext } from 'botbuilder';
import { normaliseForMatching, synonymsFor, type Translate } from '../src/i18n';
import type { DialogConfig } from './config';

/** The questions people often ask back instead of answering, answered from `faq.questions.<name>`. */
export const COMMON_QUESTIONS = ['linkWorker', 'whoSees', 'howLong', 'deleteData', 'realPerson'] as const;
export type CommonQuestion = (typeof COMMON_QUESTIONS)[number];

/** Longer than this, a message is someone telling us something, even if it asks a question too. */
const MAX_QUESTION_WORDS = 12;

/** Where the service's settings are kept for this turn, so a question can say when the team gets in touch. */
const TURN_DIALOG_CONFIG = Symbol.for('frontdoor.dialogConfig');

/** Makes the service's settings known to questions for the rest of this turn (the bot does it at the start of each turn). */
export function setTurnDialogConfig(context: TurnContext, config: DialogConfig): void {
  context.turnState.set(TURN_DIALOG_CONFIG, config);
}

function turnDialogConfig(context: TurnContext): DialogConfig | undefined {
  return context.turnState.get(TURN_DIALOG_CONFIG) as DialogConfig | undefined;
}

/** True when `phrases` holds one that appears in `normalised` as whole words. */
function containsPhrase(normalised: string, phrases: readonly string[]): boolean {
  const padded = ` ${normalised} `;
  return phrases.some((phrase) => phrase && padded.includes(` ${phrase} `));
}

/**
 * A message that is mostly a question: short, and ending with "?" or starting like a question
 * ("what", "are you", "beth", "ydych chi"). "How I feel is lonely." is an answer, not a question.
 */
function looksLikeQuestion(text: string, normalised: string): boolean {
  if (normalised.split(' ').length > MAX_QUESTION_WORDS) return false;
  if (text.trim().endsWith('?')) return true;
  return synonymsFor('faq.starters').some((starter) => normalised === starter || normalised.startsWith(`${starter} `));
}

/** Which common question a message asks, in English or Welsh, or undefined if it is not one of them. */
export function recogniseCommonQuestion(text: string): CommonQuestion | undefined {
  const normalised = normaliseForMatching(text);
  if (!normalised || !looksLikeQuestion(text, normalised)) return undefined;
  return COMMON_QUESTIONS.find((question) => containsPhrase(normalised, synonymsFor(`faq.questions.${question}.words`)));
}

/** The short, true answer to a common question, in this turn's language. */
export function commonAnswer(context: TurnContext, t: Translate, question: CommonQuestion): string {
  if (question !== 'howLong') return t(`faq.questions.${question}.answer`);
  // Only the service's own setting says when: without it, no number is promised.
  const days = turnDialogConfig(context)?.nextStepsDays;
  return days === undefined ? t('faq.questions.howLong.answerNoDays') : t('faq.questions.howLong.answer', { days });
}
