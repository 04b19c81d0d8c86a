import { loadConfig, ConfigError } from '../../src/config';
import { parseServiceHours, ServiceHours, ServiceHoursError } from '../../src/handoff/serviceHours';

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
    const bruteNext = (hours: ServiceHours, at: Date): Date => {
      if (hours.onDuty(at)) return at;
      const start = Math.ceil(at.getTime() / 60_000) * 60_000;
      for (let i = 0; i <= 8 * 24 * 60; i++) {
        const candidate = new Date(start + i * 60_000);
        if (hours.onDuty(candidate)) return candidate;
      }
      throw new Error('none within 8 days');
    };
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
