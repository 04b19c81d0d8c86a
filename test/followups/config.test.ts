import { DEFAULT_FOLLOW_UP_CONFIG, FollowUpConfigError, loadFollowUpConfig } from '../../src/followups/config';

describe('follow-up configuration', () => {
  it('defaults: check-in after 7 days, ONS4 after 6 weeks, 09:00 to 20:00 Europe/London', () => {
    expect(loadFollowUpConfig({})).toEqual({
      checkInDays: 7,
      ons4Weeks: 6,
      sendWindow: { start: '09:00', end: '20:00' },
      timeZone: 'Europe/London',
    });
    expect(loadFollowUpConfig({ FOLLOWUP_CHECKIN_DAYS: '  ' })).toEqual(DEFAULT_FOLLOW_UP_CONFIG);
  });

  it('reads every variable', () => {
    expect(
      loadFollowUpConfig({
        FOLLOWUP_CHECKIN_DAYS: '10',
        FOLLOWUP_ONS4_WEEKS: '8',
        FOLLOWUP_QUIET_START: '10:30',
        FOLLOWUP_QUIET_END: '18:00',
        FOLLOWUP_TIMEZONE: 'Europe/Dublin',
      }),
    ).toEqual({ checkInDays: 10, ons4Weeks: 8, sendWindow: { start: '10:30', end: '18:00' }, timeZone: 'Europe/Dublin' });
  });

  it.each([
    [{ FOLLOWUP_CHECKIN_DAYS: 'seven' }, 'FOLLOWUP_CHECKIN_DAYS: must be a whole number of days from 1 to 60'],
    [{ FOLLOWUP_CHECKIN_DAYS: '0' }, 'FOLLOWUP_CHECKIN_DAYS: must be a whole number of days from 1 to 60'],
    [{ FOLLOWUP_QUIET_START: '9am', FOLLOWUP_QUIET_END: '20:00' }, 'FOLLOWUP_QUIET_START: must be a 24-hour time like 09:00'],
    [{ FOLLOWUP_QUIET_START: '09:00' }, 'FOLLOWUP_QUIET_END: must be set too'],
    [{ FOLLOWUP_QUIET_END: '20:00' }, 'FOLLOWUP_QUIET_START: must be set too'],
    [{ FOLLOWUP_QUIET_START: '09:00', FOLLOWUP_QUIET_END: '09:00' }, 'FOLLOWUP_QUIET_END: must differ'],
    [{ FOLLOWUP_TIMEZONE: 'London' }, 'FOLLOWUP_TIMEZONE: must be an IANA time zone name'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadFollowUpConfig(env)).toThrow(FollowUpConfigError);
    expect(() => loadFollowUpConfig(env)).toThrow(message);
  });
});
