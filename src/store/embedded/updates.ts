import type { Document } from 'bson';
import { update as mingoUpdate } from 'mingo';
import { $addToSet, $inc, $push, $set, $unset } from 'mingo/operators/update';
import { cloneDeep } from 'mingo/util';
import { cloneDocument } from './values';

type Mutator = (expr: Document) => (doc: Document) => string[];

/**
 * Update operators that are run directly when no path overlaps another and every path segment
 * is a plain field name (a top-level field, or a nested one such as 'answers.days').
 * mingo's update() builds a fresh operator context per call (most of an update's CPU); its
 * operators called one by one do exactly what update() would, except the checks that only
 * matter for overlapping paths, positional or array-index segments, which go through update() as before.
 */
const DIRECT: Record<string, Mutator> = {
  $set: (expr) => $set(expr),
  $unset: (expr) => $unset(expr),
  $inc: (expr) => $inc(expr),
  $push: (expr) => $push(expr),
  $addToSet: (expr) => $addToSet(expr),
};

/**
 * Applies operator updates to a copy of doc (values deep-copied in, as cloneMode 'deep');
 * returns the copy and whether anything changed. The stored doc is never changed.
 */
export function applyOperators(doc: Document, modifier: Document, arrayFilters: Document[] | undefined): { next: Document; changed: boolean } {
  const direct = arrayFilters === undefined ? directPaths(modifier) : undefined;
  if (direct) {
    // A nested path changes a value inside its top-level field, so that field is copied deeply.
    const copy = direct.nested ? cloneDocument : (value: unknown) => (Array.isArray(value) ? value.slice() : value);
    const next = copyFields(doc, touchedFields(modifier), copy);
    return { next, changed: applyDirect(next, modifier) };
  }
  const next = copyFields(doc, touchedFields(modifier), cloneDocument);
  const changed = mingoUpdate(next, modifier, arrayFilters, undefined, { cloneMode: 'deep' }).length > 0;
  return { next, changed };
}

/** Top-level fields an update names (both ends of a $rename). */
function touchedFields(modifier: Document): Set<string> {
  const touched = new Set<string>();
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(fields as Document)) {
      touched.add(path.split('.')[0]);
      if (op === '$rename' && typeof value === 'string') touched.add(value.split('.')[0]);
    }
  }
  return touched;
}

/**
 * A copy of doc whose touched fields are copied with copy, the others shared: stored documents
 * are never changed in place, so only what the update may change in place needs copying.
 * Direct operators only replace a top-level value or splice a top-level array, so there a
 * shallow array copy is enough; mingo's update() can reach into nested values, so it gets deep copies.
 */
function copyFields(doc: Document, touched: Set<string>, copy: (value: unknown) => unknown): Document {
  const next: Document = {};
  for (const [field, value] of Object.entries(doc)) next[field] = touched.has(field) ? copy(value) : value;
  return next;
}

/** Segments a direct path may not have: mingo's own guards and positional/array-index forms decide those. */
const UNSAFE_SEGMENT = /^(?:$|\$|\d+$|__proto__$|constructor$|prototype$)/;

/**
 * Whether the update can run directly: only direct operators, every path made of plain field
 * names, and no path equal to or inside another (so no path conflicts are possible). Undefined
 * if not; otherwise whether any path is nested.
 */
function directPaths(modifier: Document): { nested: boolean } | undefined {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    if (!DIRECT[op]) return undefined;
    for (const path of Object.keys(fields as Document)) {
      if (path.split('.').some((segment) => UNSAFE_SEGMENT.test(segment))) return undefined;
      paths.push(path);
    }
  }
  const named = new Set<string>();
  for (const path of paths) {
    if (named.has(path)) return undefined;
    named.add(path);
  }
  for (const path of paths) {
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) if (named.has(path.slice(0, dot))) return undefined;
  }
  return { nested: paths.some((path) => path.includes('.')) };
}

/**
 * Runs the operators in order as update() does. The values are deep-copied first (mingo's
 * cloneDeep, as cloneMode 'deep' would), after which the operators' default shallow copies are enough.
 */
function applyDirect(doc: Document, modifier: Document): boolean {
  const mutators = Object.entries(modifier).map(([op, fields]) => DIRECT[op](cloneDeep(fields) as Document));
  let changed = false;
  for (const mutate of mutators) if (mutate(doc).length > 0) changed = true;
  return changed;
}
