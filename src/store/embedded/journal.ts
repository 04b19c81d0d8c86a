import {
  closeSync,
  existsSync,
  fdatasync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  write,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { deserialize, serialize, type Document } from 'bson';

/**
 * Append-only journal: every change is a self-contained BSON record framed as
 * [length u32][crc32 u32][bson]. Writers are acknowledged only after fdatasync,
 * and concurrent writers share one fsync (group commit). A crash can only tear the
 * last record, which was never acknowledged; recovery drops it and truncates.
 */
const FRAME_HEADER = 8;
const JOURNAL_FILE = 'journal.bson';
const COMPACT_FILE = 'journal.compact.tmp';

export interface RecoveryReport {
  records: number;
  droppedBytes: number;
}

export class Journal {
  private fd: number;
  private pending: Buffer[] = [];
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** Why the journal file can no longer keep what is written to it; once set, writes are refused. */
  private lost: string | undefined;
  /** Records written since the last compaction; drives when to compact. */
  recordsSinceCompaction = 0;

  private constructor(
    private readonly dir: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Opens (creating if needed) the journal in dir, replaying every intact record through apply. */
  static open(dir: string, apply: (record: Document) => void): { journal: Journal; report: RecoveryReport } {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, JOURNAL_FILE);
    const leftover = path.join(dir, COMPACT_FILE);
    // A compaction that crashed before its rename left only a temp file; the old journal is still whole.
    if (existsSync(leftover)) rmSync(leftover);
    const data = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    let offset = 0;
    let records = 0;
    while (offset + FRAME_HEADER <= data.length) {
      const length = data.readUInt32LE(offset);
      const checksum = data.readUInt32LE(offset + 4);
      const end = offset + FRAME_HEADER + length;
      if (length < 5 || end > data.length) break;
      const body = data.subarray(offset + FRAME_HEADER, end);
      if (crc32(body) !== checksum) break;
      apply(deserialize(body));
      records++;
      offset = end;
    }
    const fd = openSync(file, 'a+');
    const droppedBytes = data.length - offset;
    if (droppedBytes > 0) {
      ftruncateSync(fd, offset);
      fsyncSync(fd);
    }
    const journal = new Journal(dir, fd);
    journal.recordsSinceCompaction = records;
    return { journal, report: { records, droppedBytes } };
  }

  /** Queues a record (a document, or one already encoded by encodePut); resolves once it is on disk. */
  append(record: Document | Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    if (this.lost) return Promise.reject(new Error(this.lost));
    this.pending.push(Buffer.isBuffer(record) ? frameBytes(record) : frame(record));
    this.recordsSinceCompaction++;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) this.flushing = this.flushLoop();
    return done;
  }

  private async flushLoop(): Promise<void> {
    // Yield once so writes issued in the same tick share one fsync.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = Buffer.concat(this.pending);
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await writeAll(this.fd, batch);
        await datasync(this.fd);
        // Synced into a file no one can open again is not kept: say so rather than acknowledge.
        const lost = this.checkStillThere();
        if (lost) throw new Error(lost);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error as Error);
      }
    }
    this.flushing = undefined;
  }

  /**
   * Why the journal file is no longer the one this server writes to (deleted with its directory,
   * or replaced), or undefined while it is. Once lost, stays lost: later writes are refused.
   */
  checkStillThere(): string | undefined {
    if (this.lost || this.closed) return this.lost;
    const file = path.join(this.dir, JOURNAL_FILE);
    const open = fstatSync(this.fd);
    if (open.nlink === 0) return (this.lost = `the journal ${file} was deleted`);
    try {
      const onDisk = statSync(file);
      if (onDisk.ino !== open.ino || onDisk.dev !== open.dev) this.lost = `the journal ${file} was replaced by another file`;
    } catch {
      this.lost = `the journal ${file} is gone`;
    }
    return this.lost;
  }

  /** Waits for every queued record to reach the disk. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * Rewrites the journal as a snapshot of the live state: written to a temp file, fsynced,
   * then renamed over the journal, so a crash at any point leaves one whole journal.
   */
  async compact(snapshot: () => Iterable<Document>): Promise<void> {
    // From the moment nothing is queued, this runs without yielding: the snapshot and the
    // switch to the new file see exactly the same state, so no record is lost or replayed twice.
    while (this.flushing || this.pending.length > 0) await this.drain();
    // Writing a snapshot into a directory that was deleted or replaced would hide that it was.
    const lost = this.checkStillThere();
    if (lost) throw new Error(lost);
    const temp = path.join(this.dir, COMPACT_FILE);
    const fd = openSync(temp, 'w');
    let count = 0;
    try {
      let chunk: Buffer[] = [];
      let size = 0;
      for (const record of snapshot()) {
        const framed = frame(record);
        chunk.push(framed);
        size += framed.length;
        count++;
        if (size > 4 * 1024 * 1024) {
          writeSync(fd, Buffer.concat(chunk));
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length) writeSync(fd, Buffer.concat(chunk));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    closeSync(this.fd);
    renameSync(temp, path.join(this.dir, JOURNAL_FILE));
    syncDirectory(this.dir);
    this.fd = openSync(path.join(this.dir, JOURNAL_FILE), 'a+');
    this.recordsSinceCompaction = count;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    closeSync(this.fd);
  }
}

function frame(record: Document): Buffer {
  return frameBytes(serialize(record));
}

function frameBytes(body: Uint8Array): Buffer {
  const framed = Buffer.allocUnsafe(FRAME_HEADER + body.length);
  framed.writeUInt32LE(body.length, 0);
  framed.writeUInt32LE(crc32(body), 4);
  framed.set(body, FRAME_HEADER);
  return framed;
}

/**
 * The BSON of the record { o: 'put', d, c, doc } around a document already encoded
 * (the same bytes serialize would give), so a stored document is encoded once per write.
 */
export function encodePut(database: string, collection: string, doc: Uint8Array): Buffer {
  const d = Buffer.from(database, 'utf8');
  const c = Buffer.from(collection, 'utf8');
  const size = 4 + 11 + (8 + d.length) + (8 + c.length) + (5 + doc.length) + 1;
  const out = Buffer.allocUnsafe(size);
  let at = out.writeInt32LE(size, 0);
  at = writeStringElement(out, at, 'o', PUT);
  at = writeStringElement(out, at, 'd', d);
  at = writeStringElement(out, at, 'c', c);
  out[at++] = 0x03; // embedded document
  at += out.write('doc\0', at, 'latin1');
  out.set(doc, at);
  out[at + doc.length] = 0;
  return out;
}

const PUT = Buffer.from('put');

/** A BSON string element (type 0x02, one-letter name); returns the offset after it. */
function writeStringElement(out: Buffer, at: number, name: string, value: Uint8Array): number {
  out[at++] = 0x02;
  at += out.write(`${name}\0`, at, 'latin1');
  at = out.writeInt32LE(value.length + 1, at);
  out.set(value, at);
  at += value.length;
  out[at++] = 0;
  return at;
}

function writeAll(fd: number, buffer: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const writeFrom = (offset: number) => {
      // fs.write on an 'a+' descriptor always appends.
      write(fd, buffer, offset, buffer.length - offset, null, (error: Error | null, written: number) => {
        if (error) return reject(error);
        if (offset + written < buffer.length) writeFrom(offset + written);
        else resolve();
      });
    };
    writeFrom(0);
  });
}

function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) =>
    fdatasync(fd, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some filesystems cannot fsync a directory; the rename is still atomic.
  }
}
