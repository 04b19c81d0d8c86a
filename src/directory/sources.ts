import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Where an import comes from: a JSON file (UTF-8, size-limited) or a paged Open Referral UK API
 * (`/services?page=&per_page=`). HSDS CSV tables are read by `csv/hsdsCsv.ts`, the OpenActive activity
 * list by `openactive.ts`; both share the UTF-8 checks and size limit here.
 */

export const DEFAULT_MAX_FILE_BYTES = 60 * 1024 * 1024;

/** The source cannot be read; the message says what is wrong and what to do. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Text from bytes, refusing UTF-16, binary and invalid UTF-8 with a clear message. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new SourceError(`${where} is encoded as UTF-16; save it as UTF-8 and import it again.`);
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let nuls = 0;
  for (const b of probe) if (b === 0) nuls++;
  if (nuls > 0) {
    const utf16 = nuls >= probe.length / 4;
    throw new SourceError(
      utf16
        ? `${where} looks like UTF-16 text (no byte order mark); save it as UTF-8 and import it again.`
        : `${where} is not a text file (it holds binary data); expected UTF-8 text (Open Referral JSON or HSDS CSV).`,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new SourceError(`${where} is not valid UTF-8 (it may be binary or in another encoding such as Windows-1252); save it as UTF-8 and import it again.`);
  }
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(`${where} is not valid JSON: ${(error as Error).message}.`);
  }
}

export interface FileSourceOptions {
  maxBytes?: number;
}

/** Reads and parses a JSON file, refusing over-size, non-UTF-8 and malformed files. */
export async function readJsonFile(file: string, options: FileSourceOptions = {}): Promise<{ payload: unknown; bytes: number }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const where = path.basename(file);
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new SourceError(`${file} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (size > maxBytes) {
    throw new SourceError(`${where} is ${mb(size)}, over the ${mb(maxBytes)} limit for one import; split it into smaller files (or raise the limit with --max-mb).`);
  }
  if (size === 0) throw new SourceError(`${where} is empty.`);
  const bytes = await fs.readFile(file);
  if (bytes.length > maxBytes) throw new SourceError(`${where} grew over the ${mb(maxBytes)} limit while being read.`);
  return { payload: parseJson(decodeUtf8(bytes, where), where), bytes: bytes.length };
}

export interface ApiSourceOptions {
  perPage?: number;
  /** Stop after this many pages (a guard against an API that never says it is done). */
  maxPages?: number;
  timeoutMs?: number;
  maxBytesPerPage?: number;
  onPage?: (page: number, totalPages: number | undefined, records: number) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Every service from a paged ORUK API: `GET <url>?page=N&per_page=M` from page 1 until the page says it
 * is the last (`last_page` / `last`), `total_pages` is reached, or a page comes back empty.
 */
export async function fetchServicesFromApi(baseUrl: string, options: ApiSourceOptions = {}): Promise<unknown[]> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SourceError(`${baseUrl} is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError(`${baseUrl} is not an http(s) URL.`);
  if (!/\/services\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/services`;
  const perPage = options.perPage ?? 100;
  const maxPages = options.maxPages ?? 10_000;
  const doFetch = options.fetchImpl ?? fetch;
  const all: unknown[] = [];
  for (let page = 1; page <= maxPages; page++) {
    url.searchParams.set('page', String(page));
    url.searchParams.set('per_page', String(perPage));
    const where = `${url.origin}${url.pathname} page ${page}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new SourceError(`Could not fetch ${where}: ${(error as Error).message}.`);
    }
    if (!response.ok) throw new SourceError(`${where} answered HTTP ${response.status}; expected 200.`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > (options.maxBytesPerPage ?? DEFAULT_MAX_FILE_BYTES)) throw new SourceError(`${where} is ${mb(bytes.length)}, over the limit for one page.`);
    const body = parseJson(decodeUtf8(bytes, where), where);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SourceError(`${where} is not an Open Referral page (expected an object with "contents" or "content").`);
    const b = body as Record<string, unknown>;
    const records = Array.isArray(b.contents) ? b.contents : Array.isArray(b.content) ? b.content : undefined;
    if (!records) throw new SourceError(`${where} has no "contents" or "content" list.`);
    all.push(...records);
    const totalPages = typeof b.total_pages === 'number' ? b.total_pages : typeof b.totalPages === 'number' ? b.totalPages : undefined;
    options.onPage?.(page, totalPages, records.length);
    const last = b.last_page === true || b.last === true || (totalPages !== undefined && page >= totalPages) || records.length === 0;
    if (last) return all;
  }
  throw new SourceError(`${url.origin}${url.pathname} still had more pages after ${maxPages}; stopped.`);
}

/** True when the argument names an http(s) API rather than a file. */
export const isUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);
