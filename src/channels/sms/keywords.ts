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

/**
 * Plain ways of saying STOP about our texts ("please stop texting me"): they mean the same, so
 * they opt out too. Only about texts: "please stop" alone or "stop texting me about the walk" are
 * left to the conversation.
 */
const OPT_OUT_PHRASES: Record<Language, string[]> = {
  en: [
    'STOP TEXTING', 'STOP TEXTING ME', 'STOP MESSAGING', 'STOP MESSAGING ME', 'STOP SENDING ME TEXTS', 'STOP SENDING ME MESSAGES',
    'STOP SENDING TEXTS', 'STOP THE TEXTS', 'STOP TEXTS', 'STOP MESSAGES', 'NO MORE TEXTS', 'NO MORE MESSAGES', 'UNSUBSCRIBE ME',
    "DON'T TEXT ME", 'DONT TEXT ME', "DON'T TEXT ME AGAIN", 'DONT TEXT ME AGAIN', 'I WANT TO UNSUBSCRIBE', 'OPT OUT',
  ],
  cy: [
    'STOPIO NEGESEUON', 'STOPIWCH ANFON NEGESEUON', 'STOPIWCH Y NEGESEUON', 'DIM MWY O NEGESEUON', 'PEIDIWCH ANFON NEGESEUON',
    'PEIDIWCH Â ANFON NEGESEUON', 'PEIDIWCH Â THECSTIO FI', 'PEIDIWCH TECSTIO FI',
  ],
};

/** "please" / "plis" around a phrase ("please stop texting me", "stop texting me pls"). */
const POLITE = /^(?:PLEASE|PLS|PLZ|PLIS|PLÎS|OS GWELWCH YN DDA) |,? (?:PLEASE|PLS|PLZ|PLIS|PLÎS|OS GWELWCH YN DDA)$/gu;

/** The keyword `text` is, if it is exactly one (or one of the plain opt-out phrases). */
export function recogniseKeyword(text: string): KeywordMatch | undefined {
  const word = normalise(text);
  for (const keyword of Object.keys(KEYWORDS) as SmsKeyword[]) {
    for (const lang of ['en', 'cy'] as Language[]) {
      if (KEYWORDS[keyword][lang].includes(word)) return { keyword, lang };
    }
  }
  const phrase = word.replace(/[’‘`]/g, "'").replace(POLITE, '').replace(/[.!?,;:]+$/u, '');
  for (const lang of ['en', 'cy'] as Language[]) {
    if (OPT_OUT_PHRASES[lang].includes(phrase)) return { keyword: 'optOut', lang };
  }
  return undefined;
}

/** Every keyword word, for tests and the help text. */
export function keywordWords(keyword: SmsKeyword, lang: Language): readonly string[] {
  return KEYWORDS[keyword][lang];
}
