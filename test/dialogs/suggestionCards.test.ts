/** One Adaptive Card per suggestion (web chat) and the numbered text lines (everywhere else). */
import fs from 'node:fs';
import type { Attachment } from 'botbuilder';
import { suggestionCard, suggestionCards, suggestionIdIn } from '../../dialogs';
import { joinList, numbersText, suggestionLine, suggestionsText, trimAtWord, whenText, whereText } from '../../dialogs/suggestionsText';
import type { Reason, Suggestion } from '../../src/directory/match';
import { contentHash, normaliseService } from '../../src/directory/normalise';
import { describeReasons } from '../../src/directory/reasons';
import { SAMPLE_DIRECTORY_FILE } from '../../src/directory/sample';
import { InputService, type StoredService } from '../../src/directory/schema';
import { LANGUAGES, tFor } from './support';

const sample = JSON.parse(fs.readFileSync(SAMPLE_DIRECTORY_FILE, 'utf8')) as Record<string, unknown>[];

/** A sample service as the importer stores it, with some fields replaced. */
function stored(changes: Record<string, unknown> = {}): StoredService {
  const normalised = normaliseService(InputService.parse({ ...sample[0], ...changes }), 'sample');
  if ('error' in normalised) throw new Error(normalised.error.reason);
  const { content } = normalised;
  return {
    ...content,
    provenance: { ...content.provenance, importedAt: new Date('2026-11-01') },
    updatedAt: new Date('2026-11-01'),
    contentHash: contentHash(content),
  };
}

const REASONS: Reason[] = [{ kind: 'category', category: 'loneliness', from: 'text', words: ['lonely'] }, { kind: 'free' }];

function suggestion(service: StoredService, reasons: Reason[] = REASONS): Suggestion {
  return { id: service._id, name: service.name, categories: ['loneliness'], reasons, score: 1, service };
}

interface Block {
  type: string;
  text: string;
}
interface CardContent {
  body: Block[];
  actions: { type: string; title: string; url?: string; data?: { __isBotFrameworkCardAction: boolean; cardAction: { type: string; text: string; displayText: string; value: unknown } } }[];
  fallbackText: string;
}
const content = (card: Attachment): CardContent => card.content as CardContent;
const unescape = (text: string): string => text.replace(/\\(.)/g, '$1');

describe.each(LANGUAGES)('suggestion card (%s)', (lang) => {
  const t = tFor(lang);

  it('shows the number and name as a heading, the reasons, a short description, when and where, and two buttons', () => {
    const service = stored();
    const card = suggestionCard(t, suggestion(service), 2);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const { body, actions, fallbackText } = content(card);
    const texts = body.map((b) => unescape(b.text));
    expect(texts[0]).toBe(`2. ${service.name}`);
    expect(body[0]).toMatchObject({ weight: 'Bolder', style: 'heading' });
    expect(texts[1]).toBe(describeReasons(REASONS, t).join(' · '));
    expect(texts[2]).toBe(trimAtWord(service.description));
    expect(texts).toContain(t('suggestions.card.when', { value: 'Tuesdays, 10am to 12 noon' }));
    expect(texts.find((x) => x.startsWith(t('suggestions.card.where', { value: '' })))).toContain('Kestleford Community Centre');
    expect(fallbackText).toBe(suggestionLine(t, suggestion(service), 2));

    const [choose, website] = actions;
    expect(choose).toMatchObject({ type: 'Action.Submit', title: t('suggestions.card.choose') });
    expect(choose.data).toEqual({
      __isBotFrameworkCardAction: true,
      cardAction: { type: 'messageBack', title: t('suggestions.card.choose'), text: service.name, displayText: service.name, value: { frontDoorSuggestion: service._id } },
    });
    expect(suggestionIdIn(choose.data!.cardAction.value)).toBe(service._id);
    expect(website).toEqual({ type: 'Action.OpenUrl', title: t('suggestions.card.website'), url: 'https://agewell.example.org/friendship-cafe' });
  });

  it('escapes Markdown in what the directory says, so it shows as written', () => {
    const service = stored({ name: 'Walk **and** talk [club](https://evil.example)', description: '# Join us_now! <b>' });
    const { body } = content(suggestionCard(t, suggestion(service), 1));
    expect(body[0].text).toContain('Walk \\*\\*and\\*\\* talk \\[club\\]\\(https://evil\\.example\\)');
    expect(body.map((b) => b.text).join('\n')).not.toMatch(/(^|[^\\])[*#[]/);
  });

  it('has no website button for a link that is not http(s), and no reasons line when there are none', () => {
    const service = { ...stored(), url: 'javascript:alert(1)' };
    const { body, actions } = content(suggestionCard(t, suggestion(service, []), 1));
    expect(actions.map((a) => a.type)).toEqual(['Action.Submit']);
    expect(unescape(body[1].text)).toBe(trimAtWord(service.description));
    expect(suggestionLine(t, suggestion(service, []), 1)).toBe(`1. ${service.name}`);
  });

  it('numbers the cards from 1', () => {
    const a = stored();
    const b = stored({ id: 'another', name: 'Riverside Walk' });
    const cards = suggestionCards(t, [suggestion(a), suggestion(b)]);
    expect(cards.map((c) => unescape(content(c).body[0].text))).toEqual([`1. ${a.name}`, `2. ${b.name}`]);
  });

  it('as text: the opening line, then "1. Name: reasons" per suggestion', () => {
    const a = stored();
    const text = suggestionsText(t, [suggestion(a)], 'suggestions.intro');
    expect(text.split('\n')).toEqual([t('suggestions.intro'), `1. ${a.name}: ${describeReasons(REASONS, t).join(' · ')}`]);
  });
});

describe('suggestion text helpers', () => {
  it('cuts a long description at a word, never mid-word, and marks the cut', () => {
    const long = 'A relaxed morning café where you can sit with others, chat and enjoy a cuppa and a slice of cake. Volunteers greet everyone at the door, so you will not be left on your own.';
    const cut = trimAtWord(long, 160);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toMatch(/[\s,.]/);
    expect(trimAtWord('Short and sweet.')).toBe('Short and sweet.');
  });

  it('lists numbers and names in each language', () => {
    expect(numbersText(tFor('en'), 3)).toBe('1, 2 or 3');
    expect(numbersText(tFor('cy'), 2)).toBe('1 neu 2');
    expect(numbersText(tFor('en'), 1)).toBe('1');
    expect(joinList(tFor('cy'), ['A', 'B', 'C'], 'suggestions.andList')).toBe('A, B a C');
  });

  it('says when from the schedule and where from the place, or online', () => {
    const service = stored();
    expect(whenText(service)).toBe('Tuesdays, 10am to 12 noon');
    expect(whereText(tFor('en'), service)).toBe('Kestleford Community Centre, 14 Tanners Row, Kestleford, Wendshire, KX1 2DL');
    const online = { ...service, locations: [], attendingType: 'online' };
    expect(whereText(tFor('cy'), online)).toBe(tFor('cy')('suggestions.card.online'));
    expect(whenText({ ...service, schedules: [] })).toBeUndefined();
  });

  it('reads a card button value, and nothing else, as a suggestion id', () => {
    expect(suggestionIdIn({ frontDoorSuggestion: 'abc' })).toBe('abc');
    for (const value of [undefined, null, 'abc', { frontDoorSuggestion: 3 }, { frontDoorSuggestion: '' }]) expect(suggestionIdIn(value)).toBeUndefined();
  });
});
