/**
 * SMS size and rendering: GSM-7 / UCS-2 segment counting against the 3GPP limits, the
 * activity -> text renderer, and every message the conversation can send over SMS, in English
 * and in Welsh, measured against its segment budget.
 */
import { MessageFactory, CardFactory, type Activity } from 'botbuilder';
import {
  activityText,
  countSegments,
  MAX_SEGMENTS_PER_TEXT,
  plainText,
  renderSms,
  SEGMENT_BUDGET,
  splitForSms,
  UCS2_SEGMENT_BUDGET,
} from '../../../src/channels/sms';
import { loadLocales, type LocaleValue } from '../../../src/i18n';

describe('countSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 1],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    // Extension characters are two septets each.
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['{}[]~^|\\', 'GSM-7', 16, 1],
    // Letters with accents that GSM-7 has, and ones it lacks.
    ['café à Ünïty', 'UCS-2', 12, 1],
    ['é'.repeat(160), 'GSM-7', 160, 1],
    ['ŵ'.repeat(70), 'UCS-2', 70, 1],
    ['ŵ'.repeat(71), 'UCS-2', 71, 2],
    ['ŵ'.repeat(134), 'UCS-2', 134, 2],
    ['ŵ'.repeat(135), 'UCS-2', 135, 3],
    // An emoji is two UTF-16 units; one curly quote is enough to make the whole text UCS-2.
    ['😀', 'UCS-2', 2, 1],
    [`${'a'.repeat(69)}’`, 'UCS-2', 70, 1],
  ])('%j is %s, %i units, %i part(s)', (text, encoding, units, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, units, segments });
  });

  it('never splits an extension character (two septets) across parts', () => {
    // 152 plain + € would end at septet 154 of a 153-septet part: the € moves to the next part.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(countSegments(text)).toMatchObject({ units: 306, segments: 3 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
  });

  it('never splits a character beyond the BMP (a surrogate pair) across UCS-2 parts', () => {
    expect(countSegments(`${'ŵ'.repeat(66)}😀${'ŵ'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });

  it('names the characters that forced UCS-2', () => {
    expect(countSegments('Dŵr a thŷ “hi”').nonGsm.sort()).toEqual(['ŵ', 'ŷ', '“', '”'].sort());
  });
});

describe('rendering an activity as SMS text', () => {
  it('turns typographic punctuation into plain GSM-7 and drops emoji, keeping Welsh letters', () => {
    expect(plainText('It’s “great” – really… • yes 👍🏽 🇬🇧')).toBe('It\'s "great" - really... - yes');
    expect(countSegments(plainText('It’s “great” – really… • yes 👍🏽')).encoding).toBe('GSM-7');
    expect(plainText('Dŵr a thŷ')).toBe('Dŵr a thŷ');
  });

  it('strips Markdown marks, keeping what a link points to', () => {
    expect(plainText('**Bold** and *soft* and `code`\n# Heading\n* item\nSee [the notice](https://x.example/privacy)')).toBe(
      'Bold and soft and code\nHeading\n- item\nSee the notice (https://x.example/privacy)',
    );
  });

  it('lists suggested actions as "Reply 1 for ..."', () => {
    const activity = MessageFactory.suggestedActions(['Yes', 'No'], 'Is that right?');
    expect(activityText(activity)).toBe('Is that right?\nReply 1 for Yes, 2 for No.');
  });

  it('does not list the choices twice when the text already numbers them', () => {
    const activity = MessageFactory.suggestedActions(['Yes', 'No'], 'Is that right?\n1. Yes\n2. No');
    expect(activityText(activity)).toBe('Is that right?\n1. Yes\n2. No');
  });

  it('shows an Adaptive Card as its fallback text, or else as plain text with numbered actions', () => {
    const withFallback = MessageFactory.attachment(
      CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', fallbackText: 'Walking group, Tuesdays', body: [{ type: 'TextBlock', text: 'ignored' }] }),
    );
    expect(activityText(withFallback)).toBe('Walking group, Tuesdays');
    const card = MessageFactory.attachment(
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: '**Walking group**' },
          { type: 'FactSet', facts: [{ title: 'When', value: 'Tuesdays 10am' }, { title: 'Cost', value: 'Free' }] },
          { type: 'TextBlock', text: 'hidden', isVisible: false },
        ],
        actions: [{ type: 'Action.Submit', title: 'Choose this' }, { type: 'Action.Submit', title: 'Show more' }],
      }),
    );
    expect(activityText(card)).toBe('Walking group\nWhen: Tuesdays 10am\nCost: Free\nReply 1 for Choose this, 2 for Show more.');
  });

  it('sends nothing for typing or events', () => {
    expect(renderSms({ type: 'typing' } as Partial<Activity>)).toEqual([]);
    expect(renderSms({ type: 'event', name: 'x' } as Partial<Activity>)).toEqual([]);
  });

  it('keeps a long text whole up to the concatenation limit, then splits at line ends', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: ${'words '.repeat(8).trim()}.`);
    const long = lines.join('\n');
    expect(splitForSms(lines.slice(0, 6).join('\n'))).toEqual([lines.slice(0, 6).join('\n')]);
    const parts = splitForSms(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => countSegments(p).segments <= MAX_SEGMENTS_PER_TEXT)).toBe(true);
    expect(parts.join('\n')).toBe(long);
    // With a tighter limit, a single over-long line is cut between words, never inside one.
    const cut = splitForSms('word '.repeat(100).trim(), 2);
    expect(cut.every((p) => countSegments(p).segments <= 2 && !p.startsWith(' ') && !p.endsWith(' '))).toBe(true);
    expect(cut.join(' ')).toBe('word '.repeat(100).trim());
  });
});

