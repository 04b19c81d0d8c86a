import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Document } from 'mongodb';
// Loaded on purpose: restify patches http.ServerResponse for the whole worker (as it is in the full
// suite), so the fake API server below is always tested the way it runs there.
import 'restify';
import { ensureDirectoryIndexes, fetchServicesFromApi, readJsonFile, SourceError } from '../../src/directory';
import { parseImportArgs, runImport } from '../../src/directory/cli';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');

/** A fake Open Referral UK API on loopback: GET /api/services?page=&per_page=, in the v3 ("contents") or v1 ("content") page shape. */
async function startFakeOruk(records: unknown[], shape: 'v3' | 'v1' | 'open-ended' = 'v3', failPage?: number) {
  const requests: string[] = [];
  // Separate writeHead/end calls: restify (loaded by other suites in the same jest worker) patches
  // http.ServerResponse.prototype.writeHead so that it no longer returns the response.
  const reply = (res: http.ServerResponse, status: number, type: string, body = '') => {
    res.writeHead(status, { 'content-type': type, connection: 'close' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}?${url.searchParams.toString()}`);
    if (url.pathname !== '/api/services') {
      reply(res, 404, 'text/plain', 'not found');
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const size = Number(url.searchParams.get('per_page') ?? '50');
    if (page === failPage) {
      reply(res, 503, 'text/plain', 'busy');
      return;
    }
    const totalPages = Math.max(1, Math.ceil(records.length / size));
    const slice = records.slice((page - 1) * size, page * size);
    const body =
      shape === 'v3'
        ? { total_items: records.length, total_pages: totalPages, page_number: page, size, first_page: page === 1, last_page: page >= totalPages, empty: slice.length === 0, contents: slice }
        : shape === 'v1'
          ? { totalElements: records.length, number: page, size, first: page === 1, last: page >= totalPages, content: slice }
          : { content: slice };
    reply(res, 200, 'application/json', JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api`, requests, close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('directory sources: files and the paged ORUK API', () => {
  let db: TestDatabase;
  let dir: string;
  let northLincs: unknown[];
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    db = await startTestDatabase();
    await ensureDirectoryIndexes(db.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'frontdoor-import-'));
    northLincs = JSON.parse(await fs.readFile(NORTH_LINCS, 'utf8')) as unknown[];
  });
  afterAll(async () => {
    await db.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    lines.length = 0;
  });

  const services = () => db.db.collection(Collections.services);
  const snapshot = (): Promise<Document[]> => services().find({}).sort({ _id: 1 }).toArray();
  const write = async (name: string, data: string | Buffer) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, data);
    return file;
  };

  it('npm run import of the north Lincolnshire file: progress lines, a summary, exit 0; again: all unchanged', async () => {
    const code = await runImport(parseImportArgs([NORTH_LINCS, '--source', 'northlincs', '--full']), db.db, log);
    expect(code).toBe(0);
    expect(lines.filter((l) => /records written or checked/.test(l)).length).toBeGreaterThanOrEqual(3);
    const summary = lines.find((l) => l.startsWith('Import of northlincs'));
    expect(summary).toMatch(new RegExp(`${northLincs.length} records: \\d+ imported, 0 updated, 0 unchanged, \\d+ skipped, 0 marked inactive`));
    lines.length = 0;
    expect(await runImport(parseImportArgs([NORTH_LINCS, '--source=northlincs', '--full']), db.db, log)).toBe(0);
    expect(lines.find((l) => l.startsWith('Import of northlincs'))).toMatch(/0 imported, 0 updated, \d+ unchanged/);
  });

  it('parses arguments; the source defaults to the file name', () => {
    expect(parseImportArgs(['/x/north-lincolnshire-services.json'])).toEqual({ from: '/x/north-lincolnshire-services.json', source: 'north-lincolnshire-services', full: false });
    expect(parseImportArgs(['https://api.example.org/api', '--full']).source).toBe('api.example.org');
    expect(() => parseImportArgs([])).toThrow(/Usage/);
    expect(() => parseImportArgs(['a.json', '--format', 'xml'])).toThrow(/--format must be one of json, csv, openactive/);
  });

  describe('bad files: a clear message, exit 1, nothing written', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['malformed JSON', () => write('broken.json', '[{"id": "a", "name": "A"},'), /broken\.json is not valid JSON/],
      ['UTF-16 with a byte order mark', () => write('utf16.json', Buffer.from('\ufeff[{"id":"a","name":"A"}]', 'utf16le')), /encoded as UTF-16; save it as UTF-8/],
      ['UTF-16 without a byte order mark', () => write('utf16-nobom.json', Buffer.from('[{"id":"a","name":"A"}]', 'utf16le')), /looks like UTF-16/],
      ['random binary', () => write('random.bin', Buffer.concat([Buffer.from([0]), randomBytes(8192)])), /not a text file/],
      ['Windows-1252 text', () => write('latin1.json', Buffer.from('[{"id":"a","name":"Caf\xe9"}]', 'latin1')), /not valid UTF-8/],
      ['an empty file', () => write('empty.json', ''), /empty/],
      ['JSON with no services', () => write('object.json', '{"hello": "world"}'), /No services found/],
      ['a missing file', async () => path.join(dir, 'nope.json'), /Cannot read .*nope\.json: ENOENT/],
    ];
    it.each(cases)('%s', async (_label, make, message) => {
      const before = await snapshot();
      const file = await make();
      const code = await runImport(parseImportArgs([file, '--source', 'bad']), db.db, log);
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(/Import refused: /);
      expect(lines.join('\n')).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it('a file over the size limit (sparse, 61 MB) is refused before it is read', async () => {
      const file = path.join(dir, 'huge.json');
      const handle = await fs.open(file, 'w');
      await handle.truncate(61 * 1024 * 1024);
      await handle.close();
      const before = await snapshot();
      const started = Date.now();
      expect(await runImport(parseImportArgs([file, '--source', 'huge']), db.db, log)).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(lines.join('\n')).toMatch(/huge\.json is 61\.0 MB, over the 60\.0 MB limit for one import; split it/);
      expect(await snapshot()).toEqual(before);
    });

    it('the limit can be lowered (a valid 1.6 MB file refused at 1 MB)', async () => {
      await expect(readJsonFile(NORTH_LINCS, { maxBytes: 1024 * 1024 })).rejects.toThrow(/over the 1\.0 MB limit/);
      await expect(readJsonFile(NORTH_LINCS, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(SourceError);
      expect(await runImport(parseImportArgs([NORTH_LINCS, '--max-mb', '1']), db.db, log)).toBe(1);
    });

    it('a UTF-8 file with a byte order mark is fine', async () => {
      const file = await write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id":"a","name":"Café"}]')]));
      expect((await readJsonFile(file)).payload).toEqual([{ id: 'a', name: 'Café' }]);
    });
  });

  describe('paged ORUK API (fake server on 127.0.0.1)', () => {
    it('follows total_pages / last_page and returns every record', async () => {
      const api = await startFakeOruk(northLincs.slice(0, 230));
      try {
        const pages: string[] = [];
        const records = await fetchServicesFromApi(api.url, { perPage: 100, onPage: (p, t, n) => pages.push(`${p}/${t}:${n}`) });
        expect(records).toHaveLength(230);
        expect(pages).toEqual(['1/3:100', '2/3:100', '3/3:30']);
        expect(api.requests).toEqual(['/api/services?page=1&per_page=100', '/api/services?page=2&per_page=100', '/api/services?page=3&per_page=100']);
      } finally {
        await api.close();
      }
    });

    it('understands the v1 page shape ("content", "last") and APIs that only stop with an empty page', async () => {
      const v1 = await startFakeOruk(northLincs.slice(0, 25), 'v1');
      const open = await startFakeOruk(northLincs.slice(0, 25), 'open-ended');
      try {
        expect(await fetchServicesFromApi(`${v1.url}/services`, { perPage: 10 })).toHaveLength(25);
        expect(v1.requests).toHaveLength(3);
        expect(await fetchServicesFromApi(open.url, { perPage: 10 })).toHaveLength(25);
        expect(open.requests).toHaveLength(4);
      } finally {
        await v1.close();
        await open.close();
      }
    });

    it('imports from the API through npm run import, with page progress', async () => {
      const api = await startFakeOruk(northLincs.slice(0, 120));
      try {
        const code = await runImport(parseImportArgs([api.url, '--source', 'api-test']), db.db, log);
        expect(code).toBe(0);
        expect(lines).toContain('  page 1 of 2: 100 services');
        expect(await services().countDocuments({ source: 'api-test' })).toBe(120);
      } finally {
        await api.close();
      }
    });

    it('a failing page: a clear message, exit 1, nothing written', async () => {
      const api = await startFakeOruk(northLincs.slice(0, 120), 'v3', 2);
      try {
        const before = await snapshot();
        expect(await runImport(parseImportArgs([api.url, '--source', 'api-fail']), db.db, log)).toBe(1);
        expect(lines.join('\n')).toMatch(/Import refused: .*\/api\/services page 2 answered HTTP 503/);
        expect(await snapshot()).toEqual(before);
      } finally {
        await api.close();
      }
    });

    it('refuses a URL that is not http(s) or not an API page', async () => {
      await expect(fetchServicesFromApi('ftp://127.0.0.1/api')).rejects.toThrow(/not an http\(s\) URL/);
      const api = await startFakeOruk([]);
      try {
        await expect(fetchServicesFromApi(api.url.replace('/api', '/elsewhere'))).rejects.toThrow(/answered HTTP 404/);
      } finally {
        await api.close();
      }
    });
  });
});
