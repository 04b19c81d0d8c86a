import { formatUkNumber, orDeclined, parseFreeText, parseName, parsePlace, parseUkMobile, parseUkPhone } from '../../dialogs/validation';

describe('parsePlace', () => {
  it.each([
    ['CF10 1AA', 'CF10'],
    ['cf101aa', 'CF10'],
    ['SA1', 'SA1'],
    ['sw1a 2aa', 'SW1A'],
    ['LL57 ', 'LL57'],
    ['EC1A 1BB', 'EC1A'],
  ])('keeps only the district of "%s"', (text, district) => {
    expect(parsePlace(text)).toEqual({ ok: true, value: { kind: 'postcodeDistrict', value: district } });
  });

  it.each(['Merthyr Tydfil', "Bishop's Castle", 'Ystradgynlais', 'Llanfair-ym-Muallt', 'Aberdâr'])('takes "%s" as a town', (town) => {
    expect(parsePlace(town)).toEqual({ ok: true, value: { kind: 'town', value: town } });
  });

  it.each([
    ['I live in Leeds', { kind: 'town', value: 'Leeds' }],
    ['in Scunthorpe.', { kind: 'town', value: 'Scunthorpe' }],
    ['my postcode is LS1 4AP', { kind: 'postcodeDistrict', value: 'LS1' }],
    ["Dw i'n byw yn Abertawe", { kind: 'town', value: 'Abertawe' }],
    // After "yng" and "ym" a Welsh place name is nasally mutated: it is kept as written on its own.
    ["dw i'n byw yng Nghaerdydd", { kind: 'town', value: 'Caerdydd' }],
    ['ym Mangor', { kind: 'town', value: 'Bangor' }],
    ['Ynys Môn', { kind: 'town', value: 'Ynys Môn' }],
    ['Inverness', { kind: 'town', value: 'Inverness' }],
  ])('reads the place in "%s"', (text, place) => {
    expect(parsePlace(text)).toEqual({ ok: true, value: place });
  });

  it.each(['CF10 1A', '123', 'ZZZ9 9ZZ', 'CF 10'])('refuses "%s" as a postcode', (text) => {
    expect(parsePlace(text)).toEqual({ ok: false, problemKey: 'whatMatters.place.badPostcode' });
  });

  it.each(['!!', 'x', ''])('refuses "%s" as a town', (text) => {
    expect(parsePlace(text)).toEqual({ ok: false, problemKey: 'whatMatters.place.badTown' });
  });
});

describe('phone numbers', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['0044-7700-900-123', '+447700900123'],
    ['(07700) 900123', '+447700900123'],
    ['07624 123456', '+447624123456'],
    ['my number is 07700 900123', '+447700900123'],
    ['fy rhif i yw 07700 900123', '+447700900123'],
  ])('"%s" is a UK mobile', (text, e164) => {
    expect(parseUkMobile(text)).toEqual({ ok: true, value: e164 });
  });

  it.each(['029 2018 0000', '07000 123456', '0770090012', '+33 6 12 34 56 78', 'my number'])('"%s" is not a UK mobile', (text) => {
    expect(parseUkMobile(text).ok).toBe(false);
  });

  it.each([
    ['029 2018 0000', '+442920180000'],
    ['01234 567890', '+441234567890'],
    ['0300 123 4567', '+443001234567'],
    ['07700 900123', '+447700900123'],
  ])('"%s" is a UK number we can call', (text, e164) => {
    expect(parseUkPhone(text)).toEqual({ ok: true, value: e164 });
  });

  it.each(['0900 123 4567', '0800 123 456', '999', '+1 555 0100'])('"%s" is not a number we call', (text) => {
    expect(parseUkPhone(text).ok).toBe(false);
  });

  it.each([
    ['my numbr is 07700900456', '+447700900456'],
    ['its 07700 900123 thanks', '+447700900123'],
  ])('finds the mobile in the sentence "%s"', (text, e164) => {
    expect(parseUkMobile(text)).toEqual({ ok: true, value: e164 });
  });

  it('finds the number to call in a sentence', () => {
    expect(parseUkPhone('you can ring me on 029 2018 0000 after 5')).toEqual({ ok: true, value: '+442920180000' });
  });

  it('reads numbers back the way people write them', () => {
    expect(formatUkNumber('+447700900123')).toBe('07700 900123');
    expect(formatUkNumber('+442920180000')).toBe('029 2018 0000');
  });
});

describe('free text and names', () => {
  it('keeps free text as given, trimmed', () => {
    expect(parseFreeText('  Seeing my friends again \n')).toEqual({ ok: true, value: 'Seeing my friends again' });
  });

  it('asks for something shorter over 5,000 characters', () => {
    expect(parseFreeText('a'.repeat(5001))).toEqual({ ok: false, problemKey: 'common.tooLong' });
  });

  it('takes any short name and refuses a very long one', () => {
    expect(parseName('Siân')).toEqual({ ok: true, value: 'Siân' });
    expect(parseName('x'.repeat(51)).ok).toBe(false);
  });

  it.each([
    ['my name is Jo', 'Jo'],
    ['call me Jo', 'Jo'],
    ["I'm Mary Jane", 'Mary Jane'],
    ['Fy enw i yw Huw', 'Huw'],
    ["galwch fi'n Siân", 'Siân'],
  ])('takes the name out of "%s"', (text, name) => {
    expect(parseName(text)).toEqual({ ok: true, value: name });
  });

  it.each(['yes', 'OK', 'ie', 'ydy', 'thats all', '07700900456', '😀'])('does not take "%s" as a name', (text) => {
    expect(parseName(text)).toEqual({ ok: false, problemKey: 'whatMatters.name.notAName' });
  });
});

describe('answers that are not a place', () => {
  it.each(['thats all', 'yes', 'mornings', 'weekdays', 'bore', 'penwythnos'])('"%s" is asked again', (text) => {
    expect(parsePlace(text)).toEqual({ ok: false, problemKey: 'whatMatters.place.badTown' });
  });

  it.each(['near the big tesco', 'the church', 'tesco', 'ger y capel'])('"%s" is a landmark: which town is it in?', (text) => {
    expect(parsePlace(text)).toEqual({ ok: false, problemKey: 'whatMatters.place.landmark' });
  });

  it.each(['Church Village', 'The Mumbles', 'Y Fenni'])('"%s" is still a town', (text) => {
    expect(parsePlace(text)).toEqual({ ok: true, value: { kind: 'town', value: text } });
  });
});

describe('declining to say', () => {
  it.each(['i dont want to say', "I'd prefer not to say", 'dont no', 'dw i ddim eisiau dweud'])('"%s" skips (null)', (text) => {
    expect(orDeclined(parsePlace)(text)).toEqual({ ok: true, value: null });
    expect(orDeclined(parseName)(text)).toEqual({ ok: true, value: null });
  });

  it('anything else is read as before', () => {
    expect(orDeclined(parseName)('Jo')).toEqual({ ok: true, value: 'Jo' });
  });
});
