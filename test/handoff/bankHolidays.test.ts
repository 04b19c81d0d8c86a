import { easterSunday, englandAndWalesBankHolidays, isBankHoliday } from '../../src/handoff/bankHolidays';

describe('England and Wales bank holidays, computed for any year', () => {
  // The gov.uk lists (one-off holidays, like the 2022 jubilee, left to LINKWORKER_CLOSED_DATES).
  it.each([
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
  ])('match gov.uk for %i', (year, dates) => {
    expect(englandAndWalesBankHolidays(year)).toEqual(dates);
  });

  it('move New Year, Christmas and Boxing Day off weekends as gov.uk does', () => {
    // 1 Jan 2022 a Saturday -> Monday 3rd; Christmas 2021 a Saturday -> Mon 27th and Tue 28th.
    expect(englandAndWalesBankHolidays(2022)[0]).toBe('2022-01-03');
    expect(englandAndWalesBankHolidays(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
    // Christmas 2022 a Sunday: Boxing Day Monday 26th, substitute Tuesday 27th.
    expect(englandAndWalesBankHolidays(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']);
    // Christmas 2020 a Friday: Boxing Day (Saturday) -> Monday 28th.
    expect(englandAndWalesBankHolidays(2020).slice(-2)).toEqual(['2020-12-25', '2020-12-28']);
  });

  it('compute Easter for years no list covers', () => {
    expect(easterSunday(2019).toISOString().slice(0, 10)).toBe('2019-04-21');
    expect(easterSunday(2038).toISOString().slice(0, 10)).toBe('2038-04-25');
    expect(easterSunday(2285).toISOString().slice(0, 10)).toBe('2285-03-22'); // the earliest possible
  });

  it('can be turned off', () => {
    expect(isBankHoliday('2026-12-25', 'england-and-wales')).toBe(true);
    expect(isBankHoliday('2026-12-24', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2026-12-25', 'none')).toBe(false);
  });
});
