import { loadConfig, ConfigError } from '../../src/config';
import { parseClosedDates, parseServiceHours, ServiceHours, ServiceHoursError } from '../../src/handoff/serviceHours';
import { describeWhen } from '../../dialogs/handoffRequests';
import { translator } from '../../src/i18n';

/** The next on-duty minute by brute force, to check the arithmetic. */
const bruteNext = (hours: ServiceHours, at: Date): Date => {
  if (hours.onDuty(at)) return at;
  const start = Math.ceil(at.getTime() / 60_000) * 60_000;
  for (let i = 0; i <= 21 * 24 * 60; i++) {
    const candidate = new Date(start + i * 60_000);
    if (hours.onDuty(candidate)) return candidate;
  }
  throw new Error('none within 21 days');
};

describe('service hours in Europe/London', () => {
  const hours = new ServiceHours('Mon-Fri 09:00-17:00');

  it('knows who is on duty, in winter (GMT) and in summer (BST)', () => {
    expect(hours.onDuty(new Date('2026-11-24T09:00:00Z'))).toBe(true); // Tuesday 09:00 GMT
    expect(hours.onDuty(new Date('2026-11-24T08:59:00Z'))).toBe(false);
    expect(hours.onDuty(new Date('2026-11-24T17:00:00Z'))).toBe(false);
    expect(hours.onDuty(new Date('2026-07-14T08:00:00Z'))).toBe(true); // Tuesday 09:00 BST
    expect(hours.onDuty(new Date('2026-07-14T16:30:00Z'))).toBe(false); // 17:30 BST
    expect(hours.onDuty(new Date('2026-11-28T12:00:00Z'))).toBe(false); // Saturday
  });

  it('says when someone is next on duty, across a weekend and a clock change', () => {
    expect(hours.nextOnDuty(new Date('2026-11-27T18:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z'); // Fri evening -> Mon
    // Clocks go forward on Sunday 29 March 2026: Monday 09:00 BST is 08:00 UTC.
    expect(hours.nextOnDuty(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    const now = new Date('2026-11-24T10:00:00Z');
    expect(hours.nextOnDuty(now)).toBe(now);
  });

  it('agrees with a minute-by-minute search, across a year of instants and several rotas', () => {
    const rotas = ['Mon-Fri 09:00-17:00', 'Mon-Thu 08:30-17:00, Fri 09:00-16:30, Sat 10:00-10:20', 'Sun 00:30-01:30', 'Wed 23:00-24:00'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const rota of rotas) {
      const hours = new ServiceHours(rota);
      for (let i = 0; i < 40; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 24 * 60) * 60_000 + 17_000);
        expect([rota, at.toISOString(), hours.nextOnDuty(at).toISOString()]).toEqual([rota, at.toISOString(), bruteNext(hours, at).toISOString()]);
      }
      // Around both 2026 clock changes.
      for (const iso of ['2026-03-28T23:10:00Z', '2026-03-29T00:50:00Z', '2026-10-24T22:00:00Z', '2026-10-25T00:45:00Z', '2026-10-25T01:30:00Z']) {
        const at = new Date(iso);
        expect(hours.nextOnDuty(at).toISOString()).toBe(bruteNext(hours, at).toISOString());
      }
    }
  });

  it('reads several ranges, single days and "always"', () => {
    const mixed = new ServiceHours('Mon-Thu 09:00-17:00, Fri 09:00-16:30, Sat 10:00-13:00');
    expect(mixed.onDuty(new Date('2026-11-27T16:45:00Z'))).toBe(false); // Fri 16:45
    expect(mixed.onDuty(new Date('2026-11-28T11:00:00Z'))).toBe(true); // Sat 11:00
    expect(new ServiceHours('always').onDuty(new Date('2026-11-29T03:00:00Z'))).toBe(true);
    expect(parseServiceHours('sun-mon 08:00-10:00')).not.toBe('always');
  });

  it.each(['', 'weekdays', 'Mon-Fri 9-5', 'Mon-Fri 17:00-09:00', 'Funday 09:00-10:00', 'Mon 25:00-26:00'])('refuses %j clearly', (spec) => {
    expect(() => parseServiceHours(spec)).toThrow(ServiceHoursError);
  });

  it('LINKWORKER_HOURS and LINKWORKER_TIMEZONE are checked at start-up', () => {
    expect(loadConfig({}).linkWorkerHours).toBe('Mon-Fri 09:00-17:00');
    expect(loadConfig({}).linkWorkerTimeZone).toBe('Europe/London');
    expect(() => loadConfig({ LINKWORKER_HOURS: 'weekdays' })).toThrow(/LINKWORKER_HOURS: must be opening hours like "Mon-Fri 09:00-17:00"/);
    expect(() => loadConfig({ LINKWORKER_TIMEZONE: 'Mars/Olympus' })).toThrow(ConfigError);
  });
});

describe('bank holidays and closures', () => {
  const hours = new ServiceHours('Mon-Fri 09:00-17:00');
  const en = translator('en');

  it('on Christmas Eve after work, a person is told Tuesday 29 December, not Christmas Day', () => {
    const christmasEve = new Date('2026-12-24T17:05:00Z');
    const next = hours.nextOnDuty(christmasEve);
    expect(next.toISOString()).toBe('2026-12-29T09:00:00.000Z');
    expect(en('handoff.offDuty', { when: describeWhen(next, 'en', 'Europe/London', christmasEve) })).toContain(
      'Someone will be in touch from Tuesday 29 December, 09:00.',
    );
    expect(describeWhen(next, 'cy', 'Europe/London', christmasEve)).toBe('Dydd Mawrth, 29 Rhagfyr, 09:00');
  });

  it('nobody is on duty on a weekday bank holiday, so "talk to a person" and crisis replies say when they are back', () => {
    for (const iso of ['2026-12-25T10:00:00Z', '2026-12-28T10:00:00Z', '2027-01-01T10:00:00Z', '2026-04-03T10:00:00Z', '2026-08-31T10:00:00Z']) {
      expect([iso, hours.onDuty(new Date(iso))]).toEqual([iso, false]);
    }
    expect(hours.nextOnDuty(new Date('2027-01-01T10:00:00Z')).toISOString()).toBe('2027-01-04T09:00:00.000Z');
    // Easter Monday 2026 in BST: back Tuesday 09:00 BST.
    expect(hours.nextOnDuty(new Date('2026-04-02T16:30:00Z')).toISOString()).toBe('2026-04-07T08:00:00.000Z');
    // An ordinary working day is untouched.
    expect(hours.onDuty(new Date('2026-12-24T10:00:00Z'))).toBe(true);
  });

  it("an operator's closure (a Christmas shutdown, a one-off holiday) closes those days too", () => {
    const closed = new ServiceHours('Mon-Fri 09:00-17:00', 'Europe/London', { closedDates: '2026-12-24..2027-01-01, 2027-05-07' });
    expect(closed.onDuty(new Date('2026-12-24T10:00:00Z'))).toBe(false);
    expect(closed.onDuty(new Date('2026-12-30T10:00:00Z'))).toBe(false);
    const lastDay = new Date('2026-12-23T17:30:00Z');
    const next = closed.nextOnDuty(lastDay);
    expect(next.toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(describeWhen(next, 'en', 'Europe/London', lastDay)).toBe('Monday 4 January, 09:00');
    expect(closed.onDuty(new Date('2027-05-07T10:00:00Z'))).toBe(false);
    expect(closed.nextOnDuty(new Date('2027-05-06T17:00:00Z')).toISOString()).toBe('2027-05-10T08:00:00.000Z'); // Tue after early May
  });

  it('LINKWORKER_BANK_HOLIDAYS=none keeps bank holidays open; "always" works through them but not through closures', () => {
    expect(new ServiceHours('Mon-Fri 09:00-17:00', 'Europe/London', { bankHolidays: 'none' }).onDuty(new Date('2026-12-25T10:00:00Z'))).toBe(true);
    expect(new ServiceHours('always').onDuty(new Date('2026-12-25T10:00:00Z'))).toBe(true);
    const always = new ServiceHours('always', 'Europe/London', { closedDates: '2026-12-25' });
    expect(always.onDuty(new Date('2026-12-25T10:00:00Z'))).toBe(false);
    expect(always.nextOnDuty(new Date('2026-12-25T10:00:00Z')).toISOString()).toBe('2026-12-26T00:00:00.000Z');
  });

  it('still agrees with a minute-by-minute search around closures, bank holidays and clock changes', () => {
    const rotas = ['Mon-Fri 09:00-17:00', 'Mon-Thu 08:30-17:00, Fri 09:00-16:30, Sat 10:00-10:20', 'Wed 23:00-24:00', 'always'];
    const closedDates = '2026-03-27..2026-03-30, 2026-10-23..2026-10-26, 2026-12-21..2026-12-23';
    for (const rota of rotas) {
      const closed = new ServiceHours(rota, 'Europe/London', { closedDates });
      for (const iso of ['2026-03-26T18:00:00Z', '2026-03-29T00:30:00Z', '2026-10-24T23:30:00Z', '2026-10-25T01:10:00Z', '2026-12-18T17:00:00Z', '2026-12-24T17:05:00Z', '2026-12-31T23:59:00Z', '2026-04-02T12:00:00Z']) {
        const at = new Date(iso);
        expect([rota, iso, closed.nextOnDuty(at).toISOString()]).toEqual([rota, iso, bruteNext(closed, at).toISOString()]);
      }
    }
  });

  it('keeps the 16:59/17:00 boundaries on an ordinary day', () => {
    expect(hours.onDuty(new Date('2026-11-27T16:59:30Z'))).toBe(true);
    expect(hours.onDuty(new Date('2026-11-27T17:00:00Z'))).toBe(false);
  });

  it.each([
    ['2026-12-24..', /"2026-12-24\.\."/],
    ['2027-02-30', /"2027-02-30" is not a date/],
    ['24/12/2026', /"24\/12\/2026" is not a date/],
    ['2027-01-01..2026-12-24', /ends before it starts/],
    ['2026-01-01..2027-06-01', /at most 366 days/],
    ['2026-12-24..2026-12-25..2026-12-26', /should be a date/],
  ])('refuses closed dates %j, naming the entry', (spec, message) => {
    expect(() => parseClosedDates(spec)).toThrow(message);
  });

  it('LINKWORKER_CLOSED_DATES and LINKWORKER_BANK_HOLIDAYS are checked at start-up', () => {
    expect(loadConfig({ LINKWORKER_CLOSED_DATES: '2026-12-24..2027-01-01, 2027-05-07' }).linkWorkerClosedDates).toBe('2026-12-24..2027-01-01, 2027-05-07');
    expect(() => loadConfig({ LINKWORKER_CLOSED_DATES: '2026-12-24, 2026-12-32' })).toThrow(/LINKWORKER_CLOSED_DATES: .*"2026-12-32" is not a date/);
    expect(loadConfig({ LINKWORKER_BANK_HOLIDAYS: 'none' }).linkWorkerBankHolidays).toBe('none');
    expect(() => loadConfig({ LINKWORKER_BANK_HOLIDAYS: 'scotland' })).toThrow(/LINKWORKER_BANK_HOLIDAYS: must be "england-and-wales" or "none"/);
  });
});

describe('when someone will be in touch', () => {
  const zone = 'Europe/London';
  const thursdayEvening = new Date('2026-11-26T17:05:00Z');

  it('today and tomorrow keep the day and time alone', () => {
    expect(describeWhen(new Date('2026-11-26T17:30:00Z'), 'en', zone, thursdayEvening)).toBe('Thursday 17:30');
    expect(describeWhen(new Date('2026-11-27T09:00:00Z'), 'en', zone, thursdayEvening)).toBe('Friday 09:00');
    expect(describeWhen(new Date('2026-11-27T09:00:00Z'), 'cy', zone, thursdayEvening)).toBe('Dydd Gwener, 09:00');
    // A caller that does not say when it asked gets the day and time alone, as before.
    expect(describeWhen(new Date('2026-12-29T09:00:00Z'), 'en', zone)).toBe('Tuesday 09:00');
  });

  it('further off, the date too, in English and Welsh', () => {
    const saturday = new Date('2026-11-28T12:00:00Z');
    expect(describeWhen(new Date('2026-11-30T09:00:00Z'), 'en', zone, saturday)).toBe('Monday 30 November, 09:00');
    expect(describeWhen(new Date('2026-11-30T09:00:00Z'), 'cy', zone, saturday)).toBe('Dydd Llun, 30 Tachwedd, 09:00');
    // Late on a Sunday (local time), Monday is tomorrow even in summer time when UTC is still Sunday.
    expect(describeWhen(new Date('2026-07-13T08:00:00Z'), 'en', zone, new Date('2026-07-12T22:30:00Z'))).toBe('Monday 09:00');
  });
});
