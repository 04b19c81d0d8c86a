import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { SelfHostedAdapter, type TurnLogic } from '../selfHostedAdapter';
import type { Transcript } from './transcript';

/** `channelId` of every activity through the self-hosted Direct Line, as Azure's Web Chat channel. */
export const DIRECTLINE_CHANNEL_ID = 'webchat';
/**
 * `serviceUrl` of every activity and conversation reference through the self-hosted Direct Line:
 * not an address anyone can call, a marker saying "continue this conversation on DirectLineAdapter".
 */
export const DIRECTLINE_SERVICE_URL = 'directline://self';

/** Whether a stored conversation reference belongs to the self-hosted Direct Line (not Azure's). */
export function isDirectLineReference(reference: Partial<ConversationReference>): boolean {
  return reference.serviceUrl === DIRECTLINE_SERVICE_URL;
}

export interface DirectLineAdapterOptions {
  transcript: Transcript;
  /** The bot as it appears in activities (`from` of its replies). */
  bot: ChannelAccount;
  /** Called after each activity is stored, so open streams can deliver it. */
  onAppended?: (conversationId: string, seq: number) => void;
  /** Called with activities that are shown live but not kept (the bot's typing indicators). */
  onEphemeral?: (conversationId: string, activity: Partial<Activity>) => void;
}

/** Longest `delay` activity honoured, so a mistaken value cannot hold a turn for minutes. */
const MAX_DELAY_MS = 10_000;

/**
 * The Bot Framework adapter for the self-hosted Direct Line: turns run in-process (no HTTP hop
 * to /api/messages, no connector client), replies are appended to the MongoDB transcript and
 * pushed to open streams. Proactive messages (link worker, follow-ups) go through
 * continueConversationAsync with a reference stored from an earlier turn.
 */
export class DirectLineAdapter extends SelfHostedAdapter {
  readonly bot: ChannelAccount;
  private readonly transcript: Transcript;
  private readonly onAppended: (conversationId: string, seq: number) => void;
  private readonly onEphemeral: (conversationId: string, activity: Partial<Activity>) => void;

  constructor(options: DirectLineAdapterOptions) {
    super();
    this.transcript = options.transcript;
    this.bot = { ...options.bot, role: 'bot' };
    this.onAppended = options.onAppended ?? (() => undefined);
    this.onEphemeral = options.onEphemeral ?? (() => undefined);
  }

  /** Runs one turn for an inbound activity through the middleware and `logic` (usually `bot.run`). */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const context = new TurnContext(this, { ...activity, channelId: DIRECTLINE_CHANNEL_ID, serviceUrl: DIRECTLINE_SERVICE_URL });
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = Math.min(typeof activity.value === 'number' ? activity.value : 1000, MAX_DELAY_MS);
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
      if (!conversationId) throw new Error('DirectLineAdapter.sendActivities: the activity names no conversation');
      const outbound: Partial<Activity> = {
        ...activity,
        channelId: DIRECTLINE_CHANNEL_ID,
        serviceUrl: DIRECTLINE_SERVICE_URL,
        from: { ...this.bot, ...(activity.from ?? {}), role: 'bot' },
      };
      if (activity.type === ActivityTypes.Typing) {
        // Shown to open chats now; not history (replayed later it would show a stale "typing...").
        this.onEphemeral(conversationId, { ...outbound, conversation: { id: conversationId } as Activity['conversation'], timestamp: new Date() });
        responses.push({ id: '' });
        continue;
      }
      const appended = await this.transcript.append(conversationId, outbound);
      if (!appended) throw new Error('DirectLineAdapter.sendActivities: the conversation does not exist (never started, or erased)');
      this.onAppended(conversationId, appended.seq);
      responses.push({ id: appended.activity.id ?? '' });
    }
    return responses;
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !activity.id) throw new Error('DirectLineAdapter.updateActivity: needs the activity id and conversation');
    if (!(await this.transcript.update(conversationId, activity))) throw new Error('DirectLineAdapter.updateActivity: no such activity in this conversation');
    return { id: activity.id };
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !reference.activityId) throw new Error('DirectLineAdapter.deleteActivity: needs the activity id and conversation');
    await this.transcript.remove(conversationId, reference.activityId);
  }

  /** Legacy form of continueConversationAsync (no app id). */
  override async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      { ...reference, bot: reference.bot ?? this.bot, channelId: DIRECTLINE_CHANNEL_ID, serviceUrl: DIRECTLINE_SERVICE_URL },
      true,
    );
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }
}
