import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { importServices, type ImportOptions, type ImportReport, type RecordProblem } from '../import';
import { decodeUtf8, DEFAULT_MAX_FILE_BYTES, SourceError } from '../sources';
import { CsvError, parseCsv, rowFields, type CsvRowProblem, type CsvTable } from './parse';

/**
 * HSDS 3.0 tabular data (one CSV file per table, as in Open Referral's `examples/csv` and
 * `datapackage.json`) assembled into HSDS 3.0 service objects, which then go through the same
 * import as JSON (`importServices`): same validation, HTML to plain text, upserts and inactive marking.
 *
 * `services.csv` is required; the other tables are optional and joined by their id columns:
 * organizations (services.organization_id), service_at_locations -> locations -> addresses and
 * accessibility, phones / cost_options / languages (service_id), schedules (service_id or
 * service_at_location_id), and attributes (link_id + link_entity) -> taxonomy_terms.
 *
 * Every problem names the CSV file, the row (as a spreadsheet numbers it) and the column. A row that
 * is broken (stray quote, wrong number of fields) skips the services it belongs to, so no service is
 * imported with part of its data missing; the file as a whole is refused when it cannot be read at all.
 */

export const HSDS_CSV_TABLES = [
  'services',
  'organizations',
  'locations',
  'service_at_locations',
  'addresses',
  'phones',
  'schedules',
  'cost_options',
  'languages',
  'taxonomy_terms',
  'attributes',
  'accessibility',
] as const;
export type HsdsCsvTableName = (typeof HSDS_CSV_TABLES)[number];

/** Older HSDS examples name the files in the singular (service.csv, phone.csv). */
const SINGULAR: Record<string, HsdsCsvTableName> = {
  service: 'services',
  organization: 'organizations',
  location: 'locations',
  service_at_location: 'service_at_locations',
  address: 'addresses',
  phone: 'phones',
  schedule: 'schedules',
  cost_option: 'cost_options',
  language: 'languages',
  taxonomy_term: 'taxonomy_terms',
  attribute: 'attributes',
};

/** Columns a table must have to be joined: each inner list needs at least one of its names. */
const REQUIRED_COLUMNS: Record<HsdsCsvTableName, string[][]> = {
  services: [['id'], ['name']],
  organizations: [['id']],
  locations: [['id']],
  service_at_locations: [['service_id'], ['location_id']],
  addresses: [['location_id']],
  phones: [['service_id']],
  schedules: [['service_id', 'service_at_location_id']],
  cost_options: [['service_id']],
  languages: [['service_id']],
  taxonomy_terms: [['id']],
  attributes: [['link_id'], ['taxonomy_term_id']],
  accessibility: [['location_id']],
};

/** A record problem with the CSV file and row it comes from. */
export interface CsvRecordProblem extends RecordProblem {
  file: string;
  row: number;
}

export const isCsvRecordProblem = (p: RecordProblem): p is CsvRecordProblem => 'file' in p && 'row' in p;

export type HsdsCsvTables = Partial<Record<HsdsCsvTableName, CsvTable>>;

