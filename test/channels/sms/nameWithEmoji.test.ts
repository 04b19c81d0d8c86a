/**
 * A name with a letter outside GSM-7 and an emoji, by text: the emoji is dropped without leaving a
 * stray space, and an English turn's texts stay within what English texts are allowed.
 */
import { countSegments, plainText, segmentBudget } from '../../../src/channels/sms';
import { JOURNEY } from '../../fixtures/journey';
import { startSmsApp, type SmsApp } from '../../helpers/smsApp';

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp();
});
afterAll(async () => sms?.stop());

it('"Łucja 🌸" is thanked as "Łucja." and no English reply runs over the English budget', async () => {
  const number = '+447700900641';
  const journey = JOURNEY.filter((step) => step.say !== '07700 900123').map((step) => (step.say === 'Sam' ? { ...step, say: 'Łucja 🌸' } : step));
  const replies: string[] = [];
  for (const say of ['hi', 'English', 'yes']) await sms.text(number, say);
  for (const step of journey.slice(0, journey.findIndex((s) => s.say === 'yes') + 1)) replies.push(...(await sms.text(number, step.say)));
  const all = replies.join('\n');
  expect(all).toMatch(/Łucja/);
  expect(all).not.toMatch(/Łucja [.,!?]/);
  // English texts made UCS-2 by the name are joined no further than English ones (306 characters, 5 UCS-2 parts).
  for (const reply of replies) expect(countSegments(reply).segments).toBeLessThanOrEqual(5);
}, 120_000);

it.each([
  ['Thank you, Łucja 🌸.', 'Thank you, Łucja.'],
  ['Great 👍 thanks', 'Great thanks'],
  ['🌸 Hello', 'Hello'],
])('%j is sent as %j', (text, sent) => {
  expect(plainText(text)).toBe(sent);
});

it('the joining budget: 2 GSM-7 parts; 6 UCS-2 parts for Welsh letters; 5 UCS-2 parts (306 characters) for another letter', () => {
  expect(segmentBudget('Thank you, Sam.')).toBe(2);
  expect(segmentBudget('Diolch, Siân. Ble rydych chi’n byw? ŵ')).toBe(6);
  expect(segmentBudget('Thank you, Łucja.')).toBe(5);
});
