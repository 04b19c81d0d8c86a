import { DialogTurnStatus, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Referral, ReferralRepository } from '../src/referrals';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';

export const RESTART_CONFIRM_DIALOG = 'restartConfirm';
const CONFIRM_RESTART = 'restartConfirm.ask';

/**
 * After this long without a stored answer, "start again" shows the privacy notice and asks for
 * consent again: on a shared phone the person starting again may not be the one who agreed.
 */
export const CONSENT_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

export interface RestartConfirmOptions extends PersonOptions {
  /** Consent will be asked again after the restart: the question says so. */
  consentAgain?: boolean;
}

/** What the person chose: start again (the caller restarts) or carry on (the waiting question is asked again). */
export interface RestartConfirmResult {
  restart: boolean;
  consentAgain?: boolean;
}

/** True for the result of a confirmed "start again". */
export function isConfirmedRestart(result: unknown): result is RestartConfirmResult {
  return (result as Partial<RestartConfirmResult> | undefined)?.restart === true;
}

/** Answers, wellbeing scores or a sent referral: what "start again" would clear. */
export function hasStoredAnswers(referral: Referral | null | undefined): boolean {
  if (!referral?.consent) return false;
  return Object.keys(referral.answers).length > 0 || Object.keys(referral.wellbeing).length > 0 || referral.status === 'ready';
}

/** The consent on record may be someone else's: nothing was stored for a day (see CONSENT_AGAIN_AFTER_MS). */
export function consentIsStale(referral: Referral | null | undefined, now = Date.now()): boolean {
  return Boolean(referral?.consent) && now - referral!.updatedAt.getTime() > CONSENT_AGAIN_AFTER_MS;
}

/**
 * "Start again" when answers are stored: one yes/no question first, since a restart clears them.
 * Yes: the whole stack is ended and the caller starts again. No: "OK, let's carry on." and the
 * question that was waiting is asked again (by the dialog underneath, as it resumes).
 */
export class RestartConfirmDialog extends PersonDialog<RestartConfirmOptions> {
  constructor(repo: ReferralRepository) {
    super(RESTART_CONFIRM_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<RestartConfirmOptions>(`${RESTART_CONFIRM_DIALOG}.steps`, [
        (s) => s.beginDialog(CONFIRM_RESTART, s.options.consentAgain ? { textKey: 'commands.restart.confirmConsentAgain' } : undefined),
        (s) => this.restartIfConfirmed(s),
      ]),
    );
    this.addDialog(
      new ChoiceQuestion<'yes' | 'no'>(CONFIRM_RESTART, {
        textKey: 'commands.restart.confirm',
        choices: [
          // "start again" typed again means yes; "carry on" means no.
          choice('yes', 'commands.restart.yes', 'common.choices.yes', 'commands.synonyms.restart'),
          choice('no', 'commands.restart.no', 'common.choices.no', 'commands.synonyms.resume'),
        ],
      }),
    );
  }

  private async restartIfConfirmed(step: WaterfallStepContext<RestartConfirmOptions>): Promise<DialogTurnResult> {
    if (step.result !== 'yes') {
      await step.context.sendActivity(renderMessage(turnTranslator(step.context)('commands.resume.done')));
      return step.endDialog({ restart: false } satisfies RestartConfirmResult);
    }
    // Ends the outermost stack too: the questions underneath are not resumed, they begin again.
    let outermost = step.parent ?? step;
    while (outermost.parent) outermost = outermost.parent;
    await outermost.cancelAllDialogs();
    const result: RestartConfirmResult = { restart: true, consentAgain: step.options.consentAgain };
    return { status: DialogTurnStatus.complete, result };
  }
}
