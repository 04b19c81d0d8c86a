/**
 * Replies by text to follow-ups, through the whole application (signed webhooks in, texts out to a
 * fake Twilio): a reply answers the text sent last; "help" after a check-in asks for a link worker
 * in the person's language; a question is not stored as an answer; keywords are answered in the
 * person's language; HELP after STOP says to reply START. People are set up in the database as the
 * journey leaves them (a ready referral, its follow-ups, the number's contact record).
 */
import { FollowUpContacts } from '../../../src/followups/contacts';
import { FollowUpSchedule } from '../../../src/followups/schedule';
import { translator, type Language } from '../../../src/i18n';
import { derivePersonKey } from '../../../src/identity/personKey';
import { ReferralRepository } from '../../../src/referrals/repository';
import { getOrCreateSecret } from '../../../src/store';
import { Collections } from '../../../src/store/collections';
import { startSmsApp, type SmsApp } from '../../helpers/smsApp';

const DAY_MS = 24 * 60 * 60 * 1000;
const en = translator('en');
const cy = translator('cy');

let sms: SmsApp;
let numberCount = 0;

beforeAll(async () => {
  sms = await startSmsApp({ LINKWORKER_HOURS: 'always' });
  await sms.app.followUps.worker?.stop();
});
afterAll(async () => sms?.stop());

/** A person who texts us, with a ready referral in `lang` and its follow-ups scheduled; returns their number and key. */
async function textingPerson(lang: Language): Promise<{ number: string; personKey: string }> {
  const db = sms.database.db;
  const number = `+4477009004${String(numberCount++).padStart(2, '0')}`;
  const numberKey = sms.app.sms!.numberKey(number);
  const personKey = derivePersonKey(await getOrCreateSecret(db, 'personKey'), 'sms', numberKey);
  const referrals = new ReferralRepository(db);
  await referrals.getOrCreate(personKey, 'sms', lang);
  await referrals.setLanguage(personKey, lang);
  await new FollowUpContacts(db).remember(numberKey, personKey);
  await new FollowUpSchedule(db).scheduleForReferral(personKey, new Date());
  return { number, personKey };
}

/** The follow-up went out `daysAgo` days ago (as the worker leaves a sent job). */
async function sent(personKey: string, kind: string, daysAgo: number): Promise<void> {
  const sentAt = new Date(Date.now() - daysAgo * DAY_MS);
  const result = await sms.database.db.collection(Collections.followUps).updateOne({ personKey, kind }, { $set: { status: 'sent', sentAt, updatedAt: sentAt } });
  expect(result.matchedCount).toBe(1);
}

const job = (personKey: string, kind: string) => sms.database.db.collection(Collections.followUps).findOne({ personKey, kind });
const openHandoff = (personKey: string) => sms.database.db.collection(Collections.handoffs).findOne({ personKey, status: 'open' });
const reply = async (number: string, body: string) => (await sms.text(number, body)).join('\n');

it('YES to the wellbeing text starts its questions, even with an older check-in unanswered', async () => {
  const { number, personKey } = await textingPerson('en');
  await sent(personKey, 'referralCheckIn', 4);
  await sent(personKey, 'ons4Repeat', 0);

  const answer = await reply(number, 'YES');
  expect(answer).not.toMatch(/great to hear/);
  expect(answer).toMatch(/satisfied are you with your life/);
  expect((await job(personKey, 'referralCheckIn'))?.answer).toBeUndefined();
  expect((await job(personKey, 'ons4Repeat'))?.answer).toBe('went');
}, 60_000);

it.each([
  ['en', 'ok go on then'],
  ['cy', 'cewch'],
] as const)('in %s, a natural yes to the wellbeing text ("%s") starts its questions', async (lang, yes) => {
  const { number, personKey } = await textingPerson(lang);
  await sent(personKey, 'ons4Repeat', 0);
  const answer = await reply(number, yes);
  expect(answer).toContain((lang === 'en' ? en : cy)('wellbeing.lifeSatisfaction.ask').split('\n')[0]);
  expect((await job(personKey, 'ons4Repeat'))?.answer).toBe('went');
}, 60_000);

it('a check-in sent after the wellbeing text is still what "1" answers', async () => {
  const { number, personKey } = await textingPerson('en');
  await sent(personKey, 'ons4Repeat', 4);
  await sent(personKey, 'referralCheckIn', 0);
  expect(await reply(number, '1')).toBe(en('followups.thanks.went'));
  expect((await job(personKey, 'referralCheckIn'))?.answer).toBe('went');
}, 60_000);

