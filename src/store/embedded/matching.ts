import type { Document } from 'bson';
import { find as mingoFind } from 'mingo';
import { Context } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import { isOperatorObject } from './values';

/**
 * One operator context for filters, built once. mingo's own entry points start from a context
 * holding every operator table (expressions, accumulators, ...) and copy all of it per query,
 * which was most of the server's CPU. Filters only look up query operators (subset.ts refuses
 * $expr and $where before a filter gets here), so a context with just those behaves the same.
 */
const QUERY_OPTIONS = { context: Context.init({ query: queryOperators }) };

export type Predicate = (doc: Document) => boolean;

/** A test for one document against a filter, as mingo's Query would answer it. */
export function compileFilter(filter: Document | undefined): Predicate {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const simple = stringEqualities(filter);
  if (!simple) return mingoPredicate(filter);
  let fallback: Predicate | undefined;
  return (doc) => {
    const answer = matchStrings(doc, simple);
    if (answer !== undefined) return answer;
    fallback ??= mingoPredicate(filter);
    return fallback(doc);
  };
}

function mingoPredicate(filter: Document): Predicate {
  const query = new Query(filter, QUERY_OPTIONS);
  return (doc) => query.test(doc);
}

/** Sorts documents with mingo's ordering (no filter, so the small context is enough). */
export function sortDocuments(docs: Document[], sort: Document): Document[] {
  return new Query({}, QUERY_OPTIONS).find(docs).sort(sort as Record<string, 1 | -1>).all() as Document[];
}

/** Projects documents as mingo does; plain include/exclude flags need no operators, so they skip the full context. */
export function projectDocuments(docs: Document[], projection: Document): Document[] {
  const inclusion = plainInclusion(projection);
  if (inclusion) return docs.map((doc) => includeFields(doc, inclusion));
  const flagsOnly = Object.values(projection).every((v) => typeof v === 'number' || typeof v === 'boolean');
  if (flagsOnly) return new Query({}, QUERY_OPTIONS).find(docs, projection).all() as Document[];
  return mingoFind(docs, {}, projection).all() as Document[];
}

interface PlainInclusion {
  /** In mingo's order: sorted. */
  fields: string[];
  keepId: boolean;
}

/**
 * A projection that only includes plain top-level fields ({status: 1}, optionally _id: 0),
 * or undefined for anything else (left to mingo).
 */
function plainInclusion(projection: Document): PlainInclusion | undefined {
  const fields: string[] = [];
  let keepId = true;
  for (const [field, flag] of Object.entries(projection)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field) || field in Object.prototype) return undefined;
    if (field === '_id' && (flag === 0 || flag === false)) keepId = false;
    else if (flag === 1 || flag === true) fields.push(field);
    else return undefined;
  }
  if (!fields.some((field) => field !== '_id')) return undefined;
  return { fields: fields.sort(), keepId };
}

/** What mingo's $project gives for a plain inclusion: the fields present, sorted, then _id unless excluded or already in. */
function includeFields(doc: Document, { fields, keepId }: PlainInclusion): Document {
  const out: Document = {};
  for (const field of fields) if (hasOwn(doc, field) && doc[field] !== undefined) out[field] = doc[field];
  if (keepId && !hasOwn(out, '_id') && hasOwn(doc, '_id')) out._id = doc._id;
  return out;
}

function hasOwn(doc: Document, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(doc, field);
}

/** field -> the strings it must equal (one, or any of an $in list). */
type StringEqualities = [field: string, values: string[]][];

/**
 * The filter as top-level string equalities ({f: 's'}, {f: {$eq: 's'}}, {f: {$in: ['s', ...]}}),
 * or undefined when it has anything else. These are the bot's hot lookups by key.
 */
function stringEqualities(filter: Document): StringEqualities | undefined {
  const out: StringEqualities = [];
  for (const field of Object.keys(filter)) {
    if (field.startsWith('$') || field.includes('.')) return undefined;
    const values = stringValues(filter[field]);
    if (!values) return undefined;
    out.push([field, values]);
  }
  return out;
}

function stringValues(condition: unknown): string[] | undefined {
  if (typeof condition === 'string') return [condition];
  if (!isOperatorObject(condition)) return undefined;
  const ops = Object.keys(condition);
  if (ops.length !== 1) return undefined;
  const value = condition[ops[0]];
  if (ops[0] === '$eq' && typeof value === 'string') return [value];
  if (ops[0] === '$in' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/**
 * True/false when the answer is plain: a string field compares by ===, a missing field never
 * equals a string. Undefined for anything else (arrays, other types), which mingo decides.
 */
function matchStrings(doc: Document, conditions: StringEqualities): boolean | undefined {
  let unsure = false;
  for (const [field, values] of conditions) {
    const value: unknown = hasOwn(doc, field) ? doc[field] : undefined;
    if (typeof value === 'string') {
      if (!values.includes(value)) return false;
    } else if (value === undefined) return false;
    else unsure = true;
  }
  return unsure ? undefined : true;
}
