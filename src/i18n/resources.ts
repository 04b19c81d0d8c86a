import i18next, { type i18n as I18n } from 'i18next';
import { loadLocales, type LocaleTree, type LocaleValue } from './loadLocales';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from './languages';

let instance: I18n | undefined;
let resources: Record<Language, LocaleTree> | undefined;

/** The i18next instance, initialised on first use from the locale files (read once). */
export function i18n(): I18n {
  if (instance) return instance;
  const loaded = loadLocales();
  const created = i18next.createInstance();
  void created.init({
    resources: Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, { translation: loaded[lang] }])),
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // Resources are in memory, so initialise synchronously: t() works straight away.
    initAsync: false,
    // Messages are plain text for chat and SMS, not HTML: escaping would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  resources = loaded;
  instance = created;
  return created;
}

/** The raw locale trees, e.g. for synonym lists that are arrays rather than messages. */
export function localeResources(): Record<Language, LocaleTree> {
  i18n();
  return resources!;
}

/** The raw value at a dotted key in one language, or undefined. */
export function localeValue(lang: Language, key: string): LocaleValue | undefined {
  let node: LocaleValue | undefined = localeResources()[lang];
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}
