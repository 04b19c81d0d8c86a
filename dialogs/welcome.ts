import { ActivityTypes, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseForMatching, synonymsFor, type Language, type Translate } from '../src/i18n';
import { extractCategories } from '../src/nlu/categories';
import { recogniseCommand } from '../src/nlu/commands';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
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

function mentions(text: string, key: string): boolean {
  const padded = ` ${normaliseForMatching(text)} `;
  return synonymsFor(key, ['en']).some((phrase) => padded.includes(` ${phrase} `));
}

/**
 * The language a message is written in or asks for, when it is not English or Welsh: "polski",
 * "Dzień dobry", "عربي", "Urdu please", or "interpreter" (language not known). Null otherwise.
 */
export function interpreterLanguageIn(text: string): InterpreterLanguage | null {
  const named = OTHER_LANGUAGES.find((code) => mentions(text, `welcome.language.other.${code}.synonyms`));
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
}

interface LanguageOptions extends QuestionOptions {
  personKey: string;
  interpreterLanguage?: InterpreterLanguage;
}

/**
 * Tells someone writing in another language, in English, Welsh and (where we can) their own
 * language, that the chat is English or Welsh only and a person with an interpreter can help;
 * remembers the language on the referral so the link worker knows which interpreter to book.
 */
async function offerInterpreter(context: TurnContext, repo: ReferralRepository, personKey: string | undefined, code: InterpreterLanguage, known?: InterpreterLanguage): Promise<void> {
  // "interpreter" after "polski" must not hide the Polish already known.
  if (personKey && (isOtherLanguage(code) || !known)) await repo.setInterpreterLanguage(personKey, code);
  if (isOtherLanguage(code)) await context.sendActivity(renderMessage(turnTranslator(context)(`welcome.language.other.${code}.line`)));
}

/**
 * "Which language?" Before a language is chosen the person may be either, so a message in Welsh
 * ("shwmae", "ydy", a Welsh sentence) chooses Cymraeg, and one plainly in English chooses English.
 * Another language ("polski", "مرحبا") gets the interpreter offer at once; so does a second message
 * not understood: no endless "Sorry".
 */
class LanguageQuestion extends ChoiceQuestion<Language> {
  constructor(private readonly repo: ReferralRepository) {
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
    const code = activity.type === ActivityTypes.Message && typeof activity.text === 'string' ? interpreterLanguageIn(activity.text) : null;
    if (code) {
      const state = dc.activeDialog!.state as LanguageState;
      await offerInterpreter(dc.context, this.repo, state.personKey, code, state.interpreterLanguage);
      if (isOtherLanguage(code) || !state.interpreterLanguage) state.interpreterLanguage = code;
    }
    return super.continueDialog(dc);
  }

  protected override read(text: string, state?: QuestionState): Reading<Language | null> {
    if (interpreterLanguageIn(text)) return { kind: 'problem', problemKey: OFFER_KEY };
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
    if (problemKey === OFFER_KEY) return [t(OFFER_KEY)];
    return [t('welcome.language.notUnderstoodStuck'), t('welcome.language.stuck')];
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
  ) {
    super(WELCOME_DIALOG, repo);
    this.addDialog(
      new WaterfallDialog<PersonOptions>(`${WELCOME_DIALOG}.steps`, [(s) => this.introduce(s), (s) => this.rememberLanguage(s)]),
    );
    this.addDialog(new LanguageQuestion(repo));
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
      await offerInterpreter(step.context, this.repo, personKey, code);
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
