import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Language } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { renderMessage } from './render';
import { turnLanguage, turnTranslator } from './turnLanguage';

export const CONSENT_DIALOG = 'consent';
export const CONSENT_QUESTION = 'consent.ask';
/** Changes whenever the notice in locales/<lng>/consent.json changes meaning. */
export const CONSENT_NOTICE_VERSION = '2026-11';

export interface ConsentResult {
  consented: boolean;
}

/**
 * The privacy notice and an explicit yes or no. Yes: the consent record is stored. No: nothing
 * about the person is kept (an anonymous count only) and they are told other ways to get help.
 */
export class ConsentDialog extends PersonDialog {
  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
  ) {
    super(CONSENT_DIALOG, repo);
    this.addDialog(new WaterfallDialog<PersonOptions>(`${CONSENT_DIALOG}.steps`, [(s) => this.ask(s), (s) => this.record(s)]));
    this.addDialog(
      new ChoiceQuestion<'yes' | 'no'>(CONSENT_QUESTION, {
        textKey: 'consent.ask',
        choices: [choice('yes', 'consent.yes', 'common.choices.yes'), choice('no', 'consent.no', 'common.choices.no')],
      }),
    );
  }

  private async ask(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    const { serviceName, closedDays } = this.config;
    const privacyUrl = privacyUrlIn(this.config.privacyUrl, turnLanguage(step.context));
    await step.context.sendActivity(renderMessage(t('consent.notice', { serviceName, privacyUrl, closedDays })));
    return step.beginDialog(CONSENT_QUESTION);
  }

  private async record(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    const { personKey } = step.options;
    const channel = step.context.activity.channelId;
    const consented = step.result === 'yes';
    if (consented) {
      await this.repo.getOrCreate(personKey, channel, turnLanguage(step.context));
      await this.repo.recordConsent(personKey, { noticeVersion: CONSENT_NOTICE_VERSION, channel, answer: 'yes' });
      await step.context.sendActivity(renderMessage(t('consent.thanks')));
    } else {
      // A crisis message said before this stays for the team (vital interests): say so, not "nothing kept".
      const flaggedUrgent = Boolean((await this.repo.find(personKey))?.urgent);
      await this.repo.countAnonymousDecline(channel);
      await this.repo.discardUnconsented(personKey);
      const declined = flaggedUrgent ? t('consent.declinedAfterCrisis') : t('consent.declined');
      await step.context.sendActivity(renderMessage(`${declined}\n${t('consent.signposting')}`));
    }
    const result: ConsentResult = { consented };
    return step.endDialog(result);
  }
}

/** The privacy notice in the person's language: the page is English unless asked for another. */
export function privacyUrlIn(url: string, lang: Language): string {
  return lang === 'en' ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
}
