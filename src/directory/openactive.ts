import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import { z } from 'zod';
import { normaliseForMatching } from '../i18n/synonyms';
import { Collections } from '../store/collections';
import { htmlToText } from './html';
import { restoreBatch } from './import';
import { compact } from './normalise';
import { readJsonFile } from './sources';

/**
 * The OpenActive Activity List (https://openactive.io/activity-list, © OpenActive, CC BY 4.0): a SKOS
 * concept scheme of 768 physical activities, used as Front Door's taxonomy for physical activities.
 *
 * - `parseActivityList` reads the JSON-LD with zod; a concept that cannot be read is reported (which
 *   one, which field, why) and left out, the rest are kept. Links to concepts that are not in the list
 *   are dropped and reported as warnings.
 * - `ActivityList` looks concepts up by id (identifier or URI) and by label or alternative label
 *   (case, accents and punctuation ignored), and walks broader/narrower.
 * - `importActivityList` stores the concepts in `taxonomies` (`_id` `openactive:<identifier>`):
 *   idempotent upserts, all-or-nothing per batch, and a concept missing from a re-import is marked
 *   inactive, never deleted.
 */

export const OPENACTIVE_VOCABULARY = 'openactive-activity-list';
export const OPENACTIVE_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
export const OPENACTIVE_ATTRIBUTION = 'OpenActive Activity List (https://openactive.io/activity-list), © OpenActive, CC BY 4.0';
/** The list as shipped alongside the project (read-only shared data). */
export const DEFAULT_ACTIVITY_LIST_FILE = path.resolve(__dirname, '../../../shared/data/openactive/activity-list.jsonld');

export interface ActivityConcept {
  /** The concept identifier (a UUID), e.g. `5b880e93-4a16-4c37-86ac-ba2ffba68358` for Gardening. */
  id: string;
  /** The concept URI, `https://openactive.io/activity-list#<id>`. */
  uri: string;
  prefLabel: string;
  altLabels: string[];
  /** Identifiers of the broader (parent) concepts. */
  broader: string[];
  /** Identifiers of the narrower (child) concepts. */
  narrower: string[];
  definition?: string;
  notation?: string;
}

export interface ConceptProblem {
  /** Position in the `concept` array (0-based). */
  index: number;
  id?: string;
  field: string;
  reason: string;
}

const text = (limit: number) =>
  z
    .string()
    .transform((v) => htmlToText(v, { limit, singleLine: true }))
    .pipe(z.string().min(1, 'is empty once HTML is removed'));
const uriList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const ConceptInput = z.object({
  id: z.string().trim().min(1, 'a concept id is required'),
  identifier: z.string().trim().min(1).optional(),
  type: z.string().optional(),
  prefLabel: text(200),
  altLabel: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  broader: uriList,
  narrower: uriList,
  definition: z.string().optional(),
  notation: z.string().optional(),
});

const Scheme = z.object({ concept: z.array(z.unknown()) });

/** `https://openactive.io/activity-list#<uuid>` or a bare identifier, to the identifier. */
export function conceptKey(idOrUri: string): string {
  const t = idOrUri.trim();
  const hash = t.lastIndexOf('#');
  return (hash >= 0 ? t.slice(hash + 1) : t).toLowerCase();
}

export class ActivityList {
  private readonly byKey = new Map<string, ActivityConcept>();
  private readonly byLabel = new Map<string, ActivityConcept>();

  constructor(readonly concepts: ActivityConcept[]) {
    for (const c of concepts) this.byKey.set(conceptKey(c.id), c);
    // Preferred labels first, so an alternative label never hides another concept's own name.
    for (const c of concepts) this.addLabel(c.prefLabel, c);
    for (const c of concepts) for (const alt of c.altLabels) this.addLabel(alt, c);
  }

  private addLabel(label: string, concept: ActivityConcept): void {
    const key = normaliseForMatching(label);
    if (key && !this.byLabel.has(key)) this.byLabel.set(key, concept);
  }

  get size(): number {
    return this.concepts.length;
  }

  /** By identifier or URI. */
  byId(idOrUri: string): ActivityConcept | undefined {
    return this.byKey.get(conceptKey(idOrUri));
  }

  /** By preferred or alternative label: "walking football", "Walking-Football" and "WALKING FOOTBALL" alike. */
  find(label: string): ActivityConcept | undefined {
    return this.byLabel.get(normaliseForMatching(label));
  }

  broaderOf(idOrUri: string): ActivityConcept[] {
    return (this.byId(idOrUri)?.broader ?? []).flatMap((id) => this.byId(id) ?? []);
  }

  narrowerOf(idOrUri: string): ActivityConcept[] {
    return (this.byId(idOrUri)?.narrower ?? []).flatMap((id) => this.byId(id) ?? []);
  }

