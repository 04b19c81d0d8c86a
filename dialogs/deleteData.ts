import { DialogTurnStatus, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ReferralRepository } from '../src/referrals';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';

export const DELETE_DATA_DIALOG = 'deleteData';
const CONFIRM_DELETE = 'deleteData.confirm';
/**
 * A "yes" this long after the question is asked again before anything is erased: by then a "1"
 * may answer something else entirely (a check-in text, a list sent since).
 */
export const DELETE_CONFIRMATION_FRESH_MS = 30 * 60 * 1000;

/** Kept in the waterfall's values: when the confirmation was asked. */
interface AskedAt {
  askedAt?: number;
}

export interface DeleteDataResult {
  erased: boolean;
}

/**
 * The "delete my data" command: confirm, then erase the referral and consent records (leaving
 * only the anonymous erasure log) and say it is done. After an erasure it ends the whole dialog
 * stack, since there is no conversation left to go back to; the caller clears bot state.
 * After "no", it hands back to the question that was waiting.
 */
export class DeleteDataDialog extends PersonDialog {
  constructor(repo: ReferralRepository) {
    super(DELETE_DATA_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<PersonOptions>(`${DELETE_DATA_DIALOG}.steps`, [
        (s) => {
          (s.values as AskedAt).askedAt = Date.now();
          return s.beginDialog(CONFIRM_DELETE);
        },
        (s) => this.eraseIfConfirmed(s),
      ]),
    );
    this.addDialog(
      new ChoiceQuestion<'yes' | 'no'>(CONFIRM_DELETE, {
        textKey: 'commands.delete.confirm',
        choices: [
          choice('yes', 'commands.delete.yes', 'common.choices.yes'),
          choice('no', 'commands.delete.no', 'common.choices.no'),
        ],
      }),
    );
  }

  private async eraseIfConfirmed(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    if (step.result !== 'yes') {
      await step.context.sendActivity(renderMessage(t('commands.delete.cancelled')));
      return step.endDialog({ erased: false } satisfies DeleteDataResult);
    }
    if (Date.now() - Number((step.values as AskedAt).askedAt ?? 0) > DELETE_CONFIRMATION_FRESH_MS) {
      await step.context.sendActivity(renderMessage(t('commands.delete.askAgain')));
      return step.replaceDialog(`${DELETE_DATA_DIALOG}.steps`, step.options);
    }
    await this.repo.erase(step.options.personKey, step.context.activity.channelId);
    await step.context.sendActivity(renderMessage(t('commands.delete.done')));
    // Reaches the outermost stack: nothing the person said is left to carry on with.
    let outermost = step.parent ?? step;
    while (outermost.parent) outermost = outermost.parent;
    await outermost.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { erased: true } satisfies DeleteDataResult };
  }
}
