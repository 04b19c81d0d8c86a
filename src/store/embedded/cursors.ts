import { calculateObjectSize, Long, type Document } from 'bson';
import { cursorNotFound } from './errors';
import { MAX_BSON_OBJECT_SIZE } from './wire';

/** Results still to be fetched with getMore. Results are computed once, so a cursor is a stable snapshot. */
interface OpenCursor {
  ns: string;
  remaining: Document[];
  position: number;
  lastUsed: number;
}

const DEFAULT_FIRST_BATCH = 101;
/** Keep each reply well under the 48 MB message limit. */
const MAX_BATCH_BYTES = MAX_BSON_OBJECT_SIZE;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

export class Cursors {
  private readonly open = new Map<string, OpenCursor>();
  private nextId = 1n;

  /** Builds the `cursor` field of a find/aggregate/list reply, keeping the rest open for getMore. */
  first(ns: string, results: Document[], batchSize: number | undefined, singleBatch = false): Document {
    const size = batchSize === undefined || batchSize <= 0 ? DEFAULT_FIRST_BATCH : batchSize;
    const { batch, next } = takeBatch(results, 0, batchSize === 0 ? 0 : size);
    let id = Long.ZERO;
    if (next < results.length && !singleBatch) {
      id = Long.fromBigInt(this.nextId++);
      this.open.set(id.toString(), { ns, remaining: results, position: next, lastUsed: Date.now() });
    }
    return { firstBatch: batch, id, ns };
  }

  more(id: Long | number, batchSize: number | undefined): Document {
    const key = id.toString();
    const cursor = this.open.get(key);
    if (!cursor) throw cursorNotFound(key);
    const { batch, next } = takeBatch(cursor.remaining, cursor.position, batchSize && batchSize > 0 ? batchSize : Infinity);
    cursor.position = next;
    cursor.lastUsed = Date.now();
    const done = next >= cursor.remaining.length;
    if (done) this.open.delete(key);
    return { nextBatch: batch, id: done ? Long.ZERO : Long.fromString(key), ns: cursor.ns };
  }

  kill(ids: (Long | number)[]): { killed: (Long | number)[]; notFound: (Long | number)[] } {
    const killed: (Long | number)[] = [];
    const notFound: (Long | number)[] = [];
    for (const id of ids) (this.open.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Drops cursors nobody has read for ten minutes, as MongoDB does. */
  sweep(now = Date.now()): void {
    for (const [id, cursor] of this.open) if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.open.delete(id);
  }
}

function takeBatch(results: Document[], from: number, count: number): { batch: Document[]; next: number } {
  const batch: Document[] = [];
  let bytes = 0;
  let at = from;
  while (at < results.length && batch.length < count) {
    // The first document always goes in, so its size is only needed once a second one is considered.
    if (batch.length === 1) bytes = calculateObjectSize(batch[0]);
    if (batch.length > 0) {
      const docBytes = calculateObjectSize(results[at]);
      if (bytes + docBytes > MAX_BATCH_BYTES) break;
      bytes += docBytes;
    }
    batch.push(results[at]);
    at++;
  }
  return { batch, next: at };
}
