import { translator, type Language } from '../i18n';
import type { FollowUpAnswer, FollowUpKind } from './schema';

/**
 * The follow-up texts, rendered at send time in the person's language from
 * locales/<lng>/followups.json. They name the service, never the activity or anything about
 * health: a text may be read by someone else on a shared phone.
 */
export function renderFollowUp(kind: FollowUpKind, lang: Language, params: { serviceName: string }): string {
  return translator(lang)(`followups.${kind}`, { serviceName: params.serviceName });
}

/** What we say back after a reply to a check-in. */
export function renderFollowUpThanks(answer: FollowUpAnswer, lang: Language): string {
  return translator(lang)(`followups.thanks.${answer}`);
}

// The GSM 03.38 default alphabet, and its extension table (each extension character costs two).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/** How many SMS segments a text takes (160/153 GSM-7 septets, or 70/67 UCS-2 units). */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENSION.has(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
