import { isWithinSendWindow, nextSendTime, type SendWindow } from '../../src/followups/quietHours';

const LONDON: SendWindow = { start: '09:00', end: '20:00', timeZone: 'Europe/London' };
const at = (iso: string) => new Date(iso);

describe('send window (Europe/London, 09:00 to 20:00)', () => {
  it.each([
    // Winter (GMT = UTC)
    ['2026-01-15T08:59:00Z', false],
    ['2026-01-15T09:00:00Z', true],
    ['2026-01-15T19:59:00Z', true],
    ['2026-01-15T20:00:00Z', false],
    // Summer (BST = UTC+1): 09:00 local is 08:00Z
    ['2026-07-01T07:59:00Z', false],
    ['2026-07-01T08:00:00Z', true],
    ['2026-07-01T18:59:00Z', true],
    ['2026-07-01T19:00:00Z', false],
  ])('%s allowed: %s', (iso, allowed) => {
    expect(isWithinSendWindow(at(iso), LONDON)).toBe(allowed);
  });

  it('leaves an allowed instant alone', () => {
    expect(nextSendTime(at('2026-01-15T12:34:56Z'), LONDON)).toEqual(at('2026-01-15T12:34:56Z'));
  });

  it('moves an early-morning job to 09:00 the same day, and an evening job to 09:00 the next day', () => {
    expect(nextSendTime(at('2026-01-15T03:00:00Z'), LONDON)).toEqual(at('2026-01-15T09:00:00Z'));
    expect(nextSendTime(at('2026-01-15T20:00:00Z'), LONDON)).toEqual(at('2026-01-16T09:00:00Z'));
    expect(nextSendTime(at('2026-07-01T22:30:00Z'), LONDON)).toEqual(at('2026-07-02T08:00:00Z'));
  });

  it('crosses month and year ends', () => {
    expect(nextSendTime(at('2026-12-31T21:00:00Z'), LONDON)).toEqual(at('2027-01-01T09:00:00Z'));
  });

  describe('clock-change days', () => {
    // BST starts Sunday 29 March 2026 at 01:00 UTC; ends Sunday 25 October 2026 at 01:00 UTC.
    it('spring forward: Saturday evening (GMT) waits for 09:00 BST on Sunday, 08:00Z', () => {
      expect(nextSendTime(at('2026-03-28T21:00:00Z'), LONDON)).toEqual(at('2026-03-29T08:00:00Z'));
      expect(nextSendTime(at('2026-03-29T00:30:00Z'), LONDON)).toEqual(at('2026-03-29T08:00:00Z'));
      expect(nextSendTime(at('2026-03-29T01:30:00Z'), LONDON)).toEqual(at('2026-03-29T08:00:00Z'));
      expect(isWithinSendWindow(at('2026-03-29T07:59:00Z'), LONDON)).toBe(false);
      expect(isWithinSendWindow(at('2026-03-29T08:00:00Z'), LONDON)).toBe(true);
      // 20:00 BST that evening is 19:00Z
      expect(isWithinSendWindow(at('2026-03-29T18:59:00Z'), LONDON)).toBe(true);
      expect(isWithinSendWindow(at('2026-03-29T19:00:00Z'), LONDON)).toBe(false);
    });

    it('fall back: Saturday evening (BST) waits for 09:00 GMT on Sunday, 09:00Z', () => {
      expect(nextSendTime(at('2026-10-24T19:30:00Z'), LONDON)).toEqual(at('2026-10-25T09:00:00Z'));
      expect(nextSendTime(at('2026-10-25T00:30:00Z'), LONDON)).toEqual(at('2026-10-25T09:00:00Z'));
      expect(nextSendTime(at('2026-10-25T01:30:00Z'), LONDON)).toEqual(at('2026-10-25T09:00:00Z'));
      expect(isWithinSendWindow(at('2026-10-25T08:59:00Z'), LONDON)).toBe(false);
      expect(isWithinSendWindow(at('2026-10-25T19:59:00Z'), LONDON)).toBe(true);
      expect(isWithinSendWindow(at('2026-10-25T20:00:00Z'), LONDON)).toBe(false);
    });
  });

  it('over a whole year, every next send time is allowed, not earlier than asked, and the first allowed minute', () => {
    const problems: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 47 * 60_000) {
      const from = new Date(t);
      const next = nextSendTime(from, LONDON);
      const firstAllowed = next.getTime() === t || !isWithinSendWindow(new Date(next.getTime() - 60_000), LONDON);
      if (!isWithinSendWindow(next, LONDON) || next.getTime() < t || next.getTime() - t > 14 * 3600_000 || !firstAllowed) {
        problems.push(`${from.toISOString()} -> ${next.toISOString()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('supports a window that crosses midnight and another time zone', () => {
    const night: SendWindow = { start: '22:00', end: '06:00', timeZone: 'Europe/London' };
    expect(isWithinSendWindow(at('2026-01-15T23:00:00Z'), night)).toBe(true);
    expect(isWithinSendWindow(at('2026-01-15T05:59:00Z'), night)).toBe(true);
    expect(isWithinSendWindow(at('2026-01-15T06:00:00Z'), night)).toBe(false);
    expect(nextSendTime(at('2026-01-15T12:00:00Z'), night)).toEqual(at('2026-01-15T22:00:00Z'));

    // New York moves its clocks on 8 March 2026: 09:00 EDT is 13:00Z.
    const newYork: SendWindow = { start: '09:00', end: '20:00', timeZone: 'America/New_York' };
    expect(nextSendTime(at('2026-03-08T03:00:00Z'), newYork)).toEqual(at('2026-03-08T13:00:00Z'));
    expect(nextSendTime(at('2026-03-07T03:00:00Z'), newYork)).toEqual(at('2026-03-07T14:00:00Z'));
  });
});
