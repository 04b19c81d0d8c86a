/**
 * People who come back after their referral went to the team, through the whole app (web chat turns
 * and texts from the number they gave). Where it stands comes from the stored handoffs, not bot state
 * (gone after a month): a finished one is not "a link worker will be in touch". New words are not
 * dropped: with a handoff open they go into it; after the link worker finished they are kept, the
 * person is offered a link worker again, and the new handoff carries them.
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { HandoffRepository } from '../../src/handoff/repository';
import type { Handoff } from '../../src/handoff/schema';
import { translator } from '../../src/i18n';
import { derivePersonKey } from '../../src/identity/personKey';
import { DEFAULT_RETENTION, runRetention } from '../../src/retention';
import { getOrCreateSecret } from '../../src/store';
import { Collections } from '../../src/store/collections';
import { JOURNEY } from '../fixtures/journey';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

const en = translator('en');
const cy = translator('cy');
const SERVICE = { serviceName: 'Front Door' };
const DAY = 86_400_000;
const worker = { id: '0123456789abcdef01234567', email: 'lw@example.org' };

let sms: SmsApp;
let handoffs: HandoffRepository;

beforeAll(async () => {
  sms = await startSmsApp(
    { FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3), LINKWORKER_HOURS: 'always', SERVICE_NAME: 'Front Door' },
    (database) => loadSampleDirectoryIfEmpty(database.db, () => undefined),
  );
  // The test sends the follow-up texts itself.
  await sms.app.followUps.worker!.stop();
  handoffs = new HandoffRepository(sms.database.db);
});
afterAll(async () => sms?.stop());

const web = async (conversation: string, text: string) => textsOf(await sendTurn(sms.app.url, conversation, text));
const text = async (number: string, body: string) => (await sms.text(number, body)).join('\n');

/** The whole English journey in web chat, giving `mobile` for texts: the referral goes to the team. */
async function sentInWebChat(conversation: string, mobile: string): Promise<string> {
  for (const say of ['hi', 'English', 'yes']) await web(conversation, say);
  for (const step of JOURNEY) await web(conversation, step.say === '07700 900123' ? mobile : step.say);
  return derivePersonKey(await getOrCreateSecret(sms.database.db, 'personKey'), 'emulator', `user-${conversation}`);
}

async function linkWorkerFinishes(personKey: string): Promise<void> {
  const { _id } = (await handoffs.activeFor(personKey))!;
  await handoffs.close(_id, worker, { outcome: 'contacted' }, { asAdmin: true });
}

/** What the person said, as the link worker reads it in the handoff. */
const personLines = (handoff: Handoff | null) => (handoff?.transcript ?? []).filter((line) => line.from === 'person').map((line) => line.text);

/** As the hourly retention job does a month on: bot state (and any flag in it) is gone, the handoffs stay. */
async function aMonthPasses(): Promise<void> {
  const removed = await runRetention(sms.database.db, DEFAULT_RETENTION, new Date(Date.now() + 31 * DAY));
  expect(removed.conversationStates).toBeGreaterThan(0);
}

