import type { Db, Document } from 'mongodb';
import { Collections } from './collections';
import { isSealed, type FieldCipher } from './fieldCipher';

/**
 * Where one collection keeps sealed values. A path is dotted; `$` stands for every element of an
 * array (`transcript.$.text`). `version` names a field every write of the document changes, so a
 * re-seal only replaces a document nobody has written since it was read.
 */
export interface SealedFieldSpec {
  collection: string;
  paths: readonly string[];
  version?: string;
}

export interface ResealReport {
  /** Documents whose sealed fields were rewritten under the current key. */
  resealed: number;
  /** Documents already wholly under the current key (or with nothing to seal). */
  unchanged: number;
  /** Documents that kept changing under the job; run it again. */
  busy: number;
}

const ATTEMPTS = 3;

/**
 * Seals every value at the given paths under the cipher's current key: plain values (stored
 * before a key was set) and values sealed under a previous key alike. When every document is
 * done, the database's record of keys in use is reduced to the current key, so older keys can
 * be dropped from FIELD_ENCRYPTION_PREVIOUS_KEYS.
 */
export async function resealAll(
  db: Db,
  cipher: FieldCipher,
  specs: readonly SealedFieldSpec[],
  progress: (line: string) => void = () => undefined,
): Promise<Record<string, ResealReport>> {
  if (!cipher.enabled) throw new Error('Re-sealing needs FIELD_ENCRYPTION_KEY: the key to seal everything with.');
  const reports: Record<string, ResealReport> = {};
  for (const spec of specs) {
    reports[spec.collection] = await resealCollection(db, cipher, spec, progress);
  }
  const busy = Object.values(reports).reduce((sum, report) => sum + report.busy, 0);
  if (busy === 0) {
    await db
      .collection<{ _id: string; keyIds: string[]; updatedAt: Date }>(Collections.settings)
      .updateOne({ _id: 'fieldEncryption' }, { $set: { keyIds: [cipher.keyId!], updatedAt: new Date() } }, { upsert: true });
  }
  return reports;
}

async function resealCollection(db: Db, cipher: FieldCipher, spec: SealedFieldSpec, progress: (line: string) => void): Promise<ResealReport> {
  const collection = db.collection(spec.collection);
  const total = await collection.countDocuments({});
  const report: ResealReport = { resealed: 0, unchanged: 0, busy: 0 };
  let seen = 0;
  const ids: unknown[] = (await collection.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id);
  for (const id of ids) {
    report[await resealDocument(db, cipher, spec, id)] += 1;
    seen += 1;
    if (seen % 500 === 0 || seen === ids.length) progress(`${spec.collection}: ${seen} of ${total} documents checked, ${report.resealed} re-sealed`);
  }
  return report;
}

async function resealDocument(db: Db, cipher: FieldCipher, spec: SealedFieldSpec, id: unknown): Promise<keyof ResealReport> {
  const collection = db.collection(spec.collection);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const doc = await collection.findOne({ _id: id } as Document);
    if (!doc) return 'unchanged'; // erased meanwhile: nothing left to seal
    const set: Document = {};
    for (const path of spec.paths) collectChanges(cipher, doc, path.split('.'), [], set);
    if (Object.keys(set).length === 0) return 'unchanged';
    const filter: Document = { _id: id };
    if (spec.version) filter[spec.version] = doc[spec.version] ?? { $exists: false };
    // A value removed meanwhile (a text taken for re-sending, an erased answer) must not come back.
    for (const field of new Set(Object.keys(set).map((path) => path.split('.')[0]))) filter[field] = { $exists: true };
    const result = await collection.updateOne(filter, { $set: set });
    if (result.matchedCount === 1) return 'resealed';
  }
  return 'busy';
}

/** Adds to `set` each value at `path` (from `value`) that is not sealed under the current key. */
function collectChanges(cipher: FieldCipher, value: unknown, path: readonly string[], at: readonly string[], set: Document): void {
  if (path.length === 0) {
    if (value === null || value === undefined) return;
    if (isSealed(value) && value.sealed === cipher.keyId) return;
    set[at.join('.')] = cipher.seal(cipher.open(value));
    return;
  }
  const [head, ...rest] = path;
  if (head === '$') {
    if (!Array.isArray(value)) return;
    value.forEach((item, index) => collectChanges(cipher, item, rest, [...at, String(index)], set));
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  // A sealed value is a leaf: its inside is not a path.
  if (isSealed(value)) return;
  collectChanges(cipher, (value as Document)[head], rest, [...at, head], set);
}
