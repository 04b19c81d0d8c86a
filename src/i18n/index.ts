/**
 * Front Door's languages and messages. Every user-facing string lives in `locales/<lng>/*.json`;
 * dialogs ask for a `Translate` fixed to the person's language on each turn.
 */
import { i18n } from './resources';
import type { Language } from './languages';

export {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  isLanguage,
  languageFromLocale,
  type Language,
} from './languages';
export type { LocaleTree, LocaleValue } from './loadLocales';
export { loadLocales } from './loadLocales';
export { i18n, localeResources, localeValue } from './resources';
export { fillerWords, normaliseForMatching, saysExactly, stripFillers, synonymsFor, numberWords } from './synonyms';
export { unmutatedForms } from './welshMutations';
export { formatList } from './lists';

/** Values that may be put into a message, e.g. `{ serviceName: 'Front Door' }`. */
export type TranslationParams = Record<string, string | number>;

/** Renders the message at `key` in one fixed language. */
export type Translate = (key: string, params?: TranslationParams) => string;

/**
 * A translate function fixed to one language (i18next `getFixedT`). A key that exists in no
 * language is a programming error, so it throws rather than showing the key to a person.
 */
const translators = new Map<Language, Translate>();

export function translator(lang: Language): Translate {
  const cached = translators.get(lang);
  if (cached) return cached;
  const fixed = i18n().getFixedT(lang);
  // Messages without values never change once loaded: remember them (the turn path asks for many).
  const plain = new Map<string, string>();
  const known = new Set<string>();
  const translate: Translate = (key, params) => {
    if (!params) {
      const cached = plain.get(key);
      if (cached !== undefined) return cached;
    }
    if (!known.has(key)) {
      if (!i18n().exists(key, { lng: lang })) throw new Error(`Missing translation key "${key}" (language ${lang})`);
      known.add(key);
    }
    const text = String(fixed(key, params));
    if (!params) plain.set(key, text);
    return text;
  };
  translators.set(lang, translate);
  return translate;
}
