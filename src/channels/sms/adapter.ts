import { randomBytes } from 'node:crypto';
import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { SelfHostedAdapter, type TurnLogic } from '../selfHostedAdapter';
import { shortKey } from '../../identity/personKey';
import { fitsSegments } from './gsm';
import { renderSms, segmentBudget } from './render';
import type { TextSender } from './sender';
import type { SmsStore } from './store';

/** `channelId` of SMS activities; the dialogs show choices as numbered lists on it (dialogs/render.ts). */
export const SMS_CHANNEL_ID = 'sms';
/** `serviceUrl` of SMS activities and references: a marker for "continue on SmsAdapter", not an address. */
export const SMS_SERVICE_URL = 'sms://twilio';

export function isSmsReference(reference: Partial<ConversationReference>): boolean {
  return reference.serviceUrl === SMS_SERVICE_URL;
}

/** Texts a turn has sent, held until the turn ends. */
interface Outgoing {
  numberKey: string;
  texts: string[];
  evenIfOptedOut: boolean;
}
const OUTBOX = Symbol('smsOutbox');

export interface SmsAdapterOptions {
  store: SmsStore;
  sender: TextSender;
  bot: ChannelAccount;
  log: (line: string) => void;
}

export interface DeliverOptions {
  /** Send even after STOP: crisis support, and keyword confirmations. */
  evenIfOptedOut?: boolean;
  /** This is a re-send of that MessageSid (after a transient delivery failure). */
  resendOf?: string;
  resends?: number;
}

/** One text a turn sends, after the turn's messages are joined into as few texts as fit. */
export interface SmsReply {
  numberKey: string;
  text: string;
  evenIfOptedOut: boolean;
}

/** Sends a turn's replies in order (the SMS channel records them first, so a crash cannot make it run the turn again). */
export type ReplySender = (replies: SmsReply[]) => Promise<DeliveryResult[]>;

/** What happened to one text handed to the channel. */
export type DeliveryResult = { sent: true; sids: string[] } | { sent: false; reason: 'optedOut' | 'unknownNumber' | 'failed' | 'empty' };

/**
 * The Bot Framework adapter for SMS over Twilio. Turns run in-process; the person's number
 * never enters an activity: `from.id` (and so the conversation reference a handoff keeps) is
 * the number key, and the number is looked up, decrypted, only when a text goes out.
 */
export class SmsAdapter extends SelfHostedAdapter {
  readonly bot: ChannelAccount;
  private readonly store: SmsStore;
  private readonly sender: TextSender;
  private readonly log: (line: string) => void;

  constructor(options: SmsAdapterOptions) {
    super();
    this.store = options.store;
    this.sender = options.sender;
    this.bot = { ...options.bot, role: 'bot' };
    this.log = options.log;
  }

  /** The activity for one inbound text from the person behind `numberKey`. */
  inboundActivity(numberKey: string, conversationId: string, text: string, messageSid: string): Partial<Activity> {
    return {
      type: ActivityTypes.Message,
      id: messageSid,
      text,
      channelId: SMS_CHANNEL_ID,
      serviceUrl: SMS_SERVICE_URL,
      timestamp: new Date(),
      from: { id: numberKey, name: '', role: 'user' },
      recipient: this.bot,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    };
  }

