import type { Translate } from '../../src/i18n';
import { isNoAnswer, matchable, matchChoices, meansAnything, type MatchableChoice } from '../choiceMatching';
import type { QuestionView } from '../render';
import { parseFreeText } from '../validation';
import type { AnswerRecogniser } from './answerRecogniser';
import { onlyNumbers, type ChoiceSpec } from './choiceQuestion';
import { meansNothingElse } from './nothingElse';
import { Question, type QuestionOptions, type QuestionState, type Reading } from './question';

export interface MultiChoiceSpec<V extends string> extends ChoiceSpec<V> {
  /** Stands alone ("Nothing", "Any time"): ignored when picked with others. */
  exclusive?: boolean;
}

export interface MultiChoiceQuestionConfig<V extends string> {
  textKey: string;
  hintKey?: string;
  /** "Anything else?", asked after a single pick. */
  moreKey: string;
  choices: MultiChoiceSpec<V>[];
  /** Keep an answer in the person's own words when it is not one of the choices. */
  allowOwnWords?: boolean;
  /**
   * Choices a sentence speaks of when it is not a list of choices ("money, and I get nervous in big
   * groups"); they are said back to the person. Deterministic and explainable (src/nlu).
   */
  understand?: (text: string) => V[];
  /**
   * A kind reply (a locale key) to a sentence that is not an answer but is not to be met with "Sorry,
   * I didn't understand" either ("I work full time"); the question is asked again after it.
   */
  aside?: (text: string) => string | undefined;
}

export interface MultiChoiceOptions<V extends string> extends QuestionOptions {
  /** Already chosen: ask "Anything else?" with what is left. */
  selected?: V[];
}

interface MultiChoiceState<V extends string> extends QuestionState {
  selected: V[];
}

/**
 * What was chosen so far. `complete` is false after a single pick (a tap on a button), so the
 * caller can store it at once and then ask "Anything else?" by starting the question again with
 * `selected`.
 */
export interface MultiChoiceAnswer<V extends string> {
  values: V[];
  ownWords?: string;
  complete: boolean;
}

const DONE = '__done';

