/**
 * Multi-part answers as people type them: small words inside ("language and the money") and
 * one-letter typos of longer English words ("anxius", "weekdys") still pick the choices; short
 * words and Welsh words are never guessed at.
 */
import { MatchableChoice, matchable, matchChoice, matchChoices } from '../../dialogs/choiceMatching';

const options = (part: string, values: string[]) => values.map((value) => matchable(value, `whatMatters.${part}.options.${value}`));
const barriers = options('barriers', ['cost', 'transport', 'access', 'groupAnxiety', 'caring', 'language', 'nothing']);
const days = options('days', ['weekdays', 'weekends', 'any']);
const times = options('times', ['mornings', 'afternoons', 'evenings', 'any']);
const yesNo = [matchable('yes', 'common.choices.yes'), matchable('no', 'common.choices.no')];

describe('small words inside a multi-part answer', () => {
  it.each([
    ['language and the money', ['language', 'cost']],
    ['the money and the language', ['cost', 'language']],
    ['my caring and some transport', ['caring', 'transport']],
    ['a bus and the money', ['transport', 'cost']],
    ["iaith a'r arian", ['language', 'cost']],
    ["y bws a'r arian", ['transport', 'cost']],
  ])('"%s" picks %j', (text, expected) => {
    expect(matchChoices(text, barriers)).toEqual(expected);
  });

  it('a sentence is still not a list of choices', () => {
    expect(matchChoices('the money is the main thing', barriers)).toBeUndefined();
  });
});

describe('one-letter typos of longer words', () => {
  it.each([
    ['anxius', barriers, ['groupAnxiety']],
    ['transprot', barriers, ['transport']],
    ['cost and anxius', barriers, ['cost', 'groupAnxiety']],
    ['weekdys', days, ['weekdays']],
    ['mornins', times, ['mornings']],
    ['evnings', times, ['evenings']],
    ['mornins and evnings', times, ['mornings', 'evenings']],
  ] as const)('"%s" picks %j', (text, choices, expected) => {
    expect(matchChoices(text, choices as readonly MatchableChoice[])).toEqual(expected);
  });

  it.each(['nay', 'yas', 'noe'])('short words are not guessed at: "%s" is not yes or no', (text) => {
    expect(matchChoice(text, yesNo)).toBeUndefined();
  });

  it('a word as close to two choices picks neither', () => {
    const close = [
      { value: 'cats', synonyms: ['walking'], typoTolerant: ['walking'] },
      { value: 'dogs', synonyms: ['talking'], typoTolerant: ['talking'] },
    ];
    expect(matchChoice('walkin', close)).toBe('cats');
    expect(matchChoice('alking', close)).toBeUndefined();
  });

  it('Welsh words are not read as typos of other Welsh words', () => {
    // "teithiwr" (a traveller) is one letter from "teithio" (to travel), but is not it.
    const welsh = [{ value: 'transport', synonyms: ['teithio'], typoTolerant: [] }];
    expect(matchChoice('teithiwr', welsh)).toBeUndefined();
    // Only the English synonyms of a locale choice take typos.
    const transport = barriers.find((choice) => choice.value === 'transport')!;
    expect(transport.typoTolerant).not.toContain('trafnidiaeth');
    expect(matchChoices('trafnidiaet', barriers)).toBeUndefined();
  });
});
