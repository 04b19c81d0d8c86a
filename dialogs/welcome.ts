import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Language } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { adoptLanguage, turnTranslator } from './turnLanguage';

export const WELCOME_DIALOG = 'welcome';
export const LANGUAGE_QUESTION = 'welcome.language';

export interface WelcomeResult {
  language: Language;
}

/** Language choices, shared by the welcome and the "change language" command. */
export const LANGUAGE_CHOICES = [choice<Language>('en', 'welcome.language.english'), choice<Language>('cy', 'welcome.language.welsh')];

/**
 * Says what this is (an automated assistant for the service), what it can and cannot do, that it
 * is not for emergencies, and asks which language to use. Ends with the language chosen.
 */
export class WelcomeDialog extends PersonDialog {
  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
  ) {
    super(WELCOME_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<PersonOptions>(`${WELCOME_DIALOG}.steps`, [(s) => this.introduce(s), (s) => this.rememberLanguage(s)]),
    );
    this.addDialog(new ChoiceQuestion<Language>(LANGUAGE_QUESTION, { textKey: 'welcome.language.ask', choices: LANGUAGE_CHOICES }));
  }

  private async introduce(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    await step.context.sendActivities([
      renderMessage(t('welcome.intro', { serviceName: this.config.serviceName })),
      renderMessage(`${t('welcome.emergency')}\n${t('common.wayOut')}`),
    ]);
    return step.beginDialog(LANGUAGE_QUESTION);
  }

  private async rememberLanguage(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const language = step.result as Language;
    const { personKey } = step.options;
    await adoptLanguage(step.context, this.repo, personKey, language);
    const result: WelcomeResult = { language };
    return step.endDialog(result);
  }
}
