/**
 * A local SMS simulator: talk to a running Front Door by "text message" from this terminal.
 *
 *   npm run sms -- --url http://localhost:3978 --from +447700900123
 *
 * It starts a fake Twilio REST API on loopback (default port 4010) that receives Front Door's
 * replies and prints them, and it posts each line you type as a correctly signed Twilio webhook
 * to POST /api/sms/twilio. Delivery reports ("delivered") are posted back the same way.
 *
 * Start Front Door with these variables so the two find each other (the defaults below match):
 *
 *   TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 \
 *   TWILIO_AUTH_TOKEN=00000000000000000000000000000000 \
 *   TWILIO_FROM=+447700900000 \
 *   TWILIO_API_BASE_URL=http://127.0.0.1:4010 \
 *   PUBLIC_BASE_URL=http://localhost:3978 \
 *   npm start
 *
 * PUBLIC_BASE_URL must be the same address as --public-base-url here (default: --url), because
 * webhook signatures cover it. Options: --url, --from, --to (Front Door's TWILIO_FROM), --port
 * (the fake Twilio's), --public-base-url; TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN in this
 * process's environment override the test credentials above. Type a message and press Enter;
 * Ctrl+D or Ctrl+C ends.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { countSegments, inboundTextParams, postSignedWebhook } from '../src/channels/sms';
import { FakeTwilio, type FakeMessage } from '../test/helpers/fakeTwilio';

const TEST_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const TEST_AUTH_TOKEN = '0'.repeat(32);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:3978' },
      from: { type: 'string', default: '+447700900123' },
      to: { type: 'string', default: '+447700900000' },
      port: { type: 'string', default: '4010' },
      'public-base-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run sms -- [--url http://localhost:3978] [--from +447700900123] [--to +447700900000] [--port 4010] [--public-base-url URL]');
    return;
  }
  const url = values.url.replace(/\/+$/, '');
  const publicBaseUrl = (values['public-base-url'] ?? url).replace(/\/+$/, '');
  const accountSid = process.env.TWILIO_ACCOUNT_SID || TEST_ACCOUNT_SID;
  const authToken = process.env.TWILIO_AUTH_TOKEN || TEST_AUTH_TOKEN;
  const me = values.from;

  /** Front Door signs nothing back, but Twilio posts delivery reports signed: so do we. */
  const reportDelivered = async (message: FakeMessage) => {
    if (!message.statusCallback) return;
    const path = new URL(message.statusCallback).pathname;
    for (const status of ['sent', 'delivered']) {
      await postSignedWebhook({
        url: `${url}${path}`,
        signedUrl: message.statusCallback,
        authToken,
        params: { MessageSid: message.sid, AccountSid: accountSid, MessageStatus: status, To: message.to, From: message.from ?? '' },
      }).catch(() => undefined);
    }
  };

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: `${me}> ` });
  const fake = await new FakeTwilio({
    accountSid,
    authToken,
    onMessage: (message) => {
      const size = countSegments(message.body);
      const who = message.to === me ? '' : ` (to ${message.to})`;
      process.stdout.write(`\n--- Front Door${who} [${size.segments} part${size.segments === 1 ? '' : 's'}, ${size.encoding}, ${size.units} ${size.encoding === 'GSM-7' ? 'characters' : 'units'}]\n${message.body}\n`);
      rl.prompt(true);
      void reportDelivered(message);
    },
  }).start(Number(values.port));

  console.log(`Fake Twilio listening at ${fake.url}`);
  console.log(`Texting ${url}/api/sms/twilio as ${me} (signed for ${publicBaseUrl}/api/sms/twilio).`);
  console.log(`Front Door needs: TWILIO_API_BASE_URL=${fake.url} PUBLIC_BASE_URL=${publicBaseUrl} TWILIO_ACCOUNT_SID=${accountSid} TWILIO_FROM=${values.to} and the same TWILIO_AUTH_TOKEN.`);
  rl.prompt();

  rl.on('line', (line) => {
    const body = line.trim();
    if (!body) return rl.prompt();
    const params = inboundTextParams({ accountSid, from: me, to: values.to, body });
    postSignedWebhook({ url: `${url}/api/sms/twilio`, signedUrl: `${publicBaseUrl}/api/sms/twilio`, authToken, params })
      .then((response) => {
        if (response.status !== 200) {
          const hint = response.status === 403 ? ' (signature refused: check PUBLIC_BASE_URL and TWILIO_AUTH_TOKEN match)' : response.status === 404 ? ' (no SMS route: is Front Door started with the TWILIO_ variables?)' : '';
          console.log(`! Front Door answered ${response.status}${hint}`);
        }
      })
      .catch((error: Error) => console.log(`! Could not reach ${url}: ${error.message}`))
      .finally(() => rl.prompt());
  });
  rl.on('close', () => {
    void fake.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
