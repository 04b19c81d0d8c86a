/**
 * The crisis reply signposts the help the kind of crisis needs: an overdose is told to call an
 * ambulance first, abuse gets the domestic abuse helplines (and a warning that others may read
 * the chat), a child Childline, a helper advice for the person at risk. Every kind keeps the
 * "crisis" marker, the "I've told the team" line and the offer; by SMS none costs more than the
 * first reply did. Numbers are written out here: they are real services and must not drift.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { crisisActivities } from '../../bots';
import type { CrisisKind } from '../../src/nlu/crisis';
import { translator, type Language } from '../../src/i18n';
import { countSegments } from '../../src/channels/sms/gsm';
import { activityText } from '../../src/channels/sms/render';
import { BotWorld, botConfig } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const KINDS: CrisisKind[] = [
  'suicide',
  'self_harm',
  'medical_emergency',
  'abuse_or_danger',
  'sexual_violence',
  'child_at_risk',
  'someone_else_at_risk',
  'harm_to_others',
];
const LANGUAGES: Language[] = ['en', 'cy'];
const SERVICE = botConfig.serviceName;
const SAMARITANS_WELSH_LINE = '0808 164 0123';

/** Numbers each kind's support must give (the same in both languages). */
const NUMBERS: Record<CrisisKind, string[]> = {
  suicide: ['999', '111', '116 123', '85258'],
  self_harm: ['999', '111', '116 123', '85258'],
  medical_emergency: ['999', '111', '116 123'],
  abuse_or_danger: ['999', '55', '0808 2000 247', '0808 80 10 800'],
  sexual_violence: ['999', '0808 500 2222', '0808 80 10 800'],
  child_at_risk: ['999', '0800 1111', '0808 800 5000'],
  someone_else_at_risk: ['999', '111', '116 123'],
  harm_to_others: ['999', '111', '116 123'],
};

const support = (lang: Language, kind?: string): Partial<Activity> => crisisActivities(translator(lang), SERVICE, true, kind)[0];
const supportText = (lang: Language, kind?: string): string => String(support(lang, kind).text);