/** Locale namespaces shown only on web pages or to staff, never texted to a person. */
const NOT_TEXTED = new Set(['web', 'privacy', 'dashboard']);

/** Sample values, at typical lengths, for every interpolation in the locales. */
const SAMPLE: Record<string, string> = {
  serviceName: 'Front Door',
  name: 'Sam',
  value: 'Arts and crafts, Gardening',
  time: '10am',
  number: '07700 900123',
  numbers: '1 and 3',
  days: '3',
  closedDays: '30',
  when: 'Tuesdays 10am',
  email: 'team@frontdoor.example.org',
  first: 'Arts and crafts',
  last: 'Gardening',
  worthwhile: '7',
  lifeSatisfaction: '6',
  happiness: '5',
  anxiety: '3',
  rule: 'R1',
  reason: 'You said you feel lonely',
  reasons: 'You said you feel lonely',
  command: 'help',
  words: 'walking',
  version: '1',
  times: 'Mornings',
  privacyUrl: 'https://frontdoor.example.org/privacy',
  outcome: 'joined a group',
  names: 'Walking group and Art club',
  miles: '2',
  message: 'See you on Tuesday at the library.',
  language: 'English',
  icoLink: 'https://ico.org.uk/make-a-complaint',
  date: '3 March',
};

/** Lines written in another language (Polish, Arabic, …) for someone who writes in it: checked on their own below. */
const IN_ANOTHER_LANGUAGE = /^welcome\.language\.other\./;

function textedLeaves(tree: LocaleValue, prefix = '', out: [string, string][] = []): [string, string][] {
  if (typeof tree === 'string') {
    if (!IN_ANOTHER_LANGUAGE.test(prefix)) out.push([prefix, tree]);
  } else if (!Array.isArray(tree)) {
    for (const [key, child] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!prefix && NOT_TEXTED.has(key)) continue;
      if (key.endsWith('_review')) continue;
      textedLeaves(child, path, out);
    }
  }
  // Arrays are synonym lists and number words: what people type, never sent.
  return out;
}

const withSamples = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => SAMPLE[name] ?? 'Something typical');

/**
 * Longer than the budget today, and not trivial to shorten: the privacy notice is the lawful
 * notice (reviewed wording), so it goes as one 3-part text (English) or 8-part UCS-2 text (Welsh).
 * The list is exact: a key that comes within budget must be taken off it.
 */
const OVER_BUDGET: Record<'en' | 'cy', string[]> = {
  en: ['consent.notice'],
  cy: ['consent.notice'],
};

