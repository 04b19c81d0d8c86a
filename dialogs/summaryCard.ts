import { CardFactory, type Attachment } from 'botbuilder';
import type { Translate } from '../src/i18n';
import type { Referral } from '../src/referrals';
import { summaryFacts, summaryText } from './summaryText';

/**
 * Adaptive Cards read TextBlock text as Markdown: a person's own words must show as typed,
 * never as a link, heading or list. Backslash escapes every Markdown control character.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|>~<]/g, (c) => `\\${c}`);
}

/**
 * The read-back as an Adaptive Card for the web: a heading, then each part's label and answer,
 * stacked (not a FactSet, which squeezes long answers on a narrow phone). The plain-text
 * summary is the card's fallback for clients that cannot show cards.
 */
export function summaryCard(t: Translate, referral: Referral): Attachment {
  const body: object[] = [{ type: 'TextBlock', text: escapeMarkdown(t('summary.heading')), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
  for (const fact of summaryFacts(t, referral)) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: escapeMarkdown(fact.title), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: escapeMarkdown(fact.value), wrap: true, spacing: 'None' },
      ],
    });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: summaryText(t, referral),
    body,
  });
}