describe.each(LANGUAGES)('the crisis support for each kind (%s)', (lang) => {
  const t = translator(lang);

  it.each(KINDS)('%s: marked as crisis support, with its own numbers, then the team told and the offer', (kind) => {
    const [first, offer] = crisisActivities(t, SERVICE, false, kind);
    expect(first.type).toBe(ActivityTypes.Message);
    expect(first.channelData).toEqual({ safety: 'crisis' });
    for (const number of NUMBERS[kind]) expect(first.text).toContain(number);
    expect(first.text?.endsWith(`\n${t('crisis.urgentNoted', { serviceName: SERVICE })}`)).toBe(true);
    expect(offer.channelData).toEqual({ safety: 'crisis-offer' });
    expect(offer.text).toBe(t('crisis.offer'));
  });

  it('suicide and self-harm keep the first reply; a kind it does not know (the extra check) gets it too', () => {
    const first = `${t('crisis.message')}\n${t('crisis.urgentNoted', { serviceName: SERVICE })}`;
    for (const kind of ['suicide', 'self_harm', undefined, 'clu:crisis', 'constructor']) expect(supportText(lang, kind)).toBe(first);
  });

  it('each kind other than suicide and self-harm has its own words', () => {
    const others = KINDS.filter((kind) => kind !== 'suicide' && kind !== 'self_harm').map((kind) => supportText(lang, kind));
    expect(new Set([supportText(lang, 'suicide'), ...others]).size).toBe(others.length + 1);
  });

  it('an overdose is told to call an ambulance first, not that we are sorry they feel like this', () => {
    const text = supportText(lang, 'medical_emergency');
    expect(text.split('\n')[0]).toMatch(/^(Call 999 now for an ambulance, even if you feel OK\.|Ffoniwch 999 nawr am ambiwlans, hyd yn oed os ydych chi'n teimlo'n iawn\.)/);
    expect(text).not.toContain(t('crisis.message').split('\n')[0]);
  });

  it('someone helping another person is spoken to as the helper', () => {
    const text = supportText(lang, 'someone_else_at_risk');
    expect(text).not.toContain(t('crisis.message').split('\n')[0]);
    expect(text).toMatch(lang === 'en' ? /If they are in danger now or have hurt themselves, call 999\. If you can, stay with them\./ : /Os ydyn nhw mewn perygl nawr/);
  });

  it('abuse: warned that someone else may see the chat, and how to delete what is stored here', () => {
    const text = supportText(lang, 'abuse_or_danger');
    expect(text).toMatch(lang === 'en' ? /someone else may see this chat or these texts/i : /gallai rhywun arall weld y sgwrs hon/i);
    expect(text).toContain(lang === 'en' ? '"delete my data"' : '"dileu fy nata"');
    // Only there: for the other kinds it would be noise.
    expect(supportText(lang, 'suicide')).not.toContain(lang === 'en' ? 'delete my data' : 'dileu fy nata');
  });

  it('a child is told Childline is free and does not show on the phone bill', () => {
    expect(supportText(lang, 'child_at_risk')).toMatch(lang === 'en' ? /0800 1111\. It's free and does not show on the phone bill/ : /0800 1111\. Mae am ddim, a dydy e ddim yn dangos ar y bil ffôn/);
  });

  it('by SMS, no kind costs more parts than the first reply', () => {
    const parts = (kind: string) => countSegments(activityText(support(lang, kind))).segments;
    const today = parts('suicide');
    expect(KINDS.filter((kind) => parts(kind) > today).map((kind) => `${kind}: ${parts(kind)} > ${today}`)).toEqual([]);
  });
});

it('in Welsh, every kind that gives Samaritans gives their Welsh line too', () => {
  const withSamaritans = KINDS.filter((kind) => supportText('cy', kind).includes('116 123'));
  expect(withSamaritans.length).toBeGreaterThanOrEqual(5);
  expect(withSamaritans.filter((kind) => !supportText('cy', kind).includes(SAMARITANS_WELSH_LINE))).toEqual([]);
});

describe('through the bot', () => {
  let database: TestDatabase;
  let world: BotWorld;

  beforeAll(async () => {
    database = await startTestDatabase();
    world = await BotWorld.create(database.db);
  });
  afterAll(async () => {
    await database.stop();
  });

  it('"he hits me": the domestic abuse helplines and the warning, then the offer', async () => {
    const turn = await world.person().say('he hits me');
    const [first, offer] = turn.activities;
    expect(first.channelData).toEqual({ safety: 'crisis' });
    expect(first.text).toContain('0808 2000 247');
    expect(first.text).toContain('0808 80 10 800');
    expect(first.text).toMatch(/someone else may see this chat/i);
    expect(first.text).not.toContain('85258');
    expect(offer.channelData).toEqual({ safety: 'crisis-offer' });
  });

  it('"I\'ve taken all my tablets": call 999 for an ambulance comes first', async () => {
    const turn = await world.person().say("I've taken all my tablets");
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
    expect(turn.activities[0].text).toMatch(/^Call 999 now for an ambulance, even if you feel OK\./);
  });

  it('in Welsh, "mae e\'n fy nharo i" gets Byw Heb Ofn', async () => {
    const turn = await world.person({ locale: 'cy-GB' }).say("mae e'n fy nharo i");
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
    expect(turn.activities[0].text).toContain('Byw Heb Ofn, 0808 80 10 800');
  });

  it('crisis words only the extra check caught get the suicide reply, as before', async () => {
    const layered = await BotWorld.create(database.db, { extraCrisisCheck: async (text) => (text.includes('the bridge tonight') ? 'clu:crisis' : undefined) });
    const turn = await layered.person().say("I'm going to the bridge tonight");
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
    expect(turn.activities[0].text).toContain('85258');
  });
});
