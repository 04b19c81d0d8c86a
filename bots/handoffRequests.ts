import { TurnContext } from 'botbuilder';
import type { HandoffAnswer, HandoffAsk, HandoffRequests } from '../dialogs/handoffRequests';
import type { HandoffDesk, PersonChannel } from '../src/handoff/desk';
import type { RiskFlag } from '../src/handoff/schema';

/** Set on a turn that opened (or added to) the person's handoff, so the pipeline starts watching for it. */
export const HANDOFF_OPENED_THIS_TURN = Symbol.for('frontdoor.handoffOpenedThisTurn');

export function personChannelOf(context: TurnContext): PersonChannel {
  const reference = TurnContext.getConversationReference(context.activity);
  return {
    channelId: context.activity.channelId,
    conversationId: context.activity.conversation.id,
    conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}

/**
 * The dialogs' view of handoffs, over the domain's HandoffDesk. A failure to open a handoff is logged
 * (never the person's words) and the conversation goes on: the referral still records the request.
 */
export class BotHandoffRequests implements HandoffRequests {
  constructor(
    private readonly desk: HandoffDesk,
    readonly timeZone: string,
    private readonly log: (line: string) => void,
    /** Called once a referral is confirmed (e.g. to schedule its follow-ups). */
    private readonly onReferralReady?: (context: TurnContext, personKey: string) => Promise<void>,
  ) {}

  async request(context: TurnContext, personKey: string, reason: HandoffAsk | 'crisis', riskFlag?: RiskFlag): Promise<HandoffAnswer | undefined> {
    if (reason === 'referralConfirmed' && this.onReferralReady) {
      await this.onReferralReady(context, personKey).catch((error: Error) => this.log(`follow-ups: could not schedule: ${error.message}`));
    }
    try {
      const outcome = await this.desk.request({ personKey, reason, channel: personChannelOf(context), riskFlag });
      if (!outcome) return undefined;
      context.turnState.set(HANDOFF_OPENED_THIS_TURN, true);
      this.log(`handoff ${outcome.created ? 'opened' : 'updated'} (${reason}) on ${context.activity.channelId}`);
      return { onDuty: outcome.onDuty, nextOnDuty: outcome.nextOnDuty, askedAt: outcome.askedAt };
    } catch (error) {
      this.log(`handoff: could not open one (${reason}) on ${context.activity.channelId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  async refresh(personKey: string): Promise<void> {
    try {
      await this.desk.refresh(personKey);
    } catch (error) {
      this.log(`handoff: could not refresh a summary: ${(error as Error).message}`);
    }
  }
}
