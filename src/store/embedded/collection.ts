import type { Document } from 'bson';
import { Query } from 'mingo';
import { badValue, CommandError, notSupported } from './errors';
import { indexValuesAt, isOperatorObject, isBsonValue, keyOf } from './values';

export interface IndexSpec {
  name: string;
  key: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
}

/** Validates an index spec from createIndexes; refuses index kinds outside the portable subset. */
export function parseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key as Document | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) throw badValue("an index needs a non-empty 'key'");
  for (const [field, direction] of Object.entries(key)) {
    if (direction !== 1 && direction !== -1) {
      throw notSupported(`The index type ${JSON.stringify(direction)} on '${field}' (only ascending/descending indexes are portable)`);
    }
  }
  if (raw.expireAfterSeconds !== undefined) throw notSupported('TTL indexes (expireAfterSeconds); expiry is an explicit job');
  for (const option of Object.keys(raw)) {
    if (!['key', 'name', 'unique', 'sparse', 'partialFilterExpression', 'v', 'background'].includes(option)) {
      throw notSupported(`The index option '${option}'`);
    }
  }
  const name = typeof raw.name === 'string' ? raw.name : Object.entries(key).map(([f, d]) => `${f}_${d}`).join('_');
  return {
    name,
    key: key as Record<string, 1 | -1>,
    ...(raw.unique ? { unique: true } : {}),
    ...(raw.sparse ? { sparse: true } : {}),
    ...(raw.partialFilterExpression ? { partialFilterExpression: raw.partialFilterExpression as Document } : {}),
  };
}

