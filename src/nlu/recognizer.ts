import type { Category } from '../directory/categories';
import type { Language } from '../i18n/languages';
import type { GlobalCommand } from './commands';

/**
 * What dialogs and matching ask of language understanding. Two implementations: the offline
 * recogniser (default, deterministic, explainable) and the Azure CLU recogniser, which falls back to
 * the offline one on any failure so a conversation never stalls.
 */
export interface Recognizer {
  recognize(text: string, lang: Language): Promise<Recognition>;
}

export interface CategoryEvidence {
  category: Category;
  /** The words in the person's text that led to this category (for explaining a match). */
  words: string[];
}

export interface Recognition {
  /** A global command the text asks for, if any. */
  command?: GlobalCommand;
  /** Categories of need or interest found in the text, strongest first, each once. */
  categories: CategoryEvidence[];
  /** True when the recogniser itself thinks this is crisis language (an extra layer, never the only check). */
  crisis: boolean;
  /** Which recogniser answered ("offline", "clu", or "offline (clu unavailable: timeout)"). */
  source: string;
}
