import { ServiceDirectory } from '../../src/directory/directory';
import { importServices, servicesCollection } from '../../src/directory/import';
import { loadSampleDirectoryIfEmpty } from '../../src/directory/sample';
import type { MatchProfile } from '../../src/directory/profile';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { orukRecord } from '../fixtures/matching/services';

const walker: MatchProfile = {
  text: 'I would like a walk with other people',
  categories: [{ category: 'walking', from: 'interest' }],
  barriers: ['cost'],
  place: { kind: 'postcodeDistrict', value: 'KX1' },
  lang: 'en',
};

describe('ServiceDirectory', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await startTestDatabase();
  }, 60_000);
  afterEach(async () => {
    await t.stop();
  });

  it('suggests active services from the database with reasons, distance from the directory’s own centroids', async () => {
    await loadSampleDirectoryIfEmpty(t.db, () => undefined);
    const directory = new ServiceDirectory(t.db, { now: () => new Date('2026-11-24T12:00:00Z') });
    const suggestions = await directory.suggest(walker);
    expect(suggestions).toHaveLength(3);
    for (const s of suggestions) {
      expect(s.categories).toContain('walking');
      expect(s.reasons[0]).toEqual({ kind: 'category', category: 'walking', from: 'interest' });
      expect(s.reasons.map((r) => r.kind)).toContain('free');
    }
    expect(suggestions.some((s) => s.reasons.some((r) => r.kind === 'distance'))).toBe(true);
    const more = await directory.suggest(walker, { limit: 2, exclude: suggestions.map((s) => s.id) });
    expect(more).toHaveLength(2);
    expect(more.map((s) => s.id).filter((id) => suggestions.some((s) => s.id === id))).toEqual([]);
  });

  it('keeps services in memory for cacheMs, then reloads', async () => {
    let now = new Date('2026-11-24T12:00:00Z');
    const directory = new ServiceDirectory(t.db, { now: () => now, cacheMs: 60_000 });
    await importServices(t.db, [orukRecord({ id: 'w1', name: 'First Walk', categories: ['walking'], cost: 'free' })], { source: 'test' });
    expect((await directory.suggest(walker)).map((s) => s.name)).toEqual(['First Walk']);
    await importServices(t.db, [orukRecord({ id: 'w2', name: 'Second Walk', categories: ['walking'], cost: 'free' })], { source: 'test' });
    expect((await directory.suggest(walker)).map((s) => s.name)).toEqual(['First Walk']);
    const firstObject = (await directory.activeServices())[0];
    now = new Date(now.getTime() + 61_000);
    expect((await directory.suggest(walker)).map((s) => s.name).sort()).toEqual(['First Walk', 'Second Walk']);
    // An unchanged service is the same object after a reload (its derived facts are reused).
    expect((await directory.activeServices()).find((s) => s._id === firstObject._id)).toBe(firstObject);
    await importServices(t.db, [orukRecord({ id: 'w1', name: 'First Walk, renamed', categories: ['walking'], cost: 'free' })], { source: 'test' });
    now = new Date(now.getTime() + 61_000);
    expect((await directory.suggest(walker)).map((s) => s.name).sort()).toEqual(['First Walk, renamed', 'Second Walk']);
  });

  it('never suggests inactive services, and finds services by id in the order asked', async () => {
    await importServices(
      t.db,
      [orukRecord({ id: 'a', name: 'Active Walk', categories: ['walking'], cost: 'free' }), orukRecord({ id: 'b', name: 'Closed Walk', categories: ['walking'], cost: 'free', status: 'inactive' })],
      { source: 'test' },
    );
    const directory = new ServiceDirectory(t.db);
    expect((await directory.suggest(walker)).map((s) => s.id)).toEqual(['test:a']);
    expect((await directory.byIds(['test:b', 'missing', 'test:a'])).map((s) => s.name)).toEqual(['Closed Walk', 'Active Walk']);
    expect(await directory.byIds([])).toEqual([]);
    expect(await servicesCollection(t.db).countDocuments()).toBe(2);
  });
});
