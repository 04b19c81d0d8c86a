import type { Language } from '../i18n';
import type { Referral } from '../referrals/schema';
import { renderFollowUp } from './messages';
import type { FollowUpJob } from './schema';
import { FollowUpUndeliverable, type FollowUpSender } from './worker';

/** Sends one SMS (the SMS channel's proactive send). Returns the provider's message id. */
export type SendSms = (to: string, text: string) => Promise<{ providerId?: string }>;

export interface SmsFollowUpSenderOptions {
  /** Reads the person's referral at send time (a ReferralRepository fits). */
  referrals: { find(personKey: string): Promise<Referral | null> };
  sendSms: SendSms;
  serviceName: string;
  /**
   * The number for someone who talks to us by SMS (their personKey is a hash of the number, so
   * the SMS channel must say). Asked only when the referral holds no contact number.
   */
  numberFor?: (personKey: string) => Promise<string | undefined>;
}

/** The referral channel id of people who talk to us by text message. */
const SMS_CHANNEL = 'sms';

/**
 * A FollowUpSender that texts the person, rendering the message and finding the number only at
 * send time. Who gets a text: people who chose SMS contact (on any channel, e.g. web chat) and
 * people who talk to us by SMS unless they asked for no contact. Anyone else is skipped.
 */
export function createSmsFollowUpSender(options: SmsFollowUpSenderOptions): FollowUpSender {
  return {
    async send(job: FollowUpJob) {
      const referral = await options.referrals.find(job.personKey);
      if (!referral) throw new FollowUpUndeliverable('noReferral');
      const method = referral.answers.contactMethod;
      const wantsSms = method === 'sms' || (referral.channel === SMS_CHANNEL && (method === undefined || method === 'chat'));
      if (!wantsSms) throw new FollowUpUndeliverable('noSmsContact');
      const number = referral.answers.contactNumber ?? (await options.numberFor?.(job.personKey));
      if (!number) throw new FollowUpUndeliverable('noNumber');
      const lang: Language = referral.lang;
      return options.sendSms(number, renderFollowUp(job.kind, lang, { serviceName: options.serviceName }));
    },
  };
}
