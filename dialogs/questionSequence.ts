import type { TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Referral, ReferralRepository } from '../src/referrals';
import { PersonDialog, type PersonOptions } from './personDialog';
import type { QuestionOptions } from './prompts/question';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';

export interface SequenceOptions extends PersonOptions {
  /** Ask only the questions of this part (changing an answer from the summary), answered or not. */
  only?: string;
}

interface LoopOptions extends SequenceOptions {
  asked: string[];
  /** A multi-choice question to ask again as "Anything else?", with what is chosen so far. */
  pending?: { questionId: string; selected: string[] };
  introduced?: boolean;
}

interface StepValues {
  questionId?: string;
}

/** What saving an answer asks for next. */
export interface SaveOutcome {
  /** Ask the same question again in "Anything else?" form with these already chosen. */
  askAgainWith?: string[];
  /** A short line to say before the next question (a locale key), e.g. what the answer means for them. */
  noteKey?: string;
}

/** One question in a sequence: which prompt asks it, when it applies, and how its answer is stored. */
export interface SequenceQuestion {
  id: string;
  /** The part of the summary it belongs to (what the person picks to change it). */
  part: string;
  dialog: Dialog;
  applies?: (referral: Referral) => boolean;
  isAnswered: (referral: Referral) => boolean;
  beginOptions?: (referral: Referral) => QuestionOptions;
  save: (personKey: string, result: unknown) => Promise<SaveOutcome | void>;
}

/** Typed helper: the `save` of a question receives what its prompt ends with. */
export function sequenceQuestion<R>(
  question: Omit<SequenceQuestion, 'dialog' | 'save'> & {
    dialog: Dialog & { readonly __result?: R };
    save: (personKey: string, result: R) => Promise<SaveOutcome | void>;
  },
): SequenceQuestion {
  // The prompt dialog ends with an R, so its result is an R when it reaches save.
  return question as SequenceQuestion;
}

/**
 * Asks a list of questions, storing each answer as it is given. Which question comes next is
 * worked out from the stored referral every time, so a person who comes back (or a restarted
 * server) carries on at the first unanswered question.
 */
export abstract class QuestionSequenceDialog extends PersonDialog<SequenceOptions> {
  private readonly loopId: string;

  protected constructor(
    id: string,
    repo: ReferralRepository,
    private readonly questions: SequenceQuestion[],
    private readonly introKey?: string,
  ) {
    super(id, repo);
    this.loopId = `${id}.loop`;
    this.addDialog(new WaterfallDialog<LoopOptions>(this.loopId, [(s) => this.askNext(s), (s) => this.saveAnswer(s)]));
    for (const question of questions) this.addDialog(question.dialog);
  }

  /** The parts this sequence can change from the summary. */
  get parts(): string[] {
    return [...new Set(this.questions.map((q) => q.part))];
  }

  /** Called once no question is left; `asked` lists what was asked this time. */
  protected async onFinished(_context: TurnContext, _referral: Referral, _asked: string[]): Promise<void> {}

  protected override async onBeginDialog(innerDc: DialogContext, options?: SequenceOptions): Promise<DialogTurnResult> {
    const loop: LoopOptions = { personKey: options!.personKey, only: options?.only, asked: [] };
    return innerDc.beginDialog(this.loopId, loop);
  }

  private next(referral: Referral, options: LoopOptions): SequenceQuestion | undefined {
    return this.questions.find(
      (q) =>
        !options.asked.includes(q.id) &&
        (q.applies?.(referral) ?? true) &&
        (options.only ? q.part === options.only : !q.isAnswered(referral)),
    );
  }

  private async askNext(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const referral = await this.repo.find(options.personKey);
    if (!referral) return step.endDialog();
    const question = options.pending
      ? this.questions.find((q) => q.id === options.pending!.questionId)
      : this.next(referral, options);
    if (!question) {
      await this.onFinished(step.context, referral, options.asked);
      return step.endDialog();
    }
    if (this.introKey && !options.introduced) {
      await step.context.sendActivity(renderMessage(turnTranslator(step.context)(this.introKey)));
    }
    (step.values as StepValues).questionId = question.id;
    const beginOptions = options.pending ? { selected: options.pending.selected } : question.beginOptions?.(referral);
    return step.beginDialog(question.dialog.id, { ...beginOptions, ...notSentOption(referral) });
  }

  private async saveAnswer(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const question = this.questions.find((q) => q.id === (step.values as StepValues).questionId)!;
    const outcome = (await question.save(options.personKey, step.result)) ?? {};
    if (outcome.noteKey) await step.context.sendActivity(renderMessage(turnTranslator(step.context)(outcome.noteKey)));
    const again = outcome.askAgainWith;
    const next: LoopOptions = {
      personKey: options.personKey,
      only: options.only,
      introduced: true,
      asked: again ? options.asked : [...options.asked, question.id],
      pending: again ? { questionId: question.id, selected: again } : undefined,
    };
    return step.replaceDialog(this.loopId, next);
  }
}

/**
 * While the answers have not gone to the team (the summary is not confirmed, and no person was
 * asked for), nobody will call: a person who comes back, or asks after their message, is told so.
 */
function notSentOption(referral: Referral): QuestionOptions {
  return referral.status !== 'ready' && !referral.humanRequestedAt ? { notSentKey: 'common.notSentYet' } : {};
}
