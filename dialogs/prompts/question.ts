import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { formatList, type Translate, type TranslationParams } from '../../src/i18n';
import { commonAnswer, recogniseCommonQuestion } from '../commonQuestions';
import { asksAfterMessage, isOnlyGreeting, openingGreeting } from '../greetings';
import { isTextOnlyChannel, renderMessage, renderQuestion, type QuestionView } from '../render';
import { turnLanguage, turnTranslator } from '../turnLanguage';
import { isAnswerRecogniser } from './answerRecogniser';

/** Options a question may be started with. Everything here is saved in dialog state, so data only. */
export interface QuestionOptions {
  /** Values for the question text, e.g. `{ name: 'Sam' }`. */
  params?: TranslationParams;
  /** Use this message instead of the question's usual one (e.g. a variant with the person's name). */
  textKey?: string;
  /**
   * Said to a person who comes back after a break, or asks whether anyone got their message, while
   * their answers have not gone to the team: nobody will call until they do (a locale key).
   */
  notSentKey?: string;
}

/** Dialog state of a question between turns. */
export interface QuestionState extends QuestionOptions {
  attempts: number;
  /** The `notSentKey` message was said while this question waited. */
  toldNotSent?: boolean;
}

/** How a question read a message. */
export type Reading<R> =
  /** `noted`: locale keys of what was understood from the person's own words, said back to them. */
  | { kind: 'answer'; result: R; noted?: string[] }
  /** Not an answer: explain with this message (and its values) and ask again. */
  | { kind: 'problem'; problemKey: string; params?: TranslationParams };

/**
 * A question that renders itself from locale keys every time it is shown, so asking again after a
 * change of language speaks the new language. Subclasses say how it looks and how to read answers.
 */
export abstract class Question<R, O extends QuestionOptions = QuestionOptions, S extends QuestionState = QuestionState> extends Dialog<O> {
  /** Type only (never set): what this question ends with, so callers' types follow it. */
  declare readonly __result?: R;

  /** What the question looks like now. */
  protected abstract view(t: Translate, state: S): QuestionView;

  /** Reads a non-empty typed message. */
  protected abstract read(text: string, state: S): Reading<R>;

  /**
   * The numbers to show before the choices where they are listed as text, when they are not simply
   * 1, 2, 3 (a choice keeps its number from the first list, so a burst of texts means the same).
   */
  protected choiceNumbers(_state: S): number[] | undefined {
    return undefined;
  }

  /** Whether "skip" is an answer here, so a person stuck on the question can be told they may skip it. */
  protected canSkip(_state: S): boolean {
    return false;
  }

  /** For a person stuck on this question: what was wrong with a way forward, then the way forward alone. */
  protected stuckTexts(t: Translate, state: S, problemKey: string, params?: TranslationParams): string[] {
    const wayForward = t(this.canSkip(state) ? 'common.stuck.skipOrPerson' : 'common.stuck.person');
    return [`${t(problemKey, params)} ${wayForward}`, wayForward];
  }

  /** Whether the question keeps any typed words as the answer (so a sentence to us may be one). */
  protected readsOwnWords(_state: S): boolean {
    return false;
  }

