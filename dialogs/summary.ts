import { ActivityTypes, InputHints, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseForMatching, synonymsFor } from '../src/i18n';
import type { Referral, ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import type { Reading } from './prompts/question';
import type { SequenceOptions } from './questionSequence';
import { isSmsChannel, renderMessage, showsCards } from './render';
import { summaryCard } from './summaryCard';
import { nextStepsText, SUMMARY_PARTS, summaryText, type SummaryPart } from './summaryText';
import { turnTranslator } from './turnLanguage';
import { WELLBEING_DIALOG, WELLBEING_PART, WellbeingDialog } from './wellbeing';
import { parseUkMobile, parseUkPhone, formatUkNumber } from './validation';
import { textsFromTheirPhone, WHAT_MATTERS_DIALOG, WhatMattersDialog } from './whatMatters';

export const SUMMARY_DIALOG = 'summary';
const CONFIRM_QUESTION = 'summary.confirm';
const PART_QUESTION = 'summary.part';
/** "Nothing, it's right" at "Which part would you like to change?": back to the summary to confirm. */
const NO_CHANGE = 'noChange';

type PartAnswer = SummaryPart | typeof NO_CHANGE;

/** A UK phone number inside a sentence: "its 07700900111", "+44 7700 900111". */
const PHONE_IN_TEXT = /(?:\+44|\b0)[\d\s-]{8,14}\d/;

/**
 * The part a sentence speaks of ("the phone number is wrong, it's 07700 900111" is contact): a
 * phone number, or the words of exactly one part. Undefined when none, or more than one.
 */
function partSpokenOf(text: string): SummaryPart | undefined {
  if (PHONE_IN_TEXT.test(text)) return 'contact';
  const sentence = ` ${normaliseForMatching(text)} `;
  const named = SUMMARY_PARTS.filter((part) => synonymsFor(`summary.parts.${part}`).some((words) => sentence.includes(` ${words} `)));
  return named.length === 1 ? named[0] : undefined;
}

/** "Which part would you like to change?", answered with a choice or in a sentence. */
class PartQuestion extends ChoiceQuestion<PartAnswer> {
  constructor(id: string) {
    super(id, {
      textKey: 'summary.whichPart',
      choices: [...SUMMARY_PARTS.map((part) => choice(part, `summary.parts.${part}`)), choice(NO_CHANGE, 'summary.noChange')],
    });
  }

  protected override read(text: string): Reading<PartAnswer | null> {
    const reading = super.read(text);
    if (reading.kind === 'answer') return reading;
    const part = partSpokenOf(text);
    return part ? { kind: 'answer', result: part } : reading;
  }
}

/**
 * "Is this right?" answered with a sentence that asks to change one part: "I want to change what
 * matters", "dwi isio newid be sy'n bwysig". That is a change, and the part is taken from it too.
 */
class ConfirmQuestion extends ChoiceQuestion<ConfirmAnswer> {
  constructor(id: string) {
    super(id, {
      textKey: 'summary.ask',
      choices: [choice('confirm', 'summary.confirm', 'common.choices.yes'), choice('change', 'summary.change', 'common.choices.no')],
    });
  }

  protected override read(text: string): Reading<ConfirmAnswer | null> {
    const reading = super.read(text);
    if (reading.kind === 'answer' || !asksToChangeAPart(text)) return reading;
    return { kind: 'answer', result: 'change' };
  }
}

type ConfirmAnswer = 'confirm' | 'change';

/** A sentence with a word for changing ("change", "newid") that names exactly one part. */
function asksToChangeAPart(text: string): boolean {
  const words = normaliseForMatching(text).split(' ');
  const saysChange = synonymsFor('summary.changeWords').some((word) => words.includes(word));
  return saysChange && partSpokenOf(text) !== undefined;
}

/** The number to call or text, when the person already chose that and this turn's words hold a new one. */
function newNumberIn(text: string, referral: Referral): string | undefined {
  const method = referral.answers.contactMethod;
  const found = PHONE_IN_TEXT.exec(text)?.[0];
  if (!found) return undefined;
  if (method === 'phone') return parseOk(parseUkPhone(found));
  if (method === 'sms' && !textsFromTheirPhone(referral)) return parseOk(parseUkMobile(found));
  return undefined;
}

function parseOk(parsed: ReturnType<typeof parseUkPhone>): string | undefined {
  return parsed.ok ? parsed.value : undefined;
}

export interface SummaryResult {
  confirmed: true;
}

export interface SummaryDialogOptions {
  /**
   * Say what happens next on confirm (default). False when the caller has more to say first
   * (the activity suggestions) and says it itself with `tellWhatHappensNext`: the person should
   * hear what happens next last.
   */
  tellNextSteps?: boolean;
}

/** "Thank you, I've sent your answers", who will be in touch and when, and where to get help sooner. */
export async function tellWhatHappensNext(context: TurnContext, repo: ReferralRepository, personKey: string, config: DialogConfig): Promise<void> {
  const referral = await repo.find(personKey);
  if (!referral) return;
  const text = nextStepsText(turnTranslator(context), referral, config.serviceName, config.nextStepsDays);
  await context.sendActivity(renderMessage(text));
}

/**
 * Reads back what the person said. They can change any part (asked again, then back here) or
 * confirm; on confirm the referral is ready for a link worker and we say what happens next.
 */
export class SummaryDialog extends PersonDialog {
  private readonly loopId = `${SUMMARY_DIALOG}.loop`;

  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
    private readonly behaviour: SummaryDialogOptions = {},
  ) {
    super(SUMMARY_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<PersonOptions>(this.loopId, [
        (s) => this.readBack(s),
        (s) => this.confirmOrChoose(s),
        (s) => this.change(s),
        (s) => s.replaceDialog(this.loopId, { personKey: s.options.personKey }),
      ]),
    );
    this.addDialog(new ConfirmQuestion(CONFIRM_QUESTION));
    this.addDialog(new PartQuestion(PART_QUESTION));
    this.addDialog(new WhatMattersDialog(repo));
    this.addDialog(new WellbeingDialog(repo));
  }

  private async readBack(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const referral = await this.repo.find(step.options.personKey);
    if (!referral) return step.endDialog();
    const t = turnTranslator(step.context);
    if (showsCards(step.context.activity.channelId)) {
      await step.context.sendActivity({ type: ActivityTypes.Message, attachments: [summaryCard(t, referral)], inputHint: InputHints.AcceptingInput });
    } else {
      const sms = isSmsChannel(step.context.activity.channelId);
      await step.context.sendActivity(renderMessage(summaryText(t, referral, { sms })));
    }
    return step.beginDialog(CONFIRM_QUESTION);
  }

  private async confirmOrChoose(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    if (step.result === 'change') {
      // "Change my name" names the part already: no need to ask which.
      const part = partSpokenOf(typeof step.context.activity.text === 'string' ? step.context.activity.text : '');
      return part ? step.next(part) : step.beginDialog(PART_QUESTION);
    }
    const { personKey } = step.options;
    await this.repo.markReady(personKey);
    if (this.behaviour.tellNextSteps !== false) await tellWhatHappensNext(step.context, this.repo, personKey, this.config);
    const result: SummaryResult = { confirmed: true };
    return step.endDialog(result);
  }

  private async change(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    // Nothing to change after all: read the summary back again so they can confirm it.
    if (step.result === NO_CHANGE) return step.replaceDialog(this.loopId, { personKey: step.options.personKey });
    const part = step.result as SummaryPart;
    // "The phone number is wrong, it's 07700 900111": the number is taken, and the summary read back.
    if (part === 'contact' && (await this.tookNewNumber(step))) return step.replaceDialog(this.loopId, { personKey: step.options.personKey });
    const options: SequenceOptions = { personKey: step.options.personKey, only: part };
    return step.beginDialog(part === WELLBEING_PART ? WELLBEING_DIALOG : WHAT_MATTERS_DIALOG, options);
  }

  private async tookNewNumber(step: WaterfallStepContext<PersonOptions>): Promise<boolean> {
    const text = typeof step.context.activity.text === 'string' ? step.context.activity.text : '';
    const referral = await this.repo.find(step.options.personKey);
    const number = referral ? newNumberIn(text, referral) : undefined;
    if (!number) return false;
    await this.repo.saveAnswer(step.options.personKey, 'contactNumber', number);
    const t = turnTranslator(step.context);
    await step.context.sendActivity(renderMessage(t('summary.numberChanged', { number: formatUkNumber(number) })));
    return true;
  }
}
