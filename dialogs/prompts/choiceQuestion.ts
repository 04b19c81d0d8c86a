import type { Translate } from '../../src/i18n';
import { isSkip, matchable, matchChoice, matchChoices, type MatchableChoice } from '../choiceMatching';
import type { QuestionView } from '../render';
import type { AnswerRecogniser } from './answerRecogniser';
import { Question, type QuestionState, type Reading } from './question';

/** A choice: its value, and the locale key of its `{ label, synonyms }` plus any extra synonym keys. */
export interface ChoiceSpec<V extends string> {
  value: V;
  key: string;
  alsoKeys?: string[];
}

export function choice<V extends string>(value: V, key: string, ...alsoKeys: string[]): ChoiceSpec<V> {
  return { value, key, alsoKeys };
}

export interface ChoiceQuestionConfig<V extends string> {
  textKey: string;
  choices: ChoiceSpec<V>[];
  hintKey?: string;
  /** Offer "Skip": the answer is then null. */
  allowSkip?: boolean;
  /** The choice that means "more than one of these" ("Any day"), for a message naming several ("Monday or Saturday"). */
  several?: V;
}

/** One answer from a list, by button, number or word (English or Welsh). Ends with the value, or null if skipped. */
export class ChoiceQuestion<V extends string> extends Question<V | null> implements AnswerRecogniser {
  private matchables?: MatchableChoice<V>[];

  constructor(
    id: string,
    private readonly config: ChoiceQuestionConfig<V>,
  ) {
    super(id);
  }

  acceptsAnswer(text: string): boolean {
    return this.match(text) !== undefined || (Boolean(this.config.allowSkip) && isSkip(text));
  }

  protected override canSkip(): boolean {
    return Boolean(this.config.allowSkip);
  }

  protected view(t: Translate, state: QuestionState): QuestionView {
    return {
      text: this.questionText(t, state, this.config.textKey),
      hint: this.config.hintKey ? t(this.config.hintKey) : undefined,
      choices: this.config.choices.map((c) => t(`${c.key}.label`)),
      extraButtons: this.config.allowSkip ? [t('common.choices.skip.label')] : [],
      textOnlyHint: [t('common.replyWithNumber'), this.config.allowSkip ? t('common.orSkip') : '']
        .filter(Boolean)
        .join(' '),
    };
  }

  protected read(text: string): Reading<V | null> {
    const value = this.match(text);
    if (value !== undefined) return { kind: 'answer', result: value };
    if (this.config.allowSkip && isSkip(text)) return { kind: 'answer', result: null };
    return { kind: 'problem', problemKey: 'common.notUnderstood' };
  }

  /** The one choice a message picks; several different ones mean the `several` choice, if there is one. */
  private match(text: string): V | undefined {
    const value = matchChoice(text, this.choices());
    if (value !== undefined || this.config.several === undefined) return value;
    const picked = matchChoices(text, this.choices());
    return picked && picked.length > 1 ? this.config.several : undefined;
  }

  private choices(): MatchableChoice<V>[] {
    this.matchables ??= this.config.choices.map((c) => matchable(c.value, c.key, ...(c.alsoKeys ?? [])));
    return this.matchables;
  }
}
