import { ActivityTypes, InputHints } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ServiceDirectory } from '../src/directory/directory';
import { suggestionsAreNear, type Suggestion } from '../src/directory/match';
import { profileFromAnswers, profileText, type MatchProfile } from '../src/directory/profile';
import { fillerWords, normaliseForMatching, numberWords, stripFillers, synonymsFor, type Language, type Translate } from '../src/i18n';
import { recogniseCommand } from '../src/nlu/commands';
import type { CategoryEvidence, Recognizer } from '../src/nlu/recognizer';
import type { ReferralRepository } from '../src/referrals';
import { matchable, matchChoice, matchChoices, ordinalIn, type MatchableChoice } from './choiceMatching';
import { recogniseCommonQuestion } from './commonQuestions';
import type { DialogConfig } from './config';
import { askForPerson, type HandoffRequests } from './handoffRequests';
import { PersonDialog, type PersonOptions } from './personDialog';
import type { AnswerRecogniser } from './prompts/answerRecogniser';
import { Question, type QuestionOptions, type QuestionState, type Reading } from './prompts/question';
import { isSmsChannel, renderMessage, showsCards, type QuestionView } from './render';
import { suggestionCards, suggestionIdIn } from './suggestionCards';
import { joinList, numbersText, serviceFacts, suggestionsText, type ServiceFacts } from './suggestionsText';
import { turnLanguage, turnTranslator } from './turnLanguage';

export const SUGGESTIONS_DIALOG = 'suggestions';
const CHOOSE_QUESTION = 'suggestions.choose';

/** How many suggestions are shown at a time. */
export const SUGGESTIONS_PER_BATCH = 3;

/** What the suggestions step needs besides the referral repository. */
export interface SuggestionsDeps {
  /** Ranks the directory's services for a person (the ServiceDirectory, or anything with its `suggest`). */
  directory: Pick<ServiceDirectory, 'suggest'>;
  /** Finds categories of need or interest in the person's own words. */
  recognizer: Recognizer;
  config: DialogConfig;
  /** Operator log: what failed, never what people wrote. */
  log?: (line: string) => void;
  /** The live handoff: "talk to a person" here opens one as it does anywhere else. */
  handoffs?: HandoffRequests;
}

/** A suggestion as the question remembers it between turns (dialog state holds data only). */
export interface Offer {
  id: string;
  name: string;
  /** When, where and what it costs, to answer "what time is it?" before choosing. */
  facts?: ServiceFacts;
}

/** How the suggestions step ended. */
export type SuggestionsResult =
  | { outcome: 'done'; picked: number }
  | { outcome: 'noneFit' }
  | { outcome: 'person' }
  /** Nothing in the directory fitted. */
  | { outcome: 'noneFound' }
  /** The directory could not be asked; the conversation went on without suggestions. */
  | { outcome: 'unavailable' };

// ---------------------------------------------------------------------------------------------
// The question: pick by number, name or card button; more; none of these; talk to a person; skip.
// ---------------------------------------------------------------------------------------------

export type SuggestionAnswer =
  | { kind: 'pick'; ids: string[] }
  | { kind: 'more' }
  | { kind: 'none' }
  | { kind: 'person' }
  /** Skip, or "that's all" after a pick. */
  | { kind: 'done' };

export interface ChooseOptions extends QuestionOptions {
  /** The suggestions on screen now, in the order they are numbered. */
  offered: Offer[];
  /** Every suggestion shown in this conversation (a card further up can still be chosen). */
  known: Offer[];
  /** Something was picked already: ask "another one?", and offer "That's all" instead of "None of these". */
  afterPick: boolean;
  /** There are more to show. */
  canShowMore: boolean;
}

type ChooseState = QuestionState & ChooseOptions;

type Action = 'more' | 'none' | 'person' | 'skip' | 'done';

