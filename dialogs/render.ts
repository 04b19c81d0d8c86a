import { ActivityTypes, InputHints, MessageFactory, type Activity } from 'botbuilder';
import { localeValue, type Language, type Translate } from '../src/i18n';

/**
 * The SMS channel (Twilio). Texts go to a phone: nothing about the person's health may be in
 * them, STOP belongs to the channel (opt-out of all texts), and we already have their number.
 */
export function isSmsChannel(channelId: string | undefined): boolean {
  return /sms|twilio/i.test(channelId ?? '');
}

/**
 * Channels that show only text (SMS): buttons never arrive, so choices are listed with numbers
 * in the message itself. Every channel accepts typed words and numbers either way.
 */
export function isTextOnlyChannel(channelId: string | undefined): boolean {
  return isSmsChannel(channelId);
}

/** A message key's SMS form: `commands.help` -> `commands.helpSms`. */
export const smsVariantKey = (key: string): string => `${key}Sms`;

/**
 * A translator that says things the SMS way: where a message has an SMS form (`<key>Sms`, e.g.
 * shorter labels that fit two GSM-7 parts, or help that does not offer "stop" as a pause), that
 * form is used; every other message is as on any channel.
 */
export function preferSmsVariants(t: Translate, lang: Language): Translate {
  return (key, params) => {
    const variant = smsVariantKey(key);
    return typeof localeValue(lang, variant) === 'string' ? t(variant, params) : t(key, params);
  };
}

/** Front Door's own web chat (Direct Line): a page the person may close. */
export function isWebChatChannel(channelId: string | undefined): boolean {
  return channelId === 'webchat';
}

/** Channels that show Adaptive Cards: Front Door's own web chat (Direct Line). */
export function showsCards(channelId: string | undefined): boolean {
  return isWebChatChannel(channelId);
}

/** What a question looks like, before deciding how this channel shows it. */
export interface QuestionView {
  /** Lines before the question, e.g. "Sorry, I didn't understand that." */
  lead?: string[];
  /** The question itself. */
  text: string;
  /** Choices shown as buttons, or as a numbered list where there are no buttons. */
  choices?: string[];
  /** Buttons that are not numbered, e.g. "Skip" or the numbers of a 0 to 10 scale. */
  extraButtons?: string[];
  /** Shown on every channel, e.g. "Choose as many as you like." */
  hint?: string;
  /** Shown only where there are no buttons, e.g. "Reply with a number or a word." */
  textOnlyHint?: string;
  /** Lines after everything else, e.g. the way out. */
  footer?: string[];
}

/** One message: the question, its choices as suggested actions and, on SMS, as a numbered list. */
export function renderQuestion(channelId: string | undefined, view: QuestionView): Partial<Activity> {
  const textOnly = isTextOnlyChannel(channelId);
  const choices = view.choices ?? [];
  const lines = [...(view.lead ?? []), view.text];
  if (view.hint) lines.push(view.hint);
  if (textOnly) {
    lines.push(...choices.map((label, index) => `${index + 1}. ${label}`));
    if (view.textOnlyHint) lines.push(view.textOnlyHint);
  }
  lines.push(...(view.footer ?? []));
  const text = lines.join('\n');
  const buttons = [...choices, ...(view.extraButtons ?? [])];
  if (textOnly || buttons.length === 0) return MessageFactory.text(text, undefined, InputHints.ExpectingInput);
  return MessageFactory.suggestedActions(buttons, text, undefined, InputHints.ExpectingInput);
}

/** A plain message that asks nothing. */
export function renderMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, inputHint: InputHints.AcceptingInput };
}
