import fs from 'node:fs';
import type { Place } from '../referrals/schema';
import { normaliseForMatching } from '../i18n/synonyms';
import type { StoredService } from './schema';

/**
 * Where a person is, roughly. Pluggable: the offline default works out postcode-district and town
 * centres from the directory's own located services; an operator can add a file of official centroids
 * (e.g. ONS postcode district centroids) or write their own Geocoder.
 */
export interface Point {
  lat: number;
  lng: number;
}

export interface Geocoder {
  locate(place: Place): Point | undefined;
}

const EARTH_RADIUS_MILES = 3958.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in miles (haversine). */
export function milesBetween(a: Point, b: Point): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The outward code of a UK postcode ("KX1 2DL" -> "KX1"), or undefined when it is not one. */
export function postcodeDistrict(postcode: string | undefined): string | undefined {
  const compact = postcode?.toUpperCase().replace(/\s+/g, '');
  const m = compact ? /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact) : null;
  return m ? m[1] : undefined;
}

const placeKey = (text: string) => normaliseForMatching(text);

class Centres {
  private readonly sums = new Map<string, { lat: number; lng: number; n: number }>();
  add(key: string, point: Point): void {
    const sum = this.sums.get(key) ?? { lat: 0, lng: 0, n: 0 };
    sum.lat += point.lat;
    sum.lng += point.lng;
    sum.n += 1;
    this.sums.set(key, sum);
  }
  get(key: string): Point | undefined {
    const sum = this.sums.get(key);
    return sum ? { lat: sum.lat / sum.n, lng: sum.lng / sum.n } : undefined;
  }
  get size(): number {
    return this.sums.size;
  }
}

/**
 * The offline default: a postcode district's centre is the mean of the coordinates of the directory's
 * services whose postcode is in it; a town's or village's centre is the mean of those whose address
 * names it. Good enough for "about 3 miles"; no postcode dataset needed.
 */
export class DirectoryGeocoder implements Geocoder {
  private readonly districts = new Centres();
  private readonly towns = new Centres();

  constructor(services: readonly StoredService[]) {
    for (const service of services) {
      for (const location of service.locations) {
        if (location.lat === undefined || location.lng === undefined) continue;
        const point = { lat: location.lat, lng: location.lng };
        const district = postcodeDistrict(location.postcode);
        if (district) this.districts.add(district, point);
        // Address parts after the street ("14 Tanners Row, Kestleford, Wendshire"): towns, villages, counties.
        for (const part of (location.address ?? '').split(',').slice(1)) {
          const key = placeKey(part);
          if (key && !/\d/.test(key)) this.towns.add(key, point);
        }
      }
    }
  }

  locate(place: Place): Point | undefined {
    if (place.kind === 'postcodeDistrict') return this.districts.get(place.value.toUpperCase());
    return this.towns.get(placeKey(place.value)) ?? this.districts.get(postcodeDistrict(place.value) ?? place.value.toUpperCase().trim());
  }
}

/**
 * Centroids from a CSV file of `district,lat,lng` lines (a header line and `#` comments are skipped),
 * e.g. ONS postcode district centroids. Point GEOCODER_CENTROIDS_FILE at such a file to use it before
 * the directory's own estimate (the config wiring lives with the app's configuration).
 */
export class CentroidFileGeocoder implements Geocoder {
  private readonly centres = new Map<string, Point>();

  constructor(csv: string) {
    for (const line of csv.split(/\r?\n/)) {
      const [name, lat, lng] = line.split(',').map((cell) => cell.trim());
      if (!name || name.startsWith('#') || lat === undefined || lng === undefined) continue;
      const point = { lat: Number(lat), lng: Number(lng) };
      if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng) || Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) continue;
      this.centres.set(postcodeDistrict(name) ?? placeKey(name), point);
    }
  }

  static fromFile(file: string): CentroidFileGeocoder {
    return new CentroidFileGeocoder(fs.readFileSync(file, 'utf8'));
  }

  get size(): number {
    return this.centres.size;
  }

  locate(place: Place): Point | undefined {
    if (place.kind === 'postcodeDistrict') return this.centres.get(place.value.toUpperCase());
    return this.centres.get(placeKey(place.value));
  }
}

/** Asks each geocoder in turn; the first answer wins (e.g. official centroids, then the directory's own). */
export class ChainGeocoder implements Geocoder {
  constructor(private readonly geocoders: readonly Geocoder[]) {}
  locate(place: Place): Point | undefined {
    for (const geocoder of this.geocoders) {
      const point = geocoder.locate(place);
      if (point) return point;
    }
    return undefined;
  }
}
