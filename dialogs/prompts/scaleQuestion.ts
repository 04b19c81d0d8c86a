import type { Translate } from '../../src/i18n';
import { isSkip, parseScore } from '../choiceMatching';
import type { QuestionView } from '../render';
import type { AnswerRecogniser } from './answerRecogniser';
import { Question, type QuestionState, type Reading } from './question';

export interface ScaleQuestionConfig {
  textKey: string;
  /** Explains the scale again after an answer that was not a number from 0 to 10. */
  retryKey: string;
}

const SCALE = Array.from({ length: 11 }, (_, score) => String(score));

/** A score from 0 to 10 (the number typed is the score, never a list position), or "skip" for null. */
export class ScaleQuestion extends Question<number | null> implements AnswerRecogniser {
  constructor(
    id: string,
    private readonly config: ScaleQuestionConfig,
  ) {
    super(id);
  }

  acceptsAnswer(text: string): boolean {
    return parseScore(text) !== undefined || isSkip(text);
  }

  protected override canSkip(): boolean {
    return true;
  }

  protected view(t: Translate, state: QuestionState): QuestionView {
    return {
      text: this.questionText(t, state, this.config.textKey),
      extraButtons: [...SCALE, t('common.choices.skip.label')],
      textOnlyHint: `${t('common.replyWithScale')} ${t('common.orSkip')}`,
    };
  }

  protected read(text: string): Reading<number | null> {
    const score = parseScore(text);
    if (score !== undefined) return { kind: 'answer', result: score };
    if (isSkip(text)) return { kind: 'answer', result: null };
    return { kind: 'problem', problemKey: this.config.retryKey };
  }
}
