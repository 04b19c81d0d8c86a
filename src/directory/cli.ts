import path from 'node:path';
import type { Db } from 'mongodb';
import { describeProblem, importServices, ImportInputError, topReasons, type ImportReport } from './import';
import { fetchServicesFromApi, isUrl, readJsonFile, SourceError } from './sources';
import { ensureDirectoryIndexes } from './index';

/** `npm run import -- <file|url> [--source NAME] [--full] [--batch-size N] [--max-mb N]` */
export interface ImportArgs {
  from: string;
  source: string;
  full: boolean;
  batchSize?: number;
  maxMb?: number;
}

export const IMPORT_USAGE = 'Usage: npm run import -- <file.json|https://host/api> [--source NAME] [--full] [--batch-size N] [--max-mb N]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let from: string | undefined;
  let source: string | undefined;
  let full = false;
  let batchSize: number | undefined;
  let maxMb: number | undefined;
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
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.\n${IMPORT_USAGE}`);
    else if (from === undefined) from = arg;
    else throw new UsageError(`One file or URL at a time (got ${from} and ${arg}).\n${IMPORT_USAGE}`);
  }
  if (!from) throw new UsageError(IMPORT_USAGE);
  source ??= defaultSource(from);
  if (!source) throw new UsageError(`Name the source with --source NAME.\n${IMPORT_USAGE}`);
  return { from, source, full, batchSize, maxMb };
}

/** A source name from the file name or host: "north-lincolnshire-services.json" gives "north-lincolnshire-services". */
function defaultSource(from: string): string {
  const raw = isUrl(from) ? new URL(from).hostname : path.basename(from).replace(/\.[^.]+$/, '');
  return raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
}

export function summarise(report: ImportReport): string[] {
  const lines = [
    `Import of ${report.source}: ${report.total} records: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped, ${report.markedInactive} marked inactive.`,
  ];
  if (report.skipped.length > 0) {
    lines.push('Skipped, by reason:');
    for (const r of topReasons(report.skipped, 10)) lines.push(`  ${r.count} × ${r.reason}`);
    for (const p of report.skipped.slice(0, 20)) lines.push(`  ${describeProblem(p)}`);
    if (report.skipped.length > 20) lines.push(`  … and ${report.skipped.length - 20} more`);
  }
  if (report.warningCount > 0) {
    lines.push(`Fields dropped from imported records: ${report.warningCount}`);
    for (const r of topReasons(report.warnings, 5)) lines.push(`  ${r.count} × ${r.reason}`);
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
    const report = await importServices(db, payload, {
      source: args.source,
      full: args.full,
      batchSize: args.batchSize,
      onProgress: (p) => log(`  ${p.done}/${p.total} records written or checked (${p.imported} new, ${p.updated} updated, ${p.unchanged} unchanged)`),
    });
    for (const line of summarise(report)) log(line);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ImportInputError) {
      log(`Import refused: ${error.message}`);
      return 1;
    }
    log(`Import failed: ${(error as Error).message}`);
    return 1;
  }
}
