import fs from 'node:fs';
import path from 'node:path';
import { ServiceDirectory } from '../../src/directory/directory';
import { importServices } from '../../src/directory/import';
import { rankServices } from '../../src/directory/match';
import type { MatchProfile } from '../../src/directory/profile';
import { orukRecord, storedFrom } from '../fixtures/matching/services';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * A one-off event dated only in its name or description (no schedule) is not suggested once it is over,
 * judged by the clock the caller passes. Anything that comes round again, or a date told in passing,
 * keeps the service.
 */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');
const NOW = new Date('2024-11-20T12:00:00Z');
const lonely: MatchProfile = { text: 'i would like to meet people', categories: [{ category: 'loneliness', from: 'interest' }], barriers: [], lang: 'en' };

let counter = 0;
/** Something to meet people at, as an ORUK list-level record gives it: no schedule, the date only in its words. */
function oruk(name: string, description: string): Record<string, unknown> {
  return orukRecord({ id: `one-off-${++counter}`, name, description, categories: ['loneliness'] });
}

function suggestedNames(records: Record<string, unknown>[], now = NOW): string[] {
  return rankServices(storedFrom(records), lonely, { now, limit: 50 }).map((s) => s.name);
}

describe('past one-off events', () => {
  it('does not suggest an event whose date in the name or description is over', () => {
    const names = suggestedNames([
      oruk('Christmas Fair 2023', 'Stalls, raffle and mince pies at the village hall.'),
      oruk('Saturday 14th October 2023 coffee morning', 'Coffee, cake and a chat for everyone.'),
      oruk('Summer holiday club 2022', 'Games and crafts for the summer.'),
      oruk('Coffee morning', 'Join us for a coffee morning on Saturday 14th October 2023 at St Mary’s. All welcome.'),
      oruk('Autumn craft fair', 'Our craft fair is on 21/09/2024 from 10am. Come along!'),
    ]);
    expect(names).toEqual([]);
  });

  it('still suggests the same events before they happen, and on the day', () => {
    const records = [
      oruk('Christmas Fair 2024', 'Stalls, raffle and mince pies at the village hall.'),
      oruk('Coffee morning', 'Join us for a coffee morning on Wednesday 20th November 2024 at St Mary’s. All welcome.'),
      oruk('Winter concert', 'Our concert is on December 14, 2024. Tickets at the door.'),
    ];
    expect(suggestedNames(records).sort()).toEqual(['Christmas Fair 2024', 'Coffee morning', 'Winter concert']);
    // The cut-off is the clock passed in: a year later all three are over.
    expect(suggestedNames(records, new Date('2025-11-20T12:00:00Z'))).toEqual([]);
  });

  it('keeps anything that comes round again, or names a date only in passing', () => {
    const names = suggestedNames([
      oruk('Christmas Fair 2023', 'Our annual Christmas fair, every December.'),
      oruk('Christmas lunch club', 'Every Christmas since 2019 we have served lunch to anyone on their own.'),
      oruk('Village choir', 'Founded in 1998, we sing together and welcome new voices.'),
      oruk('Knit and natter', 'Since 2019 we have met at the library to knit and chat over a cuppa.'),
      oruk('Community hall', 'The hall was relaunched on 11 November 2011 with a party for the whole town, and is open to all groups.'),
      oruk('Summer fun day 2023', 'Our fun day is back! Next one planned for July 2025.'),
      oruk('Coffee morning', 'A coffee morning on Saturdays. Our first one was on 14th October 2023.'),
    ]);
    expect(names.sort()).toEqual(['Christmas Fair 2023', 'Christmas lunch club', 'Coffee morning', 'Community hall', 'Knit and natter', 'Summer fun day 2023', 'Village choir']);
  });

  it('drops none of the real North Lincolnshire directory (its events give dates without a year, which are not guessed)', () => {
    const services = storedFrom(JSON.parse(fs.readFileSync(NORTH_LINCS, 'utf8')) as Record<string, unknown>[], 'nl');
    const everything: MatchProfile = { text: '', categories: [], barriers: [], lang: 'en' };
    const shownAt = (now: string) => rankServices(services, everything, { now: new Date(now), limit: services.length }).map((s) => s.id).sort();
    expect(shownAt('2030-01-01T00:00:00Z')).toEqual(shownAt('2000-01-01T00:00:00Z'));
  });
});

describe('the directory after import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await startTestDatabase();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('neither suggests nor lists as a current activity an imported event that is over', async () => {
    await importServices(t.db, [oruk('Christmas Fair 2023', 'Stalls and a raffle.'), oruk('Lunch club', 'Lunch and a chat every Tuesday.')], { source: 'test' });
    const directory = new ServiceDirectory(t.db, { now: () => NOW });
    expect((await directory.activeServices()).map((s) => s.name)).toEqual(['Lunch club']);
    expect((await directory.suggest(lonely, { limit: 5 })).map((s) => s.name)).toEqual(['Lunch club']);
  });
});
