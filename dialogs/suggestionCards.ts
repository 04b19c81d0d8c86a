import { CardFactory, type Attachment } from 'botbuilder';
import type { Suggestion } from '../src/directory/match';
import { safeUrl } from '../src/directory/normalise';
import type { Translate } from '../src/i18n';
import { escapeMarkdown } from './summaryCard';
import { reasonsText, suggestionLine, trimAtWord, whenText, whereText } from './suggestionsText';

/** What a card's "Choose this" sends back in the activity's value, besides the service's name as text. */
export interface SuggestionChoiceValue {
  frontDoorSuggestion: string;
}

/** The directory id a card button sent, if this activity value is one. */
export function suggestionIdIn(value: unknown): string | undefined {
  const id = (value as Partial<SuggestionChoiceValue> | null | undefined)?.frontDoorSuggestion;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/**
 * "Choose this" as a Bot Framework messageBack: Web Chat sends the service's name as the
 * person's message (so it shows in the transcript, and passes the pipeline's checks like any
 * typed answer) with the id in `value`, which the question prefers over the words.
 */
function chooseAction(t: Translate, suggestion: Suggestion): object {
  return {
    type: 'Action.Submit',
    title: t('suggestions.card.choose'),
    data: {
      __isBotFrameworkCardAction: true,
      cardAction: {
        type: 'messageBack',
        title: t('suggestions.card.choose'),
        text: suggestion.name,
        displayText: suggestion.name,
        value: { frontDoorSuggestion: suggestion.id } satisfies SuggestionChoiceValue,
      },
    },
  };
}

/**
 * One suggestion as an Adaptive Card: its number and name as the heading, why it was suggested,
 * a short description, when and where, a link to its website and "Choose this". Everything from
 * the directory is escaped: a publisher's text shows as written, never as Markdown.
 */
export function suggestionCard(t: Translate, suggestion: Suggestion, number: number): Attachment {
  const { service } = suggestion;
  const text = (value: string, extra: object = {}) => ({ type: 'TextBlock', text: escapeMarkdown(value), wrap: true, ...extra });
  const body: object[] = [text(`${number}. ${suggestion.name}`, { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  const reasons = reasonsText(t, suggestion);
  if (reasons) body.push(text(reasons, { color: 'Accent', spacing: 'Small' }));
  if (service.description.trim()) body.push(text(trimAtWord(service.description)));
  const when = whenText(service);
  if (when) body.push(text(t('suggestions.card.when', { value: when }), { spacing: 'Small' }));
  const where = whereText(t, service);
  if (where) body.push(text(t('suggestions.card.where', { value: where }), { spacing: 'Small' }));

  const actions: object[] = [chooseAction(t, suggestion)];
  // Checked again here: a link on a card must never be anything but http(s).
  const url = safeUrl(service.url);
  if (url) actions.push({ type: 'Action.OpenUrl', title: t('suggestions.card.website'), url });

  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Read aloud by screen readers and shown by clients without cards.
    fallbackText: suggestionLine(t, suggestion, number),
    speak: suggestionLine(t, suggestion, number),
    body,
    actions,
  });
}

/** One card per suggestion, numbered from 1 (the numbers a person can also type). */
export function suggestionCards(t: Translate, suggestions: readonly Suggestion[]): Attachment[] {
  return suggestions.map((suggestion, index) => suggestionCard(t, suggestion, index + 1));
}
