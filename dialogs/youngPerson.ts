import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { statesAgeUnder } from '../src/nlu/age';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { renderMessage, renderQuestion } from './render';
import { setTurnLanguage, turnTranslator } from './turnLanguage';

export const YOUNG_PERSON_DIALOG = 'youngPerson';

interface YoungPersonState {
  minimumAge: number;
}

export interface AgeCheckDeps {
  referrals: ReferralRepository;
  /** MINIMUM_AGE; 0 means no age check. */
  minimumAge: number;
  /** Operator log: rule names only, never the words or the age. */
  log: (line: string) => void;
}

/**
 * Someone who says they are under the service's minimum age ("im 14") is told kindly that the service
 * is for older people, given Childline, a trusted adult, school nurse or GP, and told they are not in
 * trouble. What they wrote is not stored; the adult questions end (this dialog replaces the stack);
 * the referral, if any, keeps only an `underMinimumAge` flag (answers not yet with the team are
 * cleared and consent withdrawn). Runs after the crisis check. Returns true when it answered the turn.
 */
export async function answerAgeStatement(dc: DialogContext, personKey: string, text: string, deps: AgeCheckDeps): Promise<boolean> {
  const stated = statesAgeUnder(text, deps.minimumAge);
  if (!stated) return false;
  deps.log(`youngPerson: rule ${stated.rule} on ${dc.context.activity.channelId}: under the minimum age, pointed to Childline`);
  const referral = await deps.referrals.find(personKey).catch(() => null);
  // Said in Welsh: answered in Welsh, unless they chose English.
  const choseEnglish = referral?.languageChosen && referral.lang !== 'cy';
  if (stated.rule.startsWith('cy.') && !choseEnglish) setTurnLanguage(dc.context, 'cy');
  await dc.cancelAllDialogs();
  await dc.beginDialog(YOUNG_PERSON_DIALOG, { minimumAge: deps.minimumAge } satisfies YoungPersonState);
  try {
    await deps.referrals.markUnderMinimumAge(personKey);
  } catch (error) {
    // The reply has gone and the questions have stopped; the next message tries again.
    deps.log(`youngPerson: could not flag the referral: ${(error as Error).message}`);
  }
  return true;
}

/**
 * Waits after the under-age reply: the adult questions are not asked again. Anything they write (not a
 * command) gets Childline again and the offer of a link worker; commands still work ("talk to a person",
 * "delete my data", "start again" for someone who was misread, a change of language), and so does the
 * crisis check, which runs before everything.
 */
export class YoungPersonDialog extends Dialog<YoungPersonState> {
  constructor(private readonly config: Pick<DialogConfig, 'serviceName'>) {
    super(YOUNG_PERSON_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: YoungPersonState): Promise<DialogTurnResult> {
    const state: YoungPersonState = { minimumAge: options?.minimumAge ?? 0 };
    Object.assign(dc.activeDialog!.state, state);
    const t = turnTranslator(dc.context);
    await dc.context.sendActivity(renderMessage(t('root.youngPerson.message', this.params(state))));
    await this.sendOffer(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.sendReminder(dc.context, dc.activeDialog!);
    await this.sendOffer(dc.context);
    return Dialog.EndOfTurn;
  }

  /** After help, "carry on", a change of language or "talk to a person": Childline once more, briefly. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.sendReminder(context, instance);
  }

  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.sendReminder(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  private params(state: YoungPersonState) {
    return { serviceName: this.config.serviceName, minimumAge: state.minimumAge };
  }

  private async sendReminder(context: TurnContext, instance: DialogInstance): Promise<void> {
    const t = turnTranslator(context);
    await context.sendActivity(renderMessage(t('root.youngPerson.reminder', this.params(instance.state as YoungPersonState))));
  }

  private async sendOffer(context: TurnContext): Promise<void> {
    const t = turnTranslator(context);
    const view = { text: t('root.youngPerson.offer'), extraButtons: [t('root.youngPerson.human.label')] };
    await context.sendActivity(renderQuestion(context.activity.channelId, view));
  }
}
