import type { TurnContext } from 'botbuilder';
import { ONS4_MEASURES, type Referral, type ReferralRepository } from '../src/referrals';
import { ScaleQuestion } from './prompts/scaleQuestion';
import { QuestionSequenceDialog, sequenceQuestion } from './questionSequence';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';
import { suggestsLowWellbeing } from './wellbeing';

export const WELLBEING_REPEAT_DIALOG = 'wellbeingRepeat';

/**
 * The four ONS questions again, six weeks on, when the person answers the follow-up text with yes.
 * Stored apart from the baseline, so a link worker can see the change; each one skippable.
 */
export class WellbeingRepeatDialog extends QuestionSequenceDialog {
  constructor(repo: ReferralRepository) {
    super(
      WELLBEING_REPEAT_DIALOG,
      repo,
      ONS4_MEASURES.map((measure) =>
        sequenceQuestion({
          id: measure,
          part: 'wellbeingRepeat',
          dialog: new ScaleQuestion(`wellbeingRepeat.${measure}`, { textKey: `wellbeing.${measure}.ask`, retryKey: 'wellbeing.retry' }),
          isAnswered: (r: Referral) => r.wellbeingRepeat[measure] !== undefined,
          save: (personKey, score) => repo.saveWellbeingRepeat(personKey, measure, score),
        }),
      ),
      'wellbeing.repeat.intro',
    );
  }

  protected override async onFinished(context: TurnContext, referral: Referral, asked: string[]): Promise<void> {
    if (asked.length === 0) return;
    const t = turnTranslator(context);
    const lines = [t('wellbeing.repeat.thanks')];
    if (suggestsLowWellbeing(referral.wellbeingRepeat)) lines.push(t('wellbeing.support'));
    await context.sendActivity(renderMessage(lines.join('\n')));
  }
}
