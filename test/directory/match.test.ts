import { rankServices, type Reason } from '../../src/directory/match';
import { DirectoryGeocoder } from '../../src/directory/geocode';
import type { MatchProfile } from '../../src/directory/profile';
import { orukRecord, services, storedFrom } from '../fixtures/matching/services';

const NOW = new Date('2026-11-24T12:00:00Z');

function profile(overrides: Partial<MatchProfile> = {}): MatchProfile {
  return { text: '', categories: [{ category: 'walking', from: 'interest' }], barriers: [], lang: 'en', ...overrides };
}

const ids = (list: { id: string }[]) => list.map((s) => s.id);
const kinds = (reasons: Reason[]) => reasons.map((r) => r.kind);

describe('rankServices', () => {
  it('ranks services in the wanted category first and says which category', () => {
    const list = services(
      { id: 'choir', name: 'Choir', categories: ['music_singing'] },
      { id: 'walk', name: 'Riverside Walk', categories: ['walking', 'physical_activity'] },
      { id: 'knit', name: 'Knit Club', categories: ['arts_crafts'] },
    );
    const top = rankServices(list, profile(), { now: NOW });
    expect(top[0].id).toBe('test:walk');
    expect(top[0].reasons[0]).toEqual({ kind: 'category', category: 'walking', from: 'interest' });
    expect(top[0].categories).toEqual(['walking', 'physical_activity']);
    expect(top[0].service.name).toBe('Riverside Walk');
  });

  it('never suggests a paid service when cost is a barrier; unknown cost ranks below free', () => {
    const list = services(
      { id: 'paid', name: 'Paid Walk', categories: ['walking'], cost: 'paid', fees: '£5 a session' },
      { id: 'unknown', name: 'Walk of Unknown Cost', categories: ['walking'] },
      { id: 'free', name: 'Free Walk', categories: ['walking'], cost: 'free' },
    );
    const withBarrier = rankServices(list, profile({ barriers: ['cost'] }), { now: NOW, limit: 10 });
    expect(ids(withBarrier)).toEqual(['test:free', 'test:unknown']);
    expect(kinds(withBarrier[0].reasons)).toContain('free');
    // Without the barrier the paid one may come up.
    expect(ids(rankServices(list, profile(), { now: NOW, limit: 10 }))).toContain('test:paid');
  });

  it('treats "pay what you can" as affordable', () => {
    const list = services({ id: 'pwyc', name: 'Supper', categories: ['food'], cost: 'paid', fees: 'Pay what you can' });
    expect(ids(rankServices(list, profile({ categories: [{ category: 'food', from: 'text' }], barriers: ['cost'] }), { now: NOW }))).toEqual(['test:pwyc']);
  });

  it('never suggests a venue known not to be step-free for an access barrier, unless it is by phone or online only', () => {
    const list = services(
      { id: 'stairs', name: 'Upstairs Club', categories: ['loneliness'], access: ['not_step_free'], delivery: ['in_person'] },
      { id: 'stairsText', name: 'Attic Club', categories: ['loneliness'], accessibilityText: 'Stairs only, no lift.' },
      { id: 'phone', name: 'Phone Circle', categories: ['loneliness'], access: ['not_step_free'], delivery: ['phone'] },
      { id: 'level', name: 'Ground Floor Cafe', categories: ['loneliness'], access: ['step_free'], delivery: ['in_person'] },
    );
    const top = rankServices(list, profile({ categories: [{ category: 'loneliness', from: 'text' }], barriers: ['access'] }), { now: NOW, limit: 10 });
    expect(ids(top).sort()).toEqual(['test:level', 'test:phone']);
    expect(kinds(top.find((s) => s.id === 'test:level')!.reasons)).toContain('stepFree');
    expect(kinds(top.find((s) => s.id === 'test:phone')!.reasons)).toContain('phone');
  });

  it('prefers one-to-one and small groups when groups feel hard', () => {
    const list = services(
      { id: 'big', name: 'Big Art Class', categories: ['arts_crafts'], groupSize: 'large_group' },
      { id: 'small', name: 'Small Art Group', categories: ['arts_crafts'], groupSize: 'small_group' },
      { id: 'one', name: 'Art Mentor', categories: ['arts_crafts'], groupSize: 'one_to_one' },
    );
    const top = rankServices(list, profile({ categories: [{ category: 'arts_crafts', from: 'interest' }], barriers: ['groupAnxiety'] }), { now: NOW });
    expect(ids(top)).toEqual(['test:one', 'test:small', 'test:big']);
    expect(kinds(top[0].reasons)).toContain('oneToOne');
    expect(kinds(top[1].reasons)).toContain('smallGroup');
  });

  it('with a transport barrier prefers near or online services, and does not count distance against online ones', () => {
    const list = services(
      { id: 'far', name: 'Far Walk', categories: ['walking'], lat: 52.42, lng: -2.45, postcode: 'KX6 1AA', city: 'Farby' },
      { id: 'near', name: 'Near Walk', categories: ['walking'], lat: 52.301, lng: -2.45, postcode: 'KX1 1AB' },
      { id: 'online', name: 'Walking Chat', categories: ['walking'], delivery: ['online'], lat: 52.42, lng: -2.45, postcode: 'KX6 1AB', city: 'Farby' },
    );
    const geocoder = new DirectoryGeocoder(list);
    const top = rankServices(list, profile({ barriers: ['transport'], place: { kind: 'postcodeDistrict', value: 'KX1' } }), { now: NOW, geocoder });
    expect(top[2].id).toBe('test:far');
    const near = top.find((s) => s.id === 'test:near')!;
    expect(near.reasons.find((r) => r.kind === 'distance')).toEqual({ kind: 'distance', miles: 0 });
    const online = top.find((s) => s.id === 'test:online')!;
    expect(kinds(online.reasons)).toContain('online');
    expect(kinds(online.reasons)).not.toContain('distance');
  });

  it('ranks services that fit the days and times above those that do not, and gives the fitting session', () => {
    const list = services(
      { id: 'eve', name: 'Evening Walk', categories: ['walking'], byday: 'TU', opensAt: '19:00' },
      { id: 'morn', name: 'Morning Walk', categories: ['walking'], byday: 'WE', opensAt: '10:00', closesAt: '11:30' },
      { id: 'sat', name: 'Saturday Walk', categories: ['walking'], byday: 'SA', opensAt: '10:00' },
    );
    const top = rankServices(list, profile({ days: 'weekdays', times: ['mornings'] }), { now: NOW });
    expect(top[0].id).toBe('test:morn');
    expect(top[0].reasons).toContainEqual({ kind: 'when', days: ['WE'], opensAt: '10:00' });
    const weekend = rankServices(list, profile({ days: 'weekends' }), { now: NOW });
    expect(weekend[0].id).toBe('test:sat');
  });

  it('says when a session is monthly, counting the 1st and 3rd Tuesday as twice a month', () => {
    const [record] = [orukRecord({ id: 'm', name: 'Bereavement Cafe', categories: ['bereavement'] })];
    record.schedules = [
      { freq: 'MONTHLY', byday: '1TU', opens_at: '14:00' },
      { freq: 'MONTHLY', byday: '3TU', opens_at: '14:00' },
    ];
    const [top] = rankServices(storedFrom([record]), profile({ categories: [{ category: 'bereavement', from: 'text' }] }), { now: NOW });
    expect(top.reasons).toContainEqual({ kind: 'when', days: ['TU'], opensAt: '14:00', perMonth: 2 });
  });

  it('gives a small penalty to entries not assured for over a year', () => {
    const list = services(
      { id: 'a-old', name: 'Old Walk', categories: ['walking'], assuredDate: '2024-06-01' },
      { id: 'b-new', name: 'New Walk', categories: ['walking'], assuredDate: '2026-09-01' },
    );
    expect(ids(rankServices(list, profile(), { now: NOW }))).toEqual(['test:b-new', 'test:a-old']);
  });

  it('varies the top three: not three of the same activity when others fit', () => {
    const list = services(
      { id: 'w1', name: 'Walk One', categories: ['walking', 'loneliness'], openActive: 'walking' },
      { id: 'w2', name: 'Walk Two', categories: ['walking', 'loneliness'], openActive: 'walking' },
      { id: 'w3', name: 'Walk Three', categories: ['walking', 'loneliness'], openActive: 'walking' },
      { id: 'g1', name: 'Garden Group', categories: ['gardening_nature', 'loneliness'] },
      { id: 'c1', name: 'Coffee Morning', categories: ['loneliness'] },
    );
    const top = rankServices(list, profile({ categories: [{ category: 'loneliness', from: 'text' }, { category: 'walking', from: 'interest' }] }), { now: NOW });
    expect(top).toHaveLength(3);
    expect(top.filter((s) => s.name.startsWith('Walk')).length).toBeLessThan(3);
  });

  it('falls back to text relevance and keyword categories when the directory has no category tags', () => {
    const list = services(
      { id: 'x1', name: 'Bingo Night', description: 'Numbers and prizes every week.' },
      { id: 'x2', name: 'Allotment Society', description: 'Grow your own vegetables with friendly gardeners.' },
      { id: 'x3', name: 'Chess Club', description: 'Play chess in the library.' },
    );
    const top = rankServices(list, profile({ text: 'I love gardening and growing vegetables', categories: [{ category: 'gardening_nature', from: 'text' }] }), { now: NOW });
    expect(top[0].id).toBe('test:x2');
    expect(top[0].categories).toContain('gardening_nature');
  });

  it('suggests services in a language when language is a barrier, preferring one the person names', () => {
    const list = services(
      { id: 'en', name: 'Coffee Morning', categories: ['loneliness'] },
      { id: 'ur', name: 'Urdu Coffee Morning', categories: ['loneliness'], languages: ['English', 'Urdu'] },
      { id: 'pl', name: 'Polish Social', categories: ['loneliness'], languages: ['English', 'Polish'] },
    );
    const top = rankServices(list, profile({ text: 'I am Polish', categories: [{ category: 'loneliness', from: 'text' }], barriers: ['language'] }), { now: NOW });
    expect(ids(top)).toEqual(['test:pl', 'test:ur', 'test:en']);
    expect(top[0].reasons).toContainEqual({ kind: 'language', language: 'Polish' });
  });

  it('orders reasons: category, barrier facts, when, distance', () => {
    const list = services({ id: 'w', name: 'Walk', categories: ['walking'], cost: 'free', access: ['step_free'], byday: 'TU', opensAt: '10:00', postcode: 'KX1 2AA' });
    const geocoder = new DirectoryGeocoder(list);
    const [top] = rankServices(list, profile({ barriers: ['access'], place: { kind: 'postcodeDistrict', value: 'KX1' } }), { now: NOW, geocoder });
    expect(kinds(top.reasons)).toEqual(['category', 'stepFree', 'free', 'when', 'distance']);
  });

  it('honours limit, exclude and inactive status', () => {
    const list = services(
      { id: 'a', name: 'Walk A', categories: ['walking'] },
      { id: 'b', name: 'Walk B', categories: ['walking'] },
      { id: 'c', name: 'Walk C', categories: ['walking'], status: 'inactive' },
    );
    expect(ids(rankServices(list, profile(), { now: NOW, limit: 5, exclude: ['test:a'] }))).toEqual(['test:b']);
    expect(rankServices(list, profile(), { now: NOW, limit: 0 })).toEqual([]);
  });

  it('sees a directory array changed in place between calls', () => {
    const list = services({ id: 'a', name: 'Walk A', categories: ['walking'] }, { id: 'b', name: 'Choir', categories: ['music_singing'] });
    expect(rankServices(list, profile(), { now: NOW })[0].id).toBe('test:a');
    [list[1]] = services({ id: 'c', name: 'Nordic Walk', description: 'A brisk walk', categories: ['walking'], cost: 'free' });
    const again = rankServices(list, profile({ text: 'a brisk nordic walk' }), { now: NOW });
    expect(again[0].id).toBe('test:c');
  });

  it('is deterministic: same result for the same input in any order, ties broken by id', () => {
    const list = services(
      { id: 'b', name: 'Walk B', categories: ['walking'] },
      { id: 'a', name: 'Walk A', categories: ['walking'] },
      { id: 'c', name: 'Walk C', categories: ['walking'] },
    );
    const first = rankServices(list, profile(), { now: NOW });
    expect(ids(first)).toEqual(['test:a', 'test:b', 'test:c']);
    expect(rankServices([...list].reverse(), profile(), { now: NOW })).toEqual(first);
  });
});
