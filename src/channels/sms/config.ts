import { z } from 'zod';
import { isLoopbackHttp } from '../../nlu/clu/config';

/** What the SMS channel needs to talk to Twilio. */
export interface SmsConfig {
  accountSid: string;
  /** Signs webhooks and authenticates REST calls. Never logged or echoed in errors. */
  authToken: string;
  /** Sender: a phone number in E.164 (TWILIO_FROM) or a Messaging Service SID (TWILIO_MESSAGING_SERVICE_SID). */
  from?: string;
  messagingServiceSid?: string;
  /** The public address Twilio calls (e.g. https://frontdoor.example.org): webhook signatures are checked against it. */
  publicBaseUrl: string;
  /** Twilio's REST API base URL; only ever changed to point at a fake Twilio on loopback (tests, the simulator). */
  apiBaseUrl?: string;
}

export const SMS_VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_MESSAGING_SERVICE_SID', 'TWILIO_API_BASE_URL'] as const;

export class SmsConfigError extends Error {}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const SmsEnvSchema = z.object({
  TWILIO_ACCOUNT_SID: z.preprocess(emptyToUndefined, z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC followed by 32 hex digits)').optional()),
  // The token's value never appears in a message: only whether it looks right.
  TWILIO_AUTH_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be a Twilio auth token (32 hex digits)').optional()),
  TWILIO_FROM: z.preprocess(emptyToUndefined, z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international form, e.g. +447700900000').optional()),
  TWILIO_MESSAGING_SERVICE_SID: z.preprocess(emptyToUndefined, z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG followed by 32 hex digits)').optional()),
  TWILIO_API_BASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ error: 'must be an address, e.g. http://127.0.0.1:4010' })
      .refine((value) => value.startsWith('https://') || isLoopbackHttp(value), 'must start with https:// (plain http only for 127.0.0.1)')
      .optional(),
  ),
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).optional()),
});

/**
 * Reads the TWILIO_ variables. None set: undefined (no SMS channel). Account SID, auth token and
 * a sender (TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID) all set, with PUBLIC_BASE_URL: the
 * config. Anything in between, or a malformed value: an error naming each variable, so a
 * half-finished set-up is noticed at start-up.
 */
export function readSmsConfig(env: NodeJS.ProcessEnv): SmsConfig | undefined {
  const parsed = SmsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new SmsConfigError(`Twilio SMS configuration is not valid:\n${[...new Set(problems)].join('\n')}`);
  }
  const e = parsed.data;
  const present = SMS_VARIABLES.filter((name) => e[name] !== undefined);
  if (present.length === 0) return undefined;
  const problems: string[] = [];
  const because = `required when ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set`;
  if (!e.TWILIO_ACCOUNT_SID) problems.push(`  TWILIO_ACCOUNT_SID: ${because}`);
  if (!e.TWILIO_AUTH_TOKEN) problems.push(`  TWILIO_AUTH_TOKEN: ${because}`);
  if (!e.TWILIO_FROM && !e.TWILIO_MESSAGING_SERVICE_SID) problems.push(`  TWILIO_FROM: ${because} (or set TWILIO_MESSAGING_SERVICE_SID)`);
  if (e.TWILIO_FROM && e.TWILIO_MESSAGING_SERVICE_SID) problems.push('  TWILIO_FROM: set either TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID, not both');
  if (!e.PUBLIC_BASE_URL) problems.push(`  PUBLIC_BASE_URL: ${because} (Twilio signs webhooks with the address it calls, e.g. https://frontdoor.example.org)`);
  if (problems.length > 0) throw new SmsConfigError(`Twilio SMS configuration is not valid:\n${problems.join('\n')}`);
  return {
    accountSid: e.TWILIO_ACCOUNT_SID!,
    authToken: e.TWILIO_AUTH_TOKEN!,
    from: e.TWILIO_FROM,
    messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
    publicBaseUrl: e.PUBLIC_BASE_URL!.replace(/\/+$/, ''),
    apiBaseUrl: e.TWILIO_API_BASE_URL?.replace(/\/+$/, ''),
  };
}
