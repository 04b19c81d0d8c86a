import { z } from 'zod';

/**
 * Follow-up settings from the environment. Every variable is optional with a default; a value
 * that is set must be valid, and the quiet-hours window is set as a pair or not at all (one end
 * alone is almost always a mistake). The lead merges this into src/config.ts.
 */
export interface FollowUpConfig {
  /** Days after a referral is ready before the "did you manage to try it?" check-in. */
  checkInDays: number;
  /** Weeks after a referral is ready before the ONS4 wellbeing repeat. */
  ons4Weeks: number;
  /** Messages go out only from `start` (inclusive) to `end` (exclusive), local time in `timeZone`. */
  sendWindow: { start: string; end: string };
  timeZone: string;
}

export const DEFAULT_FOLLOW_UP_CONFIG: FollowUpConfig = {
  checkInDays: 7,
  ons4Weeks: 6,
  sendWindow: { start: '09:00', end: '20:00' },
  timeZone: 'Europe/London',
};

export class FollowUpConfigError extends Error {}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);
const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 09:00');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const FollowUpEnvSchema = z
  .object({
    FOLLOWUP_CHECKIN_DAYS: z.preprocess(
      emptyToUndefined,
      wholeNumber(1, 60, 'must be a whole number of days from 1 to 60').default(DEFAULT_FOLLOW_UP_CONFIG.checkInDays),
    ),
    FOLLOWUP_ONS4_WEEKS: z.preprocess(
      emptyToUndefined,
      wholeNumber(1, 52, 'must be a whole number of weeks from 1 to 52').default(DEFAULT_FOLLOW_UP_CONFIG.ons4Weeks),
    ),
    FOLLOWUP_QUIET_START: z.preprocess(emptyToUndefined, clockTime.optional()),
    FOLLOWUP_QUIET_END: z.preprocess(emptyToUndefined, clockTime.optional()),
    FOLLOWUP_TIMEZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .refine(isTimeZone, 'must be an IANA time zone name, e.g. Europe/London')
        .default(DEFAULT_FOLLOW_UP_CONFIG.timeZone),
    ),
  })
  .superRefine((env, ctx) => {
    const start = env.FOLLOWUP_QUIET_START;
    const end = env.FOLLOWUP_QUIET_END;
    if ((start === undefined) !== (end === undefined)) {
      const missing = start === undefined ? 'FOLLOWUP_QUIET_START' : 'FOLLOWUP_QUIET_END';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set too: the sending window needs both a start and an end' });
    } else if (start !== undefined && start === end) {
      ctx.addIssue({ code: 'custom', path: ['FOLLOWUP_QUIET_END'], message: 'must differ from FOLLOWUP_QUIET_START' });
    }
  });

/** Reads and checks the follow-up variables; throws FollowUpConfigError naming each bad variable. */
export function loadFollowUpConfig(env: NodeJS.ProcessEnv = process.env): FollowUpConfig {
  const parsed = FollowUpEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new FollowUpConfigError(`Front Door's follow-up configuration is not valid:\n${[...new Set(problems)].join('\n')}`);
  }
  const e = parsed.data;
  return {
    checkInDays: e.FOLLOWUP_CHECKIN_DAYS,
    ons4Weeks: e.FOLLOWUP_ONS4_WEEKS,
    sendWindow: {
      start: e.FOLLOWUP_QUIET_START ?? DEFAULT_FOLLOW_UP_CONFIG.sendWindow.start,
      end: e.FOLLOWUP_QUIET_END ?? DEFAULT_FOLLOW_UP_CONFIG.sendWindow.end,
    },
    timeZone: e.FOLLOWUP_TIMEZONE,
  };
}
