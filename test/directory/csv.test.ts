import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Document } from 'mongodb';
import { ensureDirectoryIndexes, importHsdsCsv, servicesCollection } from '../../src/directory';
import { parseImportArgs, runImport } from '../../src/directory/cli';
import { CsvError, parseCsv, parseCsvRecords } from '../../src/directory/csv/parse';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const FIXTURE = path.resolve(__dirname, '../fixtures/hsds-csv');

const values = (text: string) => parseCsvRecords(text, 't.csv').map((r) => r.values);

describe('CSV parser (RFC 4180)', () => {
  it('reads quoted fields with commas, line breaks and doubled quotes; CRLF, LF and CR line ends; a byte order mark', () => {
    expect(values('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
    ]);
    expect(values('a,b\n"line 1\r\nline 2",2\n3,4')).toEqual([
      ['a', 'b'],
      ['line 1\r\nline 2', '2'],
      ['3', '4'],
    ]);
    expect(values('a\rb\rc')).toEqual([['a'], ['b'], ['c']]);
    // Empty fields, a trailing comma, a quoted empty field, blank lines skipped.
    expect(values('a,,c,\n\n"",x\n\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x'],
    ]);
    expect(values('a,b,')).toEqual([['a', 'b', '']]);
    expect(values('')).toEqual([]);
  });

  it('counts lines through quoted line breaks, so problems point at the right line', () => {
    const records = parseCsvRecords('h1,h2\n"a\nb\nc",1\nx,y\n', 't.csv');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps a stray quote or text after a closing quote on its row, naming the column', () => {
    const table = parseCsv('id,name,note\n1,Broken "quote",x\n2,"Closed" then more,y\n3,Fine,z\n', 'services.csv');
    expect(table.rows.map((r) => [r.row, r.problem?.column])).toEqual([
      [2, 'name'],
      [3, 'name'],
      [4, undefined],
    ]);
    expect(table.rows[0].problem?.reason).toMatch(/a quote inside a field that does not start with a quote/);
    expect(table.rows[1].problem?.reason).toMatch(/text after the closing quote/);
    expect(table.rows[1].values).toEqual(['2', 'Closed then more', 'y']);
  });

  it('flags rows with the wrong number of fields and fields over the length limit', () => {
    const table = parseCsv('id,name\n1\n2,b,extra\n3,abcdef\n4,ok\n', 'x.csv', { maxFieldChars: 5 });
    expect(table.rows.map((r) => r.problem?.reason)).toEqual([
      'has 1 field; the header row has 2 (a line break inside a field that is not in quotes?)',
      'has 3 fields; the header row has 2 (a comma inside a field that is not in quotes?)',
      '6 characters, over the 5 limit for one field',
      undefined,
    ]);
    expect(table.rows[2].problem?.column).toBe('name');
  });

  it('refuses an unterminated quote (naming file and line), an empty file and a bad header', () => {
    expect(() => parseCsv('id,name\n1,ok\n2,"never closed\n3,more\n', 'locations.csv')).toThrow(CsvError);
    expect(() => parseCsv('id,name\n1,ok\n2,"never closed\n3,more\n', 'locations.csv')).toThrow(/locations\.csv: the quoted field that starts on line 3 \(field 2\) has no closing quote/);
    expect(() => parseCsv('\n\n', 'e.csv')).toThrow(/e\.csv is empty/);
    expect(() => parseCsv('id,Name,name\n', 'd.csv')).toThrow(/names the column "name" twice/);
    expect(() => parseCsv('id,,name\n', 'd.csv')).toThrow(/column 2 of the header row has no name/);
    // Header names are trimmed and lower-cased.
    expect(parseCsv(' ID , Name \n1,a\n', 'h.csv').header).toEqual(['id', 'name']);
  });
});

