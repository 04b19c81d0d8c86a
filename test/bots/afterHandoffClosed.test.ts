/**
 * The first messages after a link worker closes the chat: a command is acted on (not thrown away with
 * "let's carry on"), other words pick up the waiting question again (never stored as its answer), and
 * a person whose referral is done hears that the link worker has finished, not that one will be in touch.
 */
import { translator } from '../../src/i18n';
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { JOURNEY } from '../fixtures/journey';
import { BotWorld, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const en = translator('en');
const cy = translator('cy');
const worker = { id: '0123456789abcdef01234567', email: 'lw@example.org' };
const serviceName = 'Front Door Test';

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  await loadSampleDirectoryIfEmpty(database.db, () => undefined);
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

/** Asks for a person at the question after "what matters"; a link worker claims, (optionally hears from them,) and closes. */
async function chatClosed(person: Person, options: { lang?: 'en' | 'cy'; saidWhileHeld?: string } = {}): Promise<void> {
  const welsh = options.lang === 'cy';
  for (const text of ['hi', welsh ? 'Cymraeg' : 'English', welsh ? 'ie' : 'yes', "I've felt lonely since I retired"]) await person.say(text);
  await person.say(welsh ? 'siarad â pherson' : 'talk to a person');
  const { _id } = (await world.handoffs.activeFor(person.personKey))!;
  await world.handoffs.claim(_id, worker);
  if (options.saidWhileHeld) await person.say(options.saidWhileHeld);
  await world.handoffs.close(_id, worker, { outcome: 'contacted' });
}

describe('the first message after a link worker closes the chat', () => {
  it('"delete my data" asks to confirm, and "yes" deletes', async () => {
    const person = world.person();
    await chatClosed(person, { saidWhileHeld: 'thanks bye' });
    const asked = await person.say('delete my data');
    expect(asked.text).toContain(en('commands.delete.confirm'));
    expect(asked.text).not.toContain(en('commands.resume.done'));
    const done = await person.say('yes');
    expect(done.text).toContain(en('commands.delete.done'));
    expect(await person.referral()).toBeNull();
  });

  it('"stop" stops', async () => {
    const person = world.person();
    await chatClosed(person, { saidWhileHeld: 'thanks bye' });
    const stopped = await person.say('stop');
    expect(stopped.text).toBe(en('commands.stop.done'));
  });

  it('"talk to a person" asks for one again', async () => {
    const person = world.person();
    await chatClosed(person, { saidWhileHeld: 'thanks' });
    const asked = await person.say('talk to a person');
    expect(asked.text).toContain(en('commands.human.done', { serviceName }));
    expect(await world.handoffs.activeFor(person.personKey)).toMatchObject({ status: 'open' });
  });

  it('in Welsh, "diolch" is not taken as the answer to the waiting question, which is asked again', async () => {
    const person = world.person();
    await chatClosed(person, { lang: 'cy' });
    const back = await person.say('diolch');
    expect(back.text).toContain(cy('commands.resume.done'));
    expect(back.messages.at(-1)?.text).toContain(cy('whatMatters.interests.ask'));
    const referral = (await person.referral()) as { answers: Record<string, unknown> };
    expect(referral.answers.interests).toBeUndefined();
  });
});

describe('after a link worker finishes with a referral that was sent', () => {
  it('a thank-you hears that the link worker has finished and how to ask again, not "let\'s carry on" or "will be in touch"', async () => {
    const person = world.person();
    for (const text of ['hi', 'English', 'yes']) await person.say(text);
    for (const step of JOURNEY) await person.say(step.say);
    const { _id } = (await world.handoffs.activeFor(person.personKey))!;
    await world.handoffs.claim(_id, worker);
    await person.say('Hello');
    await world.handoffs.close(_id, worker, { outcome: 'connectedToActivity' });

    for (const text of ['thank you so much x', 'see you']) {
      const turn = await person.say(text);
      expect(turn.text).toBe(en('root.handoffFinished', { serviceName }));
    }
    // Asking again opens a new handoff: the referral is waiting for a link worker again.
    await person.say('talk to a person');
    const waiting = await person.say('hello');
    expect(waiting.text).toBe(en('root.alreadySent', { serviceName }));
  });
});
