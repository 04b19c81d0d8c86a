/**
 * "Start again" after the person confirmed their summary and it went to the team, through the real
 * turn pipeline, in English and in Welsh. While the referral waits for a link worker (or one is working
 * on it) the answers the team works from are never cleared: the person hears that they have gone and
 * can change something in their own words (passed to the link worker), talk to a person, delete their
 * data, or leave it. Once a link worker has closed the handoff, starting again makes a new referral:
 * the closed handoff keeps what the team saw.
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import type { Handoff } from '../../src/handoff/schema';
import { translator, type Language } from '../../src/i18n';
import { JOURNEY } from '../fixtures/journey';
import { BotWorld, botConfig, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];
const serviceName = botConfig.serviceName;
const worker = { id: '0123456789abcdef01234567', email: 'lw@example.org' };

const typed = {
  en: {
    journey: ['Hi', 'English', 'Yes', 'I am a carer and I am exhausted', '2', "that's all", '4', 'no', 'any day', 'any time', 'Cardiff', 'in this chat', 'Mary', '5', '5', '5', '5', 'yes'],
    whatMatters: 'I am a carer and I am exhausted',
    restart: 'start again',
    yes: 'yes',
    crisis: 'I want to kill myself',
    change: 'My daughter has moved in with me, so I am not on my own at weekends now',
  },
  cy: {
    journey: ['Helo', 'Cymraeg', 'ydy', "Dw i'n ofalwr ac wedi blino'n lân", '2', "dyna'r cyfan", '4', 'na', 'unrhyw ddiwrnod', 'unrhyw bryd', 'Caerdydd', 'yn y sgwrs hon', 'Mary', '5', '5', '5', '5', 'ydy'],
    whatMatters: "Dw i'n ofalwr ac wedi blino'n lân",
    restart: 'dechrau eto',
    yes: 'ydy',
    crisis: 'Dw i eisiau lladd fy hun',
    change: "Mae fy merch wedi symud i mewn gyda fi, felly dydw i ddim ar fy mhen fy hun ar y penwythnos nawr",
  },
} as const;

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  // No directory: no activity fits, so nothing is waiting once the referral has gone.
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

/** The whole journey, summary confirmed: the referral is ready and a handoff is open for the team. */
async function sentToTheTeam(person: Person, lang: Language): Promise<void> {
  for (const text of typed[lang].journey) await person.say(text);
  expect(await person.referral()).toMatchObject({ status: 'ready' });
  expect(await world.handoffs.activeFor(person.personKey)).toMatchObject({ status: 'open' });
}

async function storedAnswers(person: Person): Promise<Record<string, unknown>> {
  return ((await person.referral())?.answers ?? {}) as Record<string, unknown>;
}

/** What a link worker reads on the card. */
async function teamCard(person: Person): Promise<Handoff | null> {
  return world.handoffs.activeFor(person.personKey);
}

const personLines = (handoff: Handoff | null) => (handoff?.transcript ?? []).filter((line) => line.from === 'person').map((line) => line.text);

