import type { Storage } from 'botbuilder';
import type { Db } from 'mongodb';
import { SMS_CHANNEL_ID, SmsStore } from '../channels/sms';
import { DIRECTLINE_CHANNEL_ID, Transcript } from '../channels/directline';
import { FollowUpContacts } from '../followups/contacts';
import { FollowUpSchedule } from '../followups/schedule';
import { HandoffRepository } from '../handoff/repository';
import { derivePersonKey } from '../identity/personKey';
import { ReferralRepository } from '../referrals';
import { conversationStateKey, getOrCreateSecret, MongoBotStorage } from '../store';
import type { HandoffFacts } from './finished';

/** One of the person's own conversations, as its channel and the bot state know it. */
export interface PersonConversation {
  channelId: string;
  conversationId: string;
}

export interface PersonErasure {
  referrals: number;
  handoffs: number;
  followUps: number;
}

/**
 * Erases what "delete my data" erases for one person (bots/frontDoorBot.ts afterDialogTurn and
 * app.ts's followUps.eraseFor), with the same functions, but outside a turn: the conversations
 * come from the person's handoffs instead of the turn's activity.
 */
export class PersonEraser {
  private readonly referrals: ReferralRepository;
  private readonly handoffs: HandoffRepository;
  private readonly schedule: FollowUpSchedule;
  private readonly contacts: FollowUpContacts;
  private readonly botState: MongoBotStorage;
  private readonly webChat: Transcript;
  // forget() reads no number or text, so no keys are needed (as purgeSmsRecords does).
  private readonly sms: SmsStore;
  private personKeySecret?: Buffer;

  constructor(
    private readonly db: Db,
    now: () => Date,
  ) {
    this.referrals = new ReferralRepository(db, now);
    this.handoffs = new HandoffRepository(db, now);
    this.schedule = new FollowUpSchedule(db, now);
    this.contacts = new FollowUpContacts(db);
    this.botState = new MongoBotStorage(db);
    this.webChat = new Transcript(db);
    this.sms = new SmsStore(db, Buffer.alloc(32), Buffer.alloc(32));
  }

  /** The person's own conversations named by their handoffs (the reference of the latest request of each). */
  async conversationsOf(personKey: string, handoffs: readonly HandoffFacts[]): Promise<PersonConversation[]> {
    const found = new Map<string, PersonConversation>();
    for (const { conversationReference: reference } of handoffs) {
      const channelId = stringAt(reference, 'channelId');
      const conversationId = stringAt(reference?.conversation, 'id');
      const userId = stringAt(reference?.user, 'id');
      if (!channelId || !conversationId || !userId) continue;
      // A reply to a follow-up text can come from another conversation (a web chatter's phone): only the person's own goes.
      if (derivePersonKey(await this.secret(), channelId, userId) !== personKey) continue;
      found.set(`${channelId}/${conversationId}`, { channelId, conversationId });
    }
    return [...found.values()];
  }

  /**
   * Conversations first and handoffs last: handoffs are how the next run finds a person whose
   * erasure was cut short, so it is finished then.
   */
  async erase(personKey: string, conversations: readonly PersonConversation[]): Promise<PersonErasure> {
    for (const conversation of conversations) await this.eraseConversation(conversation);
    const followUps = await eraseFollowUpsOf(personKey, {
      schedule: this.schedule,
      contacts: this.contacts,
      botState: this.botState,
      forgetNumber: (numberKey) => this.sms.forget(numberKey),
    });
    const { referralsDeleted } = await this.referrals.erase(personKey);
    const handoffs = await this.handoffs.eraseFor(personKey);
    return { referrals: referralsDeleted, handoffs, followUps };
  }

  /** Bot state, and what the channel keeps (web chat transcript; SMS number and delivery records). */
  private async eraseConversation({ channelId, conversationId }: PersonConversation): Promise<void> {
    await this.botState.delete([conversationStateKey(channelId, conversationId)]);
    if (channelId === DIRECTLINE_CHANNEL_ID) await this.webChat.deleteConversation(conversationId);
    // The SMS conversation id is `sms-<number key>` (SmsChannel.eraseConversation).
    if (channelId === SMS_CHANNEL_ID) await this.sms.forget(conversationId.replace(/^sms-/, ''));
  }

  private async secret(): Promise<Buffer> {
    this.personKeySecret ??= await getOrCreateSecret(this.db, 'personKey');
    return this.personKeySecret;
  }
}

export interface FollowUpErasureDeps {
  schedule: FollowUpSchedule;
  contacts: FollowUpContacts;
  botState: Pick<Storage, 'delete'>;
  /** Forgets a number's SMS records (encrypted number, delivery records); an opt-out stays. */
  forgetNumber: (numberKey: string) => Promise<unknown>;
}

/**
 * The follow-up side of erasing a person, for "delete my data" and retention alike: every number
 * that reaches them, as contacts know it (also one a web chatter gave for follow-up texts, which no
 * conversation of theirs names), loses its SMS records and its texting conversation's bot state (a
 * reply by text starts one); then their follow-up jobs and contacts go, the contacts last because
 * they are how the numbers are found. Returns how many follow-up jobs went.
 */
export async function eraseFollowUpsOf(personKey: string, deps: FollowUpErasureDeps): Promise<number> {
  for (const numberKey of await deps.contacts.numberKeysFor(personKey)) {
    await deps.forgetNumber(numberKey);
    await deps.botState.delete([conversationStateKey(SMS_CHANNEL_ID, `sms-${numberKey}`)]);
  }
  const followUps = await deps.schedule.eraseFor(personKey);
  await deps.contacts.eraseFor(personKey);
  return followUps;
}

function stringAt(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}