describe('after the link worker has finished', () => {
  it('a month later, when bot state is gone, "hello" hears that the link worker has finished, not "will be in touch"', async () => {
    const personKey = await sentInWebChat('back-after-a-month', '07700 900301');
    await linkWorkerFinishes(personKey);
    await aMonthPasses();

    const back = await web('back-after-a-month', 'hello');
    expect(back).toBe(en('root.handoffFinished', SERVICE));
    expect(back).not.toContain(en('root.alreadySent', SERVICE));
  });

  it('new words are offered a link worker again, and the new handoff carries them, not only the old summary', async () => {
    const personKey = await sentInWebChat('new-worry-later', '07700 900302');
    await linkWorkerFinishes(personKey);
    await aMonthPasses();

    const said = "I've been feeling really low again, my son has moved away";
    expect(await web('new-worry-later', said)).toBe(en('root.handoffFinishedAskAgain', SERVICE));
    // Kept for now, not put in the closed handoff.
    expect(await handoffs.activeFor(personKey)).toBeNull();

    await web('new-worry-later', 'talk to a person');
    const reopened = await handoffs.activeFor(personKey);
    expect(reopened).toMatchObject({ status: 'open', reasons: [{ reason: 'askedForPerson' }] });
    expect(personLines(reopened)).toEqual([said]);
  });

  it('"yes" to "Would you like a link worker to get in touch again?" asks for one, with what they wrote', async () => {
    const personKey = await sentInWebChat('yes-to-ask-again', '07700 900309');
    await linkWorkerFinishes(personKey);
    const said = 'the walking group has stopped and I am on my own again';
    expect(await web('yes-to-ask-again', said)).toBe(en('root.handoffFinishedAskAgain', SERVICE));
    expect(await web('yes-to-ask-again', 'yes')).not.toBe(en('root.handoffFinishedAskAgain', SERVICE));
    const reopened = await handoffs.activeFor(personKey);
    expect(reopened).toMatchObject({ status: 'open', reasons: [{ reason: 'askedForPerson' }] });
    expect(personLines(reopened)).toEqual([said]);
  });

  it('a carer texting from the number hears the offer, and "talk to a person" passes on what they wrote', async () => {
    const personKey = await sentInWebChat('carer-number', '07700 900303');
    await linkWorkerFinishes(personKey);

    const said = 'this is her daughter, mum is in hospital';
    expect(await text('+447700900303', said)).toBe(en('root.handoffFinishedAskAgain', SERVICE));
    await text('+447700900303', 'talk to a person');
    expect(personLines(await handoffs.activeFor(personKey))).toEqual([said]);
  });

  it('a late reply to a check-in is not "Welcome back", and reaches a link worker if they ask', async () => {
    const mobile = '+447700900304';
    const personKey = await sentInWebChat('late-check-in', '07700 900304');
    await linkWorkerFinishes(personKey);
    const db = sms.database.db;
    await db.collection(Collections.followUps).updateMany({ personKey, kind: 'referralCheckIn' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
    expect((await sms.app.followUps.worker!.runOnce()).sent).toBe(1);
    // The check-in went 20 days ago: past the window for reading "2" as its answer.
    await db.collection(Collections.followUps).updateMany({ personKey, kind: 'referralCheckIn' }, { $set: { sentAt: new Date(Date.now() - 20 * DAY) } });

    const late = ['2', 'sorry only just seen this, my knee is bad'];
    for (const said of late) {
      const reply = await text(mobile, said);
      expect(reply).toBe(en('root.handoffFinishedAskAgain', SERVICE));
      expect(reply).not.toMatch(/Welcome back/);
    }
    await text(mobile, 'talk to a person');
    expect(personLines(await handoffs.activeFor(personKey))).toEqual(late);
  });
});

describe('while the referral waits for a link worker', () => {
  it('new words in web chat go into the open handoff and the person is told; a hello is not stored', async () => {
    const personKey = await sentInWebChat('waiting-web', '07700 900305');
    expect(await web('waiting-web', 'hello')).toBe(en('root.alreadySent', SERVICE));

    const said = "I've been feeling really low again, my son has moved away";
    expect(await web('waiting-web', said)).toBe(en('root.passedOn', SERVICE));
    expect(personLines(await handoffs.activeFor(personKey))).toEqual([said]);
  });

  it('a text from the number the web chatter gave goes into their open handoff', async () => {
    const personKey = await sentInWebChat('waiting-text', '07700 900306');
    const said = "hi it's Sam, I've got a new worry, I can't pay my gas bill";
    expect(await text('+447700900306', said)).toBe(en('root.passedOn', SERVICE));
    expect(personLines(await handoffs.activeFor(personKey))).toEqual([said]);
  });

  it('in Welsh, the person is told in Welsh that their words were passed on', async () => {
    const personKey = await sentInWebChat('waiting-welsh', '07700 900308');
    await web('waiting-welsh', 'Cymraeg');
    const said = "Mae fy mab wedi symud i ffwrdd, dw i'n teimlo'n isel";
    expect(await web('waiting-welsh', said)).toBe(cy('root.passedOn', SERVICE));
    expect(personLines(await handoffs.activeFor(personKey))).toEqual([said]);
  });

  it('crisis words still get crisis support first', async () => {
    await sentInWebChat('waiting-crisis', '07700 900307');
    const reply = await web('waiting-crisis', 'I want to kill myself');
    expect(reply).toMatch(/999/);
    expect(reply).not.toContain(en('root.passedOn', SERVICE));
  });
});

it('nothing is kept for someone who said no to keeping their answers', async () => {
  for (const say of ['hi', 'English', 'no']) await web('said-no', say);
  await web('said-no', 'my son has moved away and I feel low');
  const db = sms.database.db;
  const personKey = derivePersonKey(await getOrCreateSecret(db, 'personKey'), 'emulator', 'user-said-no');
  expect(await db.collection(Collections.handoffs).countDocuments({ personKey })).toBe(0);
  const state = await db.collection(Collections.botState).find({}).toArray();
  expect(JSON.stringify(state)).not.toContain('son has moved away');
});
