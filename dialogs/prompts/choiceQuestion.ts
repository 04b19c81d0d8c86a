import { normaliseForMatching, stripFillers, type Translate } from '../../src/i18n';
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
  /**
   * A kind reply (a locale key) to a message that is not an answer but is not to be met with "Sorry,
   * I didn't understand" either ("mornings" to "Which days?"); the question is asked again after it.
   */
  aside?: (text: string) => string | undefined;
}

/** Words that may join numbers in one reply: "1 and 3", "1 a 3", "2 or 4". */
const NUMBER_JOINERS = new Set(['and', 'n', 'an', 'a', 'ac', 'or', 'neu', 'plus']);

/** True when a reply is only numbers typed as digits ("5", "1 and 12"), polite words aside. */
export function onlyNumbers(text: string): boolean {
  const words = stripFillers(normaliseForMatching(text)).split(' ').filter(Boolean);
  return words.some((word) => /^\d+$/.test(word)) && words.every((word) => /^\d+$/.test(word) || NUMBER_JOINERS.has(word));
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
    // "5" where the list stops at 3: say which numbers there are, rather than "Sorry".
    if (onlyNumbers(text)) return { kind: 'problem', problemKey: 'common.pickNumber', params: { max: this.config.choices.length } };
    const asideKey = this.config.aside?.(text);
    return { kind: 'problem', problemKey: asideKey ?? 'common.notUnderstood' };
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