  /** Every concept below this one (children, their children, ...), each once, nearest first. */
  descendants(idOrUri: string): ActivityConcept[] {
    const start = this.byId(idOrUri);
    if (!start) return [];
    const seen = new Set<string>([start.id]);
    const out: ActivityConcept[] = [];
    const queue = [start];
    while (queue.length > 0) {
      for (const child of this.narrowerOf(queue.shift()!.id)) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        out.push(child);
        queue.push(child);
      }
    }
    return out;
  }
}

/** Finds an activity by label, alternative label or id. */
export function findActivity(list: ActivityList, labelOrId: string): ActivityConcept | undefined {
  return list.find(labelOrId) ?? list.byId(labelOrId);
}

export interface ParsedActivityList {
  list: ActivityList;
  /** Concepts left out, one entry each with the first problem. */
  problems: ConceptProblem[];
  /** Links to concepts that are not in the list (dropped). */
  warnings: ConceptProblem[];
  /** Number of entries in the `concept` array. */
  total: number;
}

/** The SKOS JSON-LD to concepts. Throws ActivityListError when there is no `concept` list at all. */
export function parseActivityList(payload: unknown): ParsedActivityList {
  const scheme = Scheme.safeParse(payload);
  if (!scheme.success) throw new ActivityListError('This is not the OpenActive activity list: expected a JSON-LD concept scheme with a "concept" array.');
  const problems: ConceptProblem[] = [];
  const read: { index: number; concept: ActivityConcept }[] = [];
  const seen = new Map<string, number>();
  scheme.data.concept.forEach((raw, index) => {
    const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const parsed = ConceptInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? issue.path.map(String).join('.') : '(concept)';
      const missing = issue.path.length === 1 && raw && typeof raw === 'object' && (raw as Record<string, unknown>)[String(issue.path[0])] === undefined;
      problems.push({ index, id: rawId, field, reason: missing ? `${field} is missing` : issue.message });
      return;
    }
    const c = parsed.data;
    const id = conceptKey(c.identifier ?? c.id);
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) {
      problems.push({ index, id: c.id, field: c.identifier ? 'identifier' : 'id', reason: `"${id.slice(0, 40)}" is not a usable concept identifier` });
      return;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ index, id: c.id, field: 'id', reason: `the same concept appears earlier (concept ${earlier})` });
      return;
    }
    seen.set(id, index);
    const labels = [...new Set(c.altLabel.map((a) => htmlToText(a, { limit: 200, singleLine: true })).filter((a) => a && a !== c.prefLabel))];
    read.push({
      index,
      concept: compact({
        id,
        uri: c.id,
        prefLabel: c.prefLabel,
        altLabels: labels,
        broader: c.broader.map(conceptKey),
        narrower: c.narrower.map(conceptKey),
        definition: c.definition ? htmlToText(c.definition, { limit: 2000 }) || undefined : undefined,
        notation: c.notation ? htmlToText(c.notation, { limit: 200, singleLine: true }) || undefined : undefined,
      }),
    });
  });
  // Keep only links that lead somewhere, and say which did not.
  const warnings: ConceptProblem[] = [];
  for (const { index, concept } of read) {
    for (const field of ['broader', 'narrower'] as const) {
      concept[field] = concept[field].filter((target) => {
        if (seen.has(target)) return true;
        warnings.push({ index, id: concept.uri, field, reason: `links to ${target}, which is not in the list; link dropped` });
        return false;
      });
    }
  }
  return { list: new ActivityList(read.map((r) => r.concept)), problems, warnings, total: scheme.data.concept.length };
}

/** The list cannot be used at all. */
export class ActivityListError extends Error {
  override readonly name = 'ActivityListError';
}

const cache = new Map<string, Promise<ParsedActivityList>>();

