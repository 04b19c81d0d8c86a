import { CentroidFileGeocoder, ChainGeocoder, DirectoryGeocoder, milesBetween, postcodeDistrict } from '../../src/directory/geocode';
import { services } from '../fixtures/matching/services';

describe('geocoding', () => {
  it('measures distance in miles', () => {
    // One degree of latitude is about 69 miles.
    expect(milesBetween({ lat: 52, lng: -2 }, { lat: 53, lng: -2 })).toBeCloseTo(69.1, 0);
    expect(milesBetween({ lat: 52.3, lng: -2.45 }, { lat: 52.3, lng: -2.45 })).toBe(0);
  });

  it('reads the outward code of a postcode', () => {
    expect(postcodeDistrict('kx1 2dl')).toBe('KX1');
    expect(postcodeDistrict('CF10 1AA')).toBe('CF10');
    expect(postcodeDistrict('CF10')).toBe('CF10');
    expect(postcodeDistrict('not a postcode')).toBeUndefined();
  });

  it('finds district and town centres from the directory’s own located services', () => {
    const list = services(
      { id: 'a', name: 'A', postcode: 'KX1 1AA', lat: 52.3, lng: -2.4 },
      { id: 'b', name: 'B', postcode: 'KX1 2BB', lat: 52.4, lng: -2.5 },
      { id: 'c', name: 'C', postcode: 'KX5 3CR', lat: 52.2, lng: -2.6, city: 'Fennick' },
    );
    const geocoder = new DirectoryGeocoder(list);
    const kx1 = geocoder.locate({ kind: 'postcodeDistrict', value: 'KX1' })!;
    expect(kx1.lat).toBeCloseTo(52.35, 6);
    expect(kx1.lng).toBeCloseTo(-2.45, 6);
    expect(geocoder.locate({ kind: 'town', value: 'fennick' })).toEqual({ lat: 52.2, lng: -2.6 });
    expect(geocoder.locate({ kind: 'postcodeDistrict', value: 'KX9' })).toBeUndefined();
    expect(geocoder.locate({ kind: 'town', value: 'Nowhere' })).toBeUndefined();
  });

  it('reads a district,lat,lng centroid file and asks geocoders in turn', () => {
    const file = new CentroidFileGeocoder('district,lat,lng\n# ONS centroids\nKX9,52.5,-2.1\nbad,line\nKX8,200,0\n');
    expect(file.size).toBe(1);
    expect(file.locate({ kind: 'postcodeDistrict', value: 'KX9' })).toEqual({ lat: 52.5, lng: -2.1 });
    const own = new DirectoryGeocoder(services({ id: 'a', name: 'A', postcode: 'KX1 1AA', lat: 52.3, lng: -2.4 }));
    const chain = new ChainGeocoder([file, own]);
    expect(chain.locate({ kind: 'postcodeDistrict', value: 'KX9' })).toEqual({ lat: 52.5, lng: -2.1 });
    expect(chain.locate({ kind: 'postcodeDistrict', value: 'KX1' })).toEqual({ lat: 52.3, lng: -2.4 });
  });
});
