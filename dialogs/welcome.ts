import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogInstance, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseForMatching, synonymsFor, type Language, type Translate } from '../src/i18n';
import { extractCategories } from '../src/nlu/categories';
import { recogniseCommand } from '../src/nlu/commands';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { askForPerson, type HandoffRequests } from './handoffRequests';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import type { QuestionOptions, QuestionState, Reading } from './prompts/question';
import { renderMessage } from './render';
import { adoptLanguage, languageChosenThisTurn, setTurnLanguage, turnTranslator } from './turnLanguage';

export const WELCOME_DIALOG = 'welcome';
export const LANGUAGE_QUESTION = 'welcome.language';

export interface WelcomeResult {
  language: Language;
}

/** Language choices, shared by the welcome and the "change language" command. */
export const LANGUAGE_CHOICES = [choice<Language>('en', 'welcome.language.english'), choice<Language>('cy', 'welcome.language.welsh')];

/**
 * True when a message is plainly Welsh: a Welsh greeting or sentence ("shwmae", "bore da", "ia",
 * "dwi isio siarad efo rhywun"), with no English words in it (mixed messages are not guessed at).
 */
export function looksWelsh(text: string): boolean {
  const words = new Set(normaliseForMatching(text).split(' '));
  const saysAny = (lang: Language) => synonymsFor('welcome.language.tellTales', [lang]).some((phrase) => phrase.split(' ').every((word) => words.has(word)));
  return saysAny('cy') && !saysAny('en');
}

/**
 * Many English speakers spell hello "helo" too: alone, as the first message, it does not choose
 * the language of the welcome (the question that follows is in both languages anyway).
 */
const SHARED_GREETINGS = new Set(['helo']);

/**
 * Whether the message that starts the welcome is Welsh enough to give the welcome in Welsh. Not
 * a command ("siarad â pherson"): the pipeline has just answered that in the language it knew.
 */
function opensInWelsh(text: string): boolean {
  return looksWelsh(text) && !SHARED_GREETINGS.has(normaliseForMatching(text)) && recogniseCommand(text, 'cy') === null;
}

/** Languages Front Door can say one line in (that it chats only in English or Welsh), besides those two. */
export const OTHER_LANGUAGES = ['pl', 'ar', 'ur', 'ro', 'es', 'pt', 'bn', 'pa', 'so', 'tr', 'zh'] as const;
export type OtherLanguage = (typeof OTHER_LANGUAGES)[number];
/** The language a person needs an interpreter for: one we can name, or "und" (ISO 639: not known which). */
export type InterpreterLanguage = OtherLanguage | 'und';

/** The offer made to anyone writing in another language: English or Welsh only, a person with an interpreter. */
const OFFER_KEY = 'welcome.language.onlyEnglishOrWelsh';

/** Letters only one of these languages uses among the Latin-script ones (Welsh uses none of them). */
const TELLTALE_LETTERS: ReadonlyArray<[OtherLanguage, RegExp]> = [
  ['pl', /[ąęłśźżćń]/u],
  ['ro', /[ășțţ]/u],
  ['tr', /[ğıİ]/u],
  ['pt', /[ãõ]/u],
  ['es', /[ñ¿¡]/u],
];

/** Scripts of these languages; an Arabic-script message with letters Urdu adds is Urdu. */
const SCRIPTS: ReadonlyArray<[OtherLanguage, RegExp]> = [
  ['ur', /[ٹڈڑںےھہۓ]/u],
  ['ar', /\p{Script=Arabic}/u],
  ['bn', /\p{Script=Bengali}/u],
  ['pa', /\p{Script=Gurmukhi}/u],
  ['zh', /\p{Script=Han}/u],
];

/** A letter of any script but Latin: someone writing in a language we cannot name. */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/** Chinese is written without spaces: its words are found anywhere in the message. */
const WRITTEN_WITHOUT_SPACES = /\p{Script=Han}/u;