describe.each(LANGUAGES)('start again while the referral is with the team (%s)', (lang) => {
  const t = translator(lang);
  const say = typed[lang];
  const label = (choice: string) => t(`commands.restart.withTeam.${choice}.label`);

  it('says the answers have gone to the team and offers what they can do; nothing is cleared', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    const before = await storedAnswers(person);

    const turn = await person.say(say.restart);
    expect(turn.text).toContain(t('commands.restart.withTeam.ask', { serviceName }));
    expect(turn.text).not.toContain(t('commands.restart.confirm'));
    expect(turn.buttons).toEqual(['change', 'human', 'delete', 'leave'].map(label));
    expect(await person.referral()).toMatchObject({ status: 'ready', answers: before });
  });

  it('"start again" said again, or "Yes", never clears what the team has', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    const before = await storedAnswers(person);

    await person.say(say.restart);
    let turn = await person.say(say.restart);
    expect(turn.text).toBe(t('commands.restart.withTeam.askChange'));
    await person.say(say.restart);
    turn = await person.say(say.yes);
    expect(turn.text).not.toContain(t('commands.restart.done'));
    expect(await person.referral()).toMatchObject({ status: 'ready', answers: before });
    expect((await teamCard(person))?.summary.whatMatters).toBe(say.whatMatters);
  });

  it('"Change something" asks what, and their words go to the link worker beside the answers', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    await person.say(say.restart);

    let turn = await person.say(label('change'));
    expect(turn.text).toBe(t('commands.restart.withTeam.askChange'));
    turn = await person.say(say.change);
    expect(turn.text).toBe(t('root.passedOn', { serviceName }));

    const card = await teamCard(person);
    expect(personLines(card)).toContain(say.change);
    expect(card?.summary).toMatchObject({ whatMatters: say.whatMatters, preferredName: 'Mary' });
    expect(await storedAnswers(person)).toMatchObject({ whatMatters: say.whatMatters, preferredName: 'Mary' });
  });

  it('"Talk to a person" asks for one, and the card the link worker opens still shows the answers', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    await person.say(say.restart);

    const turn = await person.say(label('human'));
    // Nothing is waiting: not "carry on with my questions", and "start again?" is not asked again.
    expect(turn.messages[0].text).toBe(t('commands.human.doneNothingWaiting', { serviceName }));
    expect(turn.text).not.toContain(t('commands.restart.withTeam.ask', { serviceName }));
    const card = await teamCard(person);
    expect(card?.reasons.map((r) => r.reason)).toContain('askedForPerson');
    expect(card?.summary).toMatchObject({ whatMatters: say.whatMatters, preferredName: 'Mary' });
  });

  it('"Delete my data" asks to confirm, then erases everything', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    await person.say(say.restart);

    let turn = await person.say(label('delete'));
    expect(turn.text).toContain(t('commands.delete.confirm'));
    turn = await person.say(t('commands.delete.yes.label'));
    expect(turn.text).toContain(t('commands.delete.done'));
    expect(await person.referral()).toBeNull();
    expect(await teamCard(person)).toBeNull();
  });

  it('"Nothing for now" leaves everything as it was', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    const before = await storedAnswers(person);
    await person.say(say.restart);

    const turn = await person.say(label('leave'));
    expect(turn.text).toBe(t('commands.restart.withTeam.left'));
    expect(await person.referral()).toMatchObject({ status: 'ready', answers: before });
  });

  it('crisis words while the question waits get crisis support first, and the urgent card keeps the answers', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    await person.say(say.restart);

    let turn = await person.say(say.crisis);
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
    // "1": carry on. The question that was waiting is asked again.
    turn = await person.say('1');
    expect(turn.messages.at(-1)?.text).toContain(t('commands.restart.withTeam.ask', { serviceName }));
    const card = await teamCard(person);
    expect(card?.urgent).toBe(true);
    expect(card?.summary.whatMatters).toBe(say.whatMatters);
  });
});

describe.each(LANGUAGES)('start again after a link worker has closed the handoff (%s)', (lang) => {
  const t = translator(lang);
  const say = typed[lang];

  it('is a new referral: the answers are cleared and asked again, and the closed handoff keeps what the team saw', async () => {
    const person = world.person();
    await sentToTheTeam(person, lang);
    const { _id } = (await teamCard(person))!;
    await world.handoffs.claim(_id, worker);
    await world.handoffs.close(_id, worker, { outcome: 'contacted' });

    let turn = await person.say(say.restart);
    expect(turn.text).toContain(t('commands.restart.confirm'));
    turn = await person.say(t('commands.restart.yes.label'));
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expect(turn.messages.at(-1)?.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(await person.referral()).toMatchObject({ status: 'inProgress', answers: {} });

    const closed = await world.handoffs.get(_id);
    expect(closed).toMatchObject({ status: 'closed', summary: { whatMatters: say.whatMatters, preferredName: 'Mary' } });
  });
});

describe('start again while activities are being suggested, just after the summary went', () => {
  const t = translator('en');
  let withDirectory: TestDatabase;
  let suggesting: BotWorld;

  beforeAll(async () => {
    withDirectory = await startTestDatabase();
    await loadSampleDirectoryIfEmpty(withDirectory.db, () => undefined);
    suggesting = await BotWorld.create(withDirectory.db);
  });
  afterAll(async () => withDirectory.stop());

  it('"Nothing for now" keeps the answers and asks the suggestions question again', async () => {
    const person = suggesting.person();
    const untilSuggestions = JOURNEY.slice(0, JOURNEY.findIndex((step) => step.say === 'yes') + 1);
    for (const text of ['hi', 'English', 'yes']) await person.say(text);
    let turn = await person.say(untilSuggestions[0].say);
    for (const step of untilSuggestions.slice(1)) turn = await person.say(step.say);
    const suggestionsAsked = turn.messages.at(-1)?.text;
    expect(turn.text).toMatch(JOURNEY[untilSuggestions.length - 1].then);

    turn = await person.say('start again');
    expect(turn.text).toContain(t('commands.restart.withTeam.ask', { serviceName }));
    turn = await person.say(t('commands.restart.withTeam.leave.label'));
    expect(turn.messages[0].text).toBe(t('commands.restart.withTeam.left'));
    expect(turn.messages.at(-1)?.text).toBe(suggestionsAsked);
    expect(await person.referral()).toMatchObject({ status: 'ready', answers: { preferredName: 'Sam' } });
  });
});