/** Several answers from a list: "1 and 3", "cost, transport", or one tap at a time. */
export class MultiChoiceQuestion<V extends string>
  extends Question<MultiChoiceAnswer<V>, MultiChoiceOptions<V>, MultiChoiceState<V>>
  implements AnswerRecogniser
{
  private matchables?: Map<string, MatchableChoice<string>>;

  constructor(
    id: string,
    private readonly config: MultiChoiceQuestionConfig<V>,
  ) {
    super(id);
  }

  acceptsAnswer(text: string, state: object): boolean {
    const asked = state as MultiChoiceState<V>;
    return matchChoices(text, this.answerable(asked)) !== undefined || (asked.selected.length > 0 && meansNothingElse(text));
  }

  protected override initialState(options: MultiChoiceOptions<V> | undefined): MultiChoiceState<V> {
    return { ...super.initialState(options), selected: [...(options?.selected ?? [])] };
  }

  /** With own words allowed, or at "Anything else?", "nothing" or "skip" moves on. */
  protected override canSkip(state: MultiChoiceState<V>): boolean {
    return Boolean(this.config.allowOwnWords) || state.selected.length > 0;
  }

  protected override readsOwnWords(): boolean {
    return Boolean(this.config.allowOwnWords);
  }

  protected view(t: Translate, state: MultiChoiceState<V>): QuestionView {
    const more = state.selected.length > 0;
    return {
      text: more ? t(this.config.moreKey) : this.questionText(t, state, this.config.textKey),
      hint: !more && this.config.hintKey ? t(this.config.hintKey) : undefined,
      choices: this.offered(state).map((c) => t(`${this.keyOf(c.value)}.label`)),
      textOnlyHint: t(more ? 'common.replyWithNumber' : 'common.replyWithNumbers'),
    };
  }

  protected override choiceNumbers(state: MultiChoiceState<V>): number[] | undefined {
    return state.selected.length > 0 ? this.offered(state).map((c) => c.number!) : undefined;
  }

  protected read(text: string, state: MultiChoiceState<V>): Reading<MultiChoiceAnswer<V>> {
    const more = state.selected.length > 0;
    const picks = matchChoices(text, this.answerable(state));
    if (picks) {
      const finished = picks.includes(DONE);
      const picked = picks.filter((p): p is V => p !== DONE);
      const exclusive = picked.filter((p) => this.isExclusive(p));
      const ordinary = picked.filter((p) => !this.isExclusive(p));
      if (ordinary.length === 0 && exclusive.length > 0 && !more) {
        return { kind: 'answer', result: { values: [exclusive[0]], complete: true } };
      }
      const values = [...state.selected, ...ordinary.filter((p) => !state.selected.includes(p))];
      const nothingLeft = this.remaining(values).length === 0;
      const complete = finished || nothingLeft || (!more && ordinary.length > 1);
      return { kind: 'answer', result: { values, complete } };
    }
    // "N", "no thats all", "ok thank you dear" to "Anything else?": nothing else, not their own words.
    if (more && meansNothingElse(text)) return { kind: 'answer', result: { values: state.selected, complete: true } };
    // "5" where the list stops at 4 (or "1 and 12"): say which numbers there are, rather than "Sorry".
    if (onlyNumbers(text)) return { kind: 'problem', problemKey: 'common.pickNumber', params: { max: this.highestNumber(state) } };
    const understood = this.understood(text, state);
    if (understood.length > 0) {
      const values = [...state.selected, ...understood];
      // Said back, then "Anything else?", however many were heard: a sentence may not say them all.
      const complete = this.remaining(values).length === 0;
      return { kind: 'answer', result: { values, complete }, noted: understood.map((value) => `${this.keyOf(value)}.label`) };
    }
    const asideKey = this.config.aside?.(text);
    if (asideKey) return { kind: 'problem', problemKey: asideKey };
    if (this.config.allowOwnWords) {
      // "Nothing", "that's all", "idk", "dim": an answer, but not one to keep as the person's own words.
      if (isNoAnswer(text)) return { kind: 'answer', result: { values: state.selected, complete: true } };
      // "All of them", "anything": every choice, so suggestions are open to anything.
      if (meansAnything(text)) return { kind: 'answer', result: { values: this.everyChoice(state.selected), complete: true } };
      const ownWords = parseFreeText(text);
      if (ownWords.ok) return { kind: 'answer', result: { values: state.selected, ownWords: ownWords.value, complete: true } };
      return { kind: 'problem', problemKey: ownWords.problemKey };
    }
    return { kind: 'problem', problemKey: 'common.notUnderstood' };
  }

  private highestNumber(state: MultiChoiceState<V>): number {
    return Math.max(...this.offered(state).map((c, index) => c.number ?? index + 1));
  }

  /** What is chosen, then every ordinary choice not chosen yet. */
  private everyChoice(selected: readonly V[]): V[] {
    return [...selected, ...this.remaining(selected).map((c) => c.value)];
  }

  /** Ordinary choices still on offer that a sentence speaks of. */
  private understood(text: string, state: MultiChoiceState<V>): V[] {
    if (!this.config.understand) return [];
    const open = new Set(this.remaining(state.selected).map((c) => c.value));
    return [...new Set(this.config.understand(text))].filter((value) => open.has(value));
  }

  /**
   * The choices on offer now: all of them at first; then what is left, and "That's all". Each
   * keeps its number from the first list, so "2" then "4" texted in a burst mean what they said.
   */
  private offered(state: MultiChoiceState<V>): MatchableChoice<string>[] {
    const all = this.allMatchables();
    if (state.selected.length === 0) return this.config.choices.map((c) => all.get(c.value)!);
    return [...this.remaining(state.selected).map((c) => all.get(c.value)!), all.get(DONE)!];
  }

  /** What a message may pick now: what is on offer, and (asking for more) what was already picked. */
  private answerable(state: MultiChoiceState<V>): MatchableChoice<string>[] {
    if (state.selected.length === 0) return this.offered(state);
    const all = this.allMatchables();
    const chosen = state.selected.filter((value) => !this.isExclusive(value)).map((value) => all.get(value)!);
    return [...this.offered(state), ...chosen];
  }

  private remaining(selected: readonly V[]): MultiChoiceSpec<V>[] {
    return this.config.choices.filter((c) => !c.exclusive && !selected.includes(c.value));
  }

  /**
   * "That's all" takes the number of the first choice that stands alone ("Nothing", "Any time"),
   * which means the same once something is chosen; else the number after the list.
   */
  private doneNumber(): number {
    const alone = this.config.choices.findIndex((c) => c.exclusive);
    return alone >= 0 ? alone + 1 : this.config.choices.length + 1;
  }

  private isExclusive(value: V): boolean {
    return Boolean(this.config.choices.find((c) => c.value === value)?.exclusive);
  }

  private keyOf(value: string): string {
    return value === DONE ? 'common.choices.done' : this.config.choices.find((c) => c.value === value)!.key;
  }

  private allMatchables(): Map<string, MatchableChoice<string>> {
    if (!this.matchables) {
      this.matchables = new Map<string, MatchableChoice<string>>(
        this.config.choices.map((c, index) => [c.value, { ...matchable<string>(c.value, c.key, ...(c.alsoKeys ?? [])), number: index + 1 }]),
      );
      this.matchables.set(DONE, { ...matchable(DONE, 'common.choices.done'), number: this.doneNumber() });
    }
    return this.matchables;
  }
}
