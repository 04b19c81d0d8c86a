import { BotAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * An adapter for a channel Front Door serves itself (Direct Line, SMS): no Bot Framework
 * authentication, so every overload of continueConversationAsync (app id or claims, with or without
 * an audience) comes down to the channel's own continueConversation.
 */
export abstract class SelfHostedAdapter extends BotAdapter {
  abstract override continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;

  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error(`${this.constructor.name}.continueConversationAsync: logic is required`);
    await this.continueConversation(reference, logic);
  }
}