it.each([
  ['en', 'help'],
  ['cy', 'Cymorth'],
  ['cy', 'help'],
] as const)('after a check-in, a %s speaker’s %j is option 3: a link worker is asked, in their language', async (lang, body) => {
  const { number, personKey } = await textingPerson(lang);
  await sent(personKey, 'referralCheckIn', 0);
  const answer = await reply(number, body);
  expect(answer).toBe(translator(lang)('followups.thanks.needHelp'));
  expect((await job(personKey, 'referralCheckIn'))?.answer).toBe('needHelp');
  expect((await openHandoff(personKey))?.reasons.map((r: { reason: string }) => r.reason)).toContain('askedForPerson');
}, 60_000);

it('HELP with no check-in waiting is still the service information', async () => {
  const { number } = await textingPerson('en');
  expect(await reply(number, 'HELP')).toBe(en('sms.help', { serviceName: 'Front Door' }));
}, 60_000);

it.each([
  ['en', 'no idea who this is'],
  ['en', 'no, who are you?'],
  ['en', 'Who is this'],
  ['en', 'n/a'],
  ['cy', "pwy sy 'na?"],
] as const)('after a check-in, a %s speaker’s %j is not stored: they are told who we are and how to answer', async (lang, body) => {
  const { number, personKey } = await textingPerson(lang);
  await sent(personKey, 'referralCheckIn', 0);
  const answer = await reply(number, body);
  expect(answer).toBe(translator(lang)('followups.whoWeAre', { serviceName: 'Front Door' }));
  expect((await job(personKey, 'referralCheckIn'))?.answer).toBeUndefined();
  // They can still answer it.
  expect(await reply(number, '2')).toBe(translator(lang)('followups.thanks.notYet'));
}, 60_000);

it.each(['2 weeks ago', '3 times!'])('after a check-in, %j is not read as an option number', async (body) => {
  const { number, personKey } = await textingPerson('en');
  await sent(personKey, 'referralCheckIn', 0);
  const answer = await reply(number, body);
  expect(answer).not.toBe(en('followups.thanks.notYet'));
  expect(answer).not.toBe(en('followups.thanks.needHelp'));
  expect((await job(personKey, 'referralCheckIn'))?.answer).toBeUndefined();
  expect(await openHandoff(personKey)).toBeNull();
}, 60_000);

it('a Welsh speaker’s STOP, HELP and START are answered in Welsh; HELP after STOP says to reply START first', async () => {
  const { number } = await textingPerson('cy');
  expect(await reply(number, 'STOP')).toBe(cy('sms.optedOut', { serviceName: 'Front Door' }));
  expect(await reply(number, 'HELP')).toBe(cy('sms.helpOptedOut', { serviceName: 'Front Door' }));
  expect(await reply(number, 'START')).toBe(cy('sms.optedIn', { serviceName: 'Front Door' }));
  expect(await reply(number, 'HELP')).toBe(cy('sms.help', { serviceName: 'Front Door' }));
}, 60_000);

it('a Welsh web chatter’s number is answered in Welsh even after an unfinished English start by text from it', async () => {
  const db = sms.database.db;
  const number = `+4477009004${String(numberCount++).padStart(2, '0')}`;
  const numberKey = sms.app.sms!.numberKey(number);
  const referrals = new ReferralRepository(db);
  const webChatter = `webchat-owner-${numberCount}`;
  await referrals.getOrCreate(webChatter, 'webchat', 'cy');
  await referrals.setLanguage(webChatter, 'cy');
  await new FollowUpContacts(db).remember(numberKey, webChatter);
  // A stray start by text from the same number: English chosen, consent never answered.
  const ownKey = derivePersonKey(await getOrCreateSecret(db, 'personKey'), 'sms', numberKey);
  await referrals.getOrCreate(ownKey, 'sms', 'en');
  await referrals.setLanguage(ownKey, 'en');

  expect(await reply(number, 'STOP')).toBe(cy('sms.optedOut', { serviceName: 'Front Door' }));
  expect(await reply(number, 'START')).toBe(cy('sms.optedIn', { serviceName: 'Front Door' }));
}, 60_000);

it('HELP after STOP does not offer PERSON (which is not answered until START)', async () => {
  const { number } = await textingPerson('en');
  await reply(number, 'STOP');
  const help = await reply(number, 'HELP');
  expect(help).toBe(en('sms.helpOptedOut', { serviceName: 'Front Door' }));
  expect(help).not.toMatch(/PERSON/);
  expect(help).toMatch(/START/);
}, 60_000);
