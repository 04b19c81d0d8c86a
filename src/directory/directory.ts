import type { Db } from 'mongodb';
import { ChainGeocoder, DirectoryGeocoder, type Geocoder } from './geocode';
import { servicesCollection } from './import';
import { rankServices, type Suggestion } from './match';
import type { MatchProfile } from './profile';
import { isPastOneOffEvent } from './oneOffEvents';
import { readStoredService, type StoredService } from './schema';
import { serviceFacts } from './serviceFacts';

/**
 * The DB-facing side of matching: reads active services (kept in memory briefly, so a busy bot does
 * not re-read the directory on every suggestion) and ranks them. The directory's own centroid
 * geocoder is always there as a fallback behind any geocoder an operator configures.
 */
export interface ServiceDirectoryOptions {
  geocoder?: Geocoder;
  now?: () => Date;
  /** How long loaded services are reused before the next suggestion reloads them (default 60 s). */
  cacheMs?: number;
}

export const DEFAULT_DIRECTORY_CACHE_MS = 60_000;

interface Loaded {
  services: StoredService[];
  geocoder: Geocoder;
  loadedAt: number;
}

export class ServiceDirectory {
  private loaded?: Loaded;
  private loading?: Promise<Loaded>;

  constructor(
    private readonly db: Db,
    private readonly options: ServiceDirectoryOptions = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async current(): Promise<Loaded> {
    const cacheMs = this.options.cacheMs ?? DEFAULT_DIRECTORY_CACHE_MS;
    const nowMs = this.now().getTime();
    if (this.loaded && nowMs - this.loaded.loadedAt < cacheMs) return this.loaded;
    // One load at a time: concurrent suggestions share it.
    this.loading ??= this.load(nowMs).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(nowMs: number): Promise<Loaded> {
    const docs = await servicesCollection(this.db).find({ status: 'active' }).toArray();
    // An unchanged service keeps its object, so the facts derived from it last time are reused (a 10k
    // directory takes most of a second to derive from scratch).
    const previous = new Map((this.loaded?.services ?? []).map((s) => [s._id, s]));
    const services = docs
      .map((doc) => {
        const before = previous.get(String(doc._id));
        return before && before.contentHash === doc.contentHash ? before : readStoredService(doc);
      })
      .filter((s): s is StoredService => s !== undefined);
    const own = new DirectoryGeocoder(services);
    const geocoder = this.options.geocoder ? new ChainGeocoder([this.options.geocoder, own]) : own;
    this.loaded = { services, geocoder, loadedAt: nowMs };
    return this.loaded;
  }

  /** Active services ranked for the profile (services cached in memory briefly; reload after cacheMs). */
  async suggest(profile: MatchProfile, options: { limit?: number; exclude?: readonly string[] } = {}): Promise<Suggestion[]> {
    const { services, geocoder } = await this.current();
    return rankServices(services, profile, { ...options, geocoder, now: this.now() });
  }

  /** The active services as last loaded (the same cache suggest uses), without one-off events already over. */
  async activeServices(): Promise<StoredService[]> {
    const nowMs = this.now().getTime();
    return (await this.current()).services.filter((service) => !isPastOneOffEvent(serviceFacts(service).oneOffEndsMs, nowMs));
  }

  /** Stored services by id, in the order asked (ids not found are left out). */
  async byIds(ids: readonly string[]): Promise<StoredService[]> {
    if (ids.length === 0) return [];
    const docs = await servicesCollection(this.db)
      .find({ _id: { $in: [...ids] } })
      .toArray();
    const byId = new Map<string, StoredService>();
    for (const doc of docs) {
      const service = readStoredService(doc);
      if (service) byId.set(service._id, service);
    }
    return ids.map((id) => byId.get(id)).filter((s): s is StoredService => s !== undefined);
  }
}
