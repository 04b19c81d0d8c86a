import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES, type Language } from './languages';

/** A parsed locale tree: nested objects whose leaves are strings or arrays. */
export type LocaleTree = { [key: string]: LocaleValue };
export type LocaleValue = string | LocaleValue[] | LocaleTree;

/**
 * Finds the `locales` folder whether we run from the TypeScript sources (src/i18n)
 * or from a compiled build (dist/src/i18n). FRONTDOOR_LOCALES_DIR overrides both.
 */
export function findLocalesDir(): string {
  const override = process.env.FRONTDOOR_LOCALES_DIR;
  if (override) return override;
  const candidates = [path.resolve(__dirname, '../../locales'), path.resolve(__dirname, '../../../locales')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'en')));
  if (!found) {
    throw new Error(`Locale files not found: looked in ${candidates.join(' and ')}. Set FRONTDOOR_LOCALES_DIR.`);
  }
  return found;
}

/**
 * Reads every `locales/<lng>/<file>.json` once. Each file becomes a top-level key named after
 * the file, so `locales/en/crisis.json` holding `{ "message": ... }` is the key `crisis.message`.
 */
export function loadLocales(dir: string = findLocalesDir()): Record<Language, LocaleTree> {
  const result = {} as Record<Language, LocaleTree>;
  for (const lang of SUPPORTED_LANGUAGES) {
    const langDir = path.join(dir, lang);
    const tree: LocaleTree = {};
    for (const file of fs.readdirSync(langDir).filter((name) => name.endsWith('.json')).sort()) {
      const fullPath = path.join(langDir, file);
      try {
        tree[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(fullPath, 'utf8')) as LocaleTree;
      } catch (error) {
        throw new Error(`Locale file ${fullPath} is not valid JSON: ${(error as Error).message}`);
      }
    }
    result[lang] = tree;
  }
  return result;
}