describe('HSDS CSV import', () => {
  let db: TestDatabase;
  let dir: string;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const snapshot = (): Promise<Document[]> => servicesCollection(db.db).find({}).sort({ _id: 1 }).toArray() as Promise<Document[]>;
  /** A copy of the fixture directory, changed by `edit` (file name to new contents, or null to delete). */
  const variant = async (name: string, edit: Record<string, string | Buffer | null | ((old: string) => string)>) => {
    const to = path.join(dir, name);
    await fs.cp(FIXTURE, to, { recursive: true });
    for (const [file, change] of Object.entries(edit)) {
      const target = path.join(to, file);
      if (change === null) await fs.rm(target);
      else if (typeof change === 'function') await fs.writeFile(target, change(await fs.readFile(target, 'utf8')));
      else await fs.writeFile(target, change);
    }
    return to;
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    await ensureDirectoryIndexes(db.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'frontdoor-hsds-csv-'));
  });
  afterAll(async () => {
    await db.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    lines.length = 0;
    await servicesCollection(db.db).deleteMany({});
  });

  it('npm run import of the fixture directory: tables joined, bad rows skipped with file, row and column; HTML made plain', async () => {
    const code = await runImport(parseImportArgs([FIXTURE, '--source', 'kx', '--full']), db.db, log);
    const out = lines.join('\n');
    expect(code).toBe(0);
    expect(out).toMatch(/Read services\.csv \(7 rows\), organizations\.csv \(2 rows\), locations\.csv \(3 rows\)/);
    expect(out).toMatch(/5\/5 records written or checked \(5 new, 0 updated, 0 unchanged\)/);
    expect(out).toContain('Import of kx: 7 records: 5 imported, 0 updated, 0 unchanged, 2 skipped, 0 marked inactive.');
    expect(out).toContain('  services.csv row 7: id: id is missing');
    expect(out).toMatch(/ {2}services\.csv row 8 \(id svc-broken\): name: a quote inside a field that does not start with a quote/);
    expect(out).toContain('  service_at_locations.csv row 6: service_id: no service with id "svc-gone" in services.csv; row ignored');

    const docs = await snapshot();
    expect(docs.map((d) => d._id)).toEqual(['kx:svc-cafe', 'kx:svc-chair', 'kx:svc-choir', 'kx:svc-garden', 'kx:svc-walk']);
    const byId = new Map(docs.map((d) => [d.sourceId as string, d]));
    expect(byId.get('svc-walk')).toMatchObject({
      name: 'Kestleford Health Walks',
      description: 'Gentle walks, about an hour.\nEveryone is welcome: "slow and steady" is our motto.',
      url: 'https://www.example.org/walks',
      email: 'walks@example.org',
      phone: '01632 960123',
      status: 'active',
      cost: { free: true, text: 'Free' },
      organisation: { id: 'org-1', name: 'Wendshire Walking Trust' },
      locations: [{ name: 'Kestleford Market Square', address: 'Market Square, Kestleford, Wendshire', postcode: 'KX1 1AA', lat: 52.3012, lng: -2.4489 }],
      schedules: [{ days: ['TU'], opensAt: '10:00', closesAt: '11:00', description: 'Tuesday mornings' }],
      taxonomy: [
        { id: 'oa-walking', name: 'Walking', code: '95092977-5a20-4d6e-b312-8fddabe71544', vocabulary: 'openactive-activity-list' },
        { id: 'fd-physical', name: 'Physical activity', code: 'physical_activity', vocabulary: 'frontdoor-categories' },
      ],
      provenance: { source: 'kx', assuredDate: '2026-03-01', lastModified: '2026-03-02T09:00:00Z' },
    });
    // The join columns are CSV plumbing, not schedule text.
    expect(Object.keys(byId.get('svc-walk')!.schedules[0].given)).not.toContain('service_id');
    // <script> and its contents are gone; the rest is plain text.
    expect(byId.get('svc-garden')!.description).toBe('Grow food together.');
    expect(JSON.stringify(docs)).not.toMatch(/<script|alert\(/);
    // A location's accessibility and attribute terms (link_entity location) come through the location.
    expect(byId.get('svc-chair')).toMatchObject({
      minimumAge: 55,
      cost: { free: false, options: [{ option: 'Per class', amount: 3.5, currency: 'GBP', description: 'pay on the day' }] },
      accessibility: ['Step-free entrance, with a lift to the first floor', 'Hearing loop at the front desk'],
      locations: [{ name: 'The Corn Exchange', taxonomy: [{ code: 'step_free', vocabulary: 'frontdoor-access' }] }],
    });
    // A schedule linked through service_at_location_id reaches its service.
    expect(byId.get('svc-cafe')).toMatchObject({ name: 'Saltmoor Memory Café', schedules: [{ days: ['TH'], opensAt: '14:00', closesAt: '16:00' }] });
    expect(byId.get('svc-choir')).toMatchObject({ languages: ['Welsh', 'English'], locations: [] });
    expect(byId.get('svc-choir')!.organisation).toBeUndefined();
  });

  it('a re-import changes nothing; a row removed from a full re-import is marked inactive, not deleted', async () => {
    expect(await runImport(parseImportArgs([FIXTURE, '--source', 'kx', '--full']), db.db, log)).toBe(0);
    const before = await snapshot();
    lines.length = 0;
    expect(await runImport(parseImportArgs([FIXTURE, '--source', 'kx', '--full']), db.db, log)).toBe(0);
    expect(lines.join('\n')).toContain('Import of kx: 7 records: 0 imported, 0 updated, 5 unchanged, 2 skipped, 0 marked inactive.');
    expect(await snapshot()).toEqual(before);

    const withoutChoir = await variant('no-choir', { 'services.csv': (old) => old.replace(/^svc-choir,.*\r\n/m, '') });
    const report = await importHsdsCsv(db.db, withoutChoir, { source: 'kx', full: true });
    expect(report).toMatchObject({ total: 6, imported: 0, updated: 0, unchanged: 4, markedInactive: 1, ok: true });
    const choir = await servicesCollection(db.db).findOne({ _id: 'kx:svc-choir' });
    expect(choir).toMatchObject({ status: 'inactive', name: 'Tarrow End Singing Group' });
    expect(choir?.provenance.missingSince).toBeInstanceOf(Date);
    // The broken row's id still counts as present: svc-broken was never imported, nothing else went inactive.
    expect(await servicesCollection(db.db).countDocuments({ status: 'active' })).toBe(4);
  });

  it('a broken row in another table skips the service it belongs to (never imported with part of it missing)', async () => {
    await importHsdsCsv(db.db, FIXTURE, { source: 'kx' });
    const before = await servicesCollection(db.db).findOne({ _id: 'kx:svc-walk' });
    const changed = await variant('broken-phone', {
      'phones.csv': (old) => old.replace('01632 960123', '01632 "960999'),
      'services.csv': (old) => old.replace('Gentle walks, about an hour.', 'Changed description.'),
    });
    const report = await importHsdsCsv(db.db, changed, { source: 'kx' });
    expect(report.skipped).toContainEqual(expect.objectContaining({ file: 'phones.csv', row: 2, id: 'svc-walk', field: 'number' }));
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
    expect(await servicesCollection(db.db).findOne({ _id: 'kx:svc-walk' })).toEqual(before);
  });

  it('a duplicated id: the later row is skipped, naming the row that has it first', async () => {
    const from = await variant('duplicate', { 'services.csv': (old) => `${old}svc-garden,,Second garden,,,,,active,,,,,\r\n` });
    const report = await importHsdsCsv(db.db, from, { source: 'kx' });
    expect(report.skipped).toContainEqual({ index: 7, id: 'svc-garden', file: 'services.csv', row: 9, field: 'id', reason: 'the same id appears earlier (services.csv row 3)' });
    expect(await servicesCollection(db.db).findOne({ _id: 'kx:svc-garden' })).toMatchObject({ name: 'Oxley Wold Community Garden' });
  });

  it('one services.csv on its own (--format csv is detected from .csv): only that table', async () => {
    const single = path.join(await variant('single', {}), 'services.csv');
    const code = await runImport(parseImportArgs([single, '--source', 'single']), db.db, log);
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Read services\.csv \(7 rows\)\./);
    const walk = await servicesCollection(db.db).findOne({ _id: 'single:svc-walk' });
    expect(walk).toMatchObject({ name: 'Kestleford Health Walks', locations: [], organisation: { id: 'org-1' } });
    expect(walk?.organisation?.name).toBeUndefined();
  });

  describe('bad input: a clear message, exit 1, nothing written', () => {
    const utf16 = Buffer.from('\ufeffid,name\r\nx,Walk\r\n', 'utf16le');
    const cases: [string, Record<string, string | Buffer | null | ((old: string) => string)>, RegExp][] = [
      ['an unterminated quote in locations.csv', { 'locations.csv': (old) => `${old}loc-9,physical,"The Old Mill,,1,2\n` }, /locations\.csv: the quoted field that starts on line 5 \(field 3\) has no closing quote/],
      ['services.csv in UTF-16', { 'services.csv': utf16 }, /services\.csv is encoded as UTF-16; save it as UTF-8/],
      ['binary data as phones.csv', { 'phones.csv': Buffer.concat([Buffer.from([0]), randomBytes(4096)]) }, /phones\.csv is not a text file/],
      ['Windows-1252 text', { 'organizations.csv': Buffer.from('id,name\norg-1,Caf\xe9 Society\n', 'latin1') }, /organizations\.csv is not valid UTF-8/],
      ['no services.csv', { 'services.csv': null }, /has no services\.csv/],
      ['a table without its join column', { 'phones.csv': 'id,number\nph-1,01632 960123\n' }, /phones\.csv has no "service_id" column/],
      ['services.csv without a name column', { 'services.csv': 'id,title\nx,Walk\n' }, /services\.csv has no "name" column/],
      ['an empty services.csv', { 'services.csv': '' }, /services\.csv is empty/],
    ];
    it.each(cases)('%s', async (label, edit, message) => {
      await importHsdsCsv(db.db, FIXTURE, { source: 'kx' });
      const before = await snapshot();
      const from = await variant(label.replace(/\W+/g, '-'), edit);
      const code = await runImport(parseImportArgs([from, '--source', 'kx', '--full']), db.db, log);
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(/Import refused: /);
      expect(lines.join('\n')).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it('a directory over the size limit (sparse, 61 MB) is refused before it is read', async () => {
      const from = await variant('huge', {});
      const handle = await fs.open(path.join(from, 'locations.csv'), 'r+');
      await handle.truncate(61 * 1024 * 1024);
      await handle.close();
      const started = Date.now();
      expect(await runImport(parseImportArgs([from, '--source', 'kx']), db.db, log)).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(lines.join('\n')).toMatch(/The CSV tables in huge are 61\.0 MB together, over the 60\.0 MB limit for one import; split it/);
      expect(await snapshot()).toEqual([]);
    });
  });

  it('a ~50 MB services.csv is read within the limit: over-long fields skip their rows with a reason, the rest are imported', async () => {
    const big = 'Walk and talk, every week. '.repeat(190_000); // ~5 MB
    const rows = ['id,name,description'];
    for (let i = 0; i < 10; i++) rows.push(`big-${i},Big ${i},"${big}"`);
    for (let i = 0; i < 3; i++) rows.push(`ok-${i},Walking group ${i},<b>Every</b> week.`);
    const file = path.join(dir, 'big-services.csv');
    await fs.writeFile(file, rows.join('\r\n'));
    const size = (await fs.stat(file)).size;
    expect(size).toBeGreaterThan(48 * 1024 * 1024);
    expect(size).toBeLessThan(60 * 1024 * 1024);
    const started = Date.now();
    expect(await runImport(parseImportArgs([file, '--source', 'big']), db.db, log)).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    const out = lines.join('\n');
    expect(out).toContain('Import of big: 13 records: 3 imported, 0 updated, 0 unchanged, 10 skipped, 0 marked inactive.');
    expect(out).toMatch(/big-services\.csv row 2 \(id big-0\): description: 5,130,000 characters, over the 100,000 limit for one field/);
    expect(await servicesCollection(db.db).countDocuments({ source: 'big' })).toBe(3);
    expect(await servicesCollection(db.db).findOne({ _id: 'big:ok-0' })).toMatchObject({ description: 'Every week.' });
  });
});
