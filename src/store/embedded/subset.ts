import type { Document } from 'bson';
import { badValue, notSupported } from './errors';
import { isBsonValue } from './values';

/**
 * The portable subset of ARCHITECTURE.md, "Storage": what runs the same on MongoDB,
 * Azure Cosmos DB for MongoDB and this server. Everything else is refused by name.
 */
const QUERY_OPERATORS = new Set([
  // comparison
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin',
  // logical
  '$and', '$or', '$nor', '$not',
  // element
  '$exists', '$type',
  // array
  '$all', '$elemMatch', '$size',
]);

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$setOnInsert', '$currentDate',
  '$push', '$addToSet', '$pull', '$pullAll', '$pop',
]);
/** Modifiers allowed inside $push / $addToSet values. */
const PUSH_MODIFIERS = new Set(['$each', '$slice', '$sort', '$position']);

const PIPELINE_STAGES = new Set(['$match', '$group', '$sort', '$limit', '$skip', '$project', '$unwind', '$lookup', '$count']);
/** Expression operators that would run code or need server features we do not have. */
const REFUSED_EXPRESSIONS = new Set(['$function', '$accumulator', '$where', '$text', '$meta', '$rand', '$sampleRate']);

export function checkFilter(filter: unknown, where = 'filter'): void {
  if (filter === undefined || filter === null) return;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badValue(`${where} must be an object`);
  walkQuery(filter as Document, where);
}

function walkQuery(node: unknown, where: string): void {
  if (Array.isArray(node)) {
    for (const item of node) walkQuery(item, where);
    return;
  }
  if (node === null || typeof node !== 'object' || isBsonValue(node)) return;
  for (const [key, value] of Object.entries(node as Document)) {
    if (key.startsWith('$') && !QUERY_OPERATORS.has(key)) throw notSupported(`The query operator ${key} (in ${where})`);
    walkQuery(value, where);
  }
}

export function isPipelineUpdate(update: unknown): boolean {
  return Array.isArray(update);
}

/** Operator updates only use the allowed operators; replacements carry no operators. */
export function checkUpdate(update: Document, where = 'update'): 'operators' | 'replacement' {
  const keys = Object.keys(update);
  const operatorKeys = keys.filter((k) => k.startsWith('$'));
  if (operatorKeys.length === 0) return 'replacement';
  if (operatorKeys.length !== keys.length) {
    throw badValue(`${where} mixes update operators with plain fields; use only operators or a whole replacement`);
  }
  for (const op of operatorKeys) {
    if (!UPDATE_OPERATORS.has(op)) throw notSupported(`The update operator ${op}`);
    const fields = update[op];
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      throw badValue(`${op} needs a document of fields, got ${JSON.stringify(fields)}`);
    }
    if (op === '$push' || op === '$addToSet') {
      for (const value of Object.values(fields as Document)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && !isBsonValue(value)) {
          for (const k of Object.keys(value)) {
            if (k.startsWith('$') && !PUSH_MODIFIERS.has(k)) throw notSupported(`The ${op} modifier ${k}`);
          }
        }
      }
    }
    if (op === '$pull') walkQuery(fields, `${op}`);
  }
  return 'operators';
}

export function checkPipeline(pipeline: unknown): Document[] {
  if (!Array.isArray(pipeline)) throw badValue("'pipeline' must be an array of stages");
  for (const stage of pipeline as unknown[]) {
    if (stage === null || typeof stage !== 'object' || Array.isArray(stage)) throw badValue('each pipeline stage must be an object');
    const names = Object.keys(stage);
    if (names.length !== 1) throw badValue('a pipeline stage must have exactly one field');
    const name = names[0];
    if (!PIPELINE_STAGES.has(name)) throw notSupported(`The aggregation stage ${name}`);
    const spec = (stage as Document)[name];
    if (name === '$match') checkFilter(spec, '$match');
    else if (name === '$lookup') checkLookup(spec);
    else walkExpressions(spec, name);
  }
  return pipeline as Document[];
}

function checkLookup(spec: unknown): void {
  const lookup = spec as Document;
  if (!lookup || typeof lookup !== 'object') throw badValue('$lookup needs a document');
  if ('pipeline' in lookup || 'let' in lookup) throw notSupported('$lookup with a pipeline or let (only localField/foreignField is portable)');
  for (const field of ['from', 'localField', 'foreignField', 'as']) {
    if (typeof lookup[field] !== 'string') throw badValue(`$lookup needs '${field}' as a string`);
  }
}

function walkExpressions(node: unknown, stage: string): void {
  if (Array.isArray(node)) {
    for (const item of node) walkExpressions(item, stage);
    return;
  }
  if (node === null || typeof node !== 'object' || isBsonValue(node)) return;
  for (const [key, value] of Object.entries(node as Document)) {
    if (REFUSED_EXPRESSIONS.has(key)) throw notSupported(`The expression operator ${key} (in ${stage})`);
    walkExpressions(value, stage);
  }
}

/** Options that only some servers honour; refusing them keeps code portable. */
export function refuseUnportableOptions(command: Document): void {
  if (command.collation !== undefined) throw notSupported('collation');
  if (command.startTransaction !== undefined || command.autocommit !== undefined) throw notSupported('Multi-document transactions');
  if (command.let !== undefined) throw notSupported("The 'let' option");
}
