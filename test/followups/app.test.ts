/**
 * Follow-ups in the whole application (startFrontDoor with SMS configured): a person chats (here
 * through /api/messages), chooses text messages and confirms; the check-in goes out by SMS to the
 * number they gave; their reply by text is stored on their referral; after STOP a due follow-up sends
 * nothing, and START lets the next one through. The worker's own clock and quiet hours are proven
 * in the scheduler tests; here the send window is set around "now" so the test runs at any hour.
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { HandoffRepository } from '../../src/handoff/repository';
import { Collections } from '../../src/store/collections';
import { JOURNEY } from '../fixtures/journey';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

/** The number the journey gives (07700 900123). */
const PERSON = '+447700900123';

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp({ FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3) }, (database) =>
    loadSampleDirectoryIfEmpty(database.db, () => undefined),
  );
  // The test drives the worker itself, one run at a time.
  await sms.app.followUps.worker!.stop();
});
afterAll(async () => sms?.stop());

const jobs = () => sms.database.db.collection(Collections.followUps);

/** Time passes: the job becomes due now. */
async function makeDue(kind: string): Promise<void> {
  const result = await jobs().updateOne({ kind }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  expect(result.matchedCount).toBe(1);
}

const text = (body: string) => sms.text(PERSON, body);

it('a web chatter who chose texts gets the check-in by SMS, answers it, and STOP / START are honoured at send time', async () => {
  const { app, fake, database } = sms;
  const conversation = `followup-${Date.now()}`;
  for (const say of ['hi', 'English', 'yes']) await sendTurn(app.url, conversation, say);
  for (const step of JOURNEY) expect(textsOf(await sendTurn(app.url, conversation, step.say))).toMatch(step.then);

  // Confirming scheduled the check-in (7 days) and the wellbeing repeat (6 weeks); nothing is due yet.
  expect((await jobs().find({}).toArray()).map((j) => j.kind).sort()).toEqual(['ons4Repeat', 'referralCheckIn']);
  expect((await app.followUps.worker!.runOnce()).sent).toBe(0);

  await makeDue('referralCheckIn');
  const before = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  const checkIn = fake.messages.slice(before);
  expect(checkIn.map((m) => m.to)).toEqual([PERSON]);
  expect(checkIn[0].body).toMatch(/Reply 1/);
  expect(checkIn[0].body).not.toMatch(/lonely|retired/i); // no health detail, none of their words

  // Their answer by text reaches their (web chat) referral.
  const thanks = await text('1');
  expect(thanks).toHaveLength(1);
  const referral = await database.db.collection(Collections.referrals).findOne({ 'answers.contactNumber': PERSON });
  expect(referral?.followUps?.replies?.[0]).toMatchObject({ answer: 'went' });

  // Six weeks on: the wellbeing text; "yes" asks the four questions again by text, stored apart from the baseline.
  await makeDue('ons4Repeat');
  const beforeRepeat = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(fake.messages.slice(beforeRepeat)[0].body).toMatch(/Reply YES/);
  expect((await text('yes')).join('\n')).toMatch(/satisfied are you with your life/);
  await text('7');
  await text('8');
  await text('6');
  expect((await text('2')).join('\n')).toMatch(/link worker will see how things have changed/);
  const repeated = await database.db.collection(Collections.referrals).findOne({ personKey: referral!.personKey });
  expect(repeated?.wellbeingRepeat).toEqual({ lifeSatisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 2 });
  expect(repeated?.wellbeing).toEqual({ lifeSatisfaction: 6, worthwhile: 7, happiness: 5, anxiety: 3 });

  // STOP: the link worker's follow-up falls due and nothing is sent.
  expect((await text('STOP')).length).toBe(1); // the opt-out confirmation
  await app.followUps.schedule.scheduleLinkWorkerFollowUp(referral!.personKey as string, new Date(Date.now() - 1000));
  const beforeStop = fake.messages.length;
  const run = await app.followUps.worker!.runOnce();
  expect(run.sent).toBe(0);
  expect(fake.messages.length).toBe(beforeStop);
  expect(await jobs().findOne({ kind: 'linkWorkerFollowUp' })).toMatchObject({ status: 'skipped' });

  // START: the next one (the link worker sets another date) goes out.
  expect((await text('START')).length).toBe(1);
  await app.followUps.schedule.scheduleLinkWorkerFollowUp(referral!.personKey as string, new Date(Date.now() - 500));
  const beforeStart = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(fake.messages.slice(beforeStart).map((m) => m.to)).toEqual([PERSON]);

  // "3" (I'd like some help) is stored and puts the person back in the link workers' queue, on SMS.
  // The handoff opened on confirm was worked and closed by a link worker meanwhile.
  const handoffs = new HandoffRepository(database.db);
  const confirmed = (await handoffs.activeFor(referral!.personKey as string))!;
  await handoffs.close(confirmed._id, { id: '0123456789abcdef01234567', email: 'lw@example.org' }, { outcome: 'contacted' }, { asAdmin: true });
  expect(await text('3')).toHaveLength(1);
  const updated = await database.db.collection(Collections.referrals).findOne({ personKey: referral!.personKey });
  expect(updated?.followUps?.replies?.map((r: { answer: string }) => r.answer)).toEqual(['went', 'needHelp']);
  const reopened = await database.db.collection(Collections.handoffs).findOne({ personKey: referral!.personKey, status: 'open' });
  expect(reopened?.reasons.map((r: { reason: string }) => r.reason)).toEqual(['askedForPerson']);
  expect(reopened?.conversationReference).toMatchObject({ channelId: 'sms' });
}, 180_000);

it('a check-in sent after a question was left waiting is what a reply answers: "3" asks for help, it does not pick a suggestion', async () => {
  const { app, fake, database } = sms;
  const texter = '+447700900456';
  // By text, "text message" needs no number: it is the one they text from.
  const journey = JOURNEY.filter((step) => step.say !== '07700 900123').map((step) => (step.say === 'text message' ? { ...step, then: /call you/ } : step));
  for (const say of ['hi', 'English', 'yes']) await sms.text(texter, say);
  for (const step of journey.slice(0, journey.findIndex((s) => s.say === 'yes') + 1)) expect((await sms.text(texter, step.say)).join('\n')).toMatch(step.then);
  // The suggestions question ("choose one? Reply 1, 2 or 3") is left unanswered; a week later the check-in goes out.
  const referral = await database.db.collection(Collections.referrals).findOne({ channel: 'sms' });
  const due = await jobs().updateOne({ kind: 'referralCheckIn', personKey: referral!.personKey }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  expect(due.matchedCount).toBe(1);
  const before = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(fake.messages.slice(before).map((m) => m.to)).toEqual([texter]);

  const reply = (await sms.text(texter, '3')).join('\n');
  expect(reply).not.toMatch(/I['’]ve added/);
  const after = await database.db.collection(Collections.referrals).findOne({ personKey: referral!.personKey });
  expect(after?.followUps?.replies?.map((r: { answer: string }) => r.answer)).toEqual(['needHelp']);
  expect(after?.suggestions?.picked ?? []).toEqual([]);
  const handoff = await database.db.collection(Collections.handoffs).findOne({ personKey: referral!.personKey, status: 'open' });
  expect(handoff?.reasons.map((r: { reason: string }) => r.reason)).toContain('askedForPerson');

  // The question left waiting is still there to answer afterwards.
  expect((await sms.text(texter, '1')).join('\n')).toMatch(/I['’]ve added .+ to your referral/);
}, 180_000);
