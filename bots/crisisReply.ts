import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Translate } from '../src/i18n';
import { crisisSupportText } from '../src/nlu/crisis/support';

/**
 * The crisis reply: support first (marked `channelData.safety = "crisis"`, a stable contract),
 * then an offer to carry on or talk to a person. Choices are typed words too, so SMS works.
 */
export function crisisActivities(t: Translate, serviceName: string, textOnly: boolean, kind?: string): Partial<Activity>[] {
  const support: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: `${crisisSupportText(t, kind)}\n${t('crisis.urgentNoted', { serviceName })}`,
    channelData: { safety: 'crisis' },
  };
  const choices = [t('crisis.choices.carryOn'), t('crisis.choices.human')];
  const offer = textOnly
    ? MessageFactory.text(`${t('crisis.offer')}\n${choices.map((c, i) => `${i + 1}. ${c}`).join('\n')}`)
    : MessageFactory.suggestedActions(choices, t('crisis.offer'));
  offer.channelData = { safety: 'crisis-offer' };
  return [support, offer];
}
