import { serialize, type Document } from 'bson';
import { Collection, type IndexSpec } from './collection';
import { invalidNamespace } from './errors';
import { encodePut, Journal, type RecoveryReport } from './journal';
import { keyOf } from './values';

const NOTHING_PENDING = Promise.resolve();

/**
 * The databases and collections, and the only place that changes them.
 * Every change is applied in memory synchronously (so a command sees a consistent state
 * and concurrent clients are serialised) and recorded in the journal; callers await
 * `durable()` before acknowledging.
 */
export class Engine {
  private readonly databases = new Map<string, Map<string, Collection>>();
  private journal?: Journal;
  private pendingWrites: Promise<void>[] = [];

  /** compactAfterRecords: journal records beyond twice the live documents before compaction pays off. */
  private constructor(private readonly compactAfterRecords: number) {}

  /** Opens a persistent engine over dbPath, or an in-memory one when dbPath is undefined. */
  static open(dbPath?: string, options: { compactAfterRecords?: number } = {}): { engine: Engine; recovery?: RecoveryReport } {
    const engine = new Engine(options.compactAfterRecords ?? 10_000);
    if (!dbPath) return { engine };
    const { journal, report } = Journal.open(dbPath, (record) => engine.replay(record));
    engine.journal = journal;
    return { engine, recovery: report };
  }

  databaseNames(): string[] {
    return [...this.databases.entries()].filter(([, colls]) => colls.size > 0).map(([name]) => name);
  }

  collections(database: string): Collection[] {
    return [...(this.databases.get(database)?.values() ?? [])];
  }

  collection(database: string, name: string): Collection | undefined {
    return this.databases.get(database)?.get(name);
  }

  /** The collection, created (and journalled) if it does not exist yet. */
  ensureCollection(database: string, name: string): Collection {
    const existing = this.collection(database, name);
    if (existing) return existing;
    validateNames(database, name);
    const created = this.createCollectionInMemory(database, name);
    this.record({ o: 'cc', d: database, c: name });
    return created;
  }

  /** encoded: the document's BSON from encodeForJournal, if the caller already made it. */
  insert(coll: Collection, doc: Document, encoded?: Uint8Array): void {
    coll.insert(doc);
    this.recordPut(coll, doc, encoded);
  }

  replace(coll: Collection, oldDoc: Document, newDoc: Document, encoded?: Uint8Array): void {
    coll.replace(oldDoc, newDoc);
    this.recordPut(coll, newDoc, encoded);
  }

  /**
   * The document's BSON when the journal will need it, so a size check can reuse it;
   * undefined in memory mode, or when it cannot be encoded (the caller measures it instead).
   */
  encodeForJournal(doc: Document): Uint8Array | undefined {
    if (!this.journal) return undefined;
    try {
      return serialize(doc);
    } catch {
      return undefined;
    }
  }

  remove(coll: Collection, doc: Document): void {
    coll.remove(doc);
    this.record({ o: 'del', d: coll.database, c: coll.name, id: doc._id });
  }

  createIndex(coll: Collection, spec: IndexSpec): void {
    coll.createIndex(spec);
    this.record({ o: 'ci', d: coll.database, c: coll.name, spec });
  }

  dropIndex(coll: Collection, name: string): void {
    coll.dropIndex(name);
    this.record({ o: 'di', d: coll.database, c: coll.name, name });
  }

  dropCollection(database: string, name: string): boolean {
    const existed = this.databases.get(database)?.delete(name) ?? false;
    if (existed) this.record({ o: 'dc', d: database, c: name });
    return existed;
  }

  dropDatabase(database: string): boolean {
    const existed = this.databases.delete(database);
    if (existed) this.record({ o: 'dd', d: database });
    return existed;
  }

  /** Resolves when every change made so far is on disk (at once in memory mode). */
  durable(): Promise<void> {
    const writes = this.pendingWrites;
    if (writes.length === 0) return NOTHING_PENDING; // most commands are reads
    this.pendingWrites = [];
    return Promise.all(writes).then(() => undefined);
  }

  /** Why the data on disk no longer follows this engine (its journal was deleted or replaced), if it does not. */
  storageLost(): string | undefined {
    return this.journal?.checkStillThere();
  }

  /** Compacts the journal when it holds much more than the live state. */
  async maybeCompact(): Promise<boolean> {
    if (!this.journal) return false;
    let live = 0;
    for (const colls of this.databases.values()) for (const c of colls.values()) live += c.docs.size + 2;
    if (this.journal.recordsSinceCompaction < 2 * live + this.compactAfterRecords) return false;
    await this.journal.compact(() => this.snapshot());
    return true;
  }

  async compact(): Promise<void> {
    if (this.journal) await this.journal.compact(() => this.snapshot());
  }

  async close(): Promise<void> {
    await this.durable();
    await this.journal?.close();
  }

  private *snapshot(): Iterable<Document> {
    for (const [database, colls] of this.databases) {
      for (const coll of colls.values()) {
        yield { o: 'cc', d: database, c: coll.name };
        for (const spec of coll.indexSpecs()) if (spec.name !== '_id_') yield { o: 'ci', d: database, c: coll.name, spec };
        for (const doc of coll.docs.values()) yield { o: 'put', d: database, c: coll.name, doc };
      }
    }
  }

  private record(record: Document): void {
    if (this.journal) this.pendingWrites.push(this.journal.append(record));
  }

  private recordPut(coll: Collection, doc: Document, encoded: Uint8Array | undefined): void {
    if (!this.journal) return;
    if (!encoded) return this.record({ o: 'put', d: coll.database, c: coll.name, doc });
    this.pendingWrites.push(this.journal.append(encodePut(coll.database, coll.name, encoded)));
  }

  private createCollectionInMemory(database: string, name: string): Collection {
    let colls = this.databases.get(database);
    if (!colls) this.databases.set(database, (colls = new Map()));
    const coll = new Collection(database, name);
    colls.set(name, coll);
    return coll;
  }

  /** Applies one journal record. Records hold whole documents, so replay is idempotent. */
  private replay(record: Document): void {
    const { o, d, c } = record as { o: string; d: string; c: string };
    const coll = () => this.collection(d, c) ?? this.createCollectionInMemory(d, c);
    switch (o) {
      case 'cc':
        coll();
        break;
      case 'put': {
        const target = coll();
        const doc = record.doc as Document;
        const old = target.docs.get(keyOf(doc._id));
        if (old) target.replace(old, doc);
        else target.insert(doc);
        break;
      }
      case 'del': {
        const target = this.collection(d, c);
        const old = target?.findById(record.id);
        if (target && old) target.remove(old);
        break;
      }
      case 'ci': {
        const target = coll();
        const spec = record.spec as IndexSpec;
        if (!target.hasIndex(spec.name)) target.createIndex(spec);
        break;
      }
      case 'di':
        this.collection(d, c)?.dropIndex(record.name as string);
        break;
      case 'dc':
        this.databases.get(d)?.delete(c);
        break;
      case 'dd':
        this.databases.delete(d);
        break;
      default:
        throw new Error(`unknown journal record '${o}'`);
    }
  }
}

function validateNames(database: string, collection: string): void {
  if (!database || /[/\\. "$]/.test(database) || database.length > 63) {
    throw invalidNamespace(`Invalid database name: '${database}'`);
  }
  if (!collection || collection.includes('$') || collection.startsWith('system.') || collection.includes('\0')) {
    throw invalidNamespace(`Invalid collection name: '${collection}'`);
  }
}
