import type { TurnContext } from 'botbuilder';
import { languageFromLocale, translator, type Language, type Translate } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import { isSmsChannel, preferSmsVariants } from './render';

/** Where this turn's language is kept, so the referral is read at most once a turn. */
const TURN_LANGUAGE = Symbol.for('frontdoor.turnLanguage');
/** Set when the person chose a language in this turn ("English" as a first message). */
const CHOSEN_THIS_TURN = Symbol.for('frontdoor.languageChosenThisTurn');

/** Sets the language for the rest of this turn (after the person chooses one, or by the pipeline). */
export function setTurnLanguage(context: TurnContext, lang: Language): void {
  context.turnState.set(TURN_LANGUAGE, lang);
}

/** This turn's language if something set it (the person's choice or stored language), else undefined. */
export function knownTurnLanguage(context: TurnContext): Language | undefined {
  return context.turnState.get(TURN_LANGUAGE) as Language | undefined;
}

/** This turn's language: as set, or guessed from the activity's locale. */
export function turnLanguage(context: TurnContext): Language {
  const set = context.turnState.get(TURN_LANGUAGE) as Language | undefined;
  return set ?? languageFromLocale(context.activity.locale);
}

/** Translate in this turn's language, in the SMS forms of messages on the SMS channel. */
export function turnTranslator(context: TurnContext): Translate {
  const lang = turnLanguage(context);
  const t = translator(lang);
  return isSmsChannel(context.activity.channelId) ? preferSmsVariants(t, lang) : t;
}

/**
 * Reads the person's stored language into this turn, unless already done. `refresh` re-reads it,
 * e.g. when re-asking a question after the language was changed.
 */
export async function loadTurnLanguage(
  context: TurnContext,
  repo: ReferralRepository,
  personKey: string,
  refresh = false,
): Promise<Language> {
  const set = context.turnState.get(TURN_LANGUAGE) as Language | undefined;
  if (set && !refresh) return set;
  const referral = await repo.find(personKey);
  const lang = referral?.lang ?? languageFromLocale(context.activity.locale);
  setTurnLanguage(context, lang);
  return lang;
}

/**
 * The person chose a language (at the welcome or with "change language"): store it on their
 * referral (created if need be) and use it for the rest of this turn.
 */
export async function adoptLanguage(context: TurnContext, repo: ReferralRepository, personKey: string, lang: Language): Promise<void> {
  await repo.getOrCreate(personKey, context.activity.channelId, lang);
  await repo.setLanguage(personKey, lang);
  setTurnLanguage(context, lang);
  context.turnState.set(CHOSEN_THIS_TURN, lang);
}

/** The language the person chose in this very turn, if they did: a welcome that follows need not ask again. */
export function languageChosenThisTurn(context: TurnContext): Language | undefined {
  return context.turnState.get(CHOSEN_THIS_TURN) as Language | undefined;
}
