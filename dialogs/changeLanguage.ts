import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Language } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import { PersonDialog, type PersonOptions } from './personDialog';
import { ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { adoptLanguage, turnLanguage, turnTranslator } from './turnLanguage';
import { LANGUAGE_CHOICES } from './welcome';

export const CHANGE_LANGUAGE_DIALOG = 'changeLanguage';
const WHICH_LANGUAGE = 'changeLanguage.which';

export interface ChangeLanguageOptions extends PersonOptions {
  /** The language the person named ("Cymraeg"); when missing, ask which. */
  target?: Language;
}

/**
 * The "change language" command: asks which language (unless named), remembers it and says so in
 * the new language. Started on top of the conversation, it hands back to the question that was
 * waiting, which is then asked again in the new language.
 */
export class ChangeLanguageDialog extends PersonDialog<ChangeLanguageOptions> {
  constructor(repo: ReferralRepository) {
    super(CHANGE_LANGUAGE_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<ChangeLanguageOptions>(`${CHANGE_LANGUAGE_DIALOG}.steps`, [
        (s) => (s.options.target ? s.next(s.options.target) : s.beginDialog(WHICH_LANGUAGE)),
        (s) => this.apply(s),
      ]),
    );
    this.addDialog(new ChoiceQuestion<Language>(WHICH_LANGUAGE, { textKey: 'commands.language.ask', choices: LANGUAGE_CHOICES }));
  }

  private async apply(step: WaterfallStepContext<ChangeLanguageOptions>): Promise<DialogTurnResult> {
    const language = step.result as Language;
    const { personKey } = step.options;
    await adoptLanguage(step.context, this.repo, personKey, language);
    await step.context.sendActivity(renderMessage(turnTranslator(step.context)('commands.language.done')));
    return step.endDialog({ language: turnLanguage(step.context) });
  }
}
