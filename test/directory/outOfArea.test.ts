import fs from 'node:fs';
import path from 'node:path';
import type { Geocoder } from '../../src/directory/geocode';
import { DirectoryGeocoder } from '../../src/directory/geocode';
import { rankServices, suggestionsAreNear } from '../../src/directory/match';
import type { MatchProfile } from '../../src/directory/profile';
import { translator } from '../../src/i18n';
import { services, storedFrom } from '../fixtures/matching/services';

/**
 * Someone outside the directory's area (a London postcode, a North Lincolnshire directory): they are
 * never told "near you", and when nothing fits what they said they get nothing rather than three
 * arbitrary things.
 */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');
const london: MatchProfile['place'] = { kind: 'postcodeDistrict', value: 'SW1A' };
const profile = (text: string, categories: MatchProfile['categories'], place: MatchProfile['place'] = london): MatchProfile => ({ text, categories, barriers: [], lang: 'en', place });

describe('out of area and nothing that fits', () => {
  const northLincs = storedFrom(JSON.parse(fs.readFileSync(NORTH_LINCS, 'utf8')) as Record<string, unknown>[], 'nl');
  const t = translator('en');
  const intro = (near: boolean) => t(near ? 'suggestions.intro' : 'suggestions.introNotNear');

  it('does not say "near you" to a London postcode with a North Lincolnshire directory', () => {
    const shown = rankServices(northLincs, profile('i love singing', [{ category: 'music_singing', from: 'text' }]), { geocoder: new DirectoryGeocoder(northLincs) });
    expect(shown.length).toBeGreaterThan(0);
    expect(suggestionsAreNear(shown)).toBe(false);
    expect(intro(suggestionsAreNear(shown))).toBe('Here are some things that might help. A link worker can talk them through with you.');
  });

  it('offers nothing rather than three arbitrary things with no reason when nothing fits what they said', () => {
    const shown = rankServices(northLincs, profile('i want to go scuba diving', []), { geocoder: new DirectoryGeocoder(northLincs) });
    expect(shown).toEqual([]);
    expect(t('suggestions.noneMatch')).toBe("I couldn't find anything here that fits what you told me. A link worker will help you look.");
  });

  describe('with a geocoder that knows where the person is', () => {
    const near = { lat: 53.59, lng: -0.65 };
    const far = { lat: 51.501, lng: -0.142 };
    const at = (point: { lat: number; lng: number }): Geocoder => ({ locate: () => point });
    const directory = services(
      { id: 'choir', name: 'Community Choir', categories: ['music_singing'], lat: near.lat, lng: near.lng },
      { id: 'ukulele', name: 'Ukulele Group', categories: ['music_singing'], lat: near.lat + 0.01, lng: near.lng },
      { id: 'online-choir', name: 'Online Choir', categories: ['music_singing'], delivery: ['online'] },
    );
    const singing = profile('i love singing', [{ category: 'music_singing', from: 'text' }]);

    it('says "near you" when every place is close', () => {
      const shown = rankServices(directory, singing, { geocoder: at(near) });
      expect(shown).toHaveLength(3);
      expect(suggestionsAreNear(shown)).toBe(true);
      expect(intro(true)).toContain('near you');
    });

    it('never suggests a place 150 miles away, and does not call the online one "near you" alone', () => {
      const shown = rankServices(directory, singing, { geocoder: at(far) });
      expect(shown.map((s) => s.id)).toEqual(['test:online-choir']);
      expect(suggestionsAreNear(shown)).toBe(false);
    });
  });

  it('keeps a service that fits the person\'s second or third need, not only their first', () => {
    const directory = services(
      { id: 'grief', name: 'Bereavement Café', categories: ['bereavement'], delivery: ['online'] },
      { id: 'befriend', name: 'Home Visiting Befriends', categories: ['loneliness'], delivery: ['online'] },
      { id: 'golf', name: 'Golf Club', categories: ['physical_activity'], delivery: ['online'] },
    );
    const widow = profile('', [
      { category: 'bereavement', from: 'text' },
      { category: 'befriending', from: 'text' },
      { category: 'loneliness', from: 'text' },
    ]);
    expect(rankServices(directory, widow).map((s) => s.id)).toEqual(['test:grief', 'test:befriend']);
  });
});
