import { startFrontDoor, type FrontDoor, type StartOptions } from '../../src/app';
import { inboundTextParams, postSignedWebhook } from '../../src/channels/sms';
import { loadConfig } from '../../src/config';
import { startTestDatabase, type TestDatabase } from './db';
import { FakeTwilio } from './fakeTwilio';

const ACCOUNT_SID = `AC${'2'.repeat(32)}`;
const AUTH_TOKEN = 'b'.repeat(32);
/** Front Door's own number (TWILIO_FROM). */
export const FRONT_DOOR_NUMBER = '+447700900001';
/** Twilio signs with the address it calls, not the loopback one the test server really has. */
const PUBLIC_BASE_URL = 'https://frontdoor.example.org';

export interface SmsApp {
  database: TestDatabase;
  fake: FakeTwilio;
  app: FrontDoor;
  /** Texts Front Door as `from` through a signed webhook; resolves with the texts sent back to `from` meanwhile. */
  text(from: string, body: string): Promise<string[]>;
  /** Posts one signed inbound text and returns the webhook's own answer (status and TwiML), without waiting for replies. */
  webhook(from: string, body: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/**
 * The whole application as `npm start` builds it, with the TWILIO_ variables pointing the real twilio
 * client at a fake Twilio on loopback, on a fresh test database. `env` adds or overrides variables.
 */
export async function startSmsApp(
  env: Record<string, string> = {},
  prepare?: (database: TestDatabase) => Promise<unknown>,
  options: StartOptions = {},
): Promise<SmsApp> {
  const database = await startTestDatabase();
  await prepare?.(database);
  const fake = await new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  const app = await startFrontDoor(
    loadConfig({
      PORT: '0',
      MONGODB_URI: database.uri,
      MONGODB_DATABASE: database.db.databaseName,
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: FRONT_DOOR_NUMBER,
      TWILIO_API_BASE_URL: fake.url,
      ...env,
    }),
    () => undefined,
    options,
  );
  return {
    database,
    fake,
    app,
    async text(from, body) {
      const before = fake.messages.length;
      const sent = await postSignedWebhook({
        url: `${app.url}/api/sms/twilio`,
        signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
        authToken: AUTH_TOKEN,
        params: inboundTextParams({ accountSid: ACCOUNT_SID, from, to: FRONT_DOOR_NUMBER, body }),
      });
      if (sent.status !== 200) throw new Error(`the SMS webhook answered ${sent.status}`);
      await app.sms!.idle();
      return fake.messages.slice(before).filter((m) => m.to === from).map((m) => m.body);
    },
    async webhook(from, body) {
      return postSignedWebhook({
        url: `${app.url}/api/sms/twilio`,
        signedUrl: `${PUBLIC_BASE_URL}/api/sms/twilio`,
        authToken: AUTH_TOKEN,
        params: inboundTextParams({ accountSid: ACCOUNT_SID, from, to: FRONT_DOOR_NUMBER, body }),
      });
    },
    async stop() {
      await app.stop();
      await fake.stop();
      await database.stop();
    },
  };
}

/** "HH:MM" in London, `hours` from now: a follow-up send window around the moment a test runs. */
export function londonTime(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
