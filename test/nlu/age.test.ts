/**
 * The age-statement check (src/nlu/age.ts): a person saying how old they are, in English or Welsh,
 * and never a weight, distance, time, score or someone else's age.
 */
import { detectStatedAge, statesAgeUnder } from '../../src/nlu/age';

describe('a person saying how old they are', () => {
  it.each([
    ['im 14 is that ok', 14],
    ['im 16 can i still do this', 16],
    ["I'm 15 years old", 15],
    ['I’m 15 years old', 15],
    ['i am 13', 13],
    ['im only 16', 16],
    ['aged 12', 12],
    ['14 yrs old', 14],
    ['14yrs old and bored', 14],
    ["I'm fourteen", 14],
    ["I'm nearly 18", 17],
    ['im under 18', 17],
    ["hi, I'm 17 and a half", 17],
    ["I'm a year 10 student", 15],
    ['im in year 12 at college', 17],
    ["dw i'n 14 oed", 14],
    ["rwy'n 15 oed", 15],
    ["dwi'n 16", 16],
    ["Rydw i'n 13 oed", 13],
    ["dw i'n bron yn 18", 17],
    ['14 oed dw i', 14],
    ["I'm 41", 41],
  ])('%j says %i', (text, age) => {
    expect(detectStatedAge(text)?.age).toBe(age);
  });

  it('names a Welsh rule for Welsh words, so the reply can be in Welsh', () => {
    expect(detectStatedAge("dw i'n 14 oed")?.rule).toMatch(/^cy\./);
    expect(detectStatedAge('im 14')?.rule).toMatch(/^en\./);
  });
});

describe('numbers that are not the person saying their age', () => {
  it.each([
    "I'm 14 stone",
    "I'm 14st",
    'my son is 14',
    'I have 2 kids aged 4 and 6',
    "I've been lonely for 14 years",
    'my 15 year old',
    '15 year old son needs help',
    "I'm 1 of 5 children",
    'can we meet at 14:00',
    "I'm free at 14:00",
    '7',
    '14',
    "I'm 7",
    "I'm 10 at the moment",
    "I'm 7 out of 10",
    "I'm 16 miles from town",
    "I'm 12 weeks pregnant",
    "I'm 5 foot 2",
    "I'm 5'2",
    'I feel like I’m 14 again',
    "I'm tenacious",
    "I'm 2nd in the queue",
    "I'm in year 3 of my degree",
    'Mae fy mab yn 14 oed',
    "Dw i'n 16 milltir o'r dref",
    "Dw i'n 14 stôn",
    "Dw i wedi bod yn unig ers 14 mlynedd",
    'Dewch am 12 ddydd Llun',
    "Dw i'n 1 o 5 o blant",
  ])('%j', (text) => {
    expect(detectStatedAge(text)).toBeUndefined();
  });
});

describe('under the minimum age', () => {
  it('is under 18 by default, at or over the minimum is not', () => {
    expect(statesAgeUnder('im 17', 18)).toMatchObject({ age: 17 });
    expect(statesAgeUnder('im 18', 18)).toBeUndefined();
    expect(statesAgeUnder("I'm 41", 18)).toBeUndefined();
  });

  it('follows the configured minimum, and 0 turns the check off', () => {
    expect(statesAgeUnder('im 16', 16)).toBeUndefined();
    expect(statesAgeUnder('im 15', 16)).toMatchObject({ age: 15 });
    expect(statesAgeUnder('im 14', 0)).toBeUndefined();
  });
});
