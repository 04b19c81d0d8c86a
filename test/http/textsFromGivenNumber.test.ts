/**
 * Texts from the number a web chatter gave (they chose "text message"): they come from that person,
 * not a stranger. Replies are in the language they chose in web chat, and anything that is not a
 * command or an answer gets where their referral stands, never the welcome, language question and
 * consent. "Talk to a person" by text asks for them. And in web chat, "talk to a person" after the
 * link worker has finished is one message, with no "carry on with my questions" and no "Welcome back".
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { translator } from '../../src/i18n';
import { AccountRepository } from '../../src/linkworker';
import { Collections } from '../../src/store/collections';
import { answerJourney, openWebChatter, type WebChatter } from '../channels/directline/client';
import { JOURNEY } from '../fixtures/journey';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

const en = translator('en');
const cy = translator('cy');
const SERVICE = { serviceName: 'Front Door' };

let sms: SmsApp;
let api: (path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
const seenHandoffs = new Set<string>();

beforeAll(async () => {
  sms = await startSmsApp(
    { FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3), LINKWORKER_HOURS: 'always', SERVICE_NAME: 'Front Door' },
    (database) => loadSampleDirectoryIfEmpty(database.db, () => undefined),
    // The whole journey is typed faster than a person types: past web chat's per-conversation message limit.
    { directLine: { limits: { perConversation: { capacity: 200, perSecond: 50 } } } },
  );
  // The test drives the worker itself.
  await sms.app.followUps.worker!.stop();
  api = await linkWorkerApi(sms.app.url);
});
afterAll(async () => sms?.stop());

async function linkWorkerApi(url: string): Promise<typeof api> {
  await new AccountRepository(sms.database.db).create('lw@example.org', 'a long enough password', 'linkWorker');
  const login = await fetch(`${url}/api/linkworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lw@example.org', password: 'a long enough password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return async (path, body) => {
    const response = await fetch(`${url}/api/linkworker/${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
}

/** The whole English journey in web chat, giving `mobile` (07700 900xxx) for texts; the chat stays open. */
async function webChatterWhoGave(mobile: string): Promise<WebChatter> {
  const chatter = await openWebChatter(sms.app.url);
  await answerJourney(chatter, JOURNEY.map((step) => (step.say === '07700 900123' ? { ...step, say: mobile } : step)));
  return chatter;
}

/** The handoff the journey just opened (one not seen before). */
async function newHandoff(): Promise<string> {
  const { handoffs } = (await api('handoffs')).body as { handoffs: { id: string }[] };
  const fresh = handoffs.find((handoff) => !seenHandoffs.has(handoff.id))!;
  seenHandoffs.add(fresh.id);
  return fresh.id;
}

/** A link worker takes the handoff and finishes with it. */
async function claimAndClose(id: string): Promise<void> {
  expect((await api(`handoffs/${id}/claim`, {})).status).toBe(200);
  expect((await api(`handoffs/${id}/close`, { outcome: 'contacted', note: null })).status).toBe(200);
}

const smsReferrals = () => sms.database.db.collection(Collections.referrals).countDocuments({ channel: 'sms' });
const reply = async (number: string, body: string) => (await sms.text(number, body)).join('\n');
/** Text as the SMS channel sends it (plain, one line per bullet). */
const plain = (text: string) => text.split('\n')[0];