/** Words that say nothing about which activity is meant ("the", "group"…), in both languages. */
const NOT_DISTINCTIVE = new Set([
  'the', 'and', 'for', 'with', 'club', 'group', 'groups', 'session', 'sessions', 'service', 'services', 'support',
  'kestleford', 'one', 'that', 'this', 'please', 'like', 'want', 'would', 'choose', 'pick',
  'yr', 'y', 'a', 'ac', 'ar', 'i', 'o', 'gyda', 'grwp', 'clwb', 'hwn', 'hon', 'un', 'dewis',
]);
/** A longer message is something the person is telling us, not the name of an activity. */
const MAX_WORDS_FOR_NAME = 8;
/** "Not the walking one": never read a refusal as a pick. */
const NEGATIONS = new Set(['not', 'no', 'dont', 'never', 'nothing', 'ddim', 'dim', 'na', 'nid']);
/**
 * Words that may sit beside a word from a name in a pick ("the walking one sounds good"). Any other
 * word may be part of another name ("mesingham choir" is not "Rock Choir"), so nothing is picked.
 */
const PICK_TALK = new Set([
  'i', 'id', 'ill', 'im', 'me', 'my', 'love', 'like', 'take', 'have', 'try', 'join', 'go', 'do', 'to', 'that', 'sounds',
  'looks', 'good', 'nice', 'great', 'lovely', 'fun', 'ok', 'okay', 'yes', 'yeah', 'please', 'thanks', 'think', 'maybe',
  'ones', 'them', 'those', 'these', 'they', 'one', 'put', 'down', 'for', 'sign', 'up', 'add', 'book', 'best', 'bit',
  'hoffwn', 'hoffi', 'swnio', 'neis', 'da', 'iawn', 'eisiau', 'isio', 'mynd', 'ymuno', 'plis', 'diolch', 'fi', 'mi',
  'dw', 'dwi', 'yn', 'ie', 'sy', 'syn', 'hynny', 'rhoi', 'what', 'how', 'about', 'on', 'at', 'in', 'beth', 'am',
]);

/** What a question about an activity asks: when, where, what it costs, or something else. */
type ServiceTopic = keyof ServiceFacts | 'other';

/** Words that open a question ("what time...", "how much...", "ble mae..."): a question is never a pick. */
const QUESTION_OPENING =
  /^(what|whats|when|whens|where|wheres|how|hows|who|whos|why|which|is|are|does|do they|do you|do i|will|would it|can you tell|could you tell|tell me|beth|pryd|ble|lle|faint|sut|pwy|pam|pa|oes|ydy|ydi|ydyn|fydd|ai)\b/;
const TOPICS: [keyof ServiceFacts, RegExp][] = [
  ['cost', /\b(cost|costs|price|how much|pay|paying|free|charge|fee|fees|money|faint mae|faint yw|faint ydy|pris|talu|am ddim|arian)\b/],
  ['where', /\b(where|wheres|address|location|located|postcode|how do i get|how to get|ble|lle|cyfeiriad|lleoliad)\b/],
  ['when', /\b(when|whens|what time|time|times|what day|which day|days|day|how often|start|starts|open|pryd|amser|faint o r gloch|diwrnod|dyddiau|dydd)\b/],
];

/** The topic of a question about an activity, or undefined when the message is not a question. */
function serviceQuestionIn(text: string): ServiceTopic | undefined {
  const normalised = normaliseForMatching(text);
  // "What about the walking one?", "how about the first": a pick put as a question.
  if (/^(what|how) about\b/.test(normalised)) return undefined;
  const asks = QUESTION_OPENING.test(normalised) || text.trim().endsWith('?');
  if (!asks) return undefined;
  return TOPICS.find(([, pattern]) => pattern.test(normalised))?.[0] ?? (QUESTION_OPENING.test(normalised) ? 'other' : undefined);
}

/** The one question of this step, asked again after every pick. */
export class SuggestionChoiceQuestion extends Question<SuggestionAnswer, ChooseOptions, ChooseState> implements AnswerRecogniser {
  private actions?: MatchableChoice<Action>[];
  private yesChoice?: MatchableChoice<'yes'>[];

  constructor(id: string) {
    super(id);
  }

