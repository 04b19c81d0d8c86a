import type { Db } from 'mongodb';
import { FollowUpContacts } from '../../followups/contacts';
import { sentAfter } from '../../followups/replies';
import { FollowUpSchedule } from '../../followups/schedule';
import { SUPPORTED_LANGUAGES, type Language } from '../../i18n';
import { derivePersonKey } from '../../identity/personKey';
import { getOrCreateSecret } from '../../store';
import { Collections } from '../../store/collections';
import { SMS_CHANNEL_ID } from './adapter';

/**
 * What the SMS channel needs to know about the person behind a number before the bot does:
 * their stored language (for keyword replies) and whether a check-in is waiting for their answer
 * (so "help" is option 3, not the HELP keyword). Read from the same records the bot uses.
 */
export class SmsPeople {
  private readonly contacts: FollowUpContacts;
  private readonly schedule: FollowUpSchedule;

  private constructor(
    private readonly db: Db,
    private readonly personKeySecret: Buffer,
  ) {
    this.contacts = new FollowUpContacts(db);
    this.schedule = new FollowUpSchedule(db);
  }

  static async create(db: Db): Promise<SmsPeople> {
    // The same secret the app derives person keys with ('personKey' in src/app.ts).
    return new SmsPeople(db, await getOrCreateSecret(db, 'personKey'));
  }

  /**
   * The language of the person this number speaks for, as the bot decides it: the number's own SMS
   * conversation once it has a referral with a consent answer; otherwise the web chatter who gave
   * this number (a stray, unfinished SMS start does not make their keywords English); else whatever
   * the number's own conversation chose.
   */
  async languageOf(numberKey: string): Promise<Language | undefined> {
    const own = await this.referralOf(this.ownPersonKey(numberKey));
    if (own?.consent) return supported(own.lang);
    const owner = await this.contacts.personKeyFor(numberKey);
    const ownerLang = owner ? supported((await this.referralOf(owner))?.lang) : undefined;
    return ownerLang ?? supported(own?.lang);
  }

  /**
   * Whether the last follow-up texted to this number is a check-in still waiting for 1, 2 or 3
   * (not the later wellbeing text, which asks for YES).
   */
  async awaitsCheckInAnswer(numberKey: string): Promise<boolean> {
    const owner = (await this.contacts.personKeyFor(numberKey)) ?? this.ownPersonKey(numberKey);
    const checkIn = await this.schedule.awaitingReply(owner);
    if (!checkIn) return false;
    const repeat = await this.schedule.awaitingWellbeingRepeat(owner);
    return !repeat || !sentAfter(repeat, checkIn.sentAt ?? checkIn.updatedAt);
  }

  private referralOf(personKey: string): Promise<{ lang?: string; consent?: unknown } | null> {
    return this.db
      .collection<{ personKey: string; lang?: string; consent?: unknown }>(Collections.referrals)
      .findOne({ personKey }, { projection: { lang: 1, consent: 1 } });
  }

  /** The person key of this number's own SMS conversation (as the bot derives it). */
  private ownPersonKey(numberKey: string): string {
    return derivePersonKey(this.personKeySecret, SMS_CHANNEL_ID, numberKey);
  }
}

function supported(lang: string | undefined): Language | undefined {
  return SUPPORTED_LANGUAGES.find((candidate) => candidate === lang);
}