/** Reads and parses the list (UTF-8 and size checked), once per file per process. */
export function loadActivityList(file: string = DEFAULT_ACTIVITY_LIST_FILE): Promise<ParsedActivityList> {
  const key = path.resolve(file);
  let loading = cache.get(key);
  if (!loading) {
    loading = readJsonFile(key).then(({ payload }) => parseActivityList(payload));
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

// ---------------------------------------------------------------------------------------------
// The `taxonomies` collection.
// ---------------------------------------------------------------------------------------------

export interface StoredTaxonomyConcept {
  /** `openactive:<identifier>` */
  _id: string;
  vocabulary: typeof OPENACTIVE_VOCABULARY;
  conceptId: string;
  uri: string;
  prefLabel: string;
  altLabels: string[];
  /** prefLabel and altLabels normalised for matching (normaliseForMatching): the look-up index. */
  labels: string[];
  broader: string[];
  narrower: string[];
  definition?: string;
  notation?: string;
  status: 'active' | 'inactive';
  provenance: { source: 'openactive'; license: string; importedAt: Date; missingSince?: Date };
  updatedAt: Date;
  contentHash: string;
}

export function taxonomiesCollection(db: Db): Collection<StoredTaxonomyConcept> {
  return db.collection<StoredTaxonomyConcept>(Collections.taxonomies);
}

export const taxonomyDocumentId = (conceptId: string): string => `openactive:${conceptId}`;

export interface TaxonomyImportReport {
  vocabulary: string;
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: ConceptProblem[];
  warnings: ConceptProblem[];
  markedInactive: number;
  failure?: { batch: { from: number; to: number }; error: string; restored: boolean };
  ok: boolean;
}

export interface TaxonomyImportOptions {
  batchSize?: number;
  now?: () => Date;
  onProgress?: (progress: { done: number; total: number; imported: number; updated: number; unchanged: number }) => void;
}

type Content = Omit<StoredTaxonomyConcept, 'provenance' | 'updatedAt' | 'contentHash' | 'status'>;

function contentOf(c: ActivityConcept): Content {
  return compact({
    _id: taxonomyDocumentId(c.id),
    vocabulary: OPENACTIVE_VOCABULARY,
    conceptId: c.id,
    uri: c.uri,
    prefLabel: c.prefLabel,
    altLabels: c.altLabels,
    labels: [...new Set([c.prefLabel, ...c.altLabels].map(normaliseForMatching).filter(Boolean))],
    broader: c.broader,
    narrower: c.narrower,
    definition: c.definition,
    notation: c.notation,
  });
}

/**
 * Stores a parsed list in `taxonomies`. The list is always the whole vocabulary, so concepts of the
 * vocabulary it no longer holds are marked inactive (after every batch is written).
 */
export async function importActivityList(db: Db, parsed: ParsedActivityList, options: TaxonomyImportOptions = {}): Promise<TaxonomyImportReport> {
  const now = options.now ?? (() => new Date());
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const collection = taxonomiesCollection(db);
  const items = parsed.list.concepts.map((c) => {
    const content = contentOf(c);
    return { content, hash: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
  });
  const report: TaxonomyImportReport = {
    vocabulary: OPENACTIVE_VOCABULARY,
    total: parsed.total,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: parsed.problems,
    warnings: parsed.warnings,
    markedInactive: 0,
    ok: true,
  };
  for (let from = 0; from < items.length; from += batchSize) {
    const batch = items.slice(from, from + batchSize);
    const at = now();
    const previous = new Map((await collection.find({ _id: { $in: batch.map((b) => b.content._id) } }).toArray()).map((d) => [d._id, d]));
    const ops: AnyBulkWriteOperation<StoredTaxonomyConcept>[] = [];
    let imported = 0;
    let updated = 0;
    for (const item of batch) {
      const prev = previous.get(item.content._id);
      if (prev && prev.contentHash === item.hash && prev.status === 'active') continue;
      const doc: StoredTaxonomyConcept = compact({
        ...item.content,
        status: 'active',
        provenance: { source: 'openactive', license: OPENACTIVE_LICENSE, importedAt: prev?.provenance?.importedAt ?? at },
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
        report.failure = { batch: { from, to: from + batch.length - 1 }, error: (error as Error).message, restored };
        report.ok = false;
        return report;
      }
    }
    report.imported += imported;
    report.updated += updated;
    report.unchanged += batch.length - imported - updated;
    options.onProgress?.({ done: from + batch.length, total: items.length, imported: report.imported, updated: report.updated, unchanged: report.unchanged });
  }
  // Concepts skipped for a problem still count as present: a bad entry is not a withdrawn concept.
  const present = [...items.map((i) => i.content.conceptId), ...parsed.problems.flatMap((p) => (p.id ? [conceptKey(p.id)] : []))];
  if (present.length > 0) {
    const at = now();
    const result = await collection.updateMany(
      { vocabulary: OPENACTIVE_VOCABULARY, status: 'active', conceptId: { $nin: present } },
      { $set: { status: 'inactive', 'provenance.missingSince': at, updatedAt: at } },
    );
    report.markedInactive = result.modifiedCount;
  }
  return report;
}

/** The stored concepts of the vocabulary, as an ActivityList (active ones unless asked). */
export async function activityListFromDatabase(db: Db, options: { includeInactive?: boolean } = {}): Promise<ActivityList> {
  const docs = await taxonomiesCollection(db)
    .find({ vocabulary: OPENACTIVE_VOCABULARY, ...(options.includeInactive ? {} : { status: 'active' }) })
    .sort({ prefLabel: 1 })
    .toArray();
  return new ActivityList(
    docs.map((d) => compact({ id: d.conceptId, uri: d.uri, prefLabel: d.prefLabel, altLabels: d.altLabels, broader: d.broader, narrower: d.narrower, definition: d.definition, notation: d.notation })),
  );
}
