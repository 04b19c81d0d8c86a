/**
 * "Delete my data" in web chat forgets the number a web chatter gave for follow-up texts: after a
 * check-in went to it by SMS (through the real twilio client to a fake Twilio) and they answered it
 * and then texted STOP, confirming "delete my data" in their web chat leaves no SMS record that holds
 * the number's key or its encrypted copy; the opt-out stays, since it protects them.
 */
import { SmsCollections } from '../../src/channels/sms';
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { Collections } from '../../src/store/collections';
import { answerJourney, openWebChatter } from '../channels/directline/client';
import { JOURNEY } from '../fixtures/journey';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

/** The number the journey gives (07700 900123). */
const PERSON = '+447700900123';

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp(
    { FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3) },
    (database) => loadSampleDirectoryIfEmpty(database.db, () => undefined),
    // The whole journey is typed faster than a person types: past web chat's per-conversation message limit.
    { directLine: { limits: { perConversation: { capacity: 200, perSecond: 50 } } } },
  );
  // The test drives the worker itself.
  await sms.app.followUps.worker!.stop();
});
afterAll(async () => sms?.stop());

/** Every document of every SMS collection but the opt-outs, as text. */
async function smsRecordsButOptOuts(): Promise<string> {
  const names = Object.values(SmsCollections).filter((name) => name !== SmsCollections.optOuts);
  const docs = await Promise.all(names.map((name) => sms.database.db.collection(name).find({}).toArray()));
  return JSON.stringify(docs);
}

it('a web chatter’s follow-up number leaves no SMS record after "delete my data" in web chat; their opt-out stays', async () => {
  const { app, fake, database } = sms;
  const chatter = await openWebChatter(app.url);
  const { stream, say } = chatter;
  try {
    await answerJourney(chatter, JOURNEY);

    // The check-in goes to the number they gave; they answer it, then opt out.
    await database.db.collection(Collections.followUps).updateOne({ kind: 'referralCheckIn' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
    expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
    expect(fake.to(PERSON).map((m) => m.body)).toEqual([expect.stringMatching(/Reply 1/)]);
    expect(await sms.text(PERSON, '1')).toHaveLength(1);
    expect(await sms.text(PERSON, 'STOP')).toHaveLength(1);

    const numberKey = app.sms!.numberKey(PERSON);
    const stored = await database.db.collection(SmsCollections.conversations).findOne({ _id: numberKey as never });
    const encrypted = (stored?.number as { data: string } | undefined)?.data;
    expect(encrypted).toBeDefined();
    expect(await database.db.collection(SmsCollections.outbound).countDocuments({ numberKey })).toBe(3); // check-in, thanks, STOP confirmation
    expect(await database.db.collection(Collections.followUpContacts).countDocuments({ _id: numberKey as never })).toBe(1);
    // The reply by text started a conversation of its own, with bot state.
    const smsState = { _id: `sms/conversations/sms-${numberKey}/` as never };
    expect(await database.db.collection(Collections.botState).countDocuments(smsState)).toBe(1);

    await say('delete my data', /delete everything you've told me/);
    await say('yes', /deleted your answers/);

    const left = await smsRecordsButOptOuts();
    expect(left).not.toContain(numberKey);
    expect(left).not.toContain(encrypted!);
    expect(await database.db.collection(Collections.followUpContacts).countDocuments({})).toBe(0);
    expect(await database.db.collection(Collections.botState).countDocuments(smsState)).toBe(0);
    // The opt-out is kept by number key: no text goes to that number until it says START.
    expect(await database.db.collection(SmsCollections.optOuts).findOne({ _id: numberKey as never })).toMatchObject({ optedOut: true });
    expect(await app.sms!.isOptedOut(numberKey)).toBe(true);
  } finally {
    stream.close();
  }
}, 180_000);
