/**
 * Phone numbers are kept only while something needs them: someone who texted once, said no or
 * texted STOP loses their number within 24 hours of their last text (the opt-out itself stays);
 * someone still being helped keeps it until their referral is erased, and then it goes too.
 */
import { SmsCollections } from '../../src/channels/sms';
import { runRetention } from '../../src/retention';
import { Collections } from '../../src/store';
import { startSmsApp, type SmsApp } from '../helpers/smsApp';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const ONCE = '+447700900401';
const DECLINED = '+447700900402';
const STOPPED = '+447700900403';
const DROPPED_OUT = '+447700900404';
const IN_CRISIS = '+447700900405';

let sms: SmsApp;
let start: number;
beforeAll(async () => {
  sms = await startSmsApp();
  start = Date.now();
  await sms.text(ONCE, 'hello');
  for (const body of ['hi', 'English', 'no', 'I am Bob from KX1']) await sms.text(DECLINED, body);
  await sms.text(STOPPED, 'STOP');
  for (const body of ['hi', '1', '1', 'I feel stuck at home']) await sms.text(DROPPED_OUT, body);
  await sms.text(IN_CRISIS, 'I want to kill myself');
});
afterAll(async () => sms.stop());

const numbersKept = () => sms.database.db.collection(SmsCollections.conversations).countDocuments();
const after = (ms: number) => runRetention(sms.database.db, undefined, new Date(start + ms));

test('numbers nothing needs go within 24 hours of the last text; an opt-out and those still being helped stay', async () => {
  expect(await numbersKept()).toBe(5);
  expect((await sms.text(DECLINED, 'hello again')).join('\n')).toContain("You said no, so I'm not keeping your answers");

  // The retention job runs hourly: just before the time people are told, nothing has gone yet.
  await after(22 * HOUR);
  expect(await numbersKept()).toBe(5);

  const result = await after(24 * HOUR);
  expect(result.smsNumbers).toBe(3);
  expect(await numbersKept()).toBe(2); // the one who agreed, and the one the team must check on
  expect(await sms.database.db.collection(SmsCollections.optOuts).countDocuments({ optedOut: true })).toBe(1);

  // The person who agreed and stopped answering: kept while their referral is...
  await after(40 * DAY);
  expect(await numbersKept()).toBe(2);
  // ...and gone with it (abandoned after 90 days), in the same run.
  const abandoned = await after(91 * DAY);
  expect(abandoned.abandonedReferrals).toBe(1);
  expect(abandoned.smsNumbers).toBe(1);
  expect(await numbersKept()).toBe(1);
  // The crisis exception: the urgent handoff still needs a way to reach them.
  expect(await sms.database.db.collection(Collections.handoffs).countDocuments({ urgent: true })).toBe(1);
});

test('a number that texts again after it was forgotten is kept again for the reply', async () => {
  await sms.text(ONCE, 'hello');
  expect(await sms.database.db.collection(SmsCollections.conversations).countDocuments()).toBe(2);
});