  /** Runs an inbound text's turn; `sendReplies` (default: send them straight away) gets the turn's texts once its logic is done. */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic, sendReplies?: ReplySender): Promise<void> {
    await this.runTurn(new TurnContext(this, { ...activity, channelId: SMS_CHANNEL_ID, serviceUrl: SMS_SERVICE_URL }), logic, sendReplies);
  }

  /**
   * Runs a turn with its texts held back and sent at the end, joined into as few texts as fit
   * the segment budget: a turn's three short messages arrive as one or two texts, in order
   * (separate texts can overtake each other on the networks), and cost less.
   */
  private async runTurn(context: TurnContext, logic: TurnLogic, sendReplies: ReplySender = (replies) => this.sendReplies(replies)): Promise<DeliveryResult[]> {
    const outbox: Outgoing[] = [];
    context.turnState.set(OUTBOX, outbox);
    let results: DeliveryResult[] = [];
    try {
      await this.runMiddleware(context, logic);
    } finally {
      // Sent even when the turn failed: crisis support may already be in the outbox.
      context.turnState.delete(OUTBOX);
      results = await sendReplies(repliesOf(outbox));
    }
    return results;
  }

  /** Sends replies in order, each as one text (a long one in several segments). */
  async sendReplies(replies: SmsReply[]): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const reply of replies) results.push(await this.deliver(reply.numberKey, [reply.text], { evenIfOptedOut: reply.evenIfOptedOut }));
    return results;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) {
        // Typing, delays, traces: nothing a phone shows (and a delay would only hold the turn).
        responses.push({ id: '' });
        continue;
      }
      const numberKey = activity.recipient?.id ?? context.activity.from?.id;
      if (!numberKey) throw new Error('SmsAdapter.sendActivities: the activity names no recipient');
      // Crisis support answers a person who wrote to us, even after STOP (they reached out; safety first).
      const crisisReply = (activity.channelData as { safety?: string } | undefined)?.safety === 'crisis' && context.activity.type === ActivityTypes.Message;
      const texts = renderSms(activity);
      const outbox = context.turnState.get(OUTBOX) as Outgoing[] | undefined;
      if (outbox) {
        outbox.push({ numberKey, texts, evenIfOptedOut: crisisReply });
        responses.push({ id: '' });
        continue;
      }
      const result = await this.deliver(numberKey, texts, { evenIfOptedOut: crisisReply });
      responses.push({ id: result.sent ? result.sids[0] : '' });
    }
    return responses;
  }

  /** Sends texts to the person behind `numberKey`, in order, unless they opted out. */
  async deliver(numberKey: string, texts: string[], options: DeliverOptions = {}): Promise<DeliveryResult> {
    if (texts.length === 0) return { sent: false, reason: 'empty' };
    if (!options.evenIfOptedOut && (await this.store.isOptedOut(numberKey))) return { sent: false, reason: 'optedOut' };
    const number = await this.store.numberFor(numberKey);
    if (!number) {
      this.log(`sms: no number on record for ${shortKey(numberKey)}; text not sent`);
      return { sent: false, reason: 'unknownNumber' };
    }
    const sids: string[] = [];
    for (const text of texts) {
      const outcome = await this.sender.send(number, text);
      const createdAt = new Date();
      if (outcome.ok) {
        await this.store.recordSent(
          {
            _id: outcome.sid,
            numberKey,
            status: 'queued',
            attempts: outcome.attempts,
            createdAt,
            ...(options.resendOf ? { resendOf: options.resendOf, resends: options.resends ?? 1 } : {}),
            ...(options.evenIfOptedOut ? { evenIfOptedOut: true } : {}),
          },
          text,
        );
        sids.push(outcome.sid);
        continue;
      }
      const detail = `${outcome.status ?? 'no response'}${outcome.code ? ` (Twilio ${outcome.code})` : ''}`;
      this.log(`sms: send to ${shortKey(numberKey)} failed after ${outcome.attempts} ${outcome.attempts === 1 ? 'try' : 'tries'}: ${detail}`);
      await this.store.recordSent({
        _id: `unsent-${randomBytes(8).toString('hex')}`,
        numberKey,
        status: 'rejected',
        attempts: outcome.attempts,
        errorCode: outcome.code ?? (outcome.status ? String(outcome.status) : 'network'),
        createdAt,
      });
      // The rest of this message would make no sense without its first part.
      return { sent: false, reason: 'failed' };
    }
    return { sent: true, sids };
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error('SmsAdapter.updateActivity: a text message cannot be changed once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('SmsAdapter.deleteActivity: a text message cannot be taken back once sent');
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      { ...reference, bot: reference.bot ?? this.bot, channelId: SMS_CHANNEL_ID, serviceUrl: SMS_SERVICE_URL },
      true,
    );
    const results = await this.runTurn(new TurnContext(this, activity), logic);
    // Said to someone outside their own turn (a link worker, a follow-up): whoever asked must know
    // it did not go (they texted STOP, the number is gone, Twilio could not be reached).
    const failed = results.find((result) => !result.sent);
    if (failed) throw new SmsNotDeliveredError(failed.sent ? 'unknown' : failed.reason);
  }
}

/** A turn's messages joined into as few texts as fit the segment budget, in order. */
function repliesOf(outbox: Outgoing[]): SmsReply[] {
  const replies: SmsReply[] = [];
  for (const item of outbox) {
    for (const text of item.texts) {
      const last = replies.at(-1);
      const joined = last ? `${last.text}\n\n${text}` : text;
      if (last && last.numberKey === item.numberKey && last.evenIfOptedOut === item.evenIfOptedOut && fitsSegments(joined, segmentBudget(joined))) {
        last.text = joined;
      } else {
        replies.push({ numberKey: item.numberKey, text, evenIfOptedOut: item.evenIfOptedOut });
      }
    }
  }
  return replies;
}

export class SmsNotDeliveredError extends Error {
  constructor(readonly reason: string) {
    super(`the text was not sent (${reason})`);
  }
}
