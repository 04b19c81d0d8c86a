import { translator, type Language } from '../i18n';
import type { FollowUpAnswer, FollowUpKind } from './schema';

/**
 * The follow-up texts, rendered at send time in the person's language from
 * locales/<lng>/followups.json. They name the service, never the activity or anything about
 * health: a text may be read by someone else on a shared phone. English stays in GSM-7 and
 * every text within 2 SMS parts (test/followups/messages.test.ts, with the SMS channel's counter).
 */
export function renderFollowUp(kind: FollowUpKind, lang: Language, params: { serviceName: string }): string {
  return translator(lang)(`followups.${kind}`, { serviceName: params.serviceName });
}

/** What we say back after a reply to a check-in. */
export function renderFollowUpThanks(answer: FollowUpAnswer, lang: Language): string {
  return translator(lang)(`followups.thanks.${answer}`);
}

/** Someone asked who is texting in reply to a check-in: who we are and how to answer. */
export function renderWhoWeAre(lang: Language, serviceName: string): string {
  return translator(lang)('followups.whoWeAre', { serviceName });
}

/** The service name follow-ups were last set up with (createSmsFollowUpSender), for replies made without one. */
let lastServiceName = 'Front Door';

export function rememberServiceName(serviceName: string): void {
  lastServiceName = serviceName;
}

export function configuredServiceName(): string {
  return lastServiceName;
}
