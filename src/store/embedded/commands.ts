import { Long, ObjectId, calculateObjectSize, type Document } from 'bson';
import { Aggregator, Query } from 'mingo';
import type { Collection } from './collection';
import { parseIndexSpec, sameIndexSpec } from './collection';
import type { Cursors } from './cursors';
import type { Engine } from './engine';
import {
  badValue,
  CommandError,
  commandNotFound,
  failedToParse,
  immutableField,
  indexNotFound,
  indexOptionsConflict,
  namespaceExists,
  namespaceNotFound,
  notSupported,
} from './errors';
import { compileFilter, projectDocuments, sortDocuments } from './matching';
import { checkFilter, checkPipeline, checkUpdate, isPipelineUpdate, refuseUnportableOptions } from './subset';
import { applyOperators } from './updates';
import { cloneDocument, isOperatorObject, keyOf, sameKey } from './values';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_BYTES } from './wire';

export const WIRE_VERSION = 21; // MongoDB 7.0
export const SERVER_VERSION = '7.0.0';

export interface CommandContext {
  engine: Engine;
  cursors: Cursors;
  database: string;
  connectionId: number;
}

type Handler = (cmd: Document, ctx: CommandContext) => Document;

/**
 * Runs one command synchronously against the engine and returns the reply body.
 * Synchronous on purpose: one command's reads and writes cannot interleave with another's.
 */
export function runCommand(cmd: Document, ctx: CommandContext): Document {
  const name = Object.keys(cmd)[0];
  if (!name) throw failedToParse('empty command document');
  const handler = HANDLERS[name] ?? HANDLERS[name.toLowerCase()];
  if (!handler) throw commandNotFound(name);
  return handler(cmd, ctx);
}

function hello(_cmd: Document, ctx: CommandContext): Document {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

function collectionName(cmd: Document, field: string): string {
  const name = cmd[field];
  if (typeof name !== 'string' || name.length === 0) throw badValue(`'${field}' must name a collection`);
  return name;
}

function existing(ctx: CommandContext, name: string): Collection | undefined {
  return ctx.engine.collection(ctx.database, name);
}

function numberOption(cmd: Document, field: string): number | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  const n = value instanceof Long ? value.toNumber() : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw badValue(`'${field}' must be a number`);
  return n;
}

/** Matching documents in natural or requested order, with skip/limit; not projected. */
function select(coll: Collection | undefined, filter: Document | undefined, sort?: Document, skipped = 0, limit = 0): Document[] {
  if (!coll) return [];
  checkFilter(filter);
  const skip = Math.max(0, skipped); // a negative skip was ignored, as mingo's cursor only applied a positive one
  const matches = compileFilter(filter);
  const sorted = sort !== undefined && Object.keys(sort).length > 0;
  // Without a sort, stop scanning once skip + limit documents have matched.
  const enough = !sorted && limit > 0 ? skip + limit : Infinity;
  let found: Document[] = [];
  for (const doc of coll.candidates(filter)) {
    if (!matches(doc)) continue;
    found.push(doc);
    if (found.length >= enough) break;
  }
  if (sorted) found = sortDocuments(found, sort);
  if (skip === 0 && (limit === 0 || found.length <= limit)) return found;
  return found.slice(skip, limit > 0 ? skip + limit : undefined);
}

function project(docs: Document[], projection: Document | undefined): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  return projectDocuments(docs, projection);
}

function find(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'find');
  const limit = numberOption(cmd, 'limit') ?? 0;
  const skip = numberOption(cmd, 'skip') ?? 0;
  if (skip < 0) throw badValue('skip must not be negative');
  const docs = select(existing(ctx, name), cmd.filter, cmd.sort, skip, Math.abs(limit));
  const results = project(docs, cmd.projection);
  const singleBatch = cmd.singleBatch === true || limit < 0;
  return { cursor: ctx.cursors.first(`${ctx.database}.${name}`, results, numberOption(cmd, 'batchSize'), singleBatch), ok: 1 };
}

function getMore(cmd: Document, ctx: CommandContext): Document {
  const id = cmd.getMore as Long | number;
  return { cursor: ctx.cursors.more(id, numberOption(cmd, 'batchSize')), ok: 1 };
}

