import { Binary, Decimal128, EJSON, Long, ObjectId, Timestamp, type Document } from 'bson';

/**
 * A string that is equal for two values exactly when MongoDB treats them as equal
 * for index keys: numbers compare by value whatever their BSON type, ObjectIds by hex,
 * dates by time, missing and null alike.
 */
export function keyOf(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  if (typeof value === 'number') return `n${value === 0 ? 0 : value}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'boolean') return value ? 'bt' : 'bf';
  if (value instanceof ObjectId) return `o${value.toHexString()}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof Long) return `n${value.toNumber()}`;
  if (value instanceof Decimal128) return `n${Number(value.toString())}`;
  if (value instanceof Binary || value instanceof Timestamp) return `x${EJSON.stringify(value, { relaxed: false })}`;
  if (Array.isArray(value)) return `a[${value.map(keyOf).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Document)
      .map(([k, v]) => `${JSON.stringify(k)}:${keyOf(v)}`)
      .join(',')}}`;
  }
  return `?${String(value)}`;
}

/**
 * keyOf(a) === keyOf(b), without building the strings for whole documents: arrays and
 * documents compare element by element (documents in field order), everything else by keyOf.
 */
export function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  const aNode = isKeyNode(a);
  if (aNode !== isKeyNode(b)) return false;
  if (!aNode) return keyOf(a) === keyOf(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameKey(item, b[i]));
  }
  const aKeys = Object.keys(a as Document);
  const bKeys = Object.keys(b as Document);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k, i) => k === bKeys[i] && sameKey((a as Document)[k], (b as Document)[k]));
}

/** Values keyOf spells out member by member: arrays and objects outside its scalar cases. */
function isKeyNode(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  return !(
    value instanceof ObjectId ||
    value instanceof Date ||
    value instanceof Long ||
    value instanceof Decimal128 ||
    value instanceof Binary ||
    value instanceof Timestamp
  );
}

/** Values a multikey index holds for one path: every array element, or the value itself. */
export function indexValuesAt(doc: Document, path: string): unknown[] {
  const values: unknown[] = [];
  collect(doc, path.split('.'), 0, values);
  return values.length > 0 ? values : [undefined];
}

function collect(node: unknown, parts: string[], at: number, out: unknown[]): void {
  if (at === parts.length) {
    if (Array.isArray(node)) {
      if (node.length === 0) out.push(undefined);
      else out.push(...node);
    } else out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) collect(item, parts, at, out);
    return;
  }
  if (node === null || typeof node !== 'object' || isBsonValue(node)) return;
  const child = (node as Document)[parts[at]];
  if (child === undefined) return;
  collect(child, parts, at + 1, out);
}

/** True for BSON value classes (ObjectId, Date, Binary...) that must not be walked or cloned as plain objects. */
export function isBsonValue(value: object): boolean {
  return value instanceof Date || '_bsontype' in value;
}

/**
 * Deep copy of plain objects and arrays; BSON values are immutable in practice and shared.
 * (structuredClone would strip the BSON classes' prototypes.)
 */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneDocument(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isBsonValue(value)) return value;
  const copy: Document = {};
  for (const [k, v] of Object.entries(value as Document)) copy[k] = cloneDocument(v);
  return copy as T;
}

export function isOperatorObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isBsonValue(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}
