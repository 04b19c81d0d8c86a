import type { Activity, Attachment, CardAction } from 'botbuilder';
import { countSegments, fitsSegments } from './gsm';

/**
 * Bot activity -> SMS text. A phone shows plain text only: buttons become "Reply 1 for ...",
 * cards become their fallback text (or a plain reading of them), Markdown marks are dropped, and
 * typographic punctuation is swapped for its plain GSM-7 twin so one curly quote or bullet does
 * not halve the characters a message can hold. Letters are never changed (Welsh ŵ stays ŵ).
 */

/** Parts one text should use: every English message fits (see the tests), and a turn's messages are joined up to it. */
export const SEGMENT_BUDGET = 2;

/**
 * Parts beyond which a text is split into separate texts. Up to here a long message (the privacy
 * notice, the crisis support) goes as one concatenated text that the phone shows whole and in
 * order; it costs the same as separate texts. Twilio advises at most 10 parts (1,600 characters).
 */
export const MAX_SEGMENTS_PER_TEXT = 10;

/**
 * Welsh needs â ê î ô û ŵ ŷ, which GSM-7 lacks, so a Welsh text with any of them is UCS-2 (70
 * characters, or 67 a part). Respelling Welsh without its accents is not acceptable (and the Welsh
 * Language Standards ask for Welsh to be treated no less favourably), so the budget is the same
 * message, not the same cost: the English budget is 306 characters (2 GSM-7 parts), the same
 * messages run 15-20% longer in Welsh, about 360 characters, which is 6 UCS-2 parts (402).
 * A Welsh text with no accented letter is GSM-7: the same 402 characters are at most 3 parts.
 * (Turns' texts are still joined only up to 2 GSM-7 parts, see segmentBudget.)
 */
export const UCS2_SEGMENT_BUDGET = 6;

/**
 * UCS-2 parts holding what SEGMENT_BUDGET GSM-7 parts hold (306 characters): the budget of an
 * English text made UCS-2 by a letter of a name (Łucja), not by Welsh. It costs more, but the
 * message is the same size, so turns' texts are joined no further than in plain English.
 */
export const NAME_UCS2_SEGMENT_BUDGET = Math.ceil((SEGMENT_BUDGET * 153) / 67);

/** Welsh letters outside GSM-7 (circumflex, diaeresis, acute and grave accents GSM-7 lacks). */
const WELSH_NON_GSM = /[âêîôûŵŷÂÊÎÔÛŴŶëïÿËÏŸáíóúýÁÍÓÚÝẁẃẅỳẀẂẄỲ]/u;

/**
 * The budget for a text: 2 parts in GSM-7; in UCS-2 because of Welsh letters, 6 (see
 * UCS2_SEGMENT_BUDGET); in UCS-2 only because of other letters (a name), the English size.
 */
export function segmentBudget(text: string): number {
  const count = countSegments(text);
  if (count.encoding === 'GSM-7') return SEGMENT_BUDGET;
  return count.nonGsm.some((char) => WELSH_NON_GSM.test(char)) ? UCS2_SEGMENT_BUDGET : NAME_UCS2_SEGMENT_BUDGET;
}

/** Typographic characters with a plain GSM-7 equivalent. */
const PLAIN_EQUIVALENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u2022\u25CF\u25E6\u2023\u2043\u00B7]/g, '-'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/\t/g, ' '],
];
/** Emoji, pictographs, variation selectors and invisible joiners: nothing an SMS needs, and each forces UCS-2. */
const DROPPED = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\uFE0E|\uFE0F|\u200B|\u200C|\u200D|\u2060|\uFEFF/gu;

const DROPPED_WITH_SPACE = new RegExp(`[ \\u00A0]?(?:${DROPPED.source})+`, 'gu');

/** Text as an SMS carries it: plain punctuation, no emoji, no Markdown, tidy spacing. */
export function plainText(text: string): string {
  let out = stripMarkdown(text);
  for (const [pattern, replacement] of PLAIN_EQUIVALENTS) out = out.replace(pattern, replacement);
  // With the space before it, so "Thank you, Łucja 🌸." does not become "Łucja ." (stray space).
  out = out.replace(DROPPED_WITH_SPACE, '');
  return out
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown as people would read it without the marks: links keep their address, emphasis loses its stars. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,!?:;]|$)/gm, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,!?:;]|$)/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[*+]\s+/gm, '- ');
}

/** "Reply 1 for Yes, 2 for No." for buttons the text does not already list. */
export function replyNumbers(titles: string[]): string {
  if (titles.length === 0) return '';
  return `Reply ${titles.map((title, i) => `${i + 1} for ${title}`).join(', ')}.`;
}

function actionTitles(actions: CardAction[] | undefined): string[] {
  return (actions ?? []).map((a) => String(a.title ?? a.value ?? '').trim()).filter((t) => t.length > 0);
}

/** Whether `text` already shows `titles` as a numbered list (the dialogs do this on SMS themselves). */
function listsAlready(text: string, titles: string[]): boolean {
  return titles.every((title, i) => text.includes(`${i + 1}. ${title}`) || text.includes(`${i + 1} for ${title}`));
}