function killCursors(cmd: Document, ctx: CommandContext): Document {
  const ids = (cmd.cursors ?? []) as (Long | number)[];
  const { killed, notFound } = ctx.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

/** The document with an _id, generated first in the document as MongoDB does when missing. */
function withId(doc: Document): Document {
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

/** encoded: the document's BSON when already made (its length is the size to check). */
function checkDocument(doc: Document, encoded?: Uint8Array): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw badValue('a document must be an object');
  if ((encoded ? encoded.length : calculateObjectSize(doc)) > MAX_BSON_OBJECT_SIZE) throw new CommandError(10334, 'BSONObjectTooLarge', 'object to insert too large');
  if (Array.isArray(doc._id)) throw badValue('The _id field cannot be an array');
  for (const key of Object.keys(doc)) if (key.startsWith('$')) throw badValue(`Document can't have $ prefixed field names: ${key}`);
}

interface WriteError {
  index: number;
  code: number;
  errmsg: string;
  [extra: string]: unknown;
}

function writeError(index: number, error: unknown): WriteError {
  if (error instanceof CommandError) return { index, code: error.code, errmsg: error.message, ...error.extra };
  throw error;
}

function writeReply(base: Document, errors: WriteError[]): Document {
  return errors.length > 0 ? { ...base, writeErrors: errors, ok: 1 } : { ...base, ok: 1 };
}

function insert(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'insert');
  const docs = cmd.documents as Document[] | undefined;
  if (!Array.isArray(docs)) throw badValue("insert needs 'documents'");
  const ordered = cmd.ordered !== false;
  const coll = ctx.engine.ensureCollection(ctx.database, name);
  const errors: WriteError[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    try {
      checkDocument(docs[i]);
      ctx.engine.insert(coll, withId(docs[i]));
      n++;
    } catch (error) {
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return writeReply({ n }, errors);
}

/** The fields an upsert starts from: the filter's plain equalities (including inside $and). */
function upsertSeed(filter: Document | undefined): Document {
  const seed: Document = {};
  const visit = (node: Document) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((part) => visit(part as Document));
      else if (key.startsWith('$')) continue;
      else if (isOperatorObject(value)) {
        if ('$eq' in value) setPath(seed, key, cloneDocument(value.$eq));
      } else setPath(seed, key, cloneDocument(value));
    }
  };
  if (filter) visit(filter);
  return seed;
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Document;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * Applies an update document to a copy of doc; returns the new version and whether anything changed.
 * The update comes from the request just parsed, which nothing else holds, so a replacement's
 * values are stored as they are (copied when the same update replaces several documents: shareValues false).
 */
function applyUpdate(doc: Document, update: Document, arrayFilters: Document[] | undefined, inserting: boolean, shareValues = true): { next: Document; changed: boolean } {
  const kind = checkUpdate(update);
  if (kind === 'replacement') {
    if (update._id !== undefined && keyOf(update._id) !== keyOf(doc._id)) throw immutableField();
    const next = { _id: doc._id, ...(shareValues ? update : cloneDocument(update)) };
    return { next, changed: !sameKey(next, doc) };
  }
  const { $setOnInsert, ...operators } = update;
  const modifier: Document = { ...operators };
  if (inserting && $setOnInsert) modifier.$set = { ...($setOnInsert as Document), ...((modifier.$set as Document) ?? {}) };
  if (Object.keys(modifier).length === 0) return { next: { ...doc }, changed: false };
  let outcome: { next: Document; changed: boolean };
  try {
    outcome = applyOperators(doc, modifier, arrayFilters);
  } catch (error) {
    throw badValue(`update failed: ${(error as Error).message}`);
  }
  if (keyOf(outcome.next._id) !== keyOf(doc._id)) throw immutableField();
  return outcome;
}

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  before?: Document;
  after?: Document;
}

