import type { TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { ReferralRepository } from '../src/referrals';
import { loadTurnLanguage } from './turnLanguage';

/** Every Front Door dialog is started for one person. */
export interface PersonOptions {
  /** Opaque key the pipeline derives from channel and user id. */
  personKey: string;
}

const PERSON_KEY = 'frontDoorPersonKey';

/**
 * A dialog that speaks to one person in their stored language: before each turn it reads the
 * person's language into the turn, and it re-reads it when asked to repeat itself (the language
 * may just have changed).
 */
export abstract class PersonDialog<O extends PersonOptions = PersonOptions> extends ComponentDialog<O> {
  protected constructor(
    id: string,
    protected readonly repo: ReferralRepository,
  ) {
    super(id);
  }

  override async beginDialog(outerDc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const personKey = options?.personKey;
    if (!personKey) throw new Error(`Dialog "${this.id}" was started without options.personKey`);
    outerDc.activeDialog!.state[PERSON_KEY] = personKey;
    await loadTurnLanguage(outerDc.context, this.repo, personKey);
    return super.beginDialog(outerDc, options);
  }

  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    await loadTurnLanguage(outerDc.context, this.repo, personKeyIn(outerDc.activeDialog!, this.id));
    return super.continueDialog(outerDc);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await loadTurnLanguage(context, this.repo, personKeyIn(instance, this.id), true);
    await super.repromptDialog(context, instance);
  }
}

function personKeyIn(instance: DialogInstance, dialogId: string): string {
  const key = (instance.state as Record<string, unknown>)[PERSON_KEY];
  if (typeof key !== 'string') throw new Error(`Dialog "${dialogId}" has lost its personKey from dialog state`);
  return key;
}