/** An attachment as text: a card's fallback text, else a plain reading of it. */
export function attachmentText(attachment: Attachment): string {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content || typeof content !== 'object') return '';
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
    if (typeof content.fallbackText === 'string' && content.fallbackText.trim()) return content.fallbackText;
    const lines: string[] = [];
    readAdaptiveElements(content.body, lines);
    const titles = adaptiveActionTitles(content.actions);
    if (titles.length > 0) lines.push(replyNumbers(titles));
    return lines.join('\n');
  }
  // Hero and thumbnail cards: title, subtitle, text, then their buttons as numbers.
  const lines = ['title', 'subtitle', 'text'].map((k) => content[k]).filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
  const titles = actionTitles(content.buttons as CardAction[] | undefined);
  if (titles.length > 0) lines.push(replyNumbers(titles));
  return lines.join('\n');
}

function readAdaptiveElements(elements: unknown, lines: string[]): void {
  if (!Array.isArray(elements)) return;
  for (const raw of elements) {
    if (!raw || typeof raw !== 'object') continue;
    const element = raw as Record<string, unknown>;
    if (element.isVisible === false) continue;
    switch (element.type) {
      case 'TextBlock':
        if (typeof element.text === 'string') lines.push(element.text);
        break;
      case 'RichTextBlock':
        if (Array.isArray(element.inlines)) {
          lines.push(element.inlines.map((i: unknown) => (typeof i === 'string' ? i : String((i as { text?: string }).text ?? ''))).join(''));
        }
        break;
      case 'FactSet':
        for (const fact of (element.facts as { title?: string; value?: string }[] | undefined) ?? []) {
          lines.push(fact.title ? `${fact.title}: ${fact.value ?? ''}` : String(fact.value ?? ''));
        }
        break;
      case 'ColumnSet':
        for (const column of (element.columns as { items?: unknown }[] | undefined) ?? []) readAdaptiveElements(column.items, lines);
        break;
      case 'Container':
        readAdaptiveElements(element.items, lines);
        break;
      case 'ActionSet': {
        const titles = adaptiveActionTitles(element.actions);
        if (titles.length > 0) lines.push(replyNumbers(titles));
        break;
      }
      default:
        break;
    }
  }
}

function adaptiveActionTitles(actions: unknown): string[] {
  if (!Array.isArray(actions)) return [];
  return actions
    .map((a) => (a && typeof a === 'object' ? String((a as { title?: string }).title ?? '').trim() : ''))
    .filter((t) => t.length > 0);
}

/** The whole SMS text of one activity ('' when it shows nothing on a phone, e.g. typing). */
export function activityText(activity: Partial<Activity>): string {
  if (activity.type !== undefined && activity.type !== 'message') return '';
  const parts: string[] = [];
  if (activity.text?.trim()) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const text = attachmentText(attachment);
    if (text.trim()) parts.push(text);
  }
  let text = plainText(parts.join('\n'));
  const titles = actionTitles(activity.suggestedActions?.actions).map(plainText);
  if (titles.length > 0 && !listsAlready(text, titles)) text = text ? `${text}\n${replyNumbers(titles)}` : replyNumbers(titles);
  return text;
}

/**
 * One activity as the texts to send: normally one; split (at line ends, then sentence ends,
 * then spaces) only when it is too long for one text (over MAX_SEGMENTS_PER_TEXT parts).
 */
export function renderSms(activity: Partial<Activity>): string[] {
  const text = activityText(activity);
  return text ? splitForSms(text) : [];
}

/** `text` in pieces that each fit `maxSegments` parts, kept whole when it already does. */
export function splitForSms(text: string, maxSegments = MAX_SEGMENTS_PER_TEXT): string[] {
  const fits = (piece: string) => fitsSegments(piece, maxSegments);
  if (fits(text)) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const unit of breakable(text, fits)) {
    const joined = current ? `${current}${unit.separator}${unit.text}` : unit.text;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current) pieces.push(current);
    current = unit.text;
    // A single piece too long on its own (a very long line): cut it by words.
    while (!fits(current)) {
      const [head, tail] = cutByWords(current, fits);
      pieces.push(head);
      current = tail;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Lines, and within over-long lines sentences, with the separator that joined them. */
function breakable(text: string, fits: (piece: string) => boolean): { text: string; separator: string }[] {
  const units: { text: string; separator: string }[] = [];
  for (const line of text.split('\n')) {
    if (fits(line)) {
      units.push({ text: line, separator: '\n' });
      continue;
    }
    const sentences = line.match(/[^.!?]+[.!?]+["')]*\s*|[^.!?]+$/g) ?? [line];
    sentences.forEach((sentence, i) => units.push({ text: sentence.trim(), separator: i === 0 ? '\n' : ' ' }));
  }
  return units.filter((u) => u.text.length > 0);
}

function cutByWords(text: string, fits: (piece: string) => boolean): [string, string] {
  const words = text.split(' ');
  let head = '';
  let taken = 0;
  for (const word of words) {
    const next = head ? `${head} ${word}` : word;
    if (!fits(next)) break;
    head = next;
    taken += 1;
  }
  if (taken === 0) {
    // One "word" longer than a whole budget (a pasted link): cut it by characters.
    const chars = Array.from(text);
    let n = chars.length;
    while (n > 1 && !fits(chars.slice(0, n).join(''))) n -= 1;
    return [chars.slice(0, n).join(''), chars.slice(n).join('')];
  }
  return [head, words.slice(taken).join(' ')];
}
