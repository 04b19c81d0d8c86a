import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import { Collections } from '../store/collections';
import { compact, contentHash, normaliseService, type FieldWarning } from './normalise';
import { InputService, StoredService, type ServiceContent } from './schema';

/**
 * Import of Open Referral UK / HSDS service records into the `services` collection.
 *
 * - The whole payload is validated first; a record that cannot be read is skipped with a reason
 *   (record index, id when there is one, field, why), the rest go on.
 * - Upserts are keyed by source and id (`_id` = `${source}:${id}`); a record whose normalised content
 *   is unchanged is not written at all (no `updatedAt` churn).
 * - Writes go in batches through `bulkWrite` (the portable subset: no transactions). Each batch is
 *   all-or-nothing: the documents it touches are read first, and if a write fails they are put back
 *   (new ones deleted) before the import stops.
 * - A FULL import marks the source's records that it no longer contains as inactive (never deletes).
 */

export const DEFAULT_BATCH_SIZE = 250;

export interface ImportOptions {
  /** Short name of the publisher (e.g. "northlincs"); part of every stored id. */
  source: string;
  /** The payload is the whole directory of this source: records missing from it become inactive. */
  full?: boolean;
  batchSize?: number;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  done: number;
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
}

export interface RecordProblem {
  /** Position of the record in the payload (0-based). */
  index: number;
  id?: string;
  field: string;
  reason: string;
}

export interface ImportReport {
  source: string;
  total: number;
  /** New services written. */
  imported: number;
  /** Existing services whose content changed. */
  updated: number;
  /** Existing services with the same content: nothing written. */
  unchanged: number;
  /** Records not imported: one entry per record, with the first problem found. */
  skipped: RecordProblem[];
  /** Fields dropped from imported records (bad links, impossible coordinates), capped. */
  warnings: RecordProblem[];
  warningCount: number;
  markedInactive: number;
  /** Set when a batch failed to write; its previous documents were put back and the import stopped. */
  failure?: { batch: { from: number; to: number }; error: string; restored: boolean };
  ok: boolean;
}

/** The payload is not something we can import at all (no records found). */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
}

const MAX_WARNINGS = 200;

export function servicesCollection(db: Db): Collection<StoredService> {
  return db.collection<StoredService>(Collections.services);
}

/** The records in a payload: an array, an ORUK page (`content` / `contents`), or one service object. */
export function extractRecords(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (payload && typeof payload === 'object') {
    const page = payload as Record<string, unknown>;
    for (const key of ['content', 'contents', 'items', 'data']) {
      if (Array.isArray(page[key])) return page[key] as unknown[];
    }
    if ('id' in page && 'name' in page) return [payload];
  }
  throw new ImportInputError(
    'No services found: expected a JSON array of services, an Open Referral page with "content" or "contents", or one service object.',
  );
}

function idOf(record: unknown): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const id = (record as Record<string, unknown>).id;
  return (typeof id === 'string' && id.trim()) || typeof id === 'number' ? String(id).trim() : undefined;
}

interface Prepared {
  index: number;
  content: ServiceContent;
  hash: string;
}

/** Validates and normalises every record; nothing is written. */
export function prepareRecords(records: unknown[], source: string): { prepared: Prepared[]; skipped: RecordProblem[]; warnings: RecordProblem[] } {
  const prepared: Prepared[] = [];
  const skipped: RecordProblem[] = [];
  const warnings: RecordProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const id = idOf(record);
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      skipped.push({ index, field: '(record)', reason: 'not a JSON object' });
      return;
    }
    const parsed = InputService.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? issue.path.map(String).join('.') : '(record)';
      const missing = issue.path.length === 1 && (record as Record<string, unknown>)[String(issue.path[0])] === undefined;
      skipped.push({ index, id, field, reason: missing ? `${field} is missing` : issue.message });
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) {
      skipped.push({ index, id, field: 'id', reason: `the same id appears earlier (record ${earlier})` });
      return;
    }
    seen.set(parsed.data.id, index);
    const result = normaliseService(parsed.data, source);
    if ('error' in result) {
      skipped.push({ index, id, ...result.error });
      return;
    }
    const checked = StoredService.omit({ provenance: true, updatedAt: true, contentHash: true }).safeParse(result.content);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      skipped.push({ index, id, field: issue.path.map(String).join('.'), reason: issue.message });
      return;
    }
    for (const w of result.warnings as FieldWarning[]) warnings.push({ index, id, ...w });
    prepared.push({ index, content: result.content, hash: contentHash(result.content) });
  });
  return { prepared, skipped, warnings };
}