  /** Sets up extra state from the options; the base keeps params, textKey and attempts. */
  protected initialState(options: O | undefined): S {
    return { params: options?.params, textKey: options?.textKey, notSentKey: options?.notSentKey, attempts: 0 } as S;
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const state = this.initialState(options);
    Object.assign(dc.activeDialog!.state, state);
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    // Typing indicators, reactions and other non-messages are not answers.
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as S;
    const text = typeof activity.text === 'string' ? activity.text : '';
    if (await this.answeredCommonQuestion(dc.context, text, state)) return Dialog.EndOfTurn;
    if (await this.greetedBack(dc.context, text, state)) return Dialog.EndOfTurn;
    if (await this.answeredAskingAfterMessage(dc.context, text, state)) return Dialog.EndOfTurn;
    const reading: Reading<R> = text.trim() ? this.read(text, state) : { kind: 'problem', problemKey: 'common.needText' };
    if (reading.kind === 'answer') {
      // Read from a sentence rather than picked: say what was understood, so a wrong guess shows.
      if (reading.noted?.length) await dc.context.sendActivity(renderMessage(notedText(dc.context, reading.noted)));
      return dc.endDialog(reading.result);
    }
    state.attempts += 1;
    await this.ask(dc.context, state, reading.problemKey, reading.params);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as S);
  }

  /**
   * "What is a link worker?" asked back is answered, and the question asked again: it is not an
   * answer to store, nor a miss. A message that is one of this question's choices stays an answer.
   */
  private async answeredCommonQuestion(context: TurnContext, text: string, state: S): Promise<boolean> {
    if (isAnswerRecogniser(this) && this.acceptsAnswer(text, state)) return false;
    const question = recogniseCommonQuestion(text);
    if (!question) return false;
    await context.sendActivity(renderMessage(commonAnswer(context, turnTranslator(context), question, this.id)));
    await this.ask(context, state);
    return true;
  }

  /**
   * "Hello, sorry I had to go" after a break is not an answer to store, nor a miss: it is greeted
   * and the question shown again where they left it. "Hi, I love gardening" says more, so is read.
   */
  private async greetedBack(context: TurnContext, text: string, state: S): Promise<boolean> {
    if (!isOnlyGreeting(text) || this.greetingMayAnswer()) return false;
    if (isAnswerRecogniser(this) && this.acceptsAnswer(text, state)) return false;
    if (!state.toldNotSent) await this.tellNotSent(context, state);
    await this.show(context, state, [turnTranslator(context)('faq.greetings.reply')], []);
    return true;
  }

  /**
   * "Did anyone get my message? Nobody has rung me", while the answers have not gone to the team:
   * said plainly why nobody has called, and the question shown again. Not a miss. Where typed words
   * may be the answer, only when it opens with hello or asks a question ("nobody has called me in
   * years" can be what matters to someone).
   */
  private async answeredAskingAfterMessage(context: TurnContext, text: string, state: S): Promise<boolean> {
    if (!state.notSentKey || !asksAfterMessage(text)) return false;
    if (isAnswerRecogniser(this) && this.acceptsAnswer(text, state)) return false;
    const greeted = openingGreeting(text) !== undefined;
    if (this.readsOwnWords(state) && !greeted && !text.includes('?')) return false;
    await this.tellNotSent(context, state);
    await this.show(context, state, greeted ? [turnTranslator(context)('faq.greetings.reply')] : [], []);
    return true;
  }

  private async tellNotSent(context: TurnContext, state: S): Promise<void> {
    if (!state.notSentKey) return;
    state.toldNotSent = true;
    await context.sendActivity(renderMessage(turnTranslator(context)(state.notSentKey)));
  }

  /** Whether a greeting may answer this question (the welcome's "Which language?" says yes: "shwmae" is Cymraeg). */
  protected greetingMayAnswer(): boolean {
    return false;
  }

  /** The question's text in this turn's language. */
  protected questionText(t: Translate, state: S, defaultKey: string): string {
    return t(state.textKey ?? defaultKey, state.params);
  }

  private async ask(context: TurnContext, state: S, problemKey?: string, params?: TranslationParams): Promise<void> {
    if (!problemKey) return this.show(context, state, [], []);
    const t = turnTranslator(context);
    await this.show(context, state, this.problemTexts(t, state, problemKey, params), [t('common.wayOut'), t('common.wayOutShort')]);
  }

  /**
   * The question, after the first of `leads` (longest first: by text, a shorter one where it
   * must fit two parts) and before the first of `wayOuts`, if any.
   */
  private async show(context: TurnContext, state: S, leads: string[], wayOuts: string[]): Promise<void> {
    const t = turnTranslator(context);
    const channelId = context.activity.channelId;
    const view = this.view(t, state);
    if (!isTextOnlyChannel(channelId)) {
      await context.sendActivity(renderQuestion(channelId, leads.length ? askedAgain(view, leads[0], wayOuts[0]) : view));
      return;
    }
    const numbers = this.choiceNumbers(state);
    const shown = leads.length ? textedAgain(channelId, view, numbers, leads, wayOuts) : view;
    await context.sendActivity(renderQuestion(channelId, withNumbers(shown, numbers)));
  }

  /**
   * What was wrong with the answer, longest first. From the second miss in a row, also a way
   * forward (the same "Sorry, I didn't understand" again and again leaves a person nowhere to go);
   * where that is too long for a text, the way forward alone.
   */
  private problemTexts(t: Translate, state: S, problemKey: string, params?: TranslationParams): string[] {
    return state.attempts < STUCK_AFTER_MISSES ? [t(problemKey, params)] : this.stuckTexts(t, state, problemKey, params);
  }
}

/** Misses in a row after which the question offers a way forward (skip, or talk to a person). */
const STUCK_AFTER_MISSES = 2;

/** Two SMS parts of plain text (153 characters each): a question asked again by text stays within them. */
const TWO_TEXTS = 306;

/** The question again, after what was wrong with the answer and before the way out. */
function askedAgain(view: QuestionView, problem: string, wayOut?: string): QuestionView {
  return { ...view, lead: [problem, ...(view.lead ?? [])], footer: [...(view.footer ?? []), ...(wayOut ? [wayOut] : [])] };
}

/**
 * By text, the question again in at most two parts where it can be: the hint goes first (the
 * numbered list and "Reply with..." say how to answer), then the way out is shortened (the full
 * one came with the welcome), then left out; then the shorter problem texts are tried the same way.
 */
function textedAgain(channelId: string | undefined, view: QuestionView, numbers: number[] | undefined, problems: string[], wayOuts: string[]): QuestionView {
  const noHint = { ...view, hint: undefined };
  const tries = problems.flatMap((problem) => [
    askedAgain(view, problem, wayOuts[0]),
    ...wayOuts.map((wayOut) => askedAgain(noHint, problem, wayOut)),
    askedAgain(noHint, problem),
  ]);
  const fits = (candidate: QuestionView) => String(renderQuestion(channelId, withNumbers(candidate, numbers)).text).length <= TWO_TEXTS;
  return tries.find(fits) ?? tries.at(-1)!;
}

/** The choices listed as text under their own numbers (there are no buttons where this is used). */
function withNumbers(view: QuestionView, numbers: number[] | undefined): QuestionView {
  if (!numbers || !view.choices?.length) return view;
  const listed = view.choices.map((label, index) => `${numbers[index]}. ${label}`);
  return { ...view, hint: [view.hint, ...listed].filter(Boolean).join('\n'), choices: [] };
}

/** "I've noted: Cost and feeling anxious in groups." in the turn's language. */
function notedText(context: TurnContext, keys: readonly string[]): string {
  const t = turnTranslator(context);
  // Labels are capitalised as buttons; inside a sentence only the first keeps its capital.
  const items = keys.map((key, i) => (i === 0 ? t(key) : lowerFirst(t(key))));
  return t('common.noted', { list: formatList(turnLanguage(context), items) });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
