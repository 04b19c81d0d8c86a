import type { Language } from '../../i18n';

/**
 * SMS keywords: a message that is only one of these words (any case, trailing punctuation
 * ignored). Mobile networks and Twilio treat the English opt-out words as binding, so they are
 * handled here before the conversation sees them; the Welsh words mean the same.
 */
export type SmsKeyword = 'optOut' | 'optIn' | 'help';

const KEYWORDS: Record<SmsKeyword, Record<Language, string[]>> = {
  optOut: {
    en: ['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'],
    cy: ['STOPIO', 'STOPIO POPETH', 'DAD-DANYSGRIFIO', 'DADDANYSGRIFIO', 'CANSLO', 'DIWEDD', 'GADAEL', 'RHOI’R GORAU', "RHOI'R GORAU"],
  },
  optIn: {
    en: ['START', 'UNSTOP'],
    cy: ['DECHRAU', 'AILDDECHRAU'],
  },
  help: {
    en: ['HELP', 'INFO'],
    cy: ['CYMORTH', 'HELP'],
  },
};

export interface KeywordMatch {
  keyword: SmsKeyword;
  /** The language of the word used, for the reply (HELP is both: English wins). */
  lang: Language;
}

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .replace(/[.!?,;:]+$/u, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

/** The keyword `text` is, if it is exactly one. */
export function recogniseKeyword(text: string): KeywordMatch | undefined {
  const word = normalise(text);
  for (const keyword of Object.keys(KEYWORDS) as SmsKeyword[]) {
    for (const lang of ['en', 'cy'] as Language[]) {
      if (KEYWORDS[keyword][lang].includes(word)) return { keyword, lang };
    }
  }
  return undefined;
}

/** Every keyword word, for tests and the help text. */
export function keywordWords(keyword: SmsKeyword, lang: Language): readonly string[] {
  return KEYWORDS[keyword][lang];
}