function mentions(text: string, key: string): boolean {
  const normalised = normaliseForMatching(text);
  const padded = ` ${normalised} `;
  return synonymsFor(key, ['en']).some((phrase) => padded.includes(` ${phrase} `) || (WRITTEN_WITHOUT_SPACES.test(phrase) && normalised.includes(phrase)));
}

/**
 * The language whose word for "interpreter" the message uses ("tłumacz", "مترجم", "tercüman"):
 * someone asking for a person with an interpreter. Null otherwise.
 */
export function interpreterAskedIn(text: string): OtherLanguage | null {
  return OTHER_LANGUAGES.find((code) => mentions(text, `welcome.language.other.${code}.interpreterWords`)) ?? null;
}

/**
 * The language a message is written in or asks for, when it is not English or Welsh: "polski",
 * "Dzień dobry", "عربي", "Urdu please", or "interpreter" (language not known). Null otherwise.
 */
export function interpreterLanguageIn(text: string): InterpreterLanguage | null {
  const named = OTHER_LANGUAGES.find((code) => mentions(text, `welcome.language.other.${code}.synonyms`)) ?? interpreterAskedIn(text);
  if (named) return named;
  const lower = text.toLowerCase();
  const written = [...SCRIPTS, ...TELLTALE_LETTERS].find(([, letters]) => letters.test(lower));
  if (written) return written[0];
  return mentions(text, 'welcome.language.otherLanguageWords') || NON_LATIN_LETTER.test(text) ? 'und' : null;
}

function isOtherLanguage(code: InterpreterLanguage): code is OtherLanguage {
  return code !== 'und';
}

/** Letters outside plain English (accents, other scripts): a sign of another language. */
const NOT_ENGLISH_LETTER = /[^\p{ASCII}‘’“”]/u;
/** Words this short are words in many languages ("to", "on", "no", "am"): alone they prove nothing. */
const SHORTEST_TELLING_WORD = 3;

const QUESTION_WORDS = new Set(['what', 'who', 'why', 'where', 'when', 'how', 'which']);

/** "What is this?", "how does it work": a question back rather than a choice. */
function asksSomething(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_WORDS.has(normaliseForMatching(text).split(' ')[0]);
}

/**
 * True when a message is plainly English ("feeling lonely", "i need help with my money"): plain
 * letters, no Welsh, no other language named, and at least half its words English ones we know
 * (common words, or words of needs and interests), one of them longer than "to" or "am".
 */
export function looksPlainlyEnglish(text: string): boolean {
  if (NOT_ENGLISH_LETTER.test(text) || interpreterLanguageIn(text)) return false;
  const words = normaliseForMatching(text).split(' ').filter(Boolean);
  if (words.length === 0) return false;
  const padded = ` ${words.join(' ')} `;
  const says = (key: string, lang: Language) => synonymsFor(key, [lang]).some((phrase) => padded.includes(` ${phrase} `));
  if (says('welcome.language.tellTales', 'cy') || says('welcome.language.otherLanguageNames', 'en')) return false;
  const common = new Set([...synonymsFor('welcome.language.tellTales', ['en']), ...synonymsFor('welcome.language.englishWords', ['en'])]);
  const ofNeeds = new Set(extractCategories(text, 'en').flatMap((found) => found.words.flatMap((word) => normaliseForMatching(word).split(' '))));
  const english = words.filter((word) => common.has(word) || ofNeeds.has(word));
  return english.length * 2 >= words.length && english.some((word) => word.length >= SHORTEST_TELLING_WORD);
}

/** What the language question keeps between turns, beyond any question's state. */
interface LanguageState extends QuestionState {
  personKey?: string;
  interpreterLanguage?: InterpreterLanguage;
  /** They asked for a person: more words in their language are thanked, not offered the interpreter again. */
  personAsked?: boolean;
  /** "A person with an interpreter will contact you" has been said in their language. */
  personComingSaid?: boolean;
}

