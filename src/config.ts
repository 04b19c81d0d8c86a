import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { BANK_HOLIDAY_REGIONS, DEFAULT_BANK_HOLIDAYS, type BankHolidayRegion } from './handoff/bankHolidays';
import { DEFAULT_SERVICE_HOURS, DEFAULT_TIME_ZONE, parseClosedDates, parseServiceHours } from './handoff/serviceHours';
import { readSmsConfig, SmsConfigError, type SmsConfig } from './channels/sms/config';
import { FollowUpConfigError, loadFollowUpConfig, type FollowUpConfig } from './followups/config';
import { DEFAULT_MINIMUM_AGE } from './nlu/age';
import { CluConfigError, readCluConfig, type CluConfig } from './nlu/clu/config';
import { DEFAULT_RETENTION, RETENTION_LIMITS, type ReferralRetention } from './retention/policy';
import { parseFieldKey } from './store/fieldCipher';

/**
 * Front Door's configuration, read from the environment once at start-up and validated,
 * so a bad value stops the process with a message naming the variable and what it should be.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
/** A whole number in a range; every way of getting it wrong gets the same message saying what it should be. */
const wholeNumber = (min: number, max: number, message: string) => z.coerce.number(message).int(message).min(min, message).max(max, message);
const retentionDays = (limits: { min: number; max: number }, fallback: number) =>
  z.preprocess(emptyToUndefined, wholeNumber(limits.min, limits.max, `must be a whole number of days from ${limits.min} to ${limits.max}`).default(fallback));

/** A 32-byte key, checked here so a bad one stops start-up naming the variable. */
const fieldKey = z.string().transform((text, ctx) => {
  try {
    return parseFieldKey(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** One trusted proxy: an IP address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustedProxies = z
  .string()
  .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .superRefine((entries, ctx) => {
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `must be comma-separated IP addresses or CIDR ranges of your reverse proxies, e.g. 10.0.0.1,10.1.0.0/16 (not valid: ${bad.join(', ')})` });
    }
  });

/** At most 18: the under-age reply points to Childline, so it must never reach an adult. */
const MAX_MINIMUM_AGE = 18;

const EnvSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, wholeNumber(0, 65535, 'must be a port number from 0 to 65535').default(3978)),
  HOST: optionalString,
  MONGODB_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a MongoDB connection string, e.g. mongodb://host:27017/frontdoor')
      .optional(),
  ),
  MONGODB_DATABASE: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name (letters, digits, _ or -)').optional()),
  FRONTDOOR_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  SERVICE_NAME: z.preprocess(emptyToUndefined, z.string().max(80).default('Front Door')),
  NEXT_STEPS_DAYS: z.preprocess(emptyToUndefined, wholeNumber(1, 60, 'must be a whole number of days from 1 to 60').default(3)),
  MINIMUM_AGE: z.preprocess(
    emptyToUndefined,
    wholeNumber(0, MAX_MINIMUM_AGE, `must be a whole number of years from 0 (no age check) to ${MAX_MINIMUM_AGE}, e.g. 18`).default(DEFAULT_MINIMUM_AGE),
  ),
  PUBLIC_BASE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http or https address, e.g. https://frontdoor.example.org' }).optional(),
  ),
  DIRECTLINE_TOKEN_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters (e.g. from: openssl rand -base64 48)').optional(),
  ),
  LINKWORKER_HOURS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(DEFAULT_SERVICE_HOURS)
      .superRefine((value, ctx) => {
        try {
          parseServiceHours(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `must be opening hours like "Mon-Fri 09:00-17:00" or "always" (${(error as Error).message})` });
        }
      }),
  ),
  LINKWORKER_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-GB', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/London'),
  ),
  LINKWORKER_CLOSED_DATES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseClosedDates(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `must be dates and ranges like "2026-12-24..2027-01-01, 2027-05-08" (${(error as Error).message})` });
        }
      }),
  ),
  LINKWORKER_BANK_HOLIDAYS: z.preprocess(
    emptyToUndefined,
    z.enum(BANK_HOLIDAY_REGIONS, { error: `must be ${BANK_HOLIDAY_REGIONS.map((r) => `"${r}"`).join(' or ')}` }).default(DEFAULT_BANK_HOLIDAYS),
  ),
  TRUSTED_PROXIES: z.preprocess(emptyToUndefined, trustedProxies.optional()),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: optionalString,
  RETENTION_CLOSED_DAYS: retentionDays(RETENTION_LIMITS.finishedReferralDays, DEFAULT_RETENTION.finishedReferralDays),
  RETENTION_ABANDONED_DAYS: retentionDays(RETENTION_LIMITS.abandonedReferralDays, DEFAULT_RETENTION.abandonedReferralDays),
  FIELD_ENCRYPTION_KEY: z.preprocess(emptyToUndefined, fieldKey.optional()),
  FIELD_ENCRYPTION_PREVIOUS_KEYS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((list, ctx) => {
        try {
          return list.split(',').filter((part) => part.trim() !== '').map(parseFieldKey);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `each comma-separated key ${(error as Error).message}` });
          return z.NEVER;
        }
      })
      .optional(),
  ),
});

