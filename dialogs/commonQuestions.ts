import type { TurnContext } from 'botbuilder';
import { localeValue, normaliseForMatching, stripFillers, synonymsFor, type Translate } from '../src/i18n';
import type { DialogConfig } from './config';
import { turnLanguage } from './turnLanguage';

/** The questions people often ask back instead of answering, answered from `faq.questions.<name>`. */
export const COMMON_QUESTIONS = ['linkWorker', 'whoSees', 'howLong', 'deleteData', 'realPerson', 'whatDoesItMean'] as const;
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

/**
 * "What does that mean?", "I don't understand", "dw i ddim yn deall": the whole message (give or
 * take "please"), with or without a question mark, as "I don't understand why I feel like this" is
 * an answer.
 */
function saysNotUnderstood(normalised: string): boolean {
  const phrases = synonymsFor('faq.questions.whatDoesItMean.words');
  return phrases.includes(normalised) || phrases.includes(stripFillers(normalised));
}

/** Which common question a message asks, in English or Welsh, or undefined if it is not one of them. */
export function recogniseCommonQuestion(text: string): CommonQuestion | undefined {
  const normalised = normaliseForMatching(text);
  if (!normalised) return undefined;
  if (saysNotUnderstood(normalised)) return 'whatDoesItMean';
  if (!looksLikeQuestion(text, normalised)) return undefined;
  // Not understanding is the whole message only (above): "what" is in many answers.
  const asked = COMMON_QUESTIONS.filter((question) => question !== 'whatDoesItMean');
  return asked.find((question) => containsPhrase(normalised, synonymsFor(`faq.questions.${question}.words`)));
}

/**
 * The short, true answer to a common question, in this turn's language. `askedAt` is the id of
 * the question waiting: "What does that mean?" gets that question in plainer words where the
 * locale has them (`faq.questions.whatDoesItMean.plainer.<id>`), else a general reassurance.
 */
export function commonAnswer(context: TurnContext, t: Translate, question: CommonQuestion, askedAt?: string): string {
  if (question === 'whatDoesItMean') return plainerWords(context, t, askedAt);
  if (question !== 'howLong') return t(`faq.questions.${question}.answer`);
  // Only the service's own setting says when: without it, no number is promised.
  const days = turnDialogConfig(context)?.nextStepsDays;
  return days === undefined ? t('faq.questions.howLong.answerNoDays') : t('faq.questions.howLong.answer', { days });
}

function plainerWords(context: TurnContext, t: Translate, askedAt: string | undefined): string {
  const key = `faq.questions.whatDoesItMean.plainer.${askedAt ?? ''}`;
  const hasPlainer = askedAt !== undefined && typeof localeValue(turnLanguage(context), key) === 'string';
  return t(hasPlainer ? key : 'faq.questions.whatDoesItMean.answer');
}
