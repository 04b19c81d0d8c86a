import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { describeCsvProblem, importHsdsCsv, isCsvRecordProblem } from './csv/hsdsCsv';
import { describeProblem, importServices, ImportInputError, topReasons, type ImportReport, type RecordProblem } from './import';
import { ActivityListError, importActivityList, OPENACTIVE_ATTRIBUTION, parseActivityList, type TaxonomyImportReport } from './openactive';
import { retireSampleDirectory, SAMPLE_SOURCE } from './sample';
import { fetchServicesFromApi, isUrl, readJsonFile, SourceError } from './sources';
import { ensureDirectoryIndexes } from './index';
import { ensureIndexes } from '../store/indexes';

/**
 * What is imported: Open Referral UK JSON (a file, or a paged API URL), HSDS 3.0 CSV tables (a
 * directory, or one services.csv), or the OpenActive activity list (SKOS JSON-LD) into `taxonomies`.
 */
export const IMPORT_FORMATS = ['json', 'csv', 'openactive'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `npm run import -- <file|dir|url> [--format json|csv|openactive] [--source NAME] [--full] [--batch-size N] [--max-mb N]` */
export interface ImportArgs {
  from: string;
  source: string;
  full: boolean;
  batchSize?: number;
  maxMb?: number;
  /** Unset: from the argument (a directory or .csv is csv, .jsonld is openactive, the rest json). */
  format?: ImportFormat;
}

export const IMPORT_USAGE =
  'Usage: npm run import -- <file.json|dir-of-csv|services.csv|activity-list.jsonld|https://host/api> [--format json|csv|openactive] [--source NAME] [--full] [--batch-size N] [--max-mb N]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let from: string | undefined;
  let source: string | undefined;
  let full = false;
  let batchSize: number | undefined;
  let maxMb: number | undefined;
  let format: ImportFormat | undefined;
  const readFormat = (value: string | undefined): ImportFormat => {
    const f = value?.trim().toLowerCase() === 'oruk' ? 'json' : value?.trim().toLowerCase();
    if (!(IMPORT_FORMATS as readonly (string | undefined)[]).includes(f)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')} (got ${value ?? 'nothing'}).\n${IMPORT_USAGE}`);
    return f as ImportFormat;
  };
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!value || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a positive number.\n${IMPORT_USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--full') full = true;
    else if (arg === '--source') source = argv[++i];
    else if (arg.startsWith('--source=')) source = arg.slice('--source='.length);
    else if (arg === '--batch-size') batchSize = number(arg, argv[++i]);
    else if (arg === '--max-mb') maxMb = number(arg, argv[++i]);
    else if (arg === '--format') format = readFormat(argv[++i]);
    else if (arg.startsWith('--format=')) format = readFormat(arg.slice('--format='.length));
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.\n${IMPORT_USAGE}`);
    else if (from === undefined) from = arg;
    else throw new UsageError(`One file or URL at a time (got ${from} and ${arg}).\n${IMPORT_USAGE}`);
  }
  if (!from) throw new UsageError(IMPORT_USAGE);
  source ??= defaultSource(from);
  if (!source) throw new UsageError(`Name the source with --source NAME.\n${IMPORT_USAGE}`);
  if (format && format !== 'json' && isUrl(from)) throw new UsageError(`A URL is read as an Open Referral UK API; --format ${format} needs a file or directory.\n${IMPORT_USAGE}`);
  return { from, source, full, batchSize, maxMb, format };
}

/** The format named with --format, else from the argument: a directory or .csv is csv, .jsonld is openactive. */
export async function detectFormat(args: ImportArgs): Promise<ImportFormat> {
  if (args.format) return args.format;
  if (isUrl(args.from)) return 'json';
  if (/\.csv$/i.test(args.from)) return 'csv';
  if (/\.jsonld$/i.test(args.from)) return 'openactive';
  const stat = await fs.stat(args.from).catch(() => undefined);
  return stat?.isDirectory() ? 'csv' : 'json';
}

/** A source name from the file name or host: "north-lincolnshire-services.json" gives "north-lincolnshire-services". */
function defaultSource(from: string): string {
  const raw = isUrl(from) ? new URL(from).hostname : path.basename(from).replace(/\.[^.]+$/, '');
  return raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
}

/** A CSV problem names its file and row; a JSON one its position in the payload. */
const describe = (p: RecordProblem): string => (isCsvRecordProblem(p) ? describeCsvProblem(p) : describeProblem(p));

export function summarise(report: ImportReport): string[] {
  const lines = [
    `Import of ${report.source}: ${report.total} records: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped, ${report.markedInactive} marked inactive.`,
  ];
  if (report.skipped.length > 0) {
    lines.push('Skipped, by reason:');
    for (const r of topReasons(report.skipped, 10)) lines.push(`  ${r.count} × ${r.reason}`);
    for (const p of report.skipped.slice(0, 20)) lines.push(`  ${describe(p)}`);
    if (report.skipped.length > 20) lines.push(`  … and ${report.skipped.length - 20} more`);
  }
  if (report.warningCount > 0) {
    lines.push(`Fields or rows dropped (the rest was imported): ${report.warningCount}`);
    for (const r of topReasons(report.warnings, 5)) lines.push(`  ${r.count} × ${r.reason}`);
    for (const p of report.warnings.filter(isCsvRecordProblem).slice(0, 10)) lines.push(`  ${describe(p)}`);
  }
  if (report.failure) {
    lines.push(
      `FAILED writing records ${report.failure.batch.from} to ${report.failure.batch.to}: ${report.failure.error}`,
      report.failure.restored
        ? 'That batch was put back as it was; earlier batches are imported. Fix the cause and import again (unchanged records are skipped).'
        : 'That batch could NOT be put back: check the services collection before importing again.',
    );
  }
  return lines;
}

/** Runs one import against a database; returns the exit code (0 ok, 1 failed). Never throws for bad input. */
export async function runImport(args: ImportArgs, db: Db, log: (line: string) => void): Promise<number> {
  let payload: unknown;
  try {
    const format = await detectFormat(args);
    if (format === 'csv') return await runCsvImport(args, db, log);
    if (format === 'openactive') return await runActivityListImport(args, db, log);
    if (isUrl(args.from)) {
      log(`Fetching ${args.from} …`);
      payload = await fetchServicesFromApi(args.from, {
        onPage: (page, total, count) => log(`  page ${page}${total ? ` of ${total}` : ''}: ${count} services`),
      });
    } else {
      const file = await readJsonFile(args.from, { maxBytes: args.maxMb ? args.maxMb * 1024 * 1024 : undefined });
      payload = file.payload;
      log(`Read ${path.basename(args.from)} (${(file.bytes / 1024).toFixed(0)} KB).`);
    }
    await ensureDirectoryIndexes(db);
    await retireSampleBefore(args, db, log);
    const report = await importServices(db, payload, {
      source: args.source,
      full: args.full,
      batchSize: args.batchSize,
      onProgress: (p) => log(`  ${p.done}/${p.total} records written or checked (${p.imported} new, ${p.updated} updated, ${p.unchanged} unchanged)`),
    });
    for (const line of summarise(report)) log(line);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ImportInputError || error instanceof ActivityListError) {
      log(`Import refused: ${error.message}`);
      return 1;
    }
    log(`Import failed: ${(error as Error).message}`);
    return 1;
  }
}

const progressLine = (p: { done: number; total: number; imported: number; updated: number; unchanged: number }, what = 'records') =>
  `  ${p.done}/${p.total} ${what} written or checked (${p.imported} new, ${p.updated} updated, ${p.unchanged} unchanged)`;

/** HSDS 3.0 CSV: a directory of tables, or one services.csv. */
async function runCsvImport(args: ImportArgs, db: Db, log: (line: string) => void): Promise<number> {
  log(`Reading HSDS CSV from ${args.from} …`);
  await ensureDirectoryIndexes(db);
  await retireSampleBefore(args, db, log);
  const report = await importHsdsCsv(db, args.from, {
    source: args.source,
    full: args.full,
    batchSize: args.batchSize,
    maxBytes: args.maxMb ? args.maxMb * 1024 * 1024 : undefined,
    onRead: ({ tables, ignoredFiles }) => {
      log(`Read ${tables.map((t) => `${t.file} (${t.rows} ${t.rows === 1 ? 'row' : 'rows'})`).join(', ')}.`);
      if (ignoredFiles.length > 0) log(`Not read (not an HSDS table this import uses): ${ignoredFiles.join(', ')}.`);
    },
    onProgress: (p) => log(progressLine(p)),
  });
  for (const line of summarise(report)) log(line);
  return report.ok ? 0 : 1;
}

/**
 * A real directory is coming in: the fictional sample goes out of suggestions before its first record
 * is written, so an import that fails or is killed part way never leaves made-up places suggested
 * beside real ones (at worst, fewer real ones until the import is run again).
 */
async function retireSampleBefore(args: ImportArgs, db: Db, log: (line: string) => void): Promise<void> {
  if (args.source === SAMPLE_SOURCE) return;
  const retired = await retireSampleDirectory(db);
  if (retired > 0) log(`The fictional sample directory is no longer suggested (${retired} activities marked inactive).`);
}

/** The OpenActive activity list into `taxonomies` (always the whole vocabulary). */
async function runActivityListImport(args: ImportArgs, db: Db, log: (line: string) => void): Promise<number> {
  const file = await readJsonFile(args.from, { maxBytes: args.maxMb ? args.maxMb * 1024 * 1024 : undefined });
  log(`Read ${path.basename(args.from)} (${(file.bytes / 1024).toFixed(0)} KB): ${OPENACTIVE_ATTRIBUTION}.`);
  const parsed = parseActivityList(file.payload);
  await ensureIndexes(db);
  const report = await importActivityList(db, parsed, { batchSize: args.batchSize, onProgress: (p) => log(progressLine(p, 'concepts')) });
  for (const line of summariseTaxonomy(report)) log(line);
  return report.ok ? 0 : 1;
}

export function summariseTaxonomy(report: TaxonomyImportReport): string[] {
  const lines = [
    `Import of ${report.vocabulary}: ${report.total} concepts: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped, ${report.markedInactive} marked inactive.`,
  ];
  const one = (p: { index: number; id?: string; field: string; reason: string }) => `  concept ${p.index}${p.id ? ` (${p.id})` : ''}: ${p.field}: ${p.reason}`;
  if (report.skipped.length > 0) {
    lines.push('Skipped:');
    for (const p of report.skipped.slice(0, 20)) lines.push(one(p));
    if (report.skipped.length > 20) lines.push(`  … and ${report.skipped.length - 20} more`);
  }
  if (report.warnings.length > 0) {
    lines.push(`Links dropped: ${report.warnings.length}`);
    for (const p of report.warnings.slice(0, 10)) lines.push(one(p));
  }
  if (report.failure) {
    lines.push(
      `FAILED writing concepts ${report.failure.batch.from} to ${report.failure.batch.to}: ${report.failure.error}`,
      report.failure.restored ? 'That batch was put back as it was. Fix the cause and import again.' : 'That batch could NOT be put back: check the taxonomies collection before importing again.',
    );
  }
  return lines;
}
