import type { Language } from '../i18n';
import type { Referral } from '../referrals/schema';
import { rememberServiceName, renderFollowUp } from './messages';
import type { FollowUpJob } from './schema';
import { FollowUpUndeliverable, type FollowUpSender, type OptOutCheck } from './worker';

/** Where a text goes: a number a person gave, or the number key of someone who texts us (SmsChannel's SmsTarget). */
export type SmsTarget = { number: string } | { numberKey: string };

/** What a proactive send reports (SmsChannel.sendTo's DeliveryResult). */
export type SmsDelivery = { sent: true; sids: string[] } | { sent: false; reason: string };

export interface SmsFollowUpDeps {
  /** Reads the person's referral at send time (a ReferralRepository fits). */
  referrals: { find(personKey: string): Promise<Referral | null> };
  /**
   * The number key of someone who talks to us by SMS (their personKey is derived from it, one
   * way, so whoever wires the app must say). Asked only when the referral holds no number.
   */
  smsNumberKeyFor?: (personKey: string) => Promise<string | undefined>;
}

export interface SmsFollowUpSenderOptions extends SmsFollowUpDeps {
  /** SmsChannel.sendTo fits: never texts after STOP, looks the number up itself for a number key. */
  sendTo: (target: SmsTarget, text: string) => Promise<SmsDelivery>;
  serviceName: string;
}

/** The referral channel id of people who talk to us by text message (SMS_CHANNEL_ID). */
const SMS_CHANNEL = 'sms';

/**
 * Who gets follow-ups by text, decided at send time: people who chose SMS contact (on any
 * channel, e.g. web chat) at the number they gave, and people who talk to us by SMS (unless they
 * chose no contact or a phone call) at the number they text from. Anyone else: undefined.
 */
async function smsTargetFor(deps: SmsFollowUpDeps, referral: Referral): Promise<SmsTarget | undefined> {
  const method = referral.answers.contactMethod;
  if (method === 'sms' && referral.answers.contactNumber) return { number: referral.answers.contactNumber };
  const textsUs = referral.channel === SMS_CHANNEL && (method === undefined || method === 'chat' || method === 'sms');
  if (!textsUs) return undefined;
  const numberKey = await deps.smsNumberKeyFor?.(referral.personKey);
  return numberKey ? { numberKey } : undefined;
}

/** Renders the follow-up in the person's language and texts it; anything that cannot be delivered is skipped, not retried. */
export function createSmsFollowUpSender(options: SmsFollowUpSenderOptions): FollowUpSender {
  // Replies to these texts name the same service (the reply handler is not told it).
  rememberServiceName(options.serviceName);
  return {
    async send(job: FollowUpJob) {
      const referral = await options.referrals.find(job.personKey);
      if (!referral) throw new FollowUpUndeliverable('noReferral');
      const target = await smsTargetFor(options, referral);
      if (!target) throw new FollowUpUndeliverable('noSmsContact');
      const lang: Language = referral.lang;
      const result = await options.sendTo(target, renderFollowUp(job.kind, lang, { serviceName: options.serviceName }));
      if (result.sent) return { providerId: result.sids.join(',') };
      if (result.reason === 'failed') throw new Error('SMS provider did not accept the text');
      // optedOut (STOP since the worker checked), unknownNumber, empty: trying again will not help.
      throw new FollowUpUndeliverable(result.reason);
    },
  };
}

/**
 * The worker's opt-out check over the SMS channel's opt-out store, which is keyed by number key:
 * finds the person's SMS target as the sender will, then asks. No SMS target: not opted out
 * (the sender skips them anyway).
 */
export function createSmsOptOutCheck(
  options: SmsFollowUpDeps & {
    /** SmsChannel.numberKey, or numberKeyFor(db, number) from src/channels/sms in a worker process. */
    numberKey(number: string): string | Promise<string>;
    isOptedOut(numberKey: string): Promise<boolean>;
  },
): OptOutCheck {
  return {
    async isOptedOut(personKey: string) {
      const referral = await options.referrals.find(personKey);
      if (!referral) return false;
      const target = await smsTargetFor(options, referral);
      if (!target) return false;
      return options.isOptedOut('numberKey' in target ? target.numberKey : await options.numberKey(target.number));
    },
  };
}