interface LanguageOptions extends QuestionOptions {
  personKey: string;
  interpreterLanguage?: InterpreterLanguage;
}

/** After they asked for a person: thanks, and that someone will contact them with an interpreter. */
const PERSON_COMING_KEY = 'welcome.language.interpreterComing';

/**
 * Remembers the language on the referral so the link worker knows which interpreter to book;
 * "interpreter" after "polski" must not hide the Polish already known.
 */
async function rememberInterpreterLanguage(repo: ReferralRepository, state: LanguageState, code: InterpreterLanguage): Promise<void> {
  if (!isOtherLanguage(code) && state.interpreterLanguage) return;
  if (state.personKey) await repo.setInterpreterLanguage(state.personKey, code);
  state.interpreterLanguage = code;
}

/** One line in their own language, where we have one for it. */
async function sayInTheirLanguage(context: TurnContext, code: InterpreterLanguage | undefined, line: 'line' | 'personComing'): Promise<void> {
  if (code && isOtherLanguage(code)) await context.sendActivity(renderMessage(turnTranslator(context)(`welcome.language.other.${code}.${line}`)));
}

/**
 * "Which language?" Before a language is chosen the person may be either, so a message in Welsh
 * ("shwmae", "ydy", a Welsh sentence) chooses Cymraeg, and one plainly in English chooses English.
 * Another language ("polski", "مرحبا") gets the interpreter offer at once; so does a second message
 * not understood: no endless "Sorry". Their word for interpreter ("tłumacz") asks for a person;
 * once a person is asked for, more words in their language are thanked, not offered again.
 */