  acceptsAnswer(text: string, state: object): boolean {
    return this.read(text, state as ChooseState).kind === 'answer';
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    const state = dc.activeDialog!.state as ChooseState;
    // A card's "Choose this": the id is surer than the name that came with it.
    const id = activity.type === ActivityTypes.Message ? suggestionIdIn(activity.value) : undefined;
    if (id && state.known.some((offer) => offer.id === id)) return dc.endDialog({ kind: 'pick', ids: [id] } satisfies SuggestionAnswer);
    const text = activity.type === ActivityTypes.Message && typeof activity.text === 'string' ? activity.text : '';
    const topic = serviceQuestionIn(text);
    // "What is a link worker?" is the base's to answer; a question about an activity is answered here.
    if (topic && !recogniseCommonQuestion(text) && this.read(text, state).kind !== 'answer') {
      const t = turnTranslator(dc.context);
      await dc.context.sendActivity(renderMessage(answerAbout(t, topic, this.askedAbout(text, state))));
      await this.repromptDialog(dc.context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    return super.continueDialog(dc);
  }

  /** The activity a question names ("is the choir free?"), else every one on screen. */
  private askedAbout(text: string, state: ChooseState): Offer[] {
    const normalised = normaliseForMatching(text);
    for (const offers of [state.offered, state.known]) {
      const named = pickByNameWords(normalised, offers, { anyOtherWords: true });
      if (named.length > 0) return offers.filter((offer) => named.includes(offer.id));
    }
    return state.offered.length > 0 ? state.offered : state.known;
  }

  protected override initialState(options: ChooseOptions | undefined): ChooseState {
    const base = super.initialState(options);
    return {
      ...base,
      offered: options?.offered ?? [],
      known: options?.known ?? options?.offered ?? [],
      afterPick: options?.afterPick ?? false,
      canShowMore: options?.canShowMore ?? false,
    };
  }

  protected view(t: Translate, state: ChooseState): QuestionView {
    const actions: Action[] = [
      ...(state.canShowMore ? (['more'] as const) : []),
      state.afterPick ? 'done' : 'none',
      'person',
      ...(state.afterPick ? [] : (['skip'] as const)),
    ];
    const typedWords = actions.filter((a) => a !== 'skip').map((a) => t(`suggestions.textOnlyHint.words.${a}`));
    const numbers = numbersText(t, state.offered.length);
    return {
      text: this.questionText(t, state, state.afterPick ? 'suggestions.askAnother' : 'suggestions.ask'),
      extraButtons: actions.map((a) => t(`suggestions.choices.${a}.label`)),
      textOnlyHint: [
        ...(state.offered.length > 0
          ? [t(state.afterPick ? 'suggestions.textOnlyHint.chooseAnother' : 'suggestions.textOnlyHint.choose', { numbers })]
          : []),
        t('suggestions.textOnlyHint.orReply', { words: joinList(t, typedWords, 'suggestions.orList') }),
      ].join(' '),
    };
  }

  protected read(text: string, state: ChooseState): Reading<SuggestionAnswer> {
    const normalised = stripFillers(normaliseForMatching(text));
    // By number ("2", "1 and 3", "dau") or by a name as shown on screen.
    const offered = state.offered.map((offer) => ({ value: offer.id, synonyms: [normaliseForMatching(offer.name)] }));
    const picked = matchChoices(text, offered);
    if (picked) return { kind: 'answer', result: { kind: 'pick', ids: picked } };
    const earlier = state.known.find((offer) => normaliseForMatching(offer.name) === normalised);
    if (earlier) return { kind: 'answer', result: { kind: 'pick', ids: [earlier.id] } };
    // "The first one", "the last one", "yr ail un".
    const place = ordinalIn(text, state.offered.length);
    if (place !== undefined) return { kind: 'answer', result: { kind: 'pick', ids: [state.offered[place - 1].id] } };

    // A number that is not on the list is not one of the other choices either.
    if (isNumber(normalised)) return { kind: 'problem', problemKey: 'suggestions.whichOne' };
    const action = matchChoice(text, this.actionChoices());
    if (action) return { kind: 'answer', result: this.answerFor(action, state) };
    // "Yes" to "Would you like to choose one?": which one, then.
    if (matchChoice(text, this.yes())) return { kind: 'problem', problemKey: 'suggestions.whichOne' };

    // A question ("what time is the rock choir?") is not a pick: continueDialog answers it.
    if (serviceQuestionIn(text)) return { kind: 'problem', problemKey: 'common.notUnderstood' };
    // Words from one name ("the walking one"), unless the message is a command or says no.
    const command = recogniseCommand(text, 'en');
    if (!command) {
      // What is on screen first, then anything shown before "more" ("the bike one" from the first three).
      const byWords = pickByNameWords(normalised, state.offered);
      if (byWords.length > 0) return { kind: 'answer', result: { kind: 'pick', ids: byWords } };
      const byWordsEarlier = pickByNameWords(normalised, state.known);
      if (byWordsEarlier.length > 0) return { kind: 'answer', result: { kind: 'pick', ids: byWordsEarlier } };
    }
    return { kind: 'problem', problemKey: 'common.notUnderstood' };
  }

  private yes(): MatchableChoice<'yes'>[] {
    this.yesChoice ??= [matchable('yes', 'common.choices.yes')];
    return this.yesChoice;
  }

  private answerFor(action: Action, state: ChooseState): SuggestionAnswer {
    switch (action) {
      case 'more':
        return { kind: 'more' };
      case 'person':
        return { kind: 'person' };
      // After a pick, "none of these" means none of the others: nothing to record.
      case 'none':
        return state.afterPick ? { kind: 'done' } : { kind: 'none' };
      case 'skip':
      case 'done':
        return { kind: 'done' };
    }
  }

  /** Most specific first: "none" is also a way of saying skip, but here it means none of these fit. */
  private actionChoices(): MatchableChoice<Action>[] {
    this.actions ??= [
      matchable<Action>('more', 'suggestions.choices.more', 'suggestions.textOnlyHint.words.more'),
      matchable<Action>('none', 'suggestions.choices.none', 'suggestions.textOnlyHint.words.none'),
      matchable<Action>('person', 'suggestions.choices.person', 'suggestions.textOnlyHint.words.person', 'commands.synonyms.human'),
      matchable<Action>('done', 'suggestions.choices.done', 'suggestions.textOnlyHint.words.done', 'common.choices.done'),
      matchable<Action>('skip', 'suggestions.choices.skip', 'common.choices.skip', 'common.choices.no'),
    ];
    return this.actions;
  }
}

function isNumber(normalised: string): boolean {
  return /^\d+$/.test(normalised) || numberWords().has(normalised);
}

/**
 * The offered activities whose name has a word the message uses and no other offered name has
 * ("walking" for "Riverside Walking Group" beside "Tuesday Friendship Café").
 */
function pickByNameWords(normalised: string, offered: readonly Offer[], options: { anyOtherWords?: boolean } = {}): string[] {
  const words = normalised.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS_FOR_NAME || words.some((w) => NEGATIONS.has(w))) return [];
  // "bikes" for "Bike Rides", "walk" for "Walks": a plural s either way.
  const forms = (word: string) => [word, `${word}s`, word.endsWith('s') ? word.slice(0, -1) : word];
  const said = new Set(words.flatMap(forms));
  const nameWords = offered.map((offer) => new Set(normaliseForMatching(offer.name).split(' ')));
  return offered
    .filter((_, index) => {
      const named = [...nameWords[index]].some(
        (word) =>
          word.length >= 3 &&
          !NOT_DISTINCTIVE.has(word) &&
          said.has(word) &&
          nameWords.every((other, j) => j === index || !other.has(word)),
      );
      return named && (options.anyOtherWords || onlyTalkBesides(words, nameWords[index]));
    })
    .map((offer) => offer.id);
}

/** Every word of the message is from the name or is talk around a pick ("the walking one please"). */
function onlyTalkBesides(words: readonly string[], name: ReadonlySet<string>): boolean {
  const inName = (word: string) => [word, `${word}s`, word.endsWith('s') ? word.slice(0, -1) : word].some((form) => name.has(form));
  return words.every((word) => inName(word) || NOT_DISTINCTIVE.has(word) || PICK_TALK.has(word) || fillerWords().has(word) || whenWords().has(word));
}

/** Days and times ("the walking one on tuesday mornings"): saying when is not naming another activity. */
function whenWords(): ReadonlySet<string> {
  whenWordsCache ??= new Set(
    ['weekdays', 'weekends', 'any'].flatMap((days) => synonymsFor(`whatMatters.days.options.${days}`)).concat(synonymsFor('common.fillers.timesOfDay')),
  );
  return whenWordsCache;
}
let whenWordsCache: ReadonlySet<string> | undefined;

/** The answer to a question about activities, from their stored details, or "your link worker can tell you". */
function answerAbout(t: Translate, topic: ServiceTopic, offers: readonly Offer[]): string {
  if (topic === 'other' || offers.length === 0) return t('common.serviceAnswer.linkWorker');
  return offers
    .map((offer) => {
      const value = offer.facts?.[topic];
      return value ? t('common.serviceAnswer.fact', { name: offer.name, value }) : t('common.serviceAnswer.unknown', { name: offer.name });
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The dialog.
// ---------------------------------------------------------------------------------------------

interface LoopOptions extends PersonOptions {
  /** `first`: the opening batch. `more`: the next batch. `again`: ask again about what is on screen. */
  show: 'first' | 'more' | 'again';
  offered: Offer[];
  known: Offer[];
  picked: number;
  canShowMore: boolean;
}

/**
 * After the summary: up to three activities from the directory that fit what the person said,
 * with why each was suggested. They can choose one or more (stored on the referral for the link
 * worker), see more, say none fit (recorded), ask for a person, or skip. A directory that fails
 * or has nothing that fits never stops the conversation.
 */
export class SuggestionsDialog extends PersonDialog {
  private readonly loopId = `${SUGGESTIONS_DIALOG}.loop`;
  private readonly log: (line: string) => void;

  constructor(
    repo: ReferralRepository,
    private readonly deps: SuggestionsDeps,
  ) {
    super(SUGGESTIONS_DIALOG, repo);
    this.log = deps.log ?? ((line) => console.warn(line));
    this.addDialog(new WaterfallDialog<PersonOptions>(`${SUGGESTIONS_DIALOG}.start`, [(s) => this.start(s)]));
    this.addDialog(new WaterfallDialog<LoopOptions>(this.loopId, [(s) => this.show(s), (s) => this.act(s)]));
    this.addDialog(new SuggestionChoiceQuestion(CHOOSE_QUESTION));
    this.initialDialogId = `${SUGGESTIONS_DIALOG}.start`;
  }

  private start(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const first: LoopOptions = { personKey: step.options.personKey, show: 'first', offered: [], known: [], picked: 0, canShowMore: false };
    return step.replaceDialog(this.loopId, first);
  }

  private async show(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const t = turnTranslator(step.context);
    if (options.show === 'again') return this.ask(step, options);

    const batch = await this.nextBatch(step.context.activity.channelId, options.personKey, turnLanguage(step.context));
    if (batch === 'failed') {
      await step.context.sendActivity(renderMessage(t('suggestions.unavailable')));
      return step.endDialog({ outcome: 'unavailable' } satisfies SuggestionsResult);
    }
    if (batch.suggestions.length === 0) {
      if (options.show === 'first') {
        // Matching leaves out what fits nothing the person said, so an empty list means nothing fits.
        await step.context.sendActivity(renderMessage(t('suggestions.noneMatch')));
        return step.endDialog({ outcome: 'noneFound' } satisfies SuggestionsResult);
      }
      await step.context.sendActivity(renderMessage(t('suggestions.noMore')));
      return this.ask(step, { ...options, canShowMore: false });
    }

    const { suggestions } = batch;
    await this.repo.recordSuggestionsShown(options.personKey, suggestions.map((s) => s.id));
    // "Near you" only when it is true: the person's place is known and every place is close.
    const firstIntro = suggestionsAreNear(suggestions) ? 'suggestions.intro' : 'suggestions.introNotNear';
    const introKey = options.show === 'first' ? firstIntro : 'suggestions.introMore';
    if (showsCards(step.context.activity.channelId)) {
      await step.context.sendActivity({
        type: ActivityTypes.Message,
        text: t(introKey),
        attachments: suggestionCards(t, suggestions),
        // Stacked, not a carousel: every card is in reading order, none hidden behind arrows.
        attachmentLayout: 'list',
        inputHint: InputHints.AcceptingInput,
      });
    } else {
      const sms = isSmsChannel(step.context.activity.channelId);
      await step.context.sendActivity(renderMessage(suggestionsText(t, suggestions, introKey, { sms })));
    }
    const offered = suggestions.map((s) => ({ id: s.id, name: s.name, facts: serviceFacts(t, s.service) }));
    const known = [...options.known.filter((k) => !offered.some((o) => o.id === k.id)), ...offered];
    return this.ask(step, { ...options, offered, known, canShowMore: batch.more });
  }

  private ask(step: WaterfallStepContext<LoopOptions>, options: LoopOptions): Promise<DialogTurnResult> {
    // The loop's options travel on to the next step through the waterfall's own state.
    Object.assign(step.options, options);
    const question: ChooseOptions = {
      offered: options.offered,
      known: options.known,
      afterPick: options.picked > 0,
      canShowMore: options.canShowMore,
    };
    return step.beginDialog(CHOOSE_QUESTION, question);
  }

  private async act(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const answer = step.result as SuggestionAnswer;
    const options = step.options;
    const { personKey } = options;
    const t = turnTranslator(step.context);
    switch (answer.kind) {
      case 'pick': {
        await this.repo.recordSuggestionPicks(personKey, answer.ids);
        const names = answer.ids.map((id) => options.known.find((k) => k.id === id)?.name).filter((n): n is string => Boolean(n));
        await step.context.sendActivity(renderMessage(t('suggestions.added', { names: joinList(t, names, 'suggestions.andList') })));
        const next: LoopOptions = { ...options, show: 'again', picked: options.picked + answer.ids.length };
        return step.replaceDialog(this.loopId, next);
      }
      case 'more':
        return step.replaceDialog(this.loopId, { ...options, show: 'more' } satisfies LoopOptions);
      case 'none':
        await this.repo.recordNoSuggestionFits(personKey);
        await step.context.sendActivity(renderMessage(t('suggestions.noneFitThanks')));
        return step.endDialog({ outcome: 'noneFit' } satisfies SuggestionsResult);
      case 'person':
        await askForPerson(step.context, personKey, this.repo, this.deps.handoffs, this.deps.config.serviceName, 'suggestions.personDone');
        return step.endDialog({ outcome: 'person' } satisfies SuggestionsResult);
      case 'done':
        return step.endDialog({ outcome: 'done', picked: options.picked } satisfies SuggestionsResult);
    }
  }

  /**
   * The next few suggestions not yet shown to this person, and whether there are more after them;
   * 'failed' when the directory (or the profile) could not be had. Logged without personal data.
   */
  private async nextBatch(
    channelId: string,
    personKey: string,
    lang: Language,
  ): Promise<{ suggestions: Suggestion[]; more: boolean } | 'failed'> {
    try {
      const referral = await this.repo.find(personKey);
      if (!referral) return { suggestions: [], more: false };
      const profile = await this.profileFor(referral.answers, lang);
      const exclude = referral.suggestions.shown.flatMap((batch) => batch.ids);
      // One more than shown, to know whether "Show me more" has anything behind it.
      const found = await this.deps.directory.suggest(profile, { limit: SUGGESTIONS_PER_BATCH + 1, exclude });
      return { suggestions: found.slice(0, SUGGESTIONS_PER_BATCH), more: found.length > SUGGESTIONS_PER_BATCH };
    } catch (error) {
      this.log(`suggestions: could not get suggestions on ${channelId} (${errorKind(error)})`);
      return 'failed';
    }
  }

  /** The matching profile; if the recogniser fails, the chosen interests and barriers still count. */
  private async profileFor(answers: Parameters<typeof profileText>[0], lang: Language): Promise<MatchProfile> {
    const text = profileText(answers);
    let extracted: CategoryEvidence[] = [];
    if (text.trim()) {
      try {
        extracted = (await this.deps.recognizer.recognize(text, lang)).categories;
      } catch (error) {
        this.log(`suggestions: recogniser failed, matching on chosen answers only (${errorKind(error)})`);
      }
    }
    return profileFromAnswers(answers, lang, extracted);
  }
}

/** An error's kind, never its message: a message may quote what the person wrote. */
function errorKind(error: unknown): string {
  if (error instanceof Error) return error.name || 'Error';
  return typeof error;
}
