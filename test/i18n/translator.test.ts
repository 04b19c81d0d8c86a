import {
  SUPPORTED_LANGUAGES,
  languageFromLocale,
  normaliseForMatching,
  numberWords,
  stripFillers,
  synonymsFor,
  translator,
} from '../../src/i18n';

describe('translator', () => {
  it('supports English and Welsh', () => {
    expect([...SUPPORTED_LANGUAGES]).toEqual(['en', 'cy']);
  });

  it('speaks the language it is fixed to, with values filled in and not HTML-escaped', () => {
    expect(translator('en')('welcome.intro', { serviceName: 'Bridges & Links' })).toContain(
      'automated assistant for Bridges & Links',
    );
    expect(translator('cy')('welcome.intro', { serviceName: 'Pontydd' })).toContain('gynorthwyydd awtomatig ar gyfer Pontydd');
  });

  it('refuses a key that does not exist rather than showing it to a person', () => {
    expect(() => translator('cy')('welcome.noSuchMessage')).toThrow(/welcome.noSuchMessage/);
  });

  it('picks the language from a locale', () => {
    expect(languageFromLocale('cy-GB')).toBe('cy');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('fr-FR')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});

describe('synonyms', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normaliseForMatching("  That's ALL!! ")).toBe('thats all');
    expect(normaliseForMatching('Siarad â pherson')).toBe('siarad a pherson');
    expect(normaliseForMatching('Dilëwch e')).toBe('dilewch e');
  });

  it('unites both languages for each choice', () => {
    const yes = synonymsFor('common.choices.yes');
    for (const word of ['yes', 'y', 'yeah', 'ok', 'ie', 'iawn', 'do']) expect(yes).toContain(word);
  });

  it('strips polite padding but not meaning', () => {
    expect(stripFillers('please stop')).toBe('stop');
    expect(stripFillers('yes please')).toBe('yes');
    expect(stripFillers('i want to stop feeling lonely')).toBe('stop feeling lonely');
    expect(stripFillers('cymraeg os gwelwch yn dda')).toBe('cymraeg');
  });

  it('knows number words in both languages', () => {
    const words = numberWords();
    expect(words.get('three')).toBe(3);
    expect(words.get('tri')).toBe(3);
    expect(words.get('deg')).toBe(10);
  });
});
