/**
 * Crisis support needs nothing stored: with the database gone mid-conversation, crisis words through
 * POST /api/messages still get the support (999, Samaritans, NHS 111, SHOUT), then "something went wrong".
 */
import { sendTurn } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';

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
