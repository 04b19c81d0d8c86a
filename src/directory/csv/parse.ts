/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, a doubled quote
 * inside quotes is one quote, quoted fields may hold commas and line breaks; CRLF, LF or CR line
 * ends; a UTF-8 byte order mark is ignored. No dependency.
 *
 * A problem confined to one row (a stray quote, text after a closing quote, the wrong number of
 * fields) is kept on that row so the caller can skip it and say why. A quote that is never closed
 * swallows the rest of the file, so it is an error for the whole file.
 */

/** The file cannot be read as CSV at all; the message names the file, line and column. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
}

export interface CsvRowProblem {
  /** Header name of the column the problem is in, when there is one. */
  column?: string;
  reason: string;
}

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1, the first record row 2. */
  row: number;
  /** Line of the file where the row starts (differs from `row` when quoted fields hold line breaks). */
  line: number;
  values: string[];
  problem?: CsvRowProblem;
}

export interface CsvTable {
  file: string;
  /** Column names, trimmed and lower-cased (HSDS names are lower case). */
  header: string[];
  rows: CsvRow[];
}

interface RawRecord {
  line: number;
  values: string[];
  /** Index of the field with a quoting problem, and what it is. */
  problem?: { field: number; reason: string };
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** The characters that end or break an unquoted field (a regular expression scans far faster than a loop). */
const SPECIAL = /[,\r\n"]/g;
/** No directory field is this long; a longer one is a broken export (or an attack), not text to keep. */
export const MAX_FIELD_CHARS = 100_000;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Every record of the text as raw values (no header handling). Throws CsvError for an unclosed quote. */
export function parseCsvRecords(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const record: RawRecord = { line, values: [] };
    let quotedAny = false;
    // One field per pass; `i` stops on the delimiter that ends it.
    for (;;) {
      const field = record.values.length;
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        quotedAny = true;
        const startLine = line;
        const parts: string[] = [];
        let at = i + 1;
        for (;;) {
          const close = text.indexOf('"', at);
          if (close < 0) {
            throw new CsvError(
              `${file}: the quoted field that starts on line ${startLine} (field ${field + 1}) has no closing quote, so the rest of the file cannot be read; check the quotes on that line.`,
            );
          }
          line += countLineBreaks(text, at, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts.push(text.slice(at, close + 1));
            at = close + 2;
            continue;
          }
          parts.push(text.slice(at, close));
          i = close + 1;
          break;
        }
        value = parts.join('');
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          // `"abc"def`: keep the text, flag the row.
          let end = i;
          while (end < n && text.charCodeAt(end) !== COMMA && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
          record.problem ??= { field, reason: 'text after the closing quote (a quote inside a field must be doubled: "")' };
          value += text.slice(i, end);
          i = end;
        }
      } else {
        let end = i;
        let strayQuote = false;
        for (;;) {
          SPECIAL.lastIndex = end;
          const found = SPECIAL.exec(text);
          end = found ? found.index : n;
          if (found?.[0] !== '"') break;
          strayQuote = true;
          end++;
        }
        if (strayQuote) record.problem ??= { field, reason: 'a quote inside a field that does not start with a quote (put the field in quotes and double the quote: "")' };
        value = text.slice(i, end);
        i = end;
      }
      record.values.push(value);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i === n) record.values.push('');
        else continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      if (c === CR || c === LF) line++;
      break;
    }
    // A blank line is not a record.
    if (!(record.values.length === 1 && record.values[0] === '' && !quotedAny)) records.push(record);
  }
  return records;
}

/** A CSV file with a header row: column names checked, each row's field count and field lengths checked. */
export function parseCsv(text: string, file: string, options: { maxFieldChars?: number } = {}): CsvTable {
  const maxFieldChars = options.maxFieldChars ?? MAX_FIELD_CHARS;
  const records = parseCsvRecords(text, file);
  if (records.length === 0) throw new CsvError(`${file} is empty (no header row).`);
  const [head, ...body] = records;
  if (head.problem) throw new CsvError(`${file}: the header row (line ${head.line}) is not valid CSV: ${head.problem.reason}.`);
  const header = head.values.map((h) => h.trim().toLowerCase());
  header.forEach((name, index) => {
    if (!name) throw new CsvError(`${file}: column ${index + 1} of the header row has no name.`);
    if (header.indexOf(name) !== index) throw new CsvError(`${file}: the header row names the column "${name}" twice.`);
  });
  const rows = body.map((r, index): CsvRow => {
    const row: CsvRow = { row: index + 2, line: r.line, values: r.values };
    if (r.problem) row.problem = { column: header[r.problem.field] ?? `field ${r.problem.field + 1}`, reason: r.problem.reason };
    else if (r.values.length !== header.length) {
      const n = r.values.length;
      const hint = n < header.length ? 'a line break inside a field that is not in quotes?' : 'a comma inside a field that is not in quotes?';
      row.problem = { reason: `has ${n} ${n === 1 ? 'field' : 'fields'}; the header row has ${header.length} (${hint})` };
    } else {
      const long = r.values.findIndex((v) => v.length > maxFieldChars);
      if (long >= 0) row.problem = { column: header[long], reason: `${r.values[long].length.toLocaleString('en-GB')} characters, over the ${maxFieldChars.toLocaleString('en-GB')} limit for one field` };
    }
    return row;
  });
  return { file, header, rows };
}

/**
 * A row as named fields. Empty and blank values are left out (CSV cannot tell "empty" from "absent",
 * and HSDS readers treat both as absent). Fields past the header are dropped.
 */
export function rowFields(table: CsvTable, row: CsvRow): Record<string, string> {
  const fields: Record<string, string> = {};
  table.header.forEach((name, index) => {
    const value = row.values[index];
    if (value !== undefined && value.trim() !== '') fields[name] = value;
  });
  return fields;
}