export interface Config {
  port: number;
  /** Interface to bind. Loopback unless set explicitly (an anonymous bot must not face a network). */
  host: string;
  hostWasDefaulted: boolean;
  mongodbUri?: string;
  /** Database name; otherwise the one in MONGODB_URI, otherwise "frontdoor". */
  mongodbDatabase?: string;
  dataDir: string;
  dbPath: string;
  serviceName: string;
  nextStepsDays: number;
  /**
   * Youngest age the service is for (MINIMUM_AGE, default 18). Someone who says they are younger is
   * told so kindly, given Childline, and asked no more questions. 0: no age check (all-age services).
   */
  minimumAge: number;
  publicBaseUrl?: string;
  /** Signs web chat tokens; when unset, a random secret is generated once and kept in the database. */
  directLineTokenSecret?: string;
  bot: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
    /** No app id: no Bot Framework authentication (local use with the Emulator). */
    anonymous: boolean;
  };
  /** When link workers are on duty (e.g. "Mon-Fri 09:00-17:00") and in which time zone. */
  linkWorkerHours: string;
  linkWorkerTimeZone: string;
  /** Days with nobody on duty whatever the hours say: LINKWORKER_CLOSED_DATES (raw) and the bank holidays. */
  linkWorkerClosedDates: string;
  linkWorkerBankHolidays: BankHolidayRegion;
  /**
   * Reverse proxies (addresses or CIDR ranges, TRUSTED_PROXIES) whose X-Forwarded-For is believed for the
   * link-worker login limits and audit log. Empty: the socket's peer is the client.
   */
  trustedProxies: string[];
  /** Azure CLU (all four CLU_ variables); unset means the offline recogniser alone. */
  clu?: CluConfig;
  /** Two-way SMS through Twilio (the TWILIO_ variables); unset means no SMS channel. */
  sms?: SmsConfig;
  /** When follow-up texts go (FOLLOWUP_ variables; defaults: check-in after 7 days, 09:00-20:00 Europe/London). */
  followUps: FollowUpConfig;
  /**
   * Days a finished referral is kept after it finished (RETENTION_CLOSED_DAYS, default 30), and days
   * a consented referral that never reached a link worker is kept untouched (RETENTION_ABANDONED_DAYS, default 90).
   */
  retention: ReferralRetention;
  /**
   * Field-level encryption at rest (FIELD_ENCRYPTION_KEY; older keys still being rotated out in
   * FIELD_ENCRYPTION_PREVIOUS_KEYS). Unset: stored as given (fine for a laptop, not for people's data).
   */
  fieldEncryption: { key?: Buffer; previousKeys: Buffer[] };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Front Door's configuration is not valid:\n${[...new Set(problems)].join('\n')}`);
  }
  const e = parsed.data;
  const anonymous = !e.MicrosoftAppId;
  if (!anonymous && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError("Front Door's configuration is not valid:\n  MicrosoftAppPassword: required when MicrosoftAppId is set");
  }
  if (!anonymous && e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError("Front Door's configuration is not valid:\n  MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant");
  }
  let clu: CluConfig | undefined;
  let sms: SmsConfig | undefined;
  let followUps: FollowUpConfig;
  try {
    clu = readCluConfig(env);
    sms = readSmsConfig(env);
    followUps = loadFollowUpConfig(env);
  } catch (error) {
    if (error instanceof CluConfigError || error instanceof SmsConfigError || error instanceof FollowUpConfigError) {
      throw new ConfigError(error.message.replace(/^(Azure CLU|Twilio SMS|Front Door's follow-up) configuration is not valid:/, "Front Door's configuration is not valid:"));
    }
    throw error;
  }
  const dataDir = path.resolve(e.FRONTDOOR_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0'),
    hostWasDefaulted: e.HOST === undefined,
    mongodbUri: e.MONGODB_URI,
    mongodbDatabase: e.MONGODB_DATABASE,
    dataDir,
    dbPath: path.join(dataDir, 'db'),
    serviceName: e.SERVICE_NAME,
    nextStepsDays: e.NEXT_STEPS_DAYS,
    minimumAge: e.MINIMUM_AGE,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    directLineTokenSecret: e.DIRECTLINE_TOKEN_SECRET,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId, anonymous },
    linkWorkerHours: e.LINKWORKER_HOURS,
    linkWorkerTimeZone: e.LINKWORKER_TIMEZONE,
    linkWorkerClosedDates: e.LINKWORKER_CLOSED_DATES,
    linkWorkerBankHolidays: e.LINKWORKER_BANK_HOLIDAYS,
    trustedProxies: e.TRUSTED_PROXIES ?? [],
    clu,
    sms,
    followUps,
    retention: { finishedReferralDays: e.RETENTION_CLOSED_DAYS, abandonedReferralDays: e.RETENTION_ABANDONED_DAYS },
    fieldEncryption: { key: e.FIELD_ENCRYPTION_KEY, previousKeys: e.FIELD_ENCRYPTION_PREVIOUS_KEYS ?? [] },
  };
}