it('a Welsh web chatter gets every text reply in Welsh, and a thank-you is not taken for a stranger', async () => {
  const number = '+447700900201';
  const chatter = await webChatterWhoGave('07700 900201');
  await chatter.say('Cymraeg', /Cymraeg o hyn ymlaen/);
  chatter.stream.close();
  await newHandoff();

  // Not the welcome, language question and consent: where their referral stands, in Welsh.
  const thanks = await reply(number, 'diolch yn fawr');
  expect(thanks).toContain(plain(cy('root.alreadySent', SERVICE)));
  expect(thanks).not.toMatch(/Pa iaith|Which language|Helo\. Rydw i'n gynorthwyydd/);

  // The check-in's answers in Welsh too.
  const db = sms.database.db;
  await db.collection(Collections.followUps).updateMany({ kind: 'referralCheckIn', status: 'pending' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  expect((await sms.app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(await reply(number, "pwy sy 'na?")).toMatch(/Front Door sydd yma/);
  const confirm = await reply(number, 'dileu fy nata');
  expect(confirm).toContain(cy('commands.delete.confirm'));
  expect(await reply(number, 'nac ydw')).toContain(cy('commands.delete.cancelled'));

  // Yes to the six-week text: the four questions in Welsh.
  await db.collection(Collections.followUps).updateMany({ kind: 'ons4Repeat', status: 'pending' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  expect((await sms.app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(await reply(number, 'ydw')).toMatch(/pa mor fodlon ydych chi ar eich bywyd/);

  // The STOP keyword is confirmed in Welsh.
  expect(await reply(number, 'stopio')).toMatch(/Fyddwch chi ddim yn cael mwy o negeseuon testun/);
  expect(await smsReferrals()).toBe(0);
}, 180_000);

it('after the link worker has finished, a text gets "finished" and "talk to a person" by text asks for the web chatter', async () => {
  const number = '+447700900202';
  const chatter = await webChatterWhoGave('07700 900202');
  chatter.stream.close();
  const first = await newHandoff();
  await claimAndClose(first);

  const thanks = await reply(number, 'thank you!');
  expect(thanks).toContain(plain(en('root.handoffFinished', SERVICE)));
  expect(thanks).not.toMatch(/Which language|I'm an automated assistant|keep your answers/);

  // Asked for them, once: no "carry on with my questions", and the new handoff is theirs.
  const asked = await sms.text(number, 'talk to a person');
  expect(asked).toEqual([en('commands.human.doneNothingWaiting', SERVICE)]);
  const reopened = await newHandoff();
  const handoffs = sms.database.db.collection(Collections.handoffs);
  const closed = await handoffs.findOne({ status: 'closed' });
  expect(await handoffs.findOne({ status: 'open', personKey: closed!.personKey })).not.toBeNull();
  expect(reopened).not.toBe(first);
  expect(await smsReferrals()).toBe(0);
}, 180_000);

it('in web chat, "talk to a person" after the link worker has finished is one message, with nothing to carry on', async () => {
  const chatter = await webChatterWhoGave('07700 900203');
  try {
    await claimAndClose(await newHandoff());
    await chatter.say('thank you so much', /Your link worker has finished helping you/);
    const from = chatter.stream.activities.length;
    await chatter.say('talk to a person', /told the Front Door team/);
    // Anything said in the same breath has arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const said = chatter.stream.activities.slice(from).filter((a) => a.from?.role === 'bot' && a.type === 'message').map((a) => a.text ?? '');
    expect(said).toEqual([`${en('commands.human.doneNothingWaiting', SERVICE)}\n${en('commands.human.keepChatOpen')}`]);
  } finally {
    chatter.stream.close();
  }
}, 180_000);

it('crisis words by text flag the web chatter’s own referral for the team, with no second referral', async () => {
  const number = '+447700900204';
  const chatter = await webChatterWhoGave('07700 900204');
  chatter.stream.close();
  await newHandoff();

  expect(await reply(number, 'I want to kill myself')).toMatch(/Samaritans/);
  const handoffs = sms.database.db.collection(Collections.handoffs);
  const theirs = await handoffs.find({ status: 'open', urgent: true }).toArray();
  expect(theirs).toHaveLength(1);
  // The urgent handoff is the one their web chat opened, not a new one for the number.
  expect(await handoffs.countDocuments({ personKey: theirs[0].personKey })).toBe(1);
  expect(await smsReferrals()).toBe(0);
}, 180_000);
