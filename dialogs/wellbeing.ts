import type { TurnContext } from 'botbuilder';
import { ONS4_MEASURES, type Referral, type ReferralRepository, type Wellbeing } from '../src/referrals';
import { ScaleQuestion } from './prompts/scaleQuestion';
import { QuestionSequenceDialog, sequenceQuestion } from './questionSequence';
import { renderMessage } from './render';
import { turnTranslator } from './turnLanguage';

export const WELLBEING_DIALOG = 'wellbeing';
export const WELLBEING_PART = 'wellbeing';

/**
 * ONS thresholds: 0 to 4 is "low" life satisfaction, worthwhile and happiness; 6 to 10 is
 * "high" anxiety. Such answers get a gentle word about where to find someone to talk to now.
 */
export function suggestsLowWellbeing(wellbeing: Wellbeing): boolean {
  const low = (score: number | null | undefined) => typeof score === 'number' && score <= 4;
  const anxious = typeof wellbeing.anxiety === 'number' && wellbeing.anxiety >= 6;
  return low(wellbeing.lifeSatisfaction) || low(wellbeing.worthwhile) || low(wellbeing.happiness) || anxious;
}

/**
 * The four ONS personal wellbeing questions, 0 to 10 with the ends of the scale explained, each
 * one skippable; stored as the person's baseline.
 */
export class WellbeingDialog extends QuestionSequenceDialog {
  constructor(repo: ReferralRepository) {
    super(
      WELLBEING_DIALOG,
      repo,
      ONS4_MEASURES.map((measure) =>
        sequenceQuestion({
          id: measure,
          part: WELLBEING_PART,
          dialog: new ScaleQuestion(`wellbeing.${measure}`, { textKey: `wellbeing.${measure}.ask`, retryKey: 'wellbeing.retry' }),
          isAnswered: (r: Referral) => r.wellbeing[measure] !== undefined,
          save: (personKey, score) => repo.saveWellbeing(personKey, measure, score),
        }),
      ),
      'wellbeing.intro',
    );
  }

  protected override async onFinished(context: TurnContext, referral: Referral, asked: string[]): Promise<void> {
    if (asked.length === 0) return;
    const t = turnTranslator(context);
    // All four skipped: "Thank you for answering" would not fit.
    const skippedAll = ONS4_MEASURES.every((measure) => referral.wellbeing[measure] === null);
    const lines = [t(skippedAll ? 'wellbeing.thanksSkipped' : 'wellbeing.thanks')];
    if (suggestsLowWellbeing(referral.wellbeing)) lines.push(t('wellbeing.support'));
    await context.sendActivity(renderMessage(lines.join('\n')));
  }
}
