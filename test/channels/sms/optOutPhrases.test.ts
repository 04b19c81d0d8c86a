/**
 * Plain ways of saying STOP by text ("please stop texting me", "unsubscribe me") opt out like STOP,
 * at the start or in the middle of a conversation; other sentences with "stop" stay with the conversation.
 */
import { recogniseKeyword } from '../../../src/channels/sms';
import { translator } from '../../../src/i18n';
import { startSmsApp, type SmsApp } from '../../helpers/smsApp';

const en = translator('en');
let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp();
});
afterAll(async () => sms?.stop());

const optedOut = en('sms.optedOut', { serviceName: 'Front Door' });

it.each(['please stop texting me', 'Stop texting me.', 'stop messaging me', 'unsubscribe me', "Please don’t text me"])('%j as a first text opts out', async (body) => {
  const number = `+44770090070${body.length % 10}`;
  expect((await sms.text(number, body)).join('\n')).toBe(optedOut);
  expect(await sms.app.sms!.isOptedOut(sms.app.sms!.numberKey(number))).toBe(true);
  await sms.text(number, 'START');
}, 60_000);

it('"stop messaging me" in the middle of the conversation opts out', async () => {
  const number = '+447700900799';
  for (const say of ['hi', 'English', 'yes']) await sms.text(number, say);
  expect((await sms.text(number, 'stop messaging me')).join('\n')).toBe(optedOut);
  expect(await sms.app.sms!.isOptedOut(sms.app.sms!.numberKey(number))).toBe(true);
  expect(await sms.text(number, 'hello?')).toEqual([]);
}, 60_000);

it.each([
  ['stop texting me pls', 'en'],
  ['Peidiwch â thecstio fi', 'cy'],
  ['stopio negeseuon os gwelwch yn dda', 'cy'],
])('%j is the opt-out keyword (%s)', (text, lang) => {
  expect(recogniseKeyword(text)).toEqual({ keyword: 'optOut', lang });
});

it.each(['please stop', 'stop texting me about the walk', 'I want to stop feeling lonely'])('%j is left to the conversation', (text) => {
  expect(recogniseKeyword(text)).toBeUndefined();
});
