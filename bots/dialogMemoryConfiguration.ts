import type { TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turn-state key under which botbuilder-dialogs looks for (and caches) its memory configuration. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * botbuilder-dialogs rebuilds its memory-scope configuration (a dependency-injection graph,
 * validated with zod) on the first dialog context of every turn: about 5% of a turn's CPU. It
 * holds no per-turn data (the scopes read everything from the dialog context they are given),
 * and botbuilder's own DialogManager keeps one across turns the same way, so the first turn's is
 * kept and lent to later turns.
 */
export class DialogMemoryConfiguration {
  private configuration?: DialogStateManagerConfiguration;

  /** Before the turn: offer the kept configuration, unless the turn already carries its own. */
  lend(context: TurnContext): void {
    if (this.configuration && !context.turnState.has(CONFIGURATION_KEY)) context.turnState.set(CONFIGURATION_KEY, this.configuration);
  }

  /** After the turn: keep the configuration botbuilder built, if this was the first. */
  keep(context: TurnContext): void {
    if (this.configuration) return;
    const built = context.turnState.get(CONFIGURATION_KEY) as DialogStateManagerConfiguration | undefined;
    if (built && Array.isArray(built.memoryScopes) && built.memoryScopes.length > 0) this.configuration = built;
  }
}
