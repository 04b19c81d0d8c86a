import type { TurnContext } from 'botbuilder';
import type { ReferralRepository } from '../src/referrals';
import { isWebChatChannel, renderMessage } from './render';
import { turnLanguage, turnTranslator } from './turnLanguage';

/** Why the conversation asks for a link worker (crisis handoffs are opened by the pipeline itself). */
export type HandoffAsk = 'referralConfirmed' | 'askedForPerson';

export interface HandoffAnswer {
  /** A link worker is on duty now; otherwise `nextOnDuty` says from when. */
  onDuty: boolean;
  nextOnDuty: Date;
}

/**
 * What dialogs need of the live handoff: open (or add to) the person's handoff, and keep its summary
 * up to date. Implemented in bots/ over the domain's HandoffDesk; failures are logged there and
 * never stop the conversation (undefined then).
 */
export interface HandoffRequests {
  request(context: TurnContext, personKey: string, reason: HandoffAsk): Promise<HandoffAnswer | undefined>;
  refresh(personKey: string): Promise<void>;
  /** Service time zone, for saying when someone will be in touch. */
  timeZone: string;
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Monday 09:00" in the person's language and the service's time zone. */
export function describeWhen(at: Date, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let format = whenFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { timeZone, weekday: 'long', hour: 'numeric', minute: '2-digit' });
    whenFormats.set(key, format);
  }
  return format.format(at);
}

/**
 * "Talk to a person", wherever it is said: recorded on the referral, a handoff opened for the team,
 * and the person told honestly when to expect someone (with where to get help sooner off duty).
 */
export async function askForPerson(
  context: TurnContext,
  personKey: string,
  repo: ReferralRepository,
  handoffs: HandoffRequests | undefined,
  serviceName: string,
  doneKey: string,
): Promise<void> {
  const t = turnTranslator(context);
  await repo.recordHumanRequest(personKey, context.activity.channelId, turnLanguage(context));
  const answer = await handoffs?.request(context, personKey, 'askedForPerson');
  if (answer && !answer.onDuty) {
    // No "someone will contact you soon" when nobody is at work: when they will be instead.
    await context.sendActivity(renderMessage(t(`${doneKey}OffDuty`, { serviceName })));
    await context.sendActivity(renderMessage(t('handoff.offDuty', { when: describeWhen(answer.nextOnDuty, turnLanguage(context), handoffs!.timeZone) })));
    return;
  }
  // In web chat a link worker's reply arrives in the open chat.
  const keepOpen = answer && isWebChatChannel(context.activity.channelId) ? `\n${t('commands.human.keepChatOpen')}` : '';
  await context.sendActivity(renderMessage(`${t(doneKey, { serviceName })}${keepOpen}`));
}
