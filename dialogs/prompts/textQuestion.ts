import type { Translate } from '../../src/i18n';
import { isSkip } from '../choiceMatching';
import type { QuestionView } from '../render';
import type { Parsed } from '../validation';
import { Question, type QuestionState, type Reading } from './question';

export interface TextQuestionConfig<T> {
  textKey: string;
  /** Reads the typed answer, or names the message explaining what is wrong with it. */
  parse: (text: string) => Parsed<T>;
  /** Accept "skip": the answer is then null. */
  allowSkip?: boolean;
}

/** A typed answer, checked by `parse`. Ends with the parsed value, or null if skipped. */
export class TextQuestion<T> extends Question<T | null> {
  constructor(
    id: string,
    private readonly config: TextQuestionConfig<T>,
  ) {
    super(id);
  }

  protected override canSkip(): boolean {
    return Boolean(this.config.allowSkip);
  }

  protected override readsOwnWords(): boolean {
    return true;
  }

  protected view(t: Translate, state: QuestionState): QuestionView {
    const skip = Boolean(this.config.allowSkip);
    return {
      text: this.questionText(t, state, this.config.textKey),
      hint: skip ? t('common.orSkip') : undefined,
      extraButtons: skip ? [t('common.choices.skip.label')] : [],
    };
  }

  protected read(text: string): Reading<T | null> {
    if (this.config.allowSkip && isSkip(text)) return { kind: 'answer', result: null };
    const parsed = this.config.parse(text);
    return parsed.ok ? { kind: 'answer', result: parsed.value } : { kind: 'problem', problemKey: parsed.problemKey };
  }
}
