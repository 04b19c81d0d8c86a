/**
 * Crisis support needs nothing stored: with the database gone mid-conversation, crisis words through
 * POST /api/messages still get the support (999, Samaritans, NHS 111, SHOUT), then "something went wrong".
 */
import { sendTurn } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { startSmsApp } from '../helpers/smsApp';

let running: AppOnTestDatabase | undefined;
afterAll(async () => {
  await running?.app.stop().catch(() => undefined);
});

it('crisis support goes out while the database is down', async () => {
  running = await startAppOnTestDatabase();
  const { app, t } = running;
  for (const say of ['hi', 'English']) await sendTurn(app.url, 'db-down', say);
  await t.stop();

  const replies = await sendTurn(app.url, 'db-down', 'I want to kill myself');
  const support = replies.find((a) => (a.channelData as { safety?: string } | undefined)?.safety === 'crisis');
  expect(support?.text).toMatch(/116 123/);
  expect(support?.text).toMatch(/999/);
}, 90_000);

it('by text too: with the database down, crisis words get the support in the webhook\'s own answer', async () => {
  const sms = await startSmsApp();
  try {
    await sms.text('+447700900777', 'hi');
    await sms.database.stop();
    const answer = await sms.webhook('+447700900777', 'I want to kill myself');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^<\?xml[^>]*><Response><Message>[^<]*116 123[^<]*<\/Message>/);
    expect(answer.body).not.toMatch(/told the .* team/);
    // Anything else still fails, so Twilio may try again later.
    expect((await sms.webhook('+447700900777', 'hello again')).status).toBe(500);
  } finally {
    await sms.app.stop().catch(() => undefined);
    await sms.fake.stop().catch(() => undefined);
  }
}, 90_000);
