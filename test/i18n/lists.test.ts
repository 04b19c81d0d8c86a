import { formatList } from '../../src/i18n';

describe('formatList', () => {
  it('joins in English', () => {
    expect(formatList('en', [])).toBe('');
    expect(formatList('en', ['Cost'])).toBe('Cost');
    expect(formatList('en', ['Cost', 'transport'])).toBe('Cost and transport');
    expect(formatList('en', ['Cost', 'transport', 'language'])).toBe('Cost, transport and language');
  });

  it('joins in Welsh with "a" and its aspirate mutation, and "ac" before a vowel', () => {
    expect(formatList('cy', ['Cost', "teimlo'n bryderus mewn grwpiau"])).toBe("Cost a theimlo'n bryderus mewn grwpiau");
    expect(formatList('cy', ['Trafnidiaeth', 'cost'])).toBe('Trafnidiaeth a chost');
    expect(formatList('cy', ['Cost', 'iaith'])).toBe('Cost ac iaith');
    expect(formatList('cy', ['Cost', 'gofalu am rywun'])).toBe('Cost a gofalu am rywun');
    expect(formatList('cy', ['Iaith', 'trafnidiaeth', 'pryder'])).toBe('Iaith, trafnidiaeth a phryder');
    // Already "ch", "ph", "th": left as it is.
    expect(formatList('cy', ['Cost', 'chwaraeon'])).toBe('Cost a chwaraeon');
  });
});
