import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { DialogMemoryConfiguration } from '../../bots/dialogMemoryConfiguration';

describe('dialog memory configuration kept across turns', () => {
  it('the first turn builds it, later turns reuse it, and dialog memory still works', async () => {
    const state = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(state.createProperty('dialogState'))
      .add(new TextPrompt('name'))
      .add(
        new WaterfallDialog('ask', [
          async (step) => step.prompt('name', 'What shall I call you?'),
          async (step) => {
            // Memory scopes resolve through the configuration: "turn" and "dialog" paths.
            await step.context.sendActivity(`Hello ${step.result as string}, from ${step.state.getValue<string>('turn.activity.channelId')}`);
            return step.endDialog();
          },
        ]),
      );
    const memory = new DialogMemoryConfiguration();
    const seen: unknown[] = [];
    const adapter = new TestAdapter(async (context: TurnContext) => {
      memory.lend(context);
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog('ask');
      await state.saveChanges(context);
      seen.push(context.turnState.get('DialogStateManagerConfiguration'));
      memory.keep(context);
    });

    await adapter.send('hi').assertReply('What shall I call you?').send('Sam').assertReply('Hello Sam, from test').startTest();

    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeDefined();
    expect(seen[1]).toBe(seen[0]);
  });
});
