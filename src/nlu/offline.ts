/**
 * The default recogniser: no network, deterministic, explainable. Commands come from the locale synonym
 * lists, categories from the phrase lexicons, the crisis flag from the crisis detector.
 */
import type { Language } from '../i18n/languages';
import { extractCategories } from './categories';
import { recogniseCommand } from './commands';
import { detectCrisis } from './crisis';
import type { Recognition, Recognizer } from './recognizer';

export const OFFLINE_SOURCE = 'offline';

export class OfflineRecognizer implements Recognizer {
  /** Synchronous underneath; async only to share the interface with recognisers that call a service. */
  async recognize(text: string, lang: Language): Promise<Recognition> {
    return this.recognizeNow(text, lang);
  }

  /** The same answer without a promise, for callers (and fallbacks) that are already synchronous. */
  recognizeNow(text: string, lang: Language): Recognition {
    const command = recogniseCommand(text, lang) ?? undefined;
    const recognition: Recognition = {
      // A whole-message command ("help", "stop") is not also a statement of need.
      categories: command === undefined ? extractCategories(text, lang) : [],
      crisis: detectCrisis(text).crisis,
      source: OFFLINE_SOURCE,
    };
    if (command !== undefined) recognition.command = command;
    return recognition;
  }
}