class LanguageQuestion extends ChoiceQuestion<Language> {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly serviceName: string,
    private readonly handoffs?: HandoffRequests,
  ) {
    super(LANGUAGE_QUESTION, { textKey: 'welcome.language.ask', choices: LANGUAGE_CHOICES });
  }

  // "Shwmae" answers this question (Cymraeg); other greetings are read for their language.
  protected override greetingMayAnswer(): boolean {
    return true;
  }

  protected override initialState(options: LanguageOptions | undefined): LanguageState {
    return { ...super.initialState(options), personKey: options?.personKey, interpreterLanguage: options?.interpreterLanguage };
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    const text = activity.type === ActivityTypes.Message && typeof activity.text === 'string' ? activity.text : '';
    const code = interpreterLanguageIn(text);
    if (!code) return super.continueDialog(dc);
    const state = dc.activeDialog!.state as LanguageState;
    await rememberInterpreterLanguage(this.repo, state, code);
    state.personAsked ||= await this.personAskedFor(state);
    if (interpreterAskedIn(text) && !state.personAsked) {
      await this.askForPersonWithInterpreter(dc.context, state);
      await this.repromptDialog(dc.context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    await sayInTheirLanguage(dc.context, state.interpreterLanguage, state.personAsked ? 'personComing' : 'line');
    return super.continueDialog(dc);
  }

  /** After "PERSON" (the pipeline asks for the person, then this question again): that someone is coming, in their language. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as LanguageState;
    if (state.interpreterLanguage && !state.personComingSaid && (state.personAsked || (await this.personAskedFor(state)))) {
      state.personAsked = true;
      state.personComingSaid = true;
      await sayInTheirLanguage(context, state.interpreterLanguage, 'personComing');
    }
    await super.repromptDialog(context, instance);
  }

  protected override read(text: string, state?: QuestionState): Reading<Language | null> {
    if (interpreterLanguageIn(text)) return { kind: 'problem', problemKey: (state as LanguageState | undefined)?.personAsked ? PERSON_COMING_KEY : OFFER_KEY };
    const reading = super.read(text);
    if (reading.kind === 'answer') return reading;
    if (looksWelsh(text)) return { kind: 'answer', result: 'cy' };
    // "feeling lonely" names no language, but is written in English: carry on in English. "What is
    // this?" first gets the question again (in both languages); asked twice, English too, not the offer.
    if (looksPlainlyEnglish(text) && (!asksSomething(text) || (state?.attempts ?? 0) >= 1)) return { kind: 'answer', result: 'en' };
    // A second miss: whatever they write, it is probably not English or Welsh.
    return { kind: 'problem', problemKey: (state?.attempts ?? 0) >= 1 ? OFFER_KEY : 'welcome.language.notUnderstood' };
  }

  // Each language's sentences kept together, not "Sorry… Mae'n ddrwg… Stuck?… Yn sownd?…".
  protected override stuckTexts(t: Translate, _state: QuestionState, problemKey: string): string[] {
    if (problemKey === OFFER_KEY || problemKey === PERSON_COMING_KEY) return [t(problemKey)];
    return [t('welcome.language.notUnderstoodStuck'), t('welcome.language.stuck')];
  }

  private async personAskedFor(state: LanguageState): Promise<boolean> {
    return state.personKey !== undefined && (await this.repo.find(state.personKey))?.humanRequestedAt !== undefined;
  }

  /** "tłumacz" alone: asked for a person, as "talk to a person" does, and told so. */
  private async askForPersonWithInterpreter(context: TurnContext, state: LanguageState): Promise<void> {
    if (!state.personKey) return;
    await askForPerson(context, state.personKey, this.repo, this.handoffs, this.serviceName, 'commands.human.done');
    state.personAsked = true;
  }
}

/**
 * Says what this is (an automated assistant for the service), what it can and cannot do, that it
 * is not for emergencies, and asks which language to use. Ends with the language chosen.
 */
export class WelcomeDialog extends PersonDialog {
  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
    /** Opens a handoff when someone asks for a person with an interpreter ("tłumacz"); without it, only the referral records the request. */
    handoffs?: HandoffRequests,
  ) {
    super(WELCOME_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<PersonOptions>(`${WELCOME_DIALOG}.steps`, [(s) => this.introduce(s), (s) => this.rememberLanguage(s)]),
    );
    this.addDialog(new LanguageQuestion(repo, config.serviceName, handoffs));
  }

  private async introduce(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    // "English" or "Cymraeg" as the first message chose already: the welcome in it, and no question.
    const chosen = languageChosenThisTurn(step.context);
    if (chosen) {
      await this.sayWhatThisIs(step.context);
      return step.next(chosen);
    }
    // "Shwmae" or a Welsh sentence first: the welcome in Welsh (the language is still asked).
    const text = step.context.activity.text;
    if (typeof text === 'string' && opensInWelsh(text)) setTurnLanguage(step.context, 'cy');
    const t = turnTranslator(step.context);
    await this.sayWhatThisIs(step.context);
    // "Dzień dobry" first: the offer of an interpreter comes before the question, not after two misses.
    const code = typeof text === 'string' ? interpreterLanguageIn(text) : null;
    const { personKey } = step.options;
    if (code) {
      if (personKey) await this.repo.setInterpreterLanguage(personKey, code);
      await sayInTheirLanguage(step.context, code, 'line');
      await step.context.sendActivity(renderMessage(t(OFFER_KEY)));
    }
    const options: LanguageOptions = { personKey, interpreterLanguage: code ?? undefined };
    return step.beginDialog(LANGUAGE_QUESTION, options);
  }

  /** That this is a bot, what it does, and that it is not for emergencies, in this turn's language. */
  private async sayWhatThisIs(context: TurnContext): Promise<void> {
    const t = turnTranslator(context);
    await context.sendActivities([
      renderMessage(t('welcome.intro', { serviceName: this.config.serviceName })),
      renderMessage(`${t('welcome.emergency')}\n${t('common.wayOut')}`),
    ]);
  }

  private async rememberLanguage(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const language = step.result as Language;
    const { personKey } = step.options;
    await adoptLanguage(step.context, this.repo, personKey, language);
    const result: WelcomeResult = { language };
    return step.endDialog(result);
  }
}
