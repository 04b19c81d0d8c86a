import { BotAdapter, type ConversationReference, type TurnContext } from 'botbuilder';

export type TurnLogic = (context: TurnContext) => Promise<void>;
// The SDK's ClaimsIdentity, taken from BotAdapter's own signature (botframework-connector is not a direct dependency).
type ClaimsIdentityLike = Exclude<Parameters<BotAdapter['continueConversationAsync']>[0], string>;

/**
 * An adapter for a channel Front Door serves itself (Direct Line, SMS): no Bot Framework
 * authentication, so every overload of continueConversationAsync (app id or claims, with or without
 * an audience) comes down to the channel's own continueConversation.
 */
export abstract class SelfHostedAdapter extends BotAdapter {
  abstract override continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;

  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentityLike,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error(`${this.constructor.name}.continueConversationAsync: logic is required`);
    await this.continueConversation(reference, logic);
  }
}