export interface HsdsCsvImportReport extends ImportReport {
  /** The tables read, with their number of rows. */
  tables: { file: string; rows: number }[];
  /** CSV files in the directory that are not HSDS tables we read. */
  ignoredFiles: string[];
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const MAX_WARNINGS = 200;

/** The table files to read: every known table in a directory, or one file read as services.csv. */
export async function findHsdsCsvFiles(from: string): Promise<{ files: Partial<Record<HsdsCsvTableName, string>>; ignored: string[] }> {
  let stat;
  try {
    stat = await fs.stat(from);
  } catch (error) {
    throw new SourceError(`Cannot read ${from}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (stat.isFile()) return { files: { services: from }, ignored: [] };
  if (!stat.isDirectory()) throw new SourceError(`${from} is neither a file nor a directory.`);
  const files: Partial<Record<HsdsCsvTableName, string>> = {};
  const ignored: string[] = [];
  for (const entry of (await fs.readdir(from)).sort()) {
    if (!/\.csv$/i.test(entry)) continue;
    const base = entry.replace(/\.csv$/i, '').toLowerCase();
    const table = (HSDS_CSV_TABLES as readonly string[]).includes(base) ? (base as HsdsCsvTableName) : SINGULAR[base];
    if (table && !files[table]) files[table] = path.join(from, entry);
    else ignored.push(entry);
  }
  if (!files.services) {
    throw new SourceError(`${from} has no services.csv. An HSDS CSV directory needs services.csv, and may add ${HSDS_CSV_TABLES.slice(1).map((t) => `${t}.csv`).join(', ')}.`);
  }
  return { files, ignored };
}

/**
 * Reads and parses the tables, refusing (SourceError, nothing read into the database) when they are
 * together over the size limit, not UTF-8, not CSV, or miss a column needed to join them.
 */
export async function readHsdsCsv(from: string, options: { maxBytes?: number } = {}): Promise<{ tables: HsdsCsvTables; bytes: number; ignored: string[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, ignored } = await findHsdsCsvFiles(from);
  const entries = HSDS_CSV_TABLES.flatMap((t): [HsdsCsvTableName, string][] => (files[t] ? [[t, files[t]]] : []));
  const sizes = await Promise.all(entries.map(async ([, file]) => (await fs.stat(file)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > maxBytes) {
    const what = entries.length === 1 ? path.basename(entries[0][1]) : `The CSV tables in ${path.basename(from)}`;
    throw new SourceError(`${what} ${entries.length === 1 ? 'is' : 'are'} ${mb(total)}${entries.length === 1 ? '' : ' together'}, over the ${mb(maxBytes)} limit for one import; split it into smaller files (or raise the limit with --max-mb).`);
  }
  const tables: HsdsCsvTables = {};
  let bytes = 0;
  for (const [name, file] of entries) {
    const where = path.basename(file);
    const data = await fs.readFile(file);
    bytes += data.length;
    if (bytes > maxBytes) throw new SourceError(`${where} grew over the ${mb(maxBytes)} limit while being read.`);
    if (data.length === 0) throw new SourceError(`${where} is empty.`);
    let table: CsvTable;
    try {
      table = parseCsv(decodeUtf8(data, where), where);
    } catch (error) {
      if (error instanceof CsvError) throw new SourceError(error.message);
      throw error;
    }
    for (const oneOf of REQUIRED_COLUMNS[name]) {
      if (!oneOf.some((c) => table.header.includes(c))) {
        throw new SourceError(`${where} has no ${oneOf.map((c) => `"${c}"`).join(' or ')} column (its columns: ${table.header.join(', ')}).`);
      }
    }
    tables[name] = table;
  }
  return { tables, bytes, ignored };
}

interface Row {
  file: string;
  row: number;
  fields: Record<string, string>;
  problem?: CsvRowProblem;
}

/** Columns that only join the tables: not part of the objects handed on (the JSON shape nests instead). */
const JOIN_COLUMNS = ['service_id', 'location_id', 'service_at_location_id', 'organization_id', 'link_id', 'phone_id', 'contact_id', 'taxonomy_term_id'];
const content = (r: Row): Record<string, string> => {
  const out = { ...r.fields };
  for (const c of JOIN_COLUMNS) delete out[c];
  return out;
};

function rowsOf(table: CsvTable | undefined): Row[] {
  if (!table) return [];
  return table.rows.map((r) => ({ file: table.file, row: r.row, fields: rowFields(table, r), problem: r.problem }));
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.fields[key]?.trim();
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

function firstBy(rows: Row[], key: string): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const r of rows) {
    const k = r.fields[key]?.trim();
    if (k && !map.has(k)) map.set(k, r);
  }
  return map;
}

export interface AssembledServices {
  /** HSDS 3.0 service objects, one per services.csv row, in file order. */
  records: unknown[];
  /** Where each record comes from (services.csv row). */
  origins: { file: string; row: number }[];
  /** Records that must be skipped because a row of theirs is broken: record index to the problem. */
  broken: Map<number, CsvRecordProblem>;
  /** Rows that could not be joined (unknown ids) or read; dropped, the rest imported. */
  warnings: CsvRecordProblem[];
}

/** Joins the tables into HSDS 3.0 service objects (no validation here: importServices does that). */
export function assembleHsdsServices(tables: HsdsCsvTables): AssembledServices {
  const warnings: CsvRecordProblem[] = [];
  const warn = (r: Row, field: string, reason: string, index = -1, id?: string) => warnings.push({ index, id, file: r.file, row: r.row, field, reason });

  const services = rowsOf(tables.services);
  const serviceIndex = new Map<string, number>();
  services.forEach((r, index) => {
    const id = r.fields.id?.trim();
    if (id && !serviceIndex.has(id)) serviceIndex.set(id, index);
  });
  const all = {
    organizations: rowsOf(tables.organizations),
    locations: rowsOf(tables.locations),
    sal: rowsOf(tables.service_at_locations),
    addresses: rowsOf(tables.addresses),
    phones: rowsOf(tables.phones),
    schedules: rowsOf(tables.schedules),
    costs: rowsOf(tables.cost_options),
    languages: rowsOf(tables.languages),
    terms: rowsOf(tables.taxonomy_terms),
    attributes: rowsOf(tables.attributes),
    accessibility: rowsOf(tables.accessibility),
  };

  // Which services a row belongs to (read from broken rows too, as far as their fields go).
  const servicesWithOrg = groupBy(services, 'organization_id');
  const salsByLocation = groupBy(all.sal, 'location_id');
  const salById = firstBy(all.sal, 'id');
  const attributesByTerm = groupBy(all.attributes, 'taxonomy_term_id');
  const servicesAtLocation = (locationId: string | undefined): string[] =>
    (locationId ? (salsByLocation.get(locationId.trim()) ?? []) : []).flatMap((s) => (s.fields.service_id ? [s.fields.service_id.trim()] : []));
  const servicesOfOrg = (orgId: string | undefined): string[] => (orgId ? (servicesWithOrg.get(orgId.trim()) ?? []) : []).flatMap((s) => (s.fields.id ? [s.fields.id.trim()] : []));
  const attributeServices = (f: Record<string, string>): string[] => {
    const link = f.link_id?.trim();
    if (!link) return [];
    const entity = f.link_entity?.trim().toLowerCase();
    if (entity === 'location') return servicesAtLocation(link);
    if (entity === 'organization') return servicesOfOrg(link);
    if (entity === 'service' || serviceIndex.has(link)) return [link];
    return servicesAtLocation(link);
  };
  const ownersOf = (table: keyof typeof all, f: Record<string, string>): string[] => {
    switch (table) {
      case 'organizations':
        return servicesOfOrg(f.id);
      case 'locations':
        return servicesAtLocation(f.id);
      case 'addresses':
      case 'accessibility':
        return servicesAtLocation(f.location_id);
      case 'schedules': {
        const viaSal = f.service_at_location_id ? salById.get(f.service_at_location_id.trim())?.fields.service_id : undefined;
        return [f.service_id, viaSal].flatMap((v) => (v ? [v.trim()] : []));
      }
      case 'attributes':
        return attributeServices(f);
      case 'terms':
        return (attributesByTerm.get(f.id?.trim() ?? '') ?? []).flatMap((a) => attributeServices(a.fields));
      default:
        return f.service_id ? [f.service_id.trim()] : [];
    }
  };

  const broken = new Map<number, CsvRecordProblem>();
  services.forEach((r, index) => {
    if (r.problem) broken.set(index, { index, id: r.fields.id?.trim(), file: r.file, row: r.row, field: r.problem.column ?? '(row)', reason: r.problem.reason });
  });
  // A broken row in another table: the services it belongs to are skipped (not imported without it).
  for (const [table, rows] of Object.entries(all) as [keyof typeof all, Row[]][]) {
    for (const r of rows) {
      if (!r.problem) continue;
      const owners = [...new Set(ownersOf(table, r.fields))].filter((id) => serviceIndex.has(id));
      for (const id of owners) {
        const index = serviceIndex.get(id)!;
        if (!broken.has(index)) broken.set(index, { index, id, file: r.file, row: r.row, field: r.problem.column ?? '(row)', reason: r.problem.reason });
      }
      if (owners.length === 0) warn(r, r.problem.column ?? '(row)', `${r.problem.reason}; row ignored (no service in services.csv is linked to it)`);
    }
  }

  const sound = (rows: Row[]) => rows.filter((r) => !r.problem);
  const orgById = firstBy(sound(all.organizations), 'id');
  const locationById = firstBy(sound(all.locations), 'id');
  const termById = firstBy(sound(all.terms), 'id');
  const addressesByLocation = groupBy(sound(all.addresses), 'location_id');
  const accessibilityByLocation = groupBy(sound(all.accessibility), 'location_id');
  const salsByService = groupBy(sound(all.sal), 'service_id');
  const phonesByService = groupBy(sound(all.phones), 'service_id');
  const costsByService = groupBy(sound(all.costs), 'service_id');
  const languagesByService = groupBy(sound(all.languages), 'service_id');
  const schedulesByService = groupBy(sound(all.schedules), 'service_id');
  const schedulesBySal = groupBy(sound(all.schedules), 'service_at_location_id');
  const attributesByLink = groupBy(sound(all.attributes), 'link_id');

  const attributesOf = (id: string, entity: 'service' | 'location') =>
    (attributesByLink.get(id) ?? [])
      .filter((a) => {
        const e = a.fields.link_entity?.trim().toLowerCase();
        return e ? e === entity : entity === 'service' ? serviceIndex.has(id) : !serviceIndex.has(id);
      })
      .map((a) => {
        const termId = a.fields.taxonomy_term_id?.trim();
        const term = termId ? termById.get(termId) : undefined;
        if (termId && !term && tables.taxonomy_terms) warn(a, 'taxonomy_term_id', `no term "${termId}" in taxonomy_terms.csv; kept by its id only`);
        return { ...content(a), taxonomy_term: term ? content(term) : termId ? { id: termId } : undefined };
      });

  const locationObject = (id: string) => {
    const loc = locationById.get(id)!;
    return {
      ...content(loc),
      addresses: (addressesByLocation.get(id) ?? []).map(content),
      accessibility: (accessibilityByLocation.get(id) ?? []).map(content),
      attributes: attributesOf(id, 'location'),
    };
  };

  // Rows that point at something that is not there: said once, not silently lost.
  const unknownService = (rows: Row[], column: string) => {
    for (const r of sound(rows)) {
      const id = r.fields[column]?.trim();
      if (id && !serviceIndex.has(id)) warn(r, column, `no service with id "${id}" in services.csv; row ignored`);
    }
  };
  unknownService(all.sal, 'service_id');
  unknownService(all.phones, 'service_id');
  unknownService(all.costs, 'service_id');
  unknownService(all.languages, 'service_id');
  for (const r of sound(all.schedules)) {
    const sal = r.fields.service_at_location_id?.trim();
    const service = r.fields.service_id?.trim();
    if (service && !serviceIndex.has(service)) warn(r, 'service_id', `no service with id "${service}" in services.csv; row ignored`);
    else if (!service && sal && !salById.has(sal)) warn(r, 'service_at_location_id', `no row with id "${sal}" in service_at_locations.csv; row ignored`);
  }
  for (const r of sound(all.attributes)) {
    const link = r.fields.link_id?.trim();
    if (link && !serviceIndex.has(link) && !locationById.has(link) && !orgById.has(link)) warn(r, 'link_id', `nothing with id "${link}" in services.csv or locations.csv; row ignored`);
  }

  const records: unknown[] = [];
  const origins: { file: string; row: number }[] = [];
  services.forEach((r, index) => {
    origins.push({ file: r.file, row: r.row });
    const id = r.fields.id?.trim();
    if (broken.has(index)) {
      // Only the id goes on, so that importServices skips the record (it has no name) yet counts the id
      // as present in a full import; the reason shown is the CSV problem.
      records.push(id ? { id } : {});
      return;
    }
    const service: Record<string, unknown> = content(r);
    if (!id) {
      records.push(service);
      return;
    }
    const orgId = r.fields.organization_id?.trim();
    if (orgId) {
      const org = orgById.get(orgId);
      if (!org && tables.organizations) warn(r, 'organization_id', `no organisation "${orgId}" in organizations.csv; kept by its id only`, index, id);
      service.organization = org ? content(org) : { id: orgId };
    }
    const sals = salsByService.get(id) ?? [];
    service.service_at_locations = sals.flatMap((sal) => {
      const locationId = sal.fields.location_id?.trim();
      if (!locationId) return [];
      if (!locationById.has(locationId)) {
        warn(sal, 'location_id', `no location "${locationId}" in locations.csv; row ignored`, index, id);
        return [];
      }
      return [{ ...content(sal), location: locationObject(locationId) }];
    });
    service.phones = (phonesByService.get(id) ?? []).map(content);
    service.cost_options = (costsByService.get(id) ?? []).map(content);
    service.languages = (languagesByService.get(id) ?? []).map(content);
    const salIds = sals.flatMap((s) => (s.fields.id ? [s.fields.id.trim()] : []));
    const schedules = [...(schedulesByService.get(id) ?? []), ...salIds.flatMap((s) => schedulesBySal.get(s) ?? [])];
    service.schedules = [...new Set(schedules)].map(content);
    service.attributes = attributesOf(id, 'service');
    records.push(service);
  });
  return { records, origins, broken, warnings };
}

/**
 * Imports an HSDS CSV directory (or one services.csv) through importServices. Throws SourceError when
 * the files cannot be read (nothing written); otherwise every record is imported or skipped with its
 * CSV file, row and column.
 */
export interface HsdsCsvImportOptions extends ImportOptions {
  maxBytes?: number;
  /** Called once the tables are read, before anything is written. */
  onRead?: (read: { tables: { file: string; rows: number }[]; ignoredFiles: string[] }) => void;
}

export async function importHsdsCsv(db: Db, from: string, options: HsdsCsvImportOptions): Promise<HsdsCsvImportReport> {
  const { tables, ignored } = await readHsdsCsv(from, { maxBytes: options.maxBytes });
  const tableSizes = Object.values(tables).map((t) => ({ file: t.file, rows: t.rows.length }));
  options.onRead?.({ tables: tableSizes, ignoredFiles: ignored });
  const assembled = assembleHsdsServices(tables);
  const { maxBytes: _maxBytes, onRead: _onRead, ...importOptions } = options;
  const report = await importServices(db, assembled.records, importOptions);
  // Payload positions mean nothing to someone with the CSV open: name the file and row instead.
  const rowOf = (index: number) => `${assembled.origins[index].file} row ${assembled.origins[index].row}`;
  const located = (p: RecordProblem): CsvRecordProblem => ({
    ...assembled.origins[p.index],
    ...p,
    reason: p.reason.replace(/\(record (\d+)\)$/, (whole, n: string) => (assembled.origins[Number(n)] ? `(${rowOf(Number(n))})` : whole)),
  });
  const skipped = report.skipped.map((p) => assembled.broken.get(p.index) ?? located(p));
  const warnings = [...assembled.warnings, ...report.warnings.map(located)];
  return {
    ...report,
    skipped,
    warnings: warnings.slice(0, MAX_WARNINGS),
    warningCount: report.warningCount + assembled.warnings.length,
    tables: tableSizes,
    ignoredFiles: ignored,
  };
}

/** One line per CSV problem, for operators: file, row, id, column, why. */
export function describeCsvProblem(p: CsvRecordProblem): string {
  return `${p.file} row ${p.row}${p.id ? ` (id ${p.id})` : ''}: ${p.field}: ${p.reason}`;
}
