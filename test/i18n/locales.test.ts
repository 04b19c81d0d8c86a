import { loadLocales, type LocaleValue } from '../../src/i18n';

/** Flattens a locale tree to dotted keys; arrays are leaves (synonym lists, number words). */
function leaves(value: LocaleValue, prefix = ''): Map<string, LocaleValue> {
  const out = new Map<string, LocaleValue>();
  if (typeof value === 'string' || Array.isArray(value)) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [leafKey, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(leafKey, leaf);
  }
  return out;
}

function emptyStringsIn(value: LocaleValue): boolean {
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0 || value.some(emptyStringsIn);
  return Object.values(value).some(emptyStringsIn);
}

const locales = loadLocales();
const english = leaves(locales.en);
const welsh = leaves(locales.cy);

describe('locale files', () => {
  it('English and Welsh have exactly the same keys', () => {
    const englishOnly = [...english.keys()].filter((key) => !welsh.has(key) && !key.endsWith('_review'));
    const welshOnly = [...welsh.keys()].filter((key) => !english.has(key) && !key.endsWith('_review'));
    expect({ englishOnly, welshOnly }).toEqual({ englishOnly: [], welshOnly: [] });
  });

  it.each([
    ['en', english],
    ['cy', welsh],
  ])('%s has no empty message or list', (_lang, flat) => {
    const empty = [...flat.entries()].filter(([, value]) => emptyStringsIn(value)).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: LocaleValue | undefined): string[] =>
      typeof text === 'string' ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort() : [];
    const mismatched = [...english.keys()].filter(
      (key) => placeholders(english.get(key)).join() !== placeholders(welsh.get(key)).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has every number word from 0 to 10', () => {
    for (const tree of [locales.en, locales.cy]) {
      const common = tree.common as Record<string, LocaleValue>;
      expect(Array.isArray(common.numbers) && common.numbers.length).toBe(11);
    }
  });

  it('gives the pipeline the crisis reply with every number a person needs', () => {
    for (const flat of [english, welsh]) {
      const message = String(flat.get('crisis.message'));
      for (const needed of ['999', '111', '2', '116 123', 'SHOUT', '85258']) expect(message).toContain(needed);
      expect(flat.get('crisis.offer')).toBeDefined();
    }
  });

  it('gives the pipeline a reply for every global command', () => {
    const needed = [
      'commands.help',
      'commands.restart.done',
      'commands.stop.done',
      'commands.resume.done',
      'commands.human.done',
      'commands.language.ask',
      'commands.language.done',
      'commands.delete.confirm',
      'commands.delete.done',
      'commands.delete.cancelled',
    ];
    for (const flat of [english, welsh]) expect(needed.filter((key) => !flat.has(key))).toEqual([]);
  });
});
