import { findIdentifiers, isValidNhsNumber, leftOutWording, withoutIdentifiers, withoutIdentifiersInText } from '../../src/privacy/identifiers';

const cleaned = (text: string) => withoutIdentifiersInText(text).value;

describe('the NHS number check digit (modulus 11)', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', '4010232137', '4505577104'])('accepts %s', (number) => {
    expect(isValidNhsNumber(number)).toBe(true);
  });

  it.each([
    ['9434765910', 'wrong check digit'],
    ['9434765918', 'wrong check digit'],
    ['1000000010', 'the check comes to 10: never issued'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['94347659A9', 'a letter'],
  ])('refuses %s (%s)', (number) => {
    expect(isValidNhsNumber(number)).toBe(false);
  });
});

describe('identifiers left out of free text', () => {
  it("leaves out the tester's DOB and NHS number, and nothing else", () => {
    const result = withoutIdentifiersInText('Feeling lonely since my husband died. DOB 03/04/1957 NHS no 943 476 5919');
    expect(result.value).toBe('Feeling lonely since my husband died. DOB [date of birth removed] NHS no [NHS number removed]');
    expect(result.leftOut).toEqual(['dateOfBirth', 'nhsNumber']);
  });

  it.each([
    ['my number is 9434765919 thanks', 'my number is [NHS number removed] thanks'],
    ['943-476-5919', '[NHS number removed]'],
    ['NHS number: 943 476 5919.', 'NHS number: [NHS number removed].'],
    // Said to be an NHS number: left out even with a digit mistyped.
    ['NHS no 943 476 5910', 'NHS no [NHS number removed]'],
    ['fy rhif GIG yw 9434765919', 'fy rhif GIG yw [NHS number removed]'],
  ])('NHS number: %s', (text, expected) => {
    expect(cleaned(text)).toBe(expected);
  });

  it.each([
    ['D.O.B. 3.4.57', 'D.O.B. [date of birth removed]'],
    ['date of birth: 1957-04-03', 'date of birth: [date of birth removed]'],
    ['I was born on the 3rd of April 1957 in Ely', 'I was born on the [date of birth removed] in Ely'],
    ['born in Merthyr on 3 April 1957', 'born in Merthyr on [date of birth removed]'],
    ['Born: March 3, 1957', 'Born: [date of birth removed]'],
    ['dyddiad geni 03/04/1957', 'dyddiad geni [date of birth removed]'],
    ['ganwyd ar 3ydd o Ebrill 1957', 'ganwyd ar [date of birth removed]'],
  ])('date of birth: %s', (text, expected) => {
    expect(cleaned(text)).toBe(expected);
  });

  it('leaves out a National Insurance number, but not one with a prefix never issued', () => {
    expect(cleaned('NI AB 12 34 56 C')).toBe('NI [National Insurance number removed]');
    expect(cleaned('ab123456c')).toBe('[National Insurance number removed]');
    for (const never of ['GB123456A', 'QQ123456C', 'DA123456A', 'AB123456E']) expect(cleaned(never)).toBe(never);
  });

  it.each([
    ['a mobile', 'text me on 07700 900777'],
    ['a mobile, written together', 'ring 07700900777 after 5'],
    ['a mobile with +44', 'or +44 7700 900777, or +447700900777'],
    ['a landline', 'home is 029 2018 0000 or 0113 496 0000'],
    ['ten digits starting with 0', 'call 0123456789'],
    ['a postcode', 'I live at CF10 1AA'],
    ['a time', 'the club meets at 10:30 on a Tuesday'],
    ['a date that is not a birth date', 'on 3/4 I went to the club'],
    ['a whole date that is not a birth date', 'my appointment is on 12/05/2025'],
    ['ten digits failing the check digit', 'reference 9434765910'],
    ['born with a year only', 'born in 1957 in Swansea'],
    ['a word ending in born', 'stubborn 3/4/1957'],
    ['a weight', 'she was born 3.5kg'],
  ])('leaves %s alone', (_what, text) => {
    expect(findIdentifiers(text)).toEqual([]);
    expect(cleaned(text)).toBe(text);
  });

  it('cleans every string inside an answer and keeps its shape', () => {
    const result = withoutIdentifiers({ chosen: ['arts'], ownWords: 'bingo, NHS 9434765919' });
    expect(result).toEqual({ value: { chosen: ['arts'], ownWords: 'bingo, NHS [NHS number removed]' }, leftOut: ['nhsNumber'] });
    expect(withoutIdentifiers(null)).toEqual({ value: null, leftOut: [] });
  });

  it('words what was left out in one line', () => {
    expect(leftOutWording(['nhsNumber'])).toBe('nhsNumber');
    expect(leftOutWording(['dateOfBirth', 'nhsNumber'])).toBe('nhsNumberAndDateOfBirth');
    expect(leftOutWording(['niNumber', 'nhsNumber'])).toBe('several');
  });
});