/** One update statement (used by update and findAndModify). */
function updateStatement(
  ctx: CommandContext,
  collName: string,
  filter: Document | undefined,
  update: Document,
  options: { multi: boolean; upsert: boolean; arrayFilters?: Document[]; sort?: Document },
): UpdateOutcome {
  if (isPipelineUpdate(update)) throw notSupported('Updates with an aggregation pipeline');
  if (update === null || typeof update !== 'object') throw badValue('update must be a document');
  checkUpdate(update);
  const coll = ctx.engine.ensureCollection(ctx.database, collName);
  const targets = select(coll, filter, options.sort, 0, options.multi ? 0 : 1);
  if (targets.length === 0) {
    if (!options.upsert) return { matched: 0, modified: 0 };
    const seed = upsertSeed(filter);
    const base = checkUpdate(update) === 'replacement' ? { _id: seed._id } : seed;
    const { next } = applyUpdate(withId(base), update, options.arrayFilters, true);
    const doc = withId(next);
    const encoded = ctx.engine.encodeForJournal(doc);
    checkDocument(doc, encoded);
    ctx.engine.insert(coll, doc, encoded);
    return { matched: 0, modified: 0, upsertedId: doc._id, after: doc };
  }
  let modified = 0;
  let before: Document | undefined;
  let after: Document | undefined;
  for (const doc of targets) {
    const { next, changed } = applyUpdate(doc, update, options.arrayFilters, false, targets.length === 1);
    before ??= doc;
    after ??= changed ? next : doc;
    if (!changed) continue;
    const encoded = ctx.engine.encodeForJournal(next);
    checkDocument(next, encoded);
    ctx.engine.replace(coll, doc, next, encoded);
    modified++;
  }
  return { matched: targets.length, modified, before, after };
}

function update(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'update');
  const statements = cmd.updates as Document[] | undefined;
  if (!Array.isArray(statements)) throw badValue("update needs 'updates'");
  const ordered = cmd.ordered !== false;
  const errors: WriteError[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    try {
      refuseUnportableOptions(s);
      const outcome = updateStatement(ctx, name, s.q as Document, s.u as Document, {
        multi: s.multi === true,
        upsert: s.upsert === true,
        arrayFilters: s.arrayFilters as Document[] | undefined,
      });
      n += outcome.matched;
      nModified += outcome.modified;
      if (outcome.upsertedId !== undefined) {
        n++;
        upserted.push({ index: i, _id: outcome.upsertedId });
      }
    } catch (error) {
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return writeReply(upserted.length ? { n, nModified, upserted } : { n, nModified }, errors);
}

function del(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'delete');
  const statements = cmd.deletes as Document[] | undefined;
  if (!Array.isArray(statements)) throw badValue("delete needs 'deletes'");
  const ordered = cmd.ordered !== false;
  const coll = existing(ctx, name);
  const errors: WriteError[] = [];
  let n = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      refuseUnportableOptions(statements[i]);
      const limit = numberOption(statements[i], 'limit') ?? 0;
      const targets = select(coll, statements[i].q as Document, undefined, 0, limit === 1 ? 1 : 0);
      for (const doc of targets) ctx.engine.remove(coll!, doc);
      n += targets.length;
    } catch (error) {
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return writeReply({ n }, errors);
}

function findAndModify(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'findAndModify' in cmd ? 'findAndModify' : 'findandmodify');
  const filter = cmd.query as Document | undefined;
  const fields = cmd.fields as Document | undefined;
  const shape = (doc: Document | undefined) => (doc ? project([doc], fields)[0] : null);
  if (cmd.remove === true) {
    const coll = existing(ctx, name);
    const [doc] = select(coll, filter, cmd.sort, 0, 1);
    if (doc) ctx.engine.remove(coll!, doc);
    return { lastErrorObject: { n: doc ? 1 : 0 }, value: shape(doc), ok: 1 };
  }
  if (!cmd.update) throw failedToParse("findAndModify needs 'update' or 'remove'");
  const outcome = updateStatement(ctx, name, filter, cmd.update as Document, {
    multi: false,
    upsert: cmd.upsert === true,
    arrayFilters: cmd.arrayFilters as Document[] | undefined,
    sort: cmd.sort as Document | undefined,
  });
  const lastErrorObject: Document = { n: outcome.matched || (outcome.upsertedId !== undefined ? 1 : 0), updatedExisting: outcome.matched > 0 };
  if (outcome.upsertedId !== undefined) lastErrorObject.upserted = outcome.upsertedId;
  const value = cmd.new === true ? outcome.after : outcome.before;
  return { lastErrorObject, value: shape(value), ok: 1 };
}