describe('every message the conversation can text, in every language', () => {
  const locales = loadLocales();

  it('a line in another language (for someone who wrote in it) fits in 2 UCS-2 parts', () => {
    const other = (locales.en as Record<string, LocaleValue>).welcome as Record<string, Record<string, Record<string, LocaleValue>>>;
    const lines = Object.entries(other.language.other).flatMap(([code, value]) => (typeof value === 'object' && !Array.isArray(value) ? [[code, String(value.line)]] : []));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.filter(([, line]) => countSegments(plainText(line)).segments > 2).map(([code]) => code)).toEqual([]);
  });

  it('enumerates the texted messages (a sanity check that the walk found them)', () => {
    const keys = textedLeaves(locales.en).map(([key]) => key);
    expect(keys.length).toBeGreaterThan(150);
    for (const key of ['crisis.message', 'consent.ask', 'sms.optedOut', 'sms.help', 'commands.help', 'welcome.intro']) expect(keys).toContain(key);
    expect(keys.some((key) => key.startsWith('web.'))).toBe(false);
  });

  it('English: all GSM-7 once rendered (no character forces UCS-2), each within 2 parts', () => {
    const rendered = textedLeaves(locales.en).map(([key, text]) => ({ key, text: activityText({ type: 'message', text: withSamples(text) }) }));
    expect(rendered.filter((r) => countSegments(r.text).encoding !== 'GSM-7').map((r) => `${r.key}: ${countSegments(r.text).nonGsm.join('')}`)).toEqual([]);
    const over = rendered.filter((r) => countSegments(r.text).segments > SEGMENT_BUDGET);
    expect(over.map((r) => r.key)).toEqual(OVER_BUDGET.en);
    expect(over.map((r) => countSegments(r.text).segments)).toEqual([3]);
  });

  it(`Welsh: each within the characters of ${UCS2_SEGMENT_BUDGET} UCS-2 parts (at most 3 parts if it has no Welsh accent)`, () => {
    const rendered = textedLeaves(locales.cy).map(([key, text]) => ({ key, text: activityText({ type: 'message', text: withSamples(text) }) }));
    // Only Welsh letters may force UCS-2: no stray curly quote or emoji.
    const forcedBy = new Set(rendered.flatMap((r) => countSegments(r.text).nonGsm));
    expect([...forcedBy].filter((c) => !/[âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶ]/.test(c))).toEqual([]);
    // The same allowance either way: 402 characters is 6 UCS-2 parts, or 3 GSM-7 parts.
    const fits = (text: string) => (countSegments(text).encoding === 'UCS-2' ? countSegments(text).segments <= UCS2_SEGMENT_BUDGET : countSegments(text).segments <= 3);
    const over = rendered.filter((r) => !fits(r.text));
    expect(over.map((r) => r.key)).toEqual(OVER_BUDGET.cy);
  });

  it('every SMS form (<key>Sms) stands in for a message that exists, and none offers "stop" as a pause', () => {
    for (const lang of ['en', 'cy'] as const) {
      const leaves = new Map(textedLeaves(locales[lang]));
      const smsForms = [...leaves.keys()].filter((key) => key.endsWith('Sms'));
      expect(smsForms.length).toBeGreaterThan(10);
      expect(smsForms.filter((key) => !leaves.has(key.slice(0, -'Sms'.length)))).toEqual([]);
      // By SMS, STOP opts out of every text (the channel's keyword): it may only be offered as that.
      const optOut = /STOP to stop all texts|STOP: stop all texts|STOPIO i stopio pob neges destun|STOPIO: stopio pob neges destun/g;
      const offersStopAsPause = (text: string) => /\bstop(io)?\b/i.test(text.replace(optOut, ''));
      expect(offersStopAsPause(String(leaves.get('commands.help')))).toBe(true);
      expect(smsForms.filter((key) => offersStopAsPause(leaves.get(key)!)).map((key) => `${lang}:${key}`)).toEqual([]);
    }
  });

  it('the keyword replies are short: one part in English, one UCS-2 text of at most 4 parts in Welsh', () => {
    for (const key of ['optedOut', 'optedIn', 'help']) {
      const en = withSamples(String((locales.en.sms as Record<string, string>)[key]));
      const cy = withSamples(String((locales.cy.sms as Record<string, string>)[key]));
      expect({ key, en: countSegments(en).segments <= 2, cy: countSegments(cy).segments <= 4 }).toEqual({ key, en: true, cy: true });
      // No health detail: they say what the number is and how to stop, nothing about the person.
      expect(`${en} ${cy}`).not.toMatch(/lonely|anxious|wellbeing|mental|referral/i);
    }
  });
});
