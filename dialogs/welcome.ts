import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseForMatching, synonymsFor, type Language, type Translate } from '../src/i18n';
import { recogniseCommand } from '../src/nlu/commands';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import type { Reading } from './prompts/question';
import { renderMessage } from './render';
import { adoptLanguage, setTurnLanguage, turnTranslator } from './turnLanguage';

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

/**
 * "Which language?" Before a language is chosen the person may be either, so a message in Welsh
 * ("shwmae", "ydy", a Welsh sentence) chooses Cymraeg, and anything else is asked again in both.
 */
class LanguageQuestion extends ChoiceQuestion<Language> {
  constructor() {
    super(LANGUAGE_QUESTION, { textKey: 'welcome.language.ask', choices: LANGUAGE_CHOICES });
  }

  protected override read(text: string): Reading<Language | null> {
    const reading = super.read(text);
    if (reading.kind === 'answer') return reading;
    if (looksWelsh(text)) return { kind: 'answer', result: 'cy' };
    return { kind: 'problem', problemKey: 'welcome.language.notUnderstood' };
  }

  // Each language's sentences kept together, not "Sorry… Mae'n ddrwg… Stuck?… Yn sownd?…".
  protected override stuckTexts(t: Translate): string[] {
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
    this.addDialog(new LanguageQuestion());
  }

  private async introduce(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    // "Shwmae" or a Welsh sentence first: the welcome in Welsh (the language is still asked).
    const text = step.context.activity.text;
    if (typeof text === 'string' && opensInWelsh(text)) setTurnLanguage(step.context, 'cy');
    const t = turnTranslator(step.context);
    await step.context.sendActivities([
      renderMessage(t('welcome.intro', { serviceName: this.config.serviceName })),
      renderMessage(`${t('welcome.emergency')}\n${t('common.wayOut')}`),
    ]);
    return step.beginDialog(LANGUAGE_QUESTION);
  }

  private async rememberLanguage(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const language = step.result as Language;
    const { personKey } = step.options;
    await adoptLanguage(step.context, this.repo, personKey, language);
    const result: WelcomeResult = { language };
    return step.endDialog(result);
  }
}
