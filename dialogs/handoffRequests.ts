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
  /** When the person asked: an opening later than tomorrow is named with its date. */
  askedAt?: Date;
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

function whenFormat(lang: string, timeZone: string, style: 'dayAndTime' | 'date' | 'time' | 'calendarDay'): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${style}`;
  let format = whenFormats.get(key);
  if (!format) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      dayAndTime: { weekday: 'long', hour: 'numeric', minute: '2-digit' },
      date: { weekday: 'long', day: 'numeric', month: 'long' },
      time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      // Only to compare calendar days, read from its parts.
      calendarDay: { year: 'numeric', month: 'numeric', day: 'numeric' },
    };
    const locale = lang === 'cy' ? 'cy-GB' : 'en-GB';
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options[style] });
    whenFormats.set(key, format);
  }
  return format;
}

/** Whole local calendar days from `now` to `at` in the time zone (0 today, 1 tomorrow). */
function daysAhead(at: Date, now: Date, timeZone: string): number {
  const calendarDay = whenFormat('en', timeZone, 'calendarDay');
  const dayNumber = (instant: Date): number => {
    const parts = Object.fromEntries(calendarDay.formatToParts(instant).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000;
  };
  return dayNumber(at) - dayNumber(now);
}

/**
 * "Monday 09:00" when that is today or tomorrow; further off (a weekend, a bank holiday, a Christmas closure),
 * with the date, so "Tuesday 29 December, 09:00" cannot be read as next Tuesday. In the person's language and
 * the service's time zone. `now` is the moment the answer was worked out (the desk's clock, which tests set);
 * without it there is no "today" to measure from, so the day and time alone, as before.
 */
export function describeWhen(at: Date, lang: string, timeZone: string, now?: Date): string {
  const days = now ? daysAhead(at, now, timeZone) : 0;
  if (days === 0 || days === 1) return whenFormat(lang, timeZone, 'dayAndTime').format(at);
  return `${whenFormat(lang, timeZone, 'date').format(at)}, ${whenFormat(lang, timeZone, 'time').format(at)}`;
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
    await context.sendActivity(renderMessage(t('handoff.offDuty', { when: describeWhen(answer.nextOnDuty, turnLanguage(context), handoffs!.timeZone, answer.askedAt) })));
    return;
  }
  // In web chat a link worker's reply arrives in the open chat.
  const keepOpen = answer && isWebChatChannel(context.activity.channelId) ? `\n${t('commands.human.keepChatOpen')}` : '';
  await context.sendActivity(renderMessage(`${t(doneKey, { serviceName })}${keepOpen}`));
}
