import { isSkip, matchable, matchChoice, matchChoices, parseScore } from '../../dialogs/choiceMatching';
import { unmutatedForms } from '../../src/i18n';

const yesNo = [matchable('yes', 'common.choices.yes'), matchable('no', 'common.choices.no')];
const barriers = ['cost', 'transport', 'access', 'groupAnxiety', 'caring', 'language', 'nothing'].map((b) =>
  matchable(b, `whatMatters.barriers.options.${b}`),
);
const interests = ['arts', 'outdoors', 'gardening'].map((i) => matchable(i, `whatMatters.interests.options.${i}`));

describe('matchChoice', () => {
  it.each([
    ['yes', 'yes'],
    ['Y', 'yes'],
    ['Yeah!', 'yes'],
    ['ok', 'yes'],
    ['ie', 'yes'],
    ['Iawn', 'yes'],
    ['do', 'yes'],
    ['yes please', 'yes'],
    ['ie plis', 'yes'],
    ['1', 'yes'],
    ['one', 'yes'],
    ['un', 'yes'],
    ['2', 'no'],
    ['dau', 'no'],
    ['nope', 'no'],
    ['na', 'no'],
    ['nac ydw', 'no'],
  ])('"%s" is %s', (text, expected) => {
    expect(matchChoice(text, yesNo)).toBe(expected);
  });

  it.each([
    ["yes that's fine", 'yes'],
    ['Yes thats fine', 'yes'],
    ['yes, of course', 'yes'],
    ['ok then', 'yes'],
    ['yes I agree', 'yes'],
    ['ydy, mae hynny’n iawn', 'yes'],
    ["dw i'n cytuno", 'yes'],
    ["no, I'd rather not", 'no'],
    ['no I dont want that', 'no'],
    ['na, dim diolch', 'no'],
  ])('several phrases that agree: "%s" is %s', (text, expected) => {
    expect(matchChoice(text, yesNo)).toBe(expected);
  });

  const contact = ['chat', 'sms', 'phone', 'none'].map((c) => matchable(c, `whatMatters.contact.options.${c}`));
  it.each([
    ['this chat is fine', 'chat'],
    ['text message would be best', 'sms'],
    ['a phone call is good', 'phone'],
    ['y sgwrs hon yn iawn', 'chat'],
    ['neges destun sy orau', 'sms'],
  ])('a choice with "is fine" and the like after it: "%s" is %s', (text, expected) => {
    expect(matchChoice(text, contact)).toBe(expected);
  });

  it.each(['yes no', "no that's fine", 'yes but not my name', 'yes 2'])('phrases that disagree or leave words over: "%s" matches nothing', (text) => {
    expect(matchChoice(text, yesNo)).toBeUndefined();
  });

  it.each(['maybe', '3', '0', '', 'yes and no but mostly no'])('"%s" matches nothing', (text) => {
    expect(matchChoice(text, yesNo)).toBeUndefined();
  });
});

describe('everyday answers around a choice', () => {
  const days = ['weekdays', 'weekends', 'any'].map((d) => matchable(d, `whatMatters.days.options.${d}`));
  const times = ['mornings', 'afternoons', 'evenings', 'any'].map((d) => matchable(d, `whatMatters.times.options.${d}`));
  it.each([
    ['weekends only', 'weekends'],
    ['just weekends', 'weekends'],
    ['only weekdays', 'weekdays'],
    ['weekdays and mornings', 'weekdays'],
    ['weekday mornings', 'weekdays'],
    ['penwythnosau yn unig', 'weekends'],
    ['dim ond penwythnosau', 'weekends'],
  ])('"%s" to the days is %s', (text, expected) => {
    expect(matchChoice(text, days)).toBe(expected);
  });

  it.each([
    ['mornings only', ['mornings']],
    ['just mornings', ['mornings']],
    ['boreau yn unig', ['mornings']],
    ['mornings and evenings', ['mornings', 'evenings']],
  ])('"%s" to the times picks %j', (text, expected) => {
    expect(matchChoices(text, times)).toEqual(expected);
  });

  it('a time of day alone is not a day', () => {
    expect(matchChoice('mornings', days)).toBeUndefined();
  });
});

describe('matchChoices', () => {
  it.each([
    ['1 and 3', ['cost', 'access']],
    ['1,2', ['cost', 'transport']],
    ['cost, transport', ['cost', 'transport']],
    ['Cost and getting there (transport)', ['cost', 'transport']],
    ['cost a thrafnidiaeth', ['cost', 'transport']],
    ['gofalu am rywun a iaith', ['caring', 'language']],
    ['5', ['caring']],
    // "dim" is also the Welsh for 0: as a number it picks nothing, so it is read as the word "none".
    ['dim', ['nothing']],
    ['Dim byd', ['nothing']],
    ['nothing', ['nothing']],
  ])('"%s" picks %j', (text, expected) => {
    expect(matchChoices(text, barriers)).toEqual(expected);
  });

  it('"dim" ("none") ends a Welsh list with "That\'s all", not as a choice by number', () => {
    const more = [...interests, matchable('__done', 'common.choices.done')];
    expect(matchChoices('dim', more)).toEqual(['__done']);
    expect(matchChoices('0', more)).toBeUndefined();
  });

  it('does not split a label that contains "and"', () => {
    expect(matchChoices('arts and crafts', interests)).toEqual(['arts']);
    expect(matchChoices('Walking and being outdoors and gardening', interests)).toEqual(['outdoors', 'gardening']);
  });

  it.each(['cost and my dog', 'I worry about money', 'x'.repeat(500), 'word '.repeat(200)])('"%s" is not a list of choices', (text) => {
    expect(matchChoices(text, barriers)).toBeUndefined();
  });
});

describe('isSkip and parseScore', () => {
  it.each(['skip', 'Skip.', 'hepgor', 'rather not say', "don't know", 'dim syniad', 'no thanks', 'na diolch'])('"%s" is skip', (text) => {
    expect(isSkip(text)).toBe(true);
  });

  it.each(['1', 'one', 'Cardiff', 'skipping rope club'])('"%s" is not skip', (text) => {
    expect(isSkip(text)).toBe(false);
  });

  it.each([
    ['0', 0],
    ['10', 10],
    ['7', 7],
    ['seven', 7],
    ['saith', 7],
    ['deg', 10],
    ['7/10', 7],
    ['7 out of 10', 7],
    ['7 allan o 10', 7],
    ['about 5', 5],
    ['about a 7', 7],
    ["I'd say 4", 4],
    ['maybe six', 6],
    ['7ish', 7],
    ['tua 6', 6],
    ['5 or 6', undefined],
    ['11', undefined],
  ])('"%s" scores %s', (text, expected) => {
    expect(parseScore(text)).toBe(expected);
  });
});

describe('Welsh mutations', () => {
  it.each([
    ['thrafnidiaeth', 'trafnidiaeth'],
    ['gerdded', 'cerdded'],
    ['nghar', 'car'],
    ['phobl', 'pobl'],
    ['arddio', 'garddio'],
    ['fwyd', 'bwyd'],
  ])('"%s" may come from "%s"', (mutated, radical) => {
    expect(unmutatedForms(mutated)).toContain(radical);
  });
});
