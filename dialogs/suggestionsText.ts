import type { Suggestion } from '../src/directory/match';
import { describeReasons } from '../src/directory/reasons';
import type { StoredService } from '../src/directory/schema';
import type { Translate } from '../src/i18n';

/** How long a service's description may be in a suggestion before it is cut (at a word). */
export const DESCRIPTION_LENGTH = 160;

/** "a", "a or b", "a, b or c" (`joinKey` names the message joining the last two, e.g. suggestions.orList). */
export function joinList(t: Translate, items: readonly string[], joinKey: 'suggestions.orList' | 'suggestions.andList'): string {
  if (items.length <= 1) return items.join('');
  const first = items.slice(0, -1).join(t('common.listSeparator'));
  return t(joinKey, { first, last: items.at(-1)! });
}

/** Why this was suggested, in the person's language: "You said you like being outdoors · Free · About 1 mile away". */
export function reasonsText(t: Translate, suggestion: Suggestion): string {
  return describeReasons(suggestion.reasons, t).join(' · ');
}

/** Text cut to at most `max` characters at a word boundary, with "…" when something was cut. */
export function trimAtWord(text: string, max = DESCRIPTION_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.–-]+$/, '')}…`;
}

/** When it runs, as the directory describes it (e.g. "Tuesdays, 10am to 12 noon"), or undefined. */
export function whenText(service: StoredService): string | undefined {
  const described = service.schedules.map((s) => s.description?.trim()).filter((d): d is string => Boolean(d));
  return described.length > 0 ? [...new Set(described)].join('; ') : undefined;
}

/** Where it happens: the first place's name and address, or "Online" / "By phone" for services without a place. */
export function whereText(t: Translate, service: StoredService): string | undefined {
  const place = service.locations.find((l) => l.name || l.address || l.postcode);
  if (place) {
    const parts = [place.name, place.address, place.postcode].filter((p): p is string => Boolean(p?.trim()));
    // A place named after its own address ("14 Tanners Row") need not say it twice.
    return [...new Set(parts)].join(', ');
  }
  const attending = (service.attendingType ?? '').toLowerCase();
  if (/online|virtual/.test(attending)) return t('suggestions.card.online');
  if (/phone|telephone/.test(attending)) return t('suggestions.card.phone');
  return undefined;
}

export interface SuggestionsTextOptions {
  /**
   * By SMS: only the practical reasons (free, when, how far...). The "you said..." reasons are
   * left out: they repeat what the person told us ("You said you feel lonely", "You mentioned
   * your health"), which must never be texted; the link worker sees them.
   */
  sms?: boolean;
}

/** Why this was suggested, without anything that repeats what the person told us (for SMS). */
export function practicalReasonsText(t: Translate, suggestion: Suggestion): string {
  return describeReasons(
    suggestion.reasons.filter((reason) => reason.kind !== 'category'),
    t,
  ).join(' · ');
}

/** "1. Name: reasons", numbered from `firstNumber`. */
export function suggestionLine(t: Translate, suggestion: Suggestion, number: number, options: SuggestionsTextOptions = {}): string {
  const reasons = options.sms ? practicalReasonsText(t, suggestion) : reasonsText(t, suggestion);
  return reasons
    ? t('suggestions.line', { number, name: suggestion.name, reasons })
    : t('suggestions.lineNoReasons', { number, name: suggestion.name });
}

/** The suggestions as numbered lines after an opening line, for channels without cards (SMS, most others). */
export function suggestionsText(t: Translate, suggestions: readonly Suggestion[], introKey: string, options: SuggestionsTextOptions = {}): string {
  return [t(introKey), ...suggestions.map((s, index) => suggestionLine(t, s, index + 1, options))].join('\n');
}

/** "1, 2 or 3" for `count` choices. */
export function numbersText(t: Translate, count: number): string {
  return joinList(
    t,
    Array.from({ length: count }, (_, index) => String(index + 1)),
    'suggestions.orList',
  );
}

/** What it costs, as the directory says it ("Free", "£3 a session"), or undefined. */
export function costText(t: Translate, service: StoredService): string | undefined {
  if (service.cost.free === true) return t('common.serviceAnswer.free');
  if (service.cost.text?.trim()) return service.cost.text.trim();
  const described = service.cost.options
    .map((o) => o.description?.trim() || (o.amount !== undefined ? `£${o.amount.toFixed(2).replace(/\.00$/, '')}${o.option ? ` ${o.option}` : ''}` : undefined))
    .filter((d): d is string => Boolean(d));
  return described.length > 0 ? described.join('; ') : undefined;
}

/** The practical details a person may ask about before choosing: when, where, what it costs. */
export interface ServiceFacts {
  when?: string;
  where?: string;
  cost?: string;
}

export function serviceFacts(t: Translate, service: StoredService): ServiceFacts {
  return { when: whenText(service), where: whereText(t, service), cost: costText(t, service) };
}
