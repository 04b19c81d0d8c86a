/** The live handoff in the turn pipeline: opened when asked, on confirm and on crisis; relayed and quiet while held. */
import { translator } from '../../src/i18n';
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { JOURNEY } from '../fixtures/journey';
import { BotWorld, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const en = translator('en');
const worker = { id: '0123456789abcdef01234567', email: 'lw@example.org' };

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  await loadSampleDirectoryIfEmpty(database.db, () => undefined);
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

async function consented(person: Person): Promise<void> {
  for (const text of ['hi', 'English', 'yes']) await person.say(text);
}

describe('talk to a person', () => {
  it('opens a handoff for the team with the person’s channel, and says so', async () => {
    const person = world.person();
    await consented(person);
    await person.say("I've felt lonely since I retired");
    const turn = await person.say('talk to a person');
    expect(turn.text).toContain(en('commands.human.done', { serviceName: 'Front Door Test' }));
    expect(turn.text).not.toContain('not at work right now');
    const handoff = await world.handoffs.activeFor(person.personKey);
    expect(handoff).toMatchObject({ status: 'open', urgent: false, reasons: [{ reason: 'askedForPerson' }] });
    expect(handoff!.summary.whatMatters).toBe("I've felt lonely since I retired");
    expect(handoff!.conversationReference).toMatchObject({ channelId: 'test', conversation: { id: person.conversationId } });
    // The bot carries on with its questions while the person waits.
    expect(turn.messages.at(-1)?.text).toContain(en('whatMatters.interests.ask'));
  });

  it('while a link worker holds it the bot is silent and the person’s words reach the link worker; afterwards it carries on', async () => {
    const person = world.person();
    await consented(person);
    await person.say('talk to a person');
    const { _id } = (await world.handoffs.activeFor(person.personKey))!;
    await world.handoffs.claim(_id, worker);

    const quiet = await person.say('Hello, is someone there?');
    expect(quiet.messages).toHaveLength(0);
    const again = await person.say('I would like to join a walking group');
    expect(again.messages).toHaveLength(0);
    const held = await world.handoffs.get(_id);
    expect(held!.transcript.filter((e) => e.from === 'person').map((e) => e.text)).toEqual(['Hello, is someone there?', 'I would like to join a walking group']);

    // Crisis is still checked first, answered by the bot, and seen by the link worker.
    const crisis = await person.say('I want to kill myself');
    expect(crisis.text).toMatch(/999/);
    const urgent = await world.handoffs.get(_id);
    expect(urgent!.urgent).toBe(true);
    expect(urgent!.riskFlags.map((f) => f.message)).toContain('I want to kill myself');
    expect(urgent!.transcript.at(-1)).toMatchObject({ from: 'person', text: 'I want to kill myself' });

    await world.handoffs.close(_id, worker, { outcome: 'contacted' });
    const back = await person.say('thanks');
    expect(back.text).toContain(en('commands.resume.done'));
    expect(back.messages.at(-1)?.text).toContain(en('whatMatters.whatMatters.ask'));
    // And the next message is an answer again.
    const answered = await person.say('I would like to meet new people near me');
    expect(answered.messages.at(-1)?.text).toContain(en('whatMatters.interests.ask'));
  });

  it('while a link worker holds it, what the bot promised still works: help, delete my data; crisis support without the offer of a person', async () => {
    const person = world.person();
    await consented(person);
    await person.say('talk to a person');
    const { _id } = (await world.handoffs.activeFor(person.personKey))!;
    await world.handoffs.claim(_id, worker);

    const help = await person.say('help');
    expect(help.text).toContain(en('commands.help'));
    expect(help.text).toContain(en('root.withLinkWorker'));
    const asking = await person.say('talk to a person');
    expect(asking.messages.map((m) => m.text)).toEqual([en('root.withLinkWorker')]);

    const crisis = await person.say('I want to kill myself');
    expect(crisis.messages).toHaveLength(1);
    expect(crisis.text).toMatch(/116 123/);
    expect(crisis.text).not.toContain(en('crisis.offer'));
    // Nor does a "2" afterwards ask for a person: it reaches the link worker like any words.
    expect((await person.say('2')).messages).toHaveLength(0);
    const held = await world.handoffs.get(_id);
    expect(held!.transcript.filter((e) => e.from === 'person').map((e) => e.text)).toEqual(['help', 'talk to a person', 'I want to kill myself', '2']);

    const confirm = await person.say('delete my data');
    expect(confirm.messages.at(-1)?.text).toContain(en('commands.delete.confirm'));
    const done = await person.say('yes');
    expect(done.text).toContain(en('commands.delete.done'));
    expect(await person.referral()).toBeNull();
    expect(await world.handoffs.get(_id)).toBeNull();
  });

  it('in web chat, the person is told to keep the chat open to see the reply', async () => {
    const person = world.person({ channelId: 'webchat' });
    await consented(person);
    const turn = await person.say('talk to a person');
    expect(turn.text).toContain(`${en('commands.human.done', { serviceName: 'Front Door Test' })}\n${en('commands.human.keepChatOpen')}`);
  });

  it('off duty, the person is told honestly when someone will be in touch, with where to get help sooner', async () => {
    const saturdayNoon = new Date('2026-11-28T12:00:00Z');
    const offDutyWorld = await BotWorld.create(database.db, { serviceHours: 'Mon-Fri 09:00-17:00', now: () => saturdayNoon });
    const person = offDutyWorld.person();
    await consented(person);
    const turn = await person.say('talk to a person');
    expect(turn.text).toContain(en('commands.human.doneOffDuty', { serviceName: 'Front Door Test' }));
    expect(turn.text).toContain(en('handoff.offDuty', { when: 'Monday 30 November, 09:00' }));
    expect(turn.text).toMatch(/NHS 111/);
    // Not also "someone will contact you as soon as they can", which nobody off duty can.
    expect(turn.text).not.toContain(en('commands.human.done', { serviceName: 'Front Door Test' }));
    expect(await offDutyWorld.handoffs.activeFor(person.personKey)).toMatchObject({ status: 'open' });
  });

  it('off duty, crisis support says honestly that the team may not see it until they are back', async () => {
    const saturdayNoon = new Date('2026-11-28T12:00:00Z');
    const offDutyWorld = await BotWorld.create(database.db, { serviceHours: 'Mon-Fri 09:00-17:00', now: () => saturdayNoon });
    const person = offDutyWorld.person();
    const turn = await person.say('I want to kill myself');
    expect(turn.messages[0].channelData).toEqual({ safety: 'crisis' });
    expect(turn.messages.map((m) => m.text)).toContain(en('crisis.offDuty', { when: 'Monday 30 November, 09:00' }));
    expect(turn.messages.at(-1)?.text).toContain(en('crisis.offer'));
  });

  it('in Welsh, off duty, the day is in Welsh', async () => {
    const sundayEvening = new Date('2026-11-29T19:00:00Z');
    const offDutyWorld = await BotWorld.create(database.db, { serviceHours: 'Mon-Fri 09:00-17:00', now: () => sundayEvening });
    const person = offDutyWorld.person();
    for (const text of ['hi', 'Cymraeg', 'ie']) await person.say(text);
    const turn = await person.say('siarad â pherson');
    expect(turn.text).toContain('(Dydd Llun, 09:00)');
    expect(turn.text).toMatch(/GIG 111/);
  });
});

describe('a confirmed referral and crisis', () => {
  it('confirming opens the handoff, and the summary gains the activities picked after', async () => {
    const person = world.person();
    await consented(person);
    for (const step of JOURNEY) {
      const turn = await person.say(step.say);
      expect(turn.text).toMatch(new RegExp(step.then.source.replace('Front Door', 'Front Door Test')));
    }
    const handoff = await world.handoffs.activeFor(person.personKey);
    expect(handoff!.reasons.map((r) => r.reason)).toEqual(['referralConfirmed']);
    expect(handoff!.summary.chosenActivities).toHaveLength(1);
    expect(handoff!.summary.chosenActivities[0].name).toEqual(expect.any(String));
    expect(handoff!.summary.wellbeingBaseline).toEqual({ lifeSatisfaction: 6, worthwhile: 7, happiness: 5, anxiety: 3 });
  });

  it('crisis opens an urgent handoff with the message that raised it, even before consent', async () => {
    const person = world.person();
    await person.say('hi');
    const turn = await person.say("I don't want to be alive anymore");
    expect(turn.text).toMatch(/999/);
    const handoff = await world.handoffs.activeFor(person.personKey);
    expect(handoff).toMatchObject({ urgent: true, reasons: [{ reason: 'crisis' }] });
    expect(handoff!.riskFlags[0].message).toBe("I don't want to be alive anymore");
  });

  it('an extra crisis layer (e.g. CLU) that fires makes it crisis even when the local detector does not', async () => {
    const layered = await BotWorld.create(database.db, { extraCrisisCheck: async (text) => (text.includes('the bridge tonight') ? 'clu:crisis' : undefined) });
    const person = layered.person();
    await consented(person);
    const turn = await person.say("I keep thinking about the bridge tonight");
    expect(turn.text).toMatch(/999/);
    expect(await layered.handoffs.activeFor(person.personKey)).toMatchObject({ urgent: true });
    const calm = await person.say('I would like to meet new people near me');
    expect(calm.messages.at(-1)?.text).toContain(en('whatMatters.interests.ask'));
  });

  it('"delete my data" removes the person’s handoffs as well', async () => {
    const person = world.person();
    await consented(person);
    await person.say('talk to a person');
    expect(await world.handoffs.activeFor(person.personKey)).not.toBeNull();
    await person.say('delete my data');
    await person.say('yes');
    expect(await world.handoffs.activeFor(person.personKey)).toBeNull();
    expect(await database.db.collection('handoffs').countDocuments({ personKey: person.personKey })).toBe(0);
  });
});