function count(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'count');
  const coll = existing(ctx, name);
  const query = cmd.query as Document | undefined;
  const skip = numberOption(cmd, 'skip') ?? 0;
  const limit = Math.abs(numberOption(cmd, 'limit') ?? 0);
  if (!query || Object.keys(query).length === 0) {
    const total = Math.max(0, (coll?.docs.size ?? 0) - skip);
    return { n: limit ? Math.min(limit, total) : total, ok: 1 };
  }
  return { n: select(coll, query, undefined, skip, limit).length, ok: 1 };
}

function distinct(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  const name = collectionName(cmd, 'distinct');
  if (typeof cmd.key !== 'string') throw badValue("distinct needs 'key' as a string");
  const seen = new Map<string, unknown>();
  const docs = select(existing(ctx, name), cmd.query as Document | undefined);
  const path = cmd.key.split('.');
  const add = (value: unknown) => {
    if (value === undefined) return;
    if (Array.isArray(value)) value.forEach(add);
    else if (!seen.has(keyOf(value))) seen.set(keyOf(value), value);
  };
  for (const doc of docs) {
    let node: unknown = doc;
    for (const part of path) node = node && typeof node === 'object' ? (node as Document)[part] : undefined;
    add(node);
  }
  return { values: [...seen.values()], ok: 1 };
}

function aggregate(cmd: Document, ctx: CommandContext): Document {
  refuseUnportableOptions(cmd);
  if (cmd.explain) throw notSupported('explain');
  if (typeof cmd.aggregate !== 'string') throw notSupported('Database-level aggregation (aggregate: 1)');
  const pipeline = checkPipeline(cmd.pipeline);
  const name = cmd.aggregate;
  const coll = existing(ctx, name);
  // Use an index for a leading $match; the stage still runs over the candidates.
  const first = pipeline[0]?.$match as Document | undefined;
  const source = coll ? [...coll.candidates(first)] : [];
  const resolver = (from: string) => [...(ctx.engine.collection(ctx.database, from)?.docs.values() ?? [])];
  let results: Document[];
  try {
    results = new Aggregator(pipeline, { collectionResolver: resolver }).run(source) as Document[];
  } catch (error) {
    throw badValue(`aggregation failed: ${(error as Error).message}`);
  }
  const cursorOptions = (cmd.cursor ?? {}) as Document;
  return { cursor: ctx.cursors.first(`${ctx.database}.${name}`, results, numberOption(cursorOptions, 'batchSize')), ok: 1 };
}

function createIndexes(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'createIndexes');
  const specs = cmd.indexes as Document[] | undefined;
  if (!Array.isArray(specs) || specs.length === 0) throw badValue("createIndexes needs 'indexes'");
  const parsed = specs.map(parseIndexSpec);
  const created = !existing(ctx, name);
  const coll = ctx.engine.ensureCollection(ctx.database, name);
  const before = coll.indexSpecs().length;
  for (const spec of parsed) {
    const current = coll.hasIndex(spec.name);
    if (current) {
      if (!sameIndexSpec(current.spec, spec)) {
        throw indexOptionsConflict(`An existing index has the same name as the requested index but different options: ${spec.name}`);
      }
      continue;
    }
    const sameKey = coll.indexSpecs().find((s) => JSON.stringify(s.key) === JSON.stringify(spec.key));
    if (sameKey && !sameIndexSpec({ ...sameKey, name: spec.name }, spec)) {
      throw indexOptionsConflict(`An index with the same key pattern but different options exists: ${sameKey.name}`);
    }
    if (sameKey) continue;
    ctx.engine.createIndex(coll, spec);
  }
  return { createdCollectionAutomatically: created, numIndexesBefore: before, numIndexesAfter: coll.indexSpecs().length, ok: 1 };
}