export function sameIndexSpec(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

class Index {
  /** index key -> ids (as keys) of documents holding it */
  readonly entries = new Map<string, Set<string>>();
  readonly fields: string[];
  private readonly partial?: Query;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    if (spec.partialFilterExpression) this.partial = new Query(spec.partialFilterExpression);
  }

  /** Every key this document holds in the index (several for array fields); none when sparse/partial excludes it. */
  keysFor(doc: Document): string[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((f) => indexValuesAt(doc, f));
    if (this.spec.sparse && perField.every((values) => values.length === 1 && values[0] === undefined)) return [];
    let keys = [''];
    for (const values of perField) {
      const next: string[] = [];
      for (const prefix of keys) for (const v of values) next.push(`${prefix}|${keyOf(v)}`);
      keys = next;
    }
    return [...new Set(keys)];
  }

  add(doc: Document, id: string): void {
    for (const key of this.keysFor(doc)) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(doc: Document, id: string): void {
    for (const key of this.keysFor(doc)) {
      const ids = this.entries.get(key);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.entries.delete(key);
    }
  }

  /** Whether a unique index already gives one of these keys to a document other than id. */
  heldByAnother(keys: string[], id: string): boolean {
    if (!this.spec.unique) return false;
    return keys.some((key) => [...(this.entries.get(key) ?? [])].some((other) => other !== id));
  }

  /** Moves id from the keys of its old version to those of its new one. */
  move(id: string, before: string[], after: string[]): void {
    if (before.length === after.length && before.every((key, i) => key === after[i])) return;
    const kept = new Set(after);
    for (const key of before) {
      if (kept.has(key)) continue;
      const ids = this.entries.get(key);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.entries.delete(key);
    }
    for (const key of after) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  /** The first key that another document already holds, if this index is unique. */
  conflict(doc: Document, id: string): string | undefined {
    if (!this.spec.unique) return undefined;
    for (const key of this.keysFor(doc)) {
      const ids = this.entries.get(key);
      if (ids && (ids.size > 1 || !ids.has(id))) return key;
    }
    return undefined;
  }
}

/**
 * One collection held in memory: documents in insertion order and the indexes over them.
 * Pure data structure: durability is the engine's job.
 */
export class Collection {
  readonly docs = new Map<string, Document>();
  private readonly indexes = new Map<string, Index>();

  constructor(
    readonly database: string,
    readonly name: string,
  ) {
    this.indexes.set('_id_', new Index({ name: '_id_', key: { _id: 1 } }));
  }

  get ns(): string {
    return `${this.database}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [...this.indexes.values()].map((i) => i.spec);
  }

  hasIndex(name: string): Index | undefined {
    return this.indexes.get(name);
  }

  createIndex(spec: IndexSpec): void {
    const index = new Index(spec);
    for (const [id, doc] of this.docs) {
      const clash = index.conflict(doc, id);
      if (clash !== undefined) throw this.duplicateKey(index, doc);
      index.add(doc, id);
    }
    this.indexes.set(spec.name, index);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  findById(id: unknown): Document | undefined {
    return this.docs.get(keyOf(id));
  }

  /** Inserts a document, enforcing every unique index first so nothing is half-applied. */
  insert(doc: Document): void {
    const id = keyOf(doc._id);
    if (this.docs.has(id)) throw this.duplicateKey(this.indexes.get('_id_')!, doc);
    for (const index of this.indexes.values()) {
      if (index.conflict(doc, id) !== undefined) throw this.duplicateKey(index, doc);
    }
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(doc, id);
  }

  /** Replaces a stored document by a new version with the same _id (position kept). */
  replace(oldDoc: Document, newDoc: Document): void {
    const id = keyOf(oldDoc._id);
    // Each index's keys are worked out once per version; unchanged keys (the usual case) are left in place.
    const changes = [...this.indexes.values()].map((index) => ({ index, before: index.keysFor(oldDoc), after: index.keysFor(newDoc) }));
    for (const { index, after } of changes) {
      if (index.heldByAnother(after, id)) throw this.duplicateKey(index, newDoc);
    }
    this.docs.set(id, newDoc);
    for (const { index, before, after } of changes) index.move(id, before, after);
  }

  remove(doc: Document): void {
    const id = keyOf(doc._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes.values()) index.remove(doc, id);
  }

  /**
   * Documents that might match the filter, using an index when the filter fixes every field
   * of one by equality (or $in); the caller still tests each candidate with the full filter.
   */
  candidates(filter: Document | undefined): Iterable<Document> {
    if (!filter) return this.docs.values();
    let best: Set<string> | undefined;
    for (const index of this.indexes.values()) {
      if (index.spec.sparse || index.spec.partialFilterExpression) continue;
      const ids = this.lookup(index, filter);
      if (ids && (!best || ids.size < best.size)) best = ids;
      if (best && best.size <= 1) break;
    }
    if (!best) return this.docs.values();
    const found: Document[] = [];
    // Keep natural (insertion) order for small results by sorting on position only when needed.
    for (const id of best) {
      const doc = this.docs.get(id);
      if (doc) found.push(doc);
    }
    return found.length > 1 ? this.inNaturalOrder(found) : found;
  }

  private inNaturalOrder(found: Document[]): Document[] {
    if (found.length * 8 < this.docs.size) {
      const position = new Map<Document, number>();
      let i = 0;
      for (const doc of this.docs.values()) {
        position.set(doc, i++);
        if (position.size === this.docs.size) break;
      }
      return found.sort((a, b) => position.get(a)! - position.get(b)!);
    }
    const wanted = new Set(found);
    return [...this.docs.values()].filter((d) => wanted.has(d));
  }

  private lookup(index: Index, filter: Document): Set<string> | undefined {
    let keys = [''];
    for (const field of index.fields) {
      const values = equalityValues(filter[field]);
      if (!values) return undefined;
      const next: string[] = [];
      for (const prefix of keys) for (const v of values) next.push(`${prefix}|${keyOf(v)}`);
      keys = next;
      if (keys.length > 1000) return undefined;
    }
    const ids = new Set<string>();
    for (const key of keys) for (const id of index.entries.get(key) ?? []) ids.add(id);
    return ids;
  }

  private duplicateKey(index: Index, doc: Document): CommandError {
    const keyPattern: Document = {};
    const keyValue: Document = {};
    for (const field of index.fields) {
      keyPattern[field] = index.spec.key[field];
      const value = indexValuesAt(doc, field)[0];
      keyValue[field] = value === undefined ? null : value;
    }
    const shown = Object.entries(keyValue)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ');
    return new CommandError(
      11000,
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${index.spec.name} dup key: { ${shown} }`,
      { keyPattern, keyValue },
    );
  }
}

/** Scalar values a filter condition pins a field to, if it is a plain equality or $in; otherwise undefined. */
function equalityValues(condition: unknown): unknown[] | undefined {
  if (condition === undefined) return undefined;
  if (isOperatorObject(condition)) {
    const ops = Object.keys(condition);
    if (ops.length !== 1) return undefined;
    if (ops[0] === '$eq') return isScalar(condition.$eq) ? [condition.$eq] : undefined;
    if (ops[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isScalar)) return condition.$in;
    return undefined;
  }
  return isScalar(condition) ? [condition] : undefined;
}

function isScalar(value: unknown): boolean {
  if (value === null || value === undefined) return false; // null also matches missing fields: scan instead
  if (typeof value !== 'object') return true;
  return !Array.isArray(value) && isBsonValue(value) && !(value instanceof RegExp) && (value as { _bsontype?: string })._bsontype !== 'BSONRegExp';
}
