/** The languages Front Door speaks. English is the fallback for anything missing. */
export const SUPPORTED_LANGUAGES = ['en', 'cy'] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Picks a supported language from a BCP 47 locale such as "cy-GB"; anything else is English. */
export function languageFromLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}
