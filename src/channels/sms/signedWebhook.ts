import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

/**
 * Posts a webhook the way Twilio does: form-encoded, with X-Twilio-Signature computed over the
 * public address Front Door is configured with (PUBLIC_BASE_URL + path), which may differ from
 * the address the request really goes to (a proxy, or loopback in tests and the simulator).
 */
export async function postSignedWebhook(options: {
  /** Where the request goes, e.g. http://127.0.0.1:3978/api/sms/twilio */
  url: string;
  /** What Twilio signs: PUBLIC_BASE_URL + the same path. */
  signedUrl: string;
  authToken: string;
  params: Record<string, string>;
  /** Replace the signature (tests of forged requests); null sends none. */
  signature?: string | null;
}): Promise<{ status: number; contentType: string | null; body: string }> {
  const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(options.authToken, options.signedUrl, options.params) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  const response = await fetch(options.url, { method: 'POST', headers, body: new URLSearchParams(options.params).toString() });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

/** A new MessageSid as Twilio makes them: SM and 32 hex digits. */
export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** The fields of an inbound text as Twilio posts them. */
export function inboundTextParams(options: { accountSid: string; from: string; to: string; body: string; messageSid?: string }): Record<string, string> {
  const sid = options.messageSid ?? newMessageSid();
  return {
    ToCountry: 'GB',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: options.body,
    To: options.to,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: options.accountSid,
    From: options.from,
    ApiVersion: '2010-04-01',
  };
}