function sameAsStored(prev: StoredService | undefined, item: Prepared): boolean {
  return Boolean(prev && prev.contentHash === item.hash && prev.status === item.content.status && !prev.provenance?.missingSince);
}

/** Imports a parsed payload. Never throws for bad records; throws ImportInputError when there are no records at all. */
export async function importServices(db: Db, payload: unknown, options: ImportOptions): Promise<ImportReport> {
  const source = options.source.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(source)) {
    throw new ImportInputError(`The source name "${options.source}" must be 1 to 64 letters, digits, dots, dashes or underscores.`);
  }
  const records = extractRecords(payload);
  const now = options.now ?? (() => new Date());
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const { prepared, skipped, warnings } = prepareRecords(records, source);
  const report: ImportReport = {
    source,
    total: records.length,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped,
    warnings: warnings.slice(0, MAX_WARNINGS),
    warningCount: warnings.length,
    markedInactive: 0,
    ok: true,
  };
  const collection = servicesCollection(db);

  for (let from = 0; from < prepared.length; from += batchSize) {
    const batch = prepared.slice(from, from + batchSize);
    const at = now();
    const ids = batch.map((p) => p.content._id);
    const previous = new Map((await collection.find({ _id: { $in: ids } }).toArray()).map((d) => [d._id, d]));
    const ops: AnyBulkWriteOperation<StoredService>[] = [];
    let imported = 0;
    let updated = 0;
    let unchanged = 0;
    for (const item of batch) {
      const prev = previous.get(item.content._id);
      if (sameAsStored(prev, item)) {
        unchanged++;
        continue;
      }
      const doc: StoredService = compact({
        ...item.content,
        provenance: { ...item.content.provenance, importedAt: prev?.provenance?.importedAt ?? at },
        updatedAt: at,
        contentHash: item.hash,
      });
      ops.push({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } });
      if (prev) updated++;
      else imported++;
    }
    if (ops.length > 0) {
      try {
        await collection.bulkWrite(ops, { ordered: true });
      } catch (error) {
        const restored = await restoreBatch(collection, ops, previous);
        report.failure = {
          batch: { from: batch[0].index, to: batch[batch.length - 1].index },
          error: (error as Error).message,
          restored,
        };
        report.ok = false;
        return report;
      }
    }
    report.imported += imported;
    report.updated += updated;
    report.unchanged += unchanged;
    options.onProgress?.({ done: Math.min(from + batch.length, prepared.length), total: prepared.length, imported: report.imported, updated: report.updated, unchanged: report.unchanged });
  }

  if (options.full) {
    // Every id the payload holds counts as present, including records skipped for other reasons.
    const present = [...new Set([...prepared.map((p) => p.content.sourceId), ...skipped.flatMap((s) => (s.id ? [s.id] : []))])];
    if (present.length > 0) {
      const at = now();
      const result = await collection.updateMany(
        { source, status: 'active', sourceId: { $nin: present } },
        { $set: { status: 'inactive', 'provenance.missingSince': at, updatedAt: at } },
      );
      report.markedInactive = result.modifiedCount;
    }
  }
  return report;
}

/** Puts a failed batch back as it was: previous documents replaced, new ones deleted. */
/**
 * Puts a batch of replaceOne upserts back as it was: documents that existed are replaced by their
 * previous version, new ones deleted. True when that worked.
 */
export async function restoreBatch<T extends { _id: string }>(
  collection: Collection<T>,
  ops: AnyBulkWriteOperation<T>[],
  previous: Map<string, T>,
): Promise<boolean> {
  const undo = ops.map((op): AnyBulkWriteOperation<T> => {
    const id = 'replaceOne' in op ? (op.replaceOne.filter._id as string) : '';
    const prev = previous.get(id);
    // The driver cannot see that `_id: string` is a filter of a generic T.
    const filter = { _id: id } as Filter<T>;
    return prev ? { replaceOne: { filter, replacement: prev, upsert: true } } : { deleteOne: { filter } };
  });
  try {
    await collection.bulkWrite(undo, { ordered: false });
    return true;
  } catch {
    return false;
  }
}

/** One line per problem, for operators. */
export function describeProblem(p: RecordProblem): string {
  return `record ${p.index}${p.id ? ` (id ${p.id})` : ''}: ${p.field}: ${p.reason}`;
}

/** Skip reasons grouped, most frequent first. */
export function topReasons(problems: RecordProblem[], limit = 5): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(`${p.field}: ${p.reason}`, (counts.get(`${p.field}: ${p.reason}`) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}
