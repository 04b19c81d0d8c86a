/**
 * Crisis detector: dyslexic and phonetic English ("i wont to die", "be hear", "better of dead"). These got
 * no crisis reply because "wont" was only ever read as "won't".
 */
import { detectCrisis } from '../../src/nlu/crisis';

const flags = (text: string): boolean => detectCrisis(text).crisis;

describe('phonetic and dyslexic spellings of crisis statements', () => {
  it.each([
    'i wont to die',
    'i wont to kill myself',
    'i wont to end it',
    'i dont wont to live',
    'I WONT TO DIE',
    'i wont 2 die',
    'i dont want to be hear anymore',
    'i dont wana be hear enymore',
    'im better of dead',
    'i am going to jump of the bridge',
    'everyone wud be beter off without me',
    'i want too die',
    'i whant to die',
    'iwanttodie',
    'i have planned how i will die',
  ])('flags %j', (text) => {
    expect(flags(text)).toBe(true);
  });

  it('reads "wont to" as "want to" and nothing else', () => {
    expect(detectCrisis('i wont to die')).toEqual({ crisis: true, kind: 'suicide', rule: 'suicide.want_to_die' });
  });
});

describe('the same spellings in everyday messages stay quiet', () => {
  it.each([
    'i wont die',
    "won't die",
    "I won't die of boredom",
    'I wont be there tuesday',
    "I'm not going to kill myself, I'm just lonely",
    'hear me out, I have an idea for the group',
    'which is the better of the two groups',
    'that was the jump of a lifetime',
    'i dont wont to go to the group on my own',
    'i wont to go to the cinema',
    'i want too',
    'i love you too',
    'i planned how i will get there',
    'i would be better of if i joined a club',
    "I'd rather be hear than at home",
    'im not better of dead',
  ])('does not flag %j', (text) => {
    expect(flags(text)).toBe(false);
  });
});
