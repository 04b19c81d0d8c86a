/**
 * How long things are kept. No database imports here: the privacy page reads the same numbers
 * it tells people (src/web/privacy.ts).
 */
export interface RetentionPolicy {
  /** A first-contact referral with no consent (only key, channel and language): gone after this. */
  unconsentedReferralHours: number;
  /** Bot conversation state (may hold a half-given answer) untouched for this long. */
  conversationStateDays: number;
  /** Web chat transcripts (people's words as typed) of conversations idle for this long. */
  webChatTranscriptDays: number;
  /** What is typed in a web chat after a no to consent: cleared once this old (the chat still shows it until then). */
  declinedWebChatHours: number;
  /**
   * An SMS number nothing needs any more (no referral, handoff or follow-up contact): forgotten
   * once its last text is this old (an opt-out record stays, under the number's key only).
   */
  unneededSmsNumberHours: number;
  /**
   * A finished referral (every handoff closed, no follow-up still to come or unanswered) is
   * erased this many days after it finished (RETENTION_CLOSED_DAYS).
   */
  finishedReferralDays: number;
  /**
   * A consented referral that never reached a link worker (no handoff, not ready) is erased when
   * untouched this long (RETENTION_ABANDONED_DAYS).
   */
  abandonedReferralDays: number;
}

/** The two numbers people are told about, and operators may change. */
export type ReferralRetention = Pick<RetentionPolicy, 'finishedReferralDays' | 'abandonedReferralDays'>;

export const DEFAULT_RETENTION: RetentionPolicy = {
  unconsentedReferralHours: 24,
  conversationStateDays: 30,
  webChatTranscriptDays: 30,
  // People are told "within 24 hours" (locales/*/consent.json, privacy.json); the job runs hourly.
  declinedWebChatHours: 23,
  unneededSmsNumberHours: 23,
  // Room for a last reply to the text sent on the link worker's follow-up date.
  finishedReferralDays: 30,
  abandonedReferralDays: 90,
};

/**
 * Limits for the configurable days. At least 30 for an abandoned referral: by then its bot state
 * and web chat transcript are already gone (conversationStateDays, webChatTranscriptDays), so
 * erasing the referral leaves nothing of the conversation behind. At least 7 for a finished one,
 * so the notice's "N days" always reads as plural and a last word after the close still counts.
 */
export const RETENTION_LIMITS = {
  finishedReferralDays: { min: 7, max: 3650 },
  abandonedReferralDays: { min: 30, max: 3650 },
} as const;
