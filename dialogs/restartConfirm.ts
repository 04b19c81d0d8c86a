import {
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Referral, ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';

export const RESTART_CONFIRM_DIALOG = 'restartConfirm';
const CONFIRM_RESTART = 'restartConfirm.ask';
/** Steps and question when the answers have gone to the team: they are not cleared (see referralIsWithTeam). */
const WITH_TEAM_STEPS = 'restartConfirm.withTeam';
const WITH_TEAM_QUESTION = 'restartConfirm.withTeam.ask';

type WithTeamChoice = 'change' | 'human' | 'delete' | 'leave';

/**
 * After this long without a stored answer, "start again" shows the privacy notice and asks for
 * consent again: on a shared phone the person starting again may not be the one who agreed.
 */
export const CONSENT_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

export interface RestartConfirmOptions extends PersonOptions {
  /** Consent will be asked again after the restart: the question says so. */
  consentAgain?: boolean;
  /** A link worker has closed the handoff of the sent referral (the bot reads it from the stored handoffs). */
  handoffFinished?: boolean;
}

/**
 * What the person chose: start again (the caller restarts) or carry on (the waiting question is asked
 * again). With the answers already at the team, `then` is what they asked for instead, for the caller to
 * do as if they had typed it ("talk to a person", "delete my data"): nothing is waiting any more.
 */
export interface RestartConfirmResult {
  restart: boolean;
  consentAgain?: boolean;
  then?: 'human' | 'delete';
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

/**
 * The rule for "start again" after the summary was confirmed: while the referral waits for a link worker
 * or one is working on it (handoff open or claimed), the team works from these answers, so they are never
 * cleared; the person can add to them in words, talk to a person or delete everything. Once a link worker
 * has closed the handoff, the closed handoff keeps its own copy of what the team saw, so starting again is
 * a new referral (a new handoff opens when it is confirmed) and works as before it was sent.
 * Without knowing the handoff (`handoffFinished` unset), a sent referral counts as with the team: never wiped.
 */
export function referralIsWithTeam(referral: Referral | null | undefined, handoffFinished?: boolean): boolean {
  return Boolean(referral?.consent) && referral!.status === 'ready' && handoffFinished !== true;
}

/** The consent on record may be someone else's: nothing was stored for a day (see CONSENT_AGAIN_AFTER_MS). */
export function consentIsStale(referral: Referral | null | undefined, now = Date.now()): boolean {
  return Boolean(referral?.consent) && now - referral!.updatedAt.getTime() > CONSENT_AGAIN_AFTER_MS;
}

/**
 * "Start again" when answers are stored: one yes/no question first, since a restart clears them.
 * Yes: the whole stack is ended and the caller starts again. No: "OK, let's carry on." and the
 * question that was waiting is asked again (by the dialog underneath, as it resumes).
 * When the answers are with the team (see referralIsWithTeam) nothing is cleared: the person is told
 * so and chooses to change something, talk to a person, delete their data, or leave it as it is.
 */
export class RestartConfirmDialog extends PersonDialog<RestartConfirmOptions> {
  constructor(
    repo: ReferralRepository,
    /** Names the team when the answers have already gone to it. */
    private readonly config?: Pick<DialogConfig, 'serviceName'>,
  ) {
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
    this.addDialog(
      new WaterfallDialog<RestartConfirmOptions>(WITH_TEAM_STEPS, [
        (s) => s.beginDialog(WITH_TEAM_QUESTION, { params: { serviceName: this.config?.serviceName ?? '' } }),
        (s) => this.actOnChoiceWithTeam(s),
      ]),
    );
    this.addDialog(
      new ChoiceQuestion<WithTeamChoice>(WITH_TEAM_QUESTION, {
        textKey: 'commands.restart.withTeam.ask',
        choices: [
          // "start again" said again is a wish to change the answers: it gets the way to do that.
          choice('change', 'commands.restart.withTeam.change', 'commands.synonyms.restart'),
          choice('human', 'commands.restart.withTeam.human', 'commands.synonyms.human'),
          choice('delete', 'commands.restart.withTeam.delete', 'commands.synonyms.delete'),
          choice('leave', 'commands.restart.withTeam.leave', 'common.choices.no', 'commands.synonyms.resume'),
        ],
      }),
    );
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: RestartConfirmOptions): Promise<DialogTurnResult> {
    const referral = await this.repo.find(options!.personKey);
    if (referralIsWithTeam(referral, options?.handoffFinished)) return innerDc.beginDialog(WITH_TEAM_STEPS, options);
    return super.onBeginDialog(innerDc, options);
  }

  /**
   * Nothing is cleared. "Change something" asks for the change in their own words: the stack is ended
   * so that their next message is passed to the link worker (as any new words after the referral went).
   */
  private async actOnChoiceWithTeam(step: WaterfallStepContext<RestartConfirmOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    const chosen = step.result as WithTeamChoice;
    if (chosen === 'leave') {
      await step.context.sendActivity(renderMessage(t('commands.restart.withTeam.left')));
      return step.endDialog({ restart: false } satisfies RestartConfirmResult);
    }
    if (chosen === 'change') await step.context.sendActivity(renderMessage(t('commands.restart.withTeam.askChange')));
    await cancelWholeStack(step);
    const result: RestartConfirmResult = { restart: false, then: chosen === 'change' ? undefined : chosen };
    return { status: DialogTurnStatus.complete, result };
  }

  private async restartIfConfirmed(step: WaterfallStepContext<RestartConfirmOptions>): Promise<DialogTurnResult> {
    if (step.result !== 'yes') {
      await step.context.sendActivity(renderMessage(turnTranslator(step.context)('commands.resume.done')));
      return step.endDialog({ restart: false } satisfies RestartConfirmResult);
    }
    // Ends the outermost stack too: the questions underneath are not resumed, they begin again.
    await cancelWholeStack(step);
    const result: RestartConfirmResult = { restart: true, consentAgain: step.options.consentAgain };
    return { status: DialogTurnStatus.complete, result };
  }
}

/** Ends every dialog, down to the outermost stack: what was underneath is not resumed. */
async function cancelWholeStack(step: DialogContext): Promise<void> {
  let outermost = step.parent ?? step;
  while (outermost.parent) outermost = outermost.parent;
  await outermost.cancelAllDialogs();
}
