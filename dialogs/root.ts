import {
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { languageFromLocale } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import type { HandoffRequests } from './handoffRequests';
import { CONSENT_DIALOG, ConsentDialog, type ConsentResult } from './consent';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { consentIsStale } from './restartConfirm';
import { SUGGESTIONS_DIALOG, SuggestionsDialog, type SuggestionsDeps } from './suggestions';
import { SUMMARY_DIALOG, SummaryDialog, tellWhatHappensNext, type SummaryResult } from './summary';
import { setTurnLanguage, turnTranslator } from './turnLanguage';
import { WELCOME_DIALOG, WelcomeDialog } from './welcome';
import { WELLBEING_DIALOG, WellbeingDialog } from './wellbeing';
import { WHAT_MATTERS_DIALOG, WhatMattersDialog } from './whatMatters';

export const ROOT_DIALOG = 'frontDoor';
const NEW_PERSON = 'frontDoor.newPerson';
const RETURNING = 'frontDoor.returning';
const JOURNEY = 'frontDoor.journey';
/** After "start again" on a phone that may have changed hands: the privacy notice and consent, then the questions. */
const CONSENT_AGAIN = 'frontDoor.consentAgain';
const WELCOME_BACK_QUESTION = 'frontDoor.welcomeBack';

export interface RootDialogOptions extends PersonOptions {
  /** "Start again": clear the answers (keeping consent and language) and begin the questions anew. */
  restart?: boolean;
  /** With `restart`: show the privacy notice and ask for consent again before the questions (the language is kept). */
  consentAgain?: boolean;
  /** A link worker has finished with the person's handoff: a ready referral is no longer waiting for them. */
  handoffFinished?: boolean;
}

/** How the conversation ended this time. */
export type RootResult =
  | { outcome: 'ready' }
  | { outcome: 'declined' }
  /** The referral was already with the team: nothing was asked. */
  | { outcome: 'alreadySent' };

/**
 * The whole guided conversation: welcome, consent, what matters, wellbeing, summary, activity
 * suggestions, what happens next. A person who
 * comes back is offered to carry on; where they carry on from is worked out from the answers
 * already stored, so nothing is asked twice.
 */
export class RootDialog extends PersonDialog<RootDialogOptions> {
  private readonly handoffs?: HandoffRequests;

  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
    /** The directory and recogniser behind the activity suggestions after the summary. */
    suggestions: Omit<SuggestionsDeps, 'config'>,
  ) {
    super(ROOT_DIALOG, repo);
    this.handoffs = suggestions.handoffs;
    this.addDialog(
      new WaterfallDialog<PersonOptions>(NEW_PERSON, [
        (s) => s.beginDialog(WELCOME_DIALOG, { personKey: s.options.personKey }),
        (s) => s.beginDialog(CONSENT_DIALOG, { personKey: s.options.personKey }),
        (s) => this.afterConsent(s),
      ]),
    );
    this.addDialog(
      new WaterfallDialog<PersonOptions>(CONSENT_AGAIN, [
        (s) => s.beginDialog(CONSENT_DIALOG, { personKey: s.options.personKey }),
        (s) => this.afterConsent(s),
      ]),
    );
    this.addDialog(
      new WaterfallDialog<PersonOptions>(RETURNING, [(s) => this.welcomeBack(s), (s) => this.carryOnOrRestart(s)]),
    );
    this.addDialog(
      new WaterfallDialog<PersonOptions>(JOURNEY, [
        (s) => s.beginDialog(WHAT_MATTERS_DIALOG, { personKey: s.options.personKey }),
        (s) => s.beginDialog(WELLBEING_DIALOG, { personKey: s.options.personKey }),
        (s) => s.beginDialog(SUMMARY_DIALOG, { personKey: s.options.personKey }),
        (s) => this.suggestAfterConfirm(s),
        (s) => this.whatHappensNext(s),
      ]),
    );
    this.addDialog(
      new ChoiceQuestion<'carryOn' | 'startAgain'>(WELCOME_BACK_QUESTION, {
        textKey: 'root.welcomeBack.ask',
        choices: [
          choice('carryOn', 'root.welcomeBack.carryOn', 'common.choices.yes'),
          choice('startAgain', 'root.welcomeBack.startAgain'),
        ],
      }),
    );
    this.addDialog(new WelcomeDialog(repo, config, this.handoffs));
    this.addDialog(new ConsentDialog(repo, config));
    this.addDialog(new WhatMattersDialog(repo));
    this.addDialog(new WellbeingDialog(repo));
    this.addDialog(new SummaryDialog(repo, config, { tellNextSteps: false }));
    this.addDialog(new SuggestionsDialog(repo, { ...suggestions, config }));
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: RootDialogOptions): Promise<DialogTurnResult> {
    const { personKey, restart, consentAgain, handoffFinished } = options!;
    const context = innerDc.context;
    const referral = await this.repo.getOrCreate(personKey, context.activity.channelId, languageFromLocale(context.activity.locale));
    setTurnLanguage(context, referral.lang);
    const next: PersonOptions = { personKey };
    if (!referral.consent) return innerDc.beginDialog(NEW_PERSON, next);
    if (restart) {
      await this.repo.resetAnswers(personKey);
      return innerDc.beginDialog(consentAgain ? CONSENT_AGAIN : JOURNEY, next);
    }
    if (referral.status === 'ready') {
      const key = handoffFinished ? 'root.handoffFinished' : 'root.alreadySent';
      await context.sendActivity(renderMessage(turnTranslator(context)(key, { serviceName: this.config.serviceName })));
      return { status: DialogTurnStatus.complete, result: { outcome: 'alreadySent' } satisfies RootResult };
    }
    return innerDc.beginDialog(RETURNING, next);
  }

  private async afterConsent(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const consent = step.result as ConsentResult | undefined;
    if (!consent?.consented) return step.endDialog({ outcome: 'declined' } satisfies RootResult);
    return step.replaceDialog(JOURNEY, { personKey: step.options.personKey });
  }

  private async suggestAfterConfirm(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const summary = step.result as SummaryResult | undefined;
    if (!summary?.confirmed) return step.endDialog({ outcome: 'ready' } satisfies RootResult);
    // The team gets the referral now, so nothing waits on the suggestions (which may be left half-way).
    await this.handoffs?.request(step.context, step.options.personKey, 'referralConfirmed');
    return step.beginDialog(SUGGESTIONS_DIALOG, { personKey: step.options.personKey });
  }

  /** Said last, after the suggestions, so it is what the person reads at the end. */
  private async whatHappensNext(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    // The link worker's summary gains any activities picked.
    await this.handoffs?.refresh(step.options.personKey);
    await tellWhatHappensNext(step.context, this.repo, step.options.personKey, this.config);
    return step.endDialog({ outcome: 'ready' } satisfies RootResult);
  }

  private async welcomeBack(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const referral = await this.repo.find(step.options.personKey);
    const name = referral?.answers.preferredName;
    return step.beginDialog(
      WELCOME_BACK_QUESTION,
      name ? { textKey: 'root.welcomeBack.askNamed', params: { name } } : undefined,
    );
  }

  private async carryOnOrRestart(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const { personKey } = step.options;
    if (step.result !== 'startAgain') return step.replaceDialog(JOURNEY, { personKey });
    // Read before the reset, which counts as a change: a phone unused for a day may be in other hands.
    const consentAgain = consentIsStale(await this.repo.find(personKey));
    await this.repo.resetAnswers(personKey);
    await step.context.sendActivity(renderMessage(turnTranslator(step.context)('root.startingAgain')));
    return step.replaceDialog(consentAgain ? CONSENT_AGAIN : JOURNEY, { personKey });
  }
}
