import { readSmsConfig, SmsConfigError } from '../../../src/channels/sms';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'f'.repeat(32);
const MG = `MG${'a'.repeat(32)}`;
const full = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: '+447700900000', PUBLIC_BASE_URL: 'https://frontdoor.example.org/' };

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    readSmsConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SmsConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('readSmsConfig', () => {
  it('is off when no TWILIO_ variable is set (PUBLIC_BASE_URL alone does not turn it on)', () => {
    expect(readSmsConfig({})).toBeUndefined();
    expect(readSmsConfig({ PUBLIC_BASE_URL: 'https://frontdoor.example.org', TWILIO_FROM: '' })).toBeUndefined();
  });

  it('reads a complete set, trimming trailing slashes', () => {
    expect(readSmsConfig(full)).toEqual({
      accountSid: SID,
      authToken: TOKEN,
      from: '+447700900000',
      messagingServiceSid: undefined,
      publicBaseUrl: 'https://frontdoor.example.org',
      apiBaseUrl: undefined,
    });
    expect(readSmsConfig({ ...full, TWILIO_FROM: undefined, TWILIO_MESSAGING_SERVICE_SID: MG })).toMatchObject({ messagingServiceSid: MG, from: undefined });
    expect(readSmsConfig({ ...full, TWILIO_API_BASE_URL: 'http://127.0.0.1:4010/' })).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:4010' });
  });

  it('names every missing variable of a half-finished set', () => {
    const message = errorOf({ TWILIO_ACCOUNT_SID: SID });
    expect(message).toContain('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
    expect(message).toContain('TWILIO_FROM: required');
    expect(message).toContain('TWILIO_MESSAGING_SERVICE_SID');
    expect(message).toContain('PUBLIC_BASE_URL: required');
    expect(errorOf({ ...full, TWILIO_MESSAGING_SERVICE_SID: MG })).toContain('not both');
  });

  it('says what a malformed value should be, and never echoes the auth token', () => {
    const secretLooking = 'my-secret-token-value';
    const message = errorOf({ ...full, TWILIO_AUTH_TOKEN: secretLooking, TWILIO_FROM: '07700 900000', TWILIO_ACCOUNT_SID: 'SK123' });
    expect(message).toContain('TWILIO_AUTH_TOKEN: must be a Twilio auth token');
    expect(message).toContain('TWILIO_FROM: must be a phone number in international form');
    expect(message).toContain('TWILIO_ACCOUNT_SID: must be a Twilio Account SID');
    expect(message).not.toContain(secretLooking);
  });

  it('allows plain http for the API only on loopback (a fake Twilio), since requests carry the token', () => {
    expect(errorOf({ ...full, TWILIO_API_BASE_URL: 'http://api.example.org' })).toContain('TWILIO_API_BASE_URL: must start with https://');
    expect(readSmsConfig({ ...full, TWILIO_API_BASE_URL: 'https://api.twilio.com' })).toMatchObject({ apiBaseUrl: 'https://api.twilio.com' });
  });
});