function listIndexes(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'listIndexes');
  const coll = existing(ctx, name);
  if (!coll) throw namespaceNotFound(`${ctx.database}.${name}`);
  const specs = coll.indexSpecs().map((spec) => ({ v: 2, ...spec }));
  return { cursor: ctx.cursors.first(`${ctx.database}.${name}`, specs, undefined), ok: 1 };
}

function dropIndexes(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'dropIndexes');
  const coll = existing(ctx, name);
  if (!coll) throw namespaceNotFound(`${ctx.database}.${name}`);
  const before = coll.indexSpecs().length;
  const target = cmd.index;
  let names: string[];
  if (target === '*') names = coll.indexSpecs().map((s) => s.name).filter((n) => n !== '_id_');
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target as string[];
  else if (target && typeof target === 'object') {
    const match = coll.indexSpecs().find((s) => JSON.stringify(s.key) === JSON.stringify(target));
    if (!match) throw indexNotFound(JSON.stringify(target));
    names = [match.name];
  } else throw badValue("dropIndexes needs 'index'");
  for (const index of names) {
    if (index === '_id_') throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
    if (!coll.hasIndex(index)) throw indexNotFound(index);
  }
  for (const index of names) ctx.engine.dropIndex(coll, index);
  return { nIndexesWas: before, ok: 1 };
}

function listCollections(cmd: Document, ctx: CommandContext): Document {
  const filter = (cmd.filter ?? {}) as Document;
  checkFilter(filter);
  const infos = ctx.engine.collections(ctx.database).map((c) =>
    cmd.nameOnly ? { name: c.name, type: 'collection' } : { name: c.name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } },
  );
  const matching = infos.filter((info) => new Query(filter).test(info));
  const cursorOptions = (cmd.cursor ?? {}) as Document;
  return { cursor: ctx.cursors.first(`${ctx.database}.$cmd.listCollections`, matching, numberOption(cursorOptions, 'batchSize')), ok: 1 };
}

function create(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'create');
  for (const option of Object.keys(cmd)) {
    if (['create', '$db', 'lsid', '$readPreference', '$clusterTime', 'writeConcern', 'comment', 'apiVersion'].includes(option)) continue;
    throw notSupported(`The collection option '${option}'`);
  }
  if (existing(ctx, name)) throw namespaceExists(`${ctx.database}.${name}`);
  ctx.engine.ensureCollection(ctx.database, name);
  return { ok: 1 };
}

function drop(cmd: Document, ctx: CommandContext): Document {
  const name = collectionName(cmd, 'drop');
  const coll = existing(ctx, name);
  const nIndexesWas = coll?.indexSpecs().length ?? 0;
  ctx.engine.dropCollection(ctx.database, name);
  return { ns: `${ctx.database}.${name}`, nIndexesWas, ok: 1 };
}

function dropDatabase(_cmd: Document, ctx: CommandContext): Document {
  ctx.engine.dropDatabase(ctx.database);
  return { dropped: ctx.database, ok: 1 };
}

function listDatabases(cmd: Document, ctx: CommandContext): Document {
  const databases = ctx.engine.databaseNames().map((name) => {
    let sizeOnDisk = 0;
    if (!cmd.nameOnly) for (const c of ctx.engine.collections(name)) for (const d of c.docs.values()) sizeOnDisk += calculateObjectSize(d);
    return cmd.nameOnly ? { name } : { name, sizeOnDisk, empty: sizeOnDisk === 0 };
  });
  const filter = (cmd.filter ?? {}) as Document;
  checkFilter(filter);
  const matching = databases.filter((db) => new Query(filter).test(db));
  const totalSize = matching.reduce((sum, db) => sum + ((db as Document).sizeOnDisk ?? 0), 0);
  return cmd.nameOnly ? { databases: matching, ok: 1 } : { databases: matching, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'front-door-embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['front-door-journal'],
    ok: 1,
  };
}

const ok = (): Document => ({ ok: 1 });

const HANDLERS: Record<string, Handler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  endSessions: ok,
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  insert,
  find,
  getMore,
  killCursors,
  update,
  delete: del,
  findAndModify,
  findandmodify: findAndModify,
  count,
  distinct,
  aggregate,
  createIndexes,
  listIndexes,
  dropIndexes,
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
};
