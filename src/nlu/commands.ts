import { normaliseForMatching, stripFillers, synonymsFor, SUPPORTED_LANGUAGES, type Language } from '../i18n';

/** The commands a person can use at any point in the conversation. */
export type GlobalCommand =
  | { name: 'help' }
  | { name: 'restart' }
  | { name: 'stop' }
  | { name: 'resume' }
  | { name: 'human' }
  | { name: 'delete' }
  /** `target` is set when the person named a language ("Cymraeg", "English"). */
  | { name: 'language'; target?: Language };

export type GlobalCommandName = GlobalCommand['name'];

interface CommandPhrases {
  command: GlobalCommand;
  key: string;
}

/** Most specific first: "English" means switch to English, not "ask which language". */
const COMMANDS: CommandPhrases[] = [
  { command: { name: 'language', target: 'en' }, key: 'commands.synonyms.languageEnglish' },
  { command: { name: 'language', target: 'cy' }, key: 'commands.synonyms.languageWelsh' },
  { command: { name: 'language' }, key: 'commands.synonyms.language' },
  { command: { name: 'help' }, key: 'commands.synonyms.help' },
  { command: { name: 'restart' }, key: 'commands.synonyms.restart' },
  { command: { name: 'stop' }, key: 'commands.synonyms.stop' },
  { command: { name: 'resume' }, key: 'commands.synonyms.resume' },
  { command: { name: 'human' }, key: 'commands.synonyms.human' },
  { command: { name: 'delete' }, key: 'commands.synonyms.delete' },
];

/** Longer than any command phrase: such a message is something the person is telling us. */
const MAX_COMMAND_LENGTH = 60;

/** Where the command is heard: the id of the question waiting for an answer, if any. */
export interface CommandSetting {
  waitingQuestion?: string;
}

/**
 * Questions a bare "language" or "iaith" answers: a language they would like to learn ("What do
 * you enjoy?"), or language as what makes joining in hard. There "change language", "Cymraeg" and
 * "Welsh please" are still commands; elsewhere the bare word is one too.
 */
const LANGUAGE_IS_AN_ANSWER_AT: ReadonlySet<string> = new Set(['whatMatters.interests', 'whatMatters.barriers']);

/** "language", "languages", "iaith": the one-word ways of asking for the language question. */
function isBareLanguageWord(text: string): boolean {
  return !text.includes(' ') && synonymsFor('commands.synonyms.language').includes(text);
}

function findIn(text: string, languages: readonly Language[], setting: CommandSetting): GlobalCommand | null {
  for (const { command, key } of COMMANDS) {
    if (!synonymsFor(key, languages).includes(text)) continue;
    if (command.name === 'language' && !command.target && languageIsAnAnswer(text, setting)) return null;
    return { ...command };
  }
  return null;
}

function languageIsAnAnswer(text: string, setting: CommandSetting): boolean {
  return setting.waitingQuestion !== undefined && LANGUAGE_IS_AN_ANSWER_AT.has(setting.waitingQuestion) && isBareLanguageWord(text);
}

/**
 * Recognises a global command when it is the whole message (give or take "please", punctuation
 * and case), in English or Welsh whatever the current language. "stop" is a command;
 * "I want to stop feeling lonely" is not. The current language's phrases are tried first.
 * `setting` says which question is waiting, where a bare "language" may be its answer.
 */
export function recogniseCommand(text: string, lang: Language, setting: CommandSetting = {}): GlobalCommand | null {
  if (text.length > MAX_COMMAND_LENGTH * 2) return null;
  const normalised = normaliseForMatching(text);
  if (normalised.length === 0 || normalised.length > MAX_COMMAND_LENGTH) return null;
  const others = SUPPORTED_LANGUAGES.filter((l) => l !== lang);
  for (const candidate of new Set([normalised, stripFillers(normalised)])) {
    const found = findIn(candidate, [lang], setting) ?? findIn(candidate, others, setting);
    if (found) return found;
  }
  return null;
}
