/**
 * The support that goes out without the database (the turn failed; the SMS webhook could not take
 * the text in) signposts the help the kind of crisis needs, as the normal reply does.
 */
import { sendTurn } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { startSmsApp } from '../helpers/smsApp';

let running: AppOnTestDatabase | undefined;
afterAll(async () => {
  await running?.app.stop().catch(() => undefined);
});

it('with the database down, an overdose is still told to call 999 for an ambulance first', async () => {
  running = await startAppOnTestDatabase();
  const { app, t } = running;
  for (const say of ['hi', 'English']) await sendTurn(app.url, 'db-down-kind', say);
  await t.stop();

  const replies = await sendTurn(app.url, 'db-down-kind', "I've taken all my tablets");
  const support = replies.find((a) => (a.channelData as { safety?: string } | undefined)?.safety === 'crisis');
  expect(support?.text).toMatch(/^Call 999 now for an ambulance, even if you feel OK\./);
}, 90_000);

it("by text, with the database down, 'he hits me' gets the domestic abuse helplines in the webhook's answer", async () => {
  const sms = await startSmsApp();
  try {
    await sms.text('+447700900779', 'hi');
    await sms.database.stop();
    const answer = await sms.webhook('+447700900779', 'he hits me');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/<Message>[^<]*0808 2000 247[^<]*0808 80 10 800[^<]*<\/Message>/);
    expect(answer.body).toMatch(/someone else may see this chat or these texts/i);
  } finally {
    await sms.app.stop().catch(() => undefined);
    await sms.fake.stop().catch(() => undefined);
  }
}, 90_000);
