// One pass over the CSV object with the Distributed Map's own tokenizer, for the scripts' reports: where each
// data row sits in the file (its CSV line, header = line 1), rows that span several lines, invalid UTF-8, and
// whether the header has the columns the pipeline needs. Row numbers are data rows (header excluded, 1-based),
// the same numbers the ItemSelector stores as csvRow; lines are what an editor shows.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CsvDelimiter } from '../engine';
import { CsvSyntaxError, CsvTokenizer, DEFAULT_LIMITS, DELIMITER_BYTES, type CsvRecord } from '../map-run';
import { ORDER_COLUMNS } from './orders-csv';

export interface CsvRowPlace {
  /** 1-based data row (header excluded): the csvRow the ItemSelector stores. */
  readonly row: number;
  /** 1-based physical line where the row starts (the header is line 1). */
  readonly line: number;
  /** The line where it ends: more than `line` when a quoted field holds line breaks. */
  readonly endLine: number;
  /** A field holds what looks like whole CSV rows: a quote that was never closed on its own line merged them. */
  readonly mergesRows: boolean;
  /** Non-empty physical lines the row covers (1 for a one-line row). */
  readonly nonEmptyLines: number;
}

export interface CsvScan {
  readonly headers: readonly string[];
  readonly delimiter: CsvDelimiter;
  readonly rows: number;
  /** Non-empty physical lines after the header. More than `rows` when fields hold line breaks. */
  readonly dataLines: number;
  readonly blankLines: number;
  /** Rows spanning more than one line, in file order. */
  readonly multiLineRows: readonly CsvRowPlace[];
  /** Invalid UTF-8 sequences, each read as U+FFFD. */
  readonly invalidUtf8: number;
  /** The first line holding invalid UTF-8, when there is one. */
  readonly firstInvalidUtf8Line?: number;
  /** The line of a data row, or undefined for a row the file does not have. */
  lineOf(row: number): number | undefined;
}

export type CsvRow = Record<string, string>;

/** The CSV cannot be read: the Map Run's ItemReader fails on it the same way, with this error name and cause. */
export class CsvScanError extends Error {
  override readonly name = 'CsvScanError';
  readonly error = 'States.ItemReaderFailed';
  constructor(override readonly cause: string) {
    super(cause);
  }
}

/**
 * Streams s3://bucket/key once. `onRow` sees every data row as the ItemReader makes it (`{header: value}`, missing
 * fields "", extra ones dropped). A quote never closed fails, naming the line, as the ItemReader does.
 */
export async function scanCsv(
  s3: S3Client,
  location: { readonly bucket: string; readonly key: string; readonly delimiter?: CsvDelimiter },
  onRow?: (row: CsvRow, place: CsvRowPlace) => void,
): Promise<CsvScan> {
  const delimiter = location.delimiter ?? 'COMMA';
  const tokenizer = new CsvTokenizer(DELIMITER_BYTES[delimiter], DEFAULT_LIMITS.maxRowBytes);
  const lines = new LineIndex();
  const multiLineRows: CsvRowPlace[] = [];
  const utf8 = new Utf8Check();
  let headers: string[] | undefined;
  let rows = 0;
  let dataLines = 0;
  const take = (records: CsvRecord[]) => {
    for (const record of records) {
      if (!headers) {
        headers = record.fields;
        continue;
      }
      const place = placeOf(++rows, record, headers.length, DELIMITER_BYTES[delimiter]);
      lines.push(place.line);
      dataLines += place.nonEmptyLines;
      if (place.endLine > place.line) multiLineRows.push(place);
      onRow?.(Object.fromEntries(headers.map((h, i) => [h, record.fields[i] ?? ''])), place);
    }
  };
  const where = `s3://${location.bucket}/${location.key}`;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
    for await (const chunk of res.Body as AsyncIterable<Buffer>) {
      utf8.push(chunk);
      take(tokenizer.push(chunk));
    }
    take(tokenizer.end());
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new CsvScanError(`Invalid CSV in ${where}: ${err.message}.`);
    throw err;
  }
  const invalid = utf8.end();
  return {
    headers: headers ?? [],
    delimiter,
    rows,
    dataLines,
    blankLines: tokenizer.blankLines,
    multiLineRows,
    invalidUtf8: invalid.invalid,
    ...(invalid.firstLine !== undefined ? { firstInvalidUtf8Line: invalid.firstLine } : {}),
    lineOf: (row) => lines.get(row),
  };
}

function placeOf(row: number, record: CsvRecord, columns: number, delimiter: number): CsvRowPlace {
  let breaks = 0;
  let mergesRows = false;
  for (const field of record.fields) {
    const parts = field.split(/\r\n|\r|\n/);
    breaks += parts.length - 1;
    // A line inside a field with a whole row's worth of delimiters is a row swallowed by an open quote.
    if (columns > 1 && parts.slice(1).some((part) => countByte(part, delimiter) >= columns - 1)) mergesRows = true;
  }
  const nonEmptyLines =
    breaks === 0
      ? 1
      : record.fields
          .join(',')
          .split(/\r\n|\r|\n/)
          .filter((l) => l !== '').length;
  return { row, line: record.line, endLine: record.line + breaks, mergesRows, nonEmptyLines };
}

function countByte(text: string, byte: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === byte) n++;
  return n;
}

/** Row → line for every row, 4 bytes a row. */
class LineIndex {
  private lines = new Int32Array(1024);
  private size = 0;

  push(line: number): void {
    if (this.size === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.size++] = line;
  }

  get(row: number): number | undefined {
    return Number.isInteger(row) && row >= 1 && row <= this.size ? this.lines[row - 1] : undefined;
  }
}

/**
 * Counts invalid UTF-8 sequences: the U+FFFD a decoder produces, less those the file itself spells as valid
 * UTF-8 (EF BF BD). `firstLine` is where the first U+FFFD of the text is.
 */
class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8');
  private decoded = 0;
  private spelled = 0;
  private carry = Buffer.alloc(0);
  private line = 1;
  private firstReplacementLine: number | undefined;

  push(chunk: Buffer): void {
    const text = this.decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.line++;
      else if (c === 0xfffd) {
        this.decoded++;
        this.firstReplacementLine ??= this.line;
      }
    }
    // EF BF BD split across two chunks is found in the carried tail.
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    for (let at = bytes.indexOf(REPLACEMENT_UTF8); at >= 0; at = bytes.indexOf(REPLACEMENT_UTF8, at + REPLACEMENT_UTF8.length)) this.spelled++;
    this.carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2)));
  }

  /** After the last chunk: an incomplete sequence at the very end of the object counts too. */
  end(): { invalid: number; firstLine?: number } {
    for (const c of this.decoder.decode()) {
      if (c !== '\ufffd') continue;
      this.decoded++;
      this.firstReplacementLine ??= this.line;
    }
    const invalid = Math.max(0, this.decoded - this.spelled);
    return invalid > 0 ? { invalid, firstLine: this.firstReplacementLine } : { invalid };
  }
}

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** Header check: the columns the pipeline's ItemSelector reads that the header lacks, with a hint at the delimiter. */
export function headerProblem(scan: Pick<CsvScan, 'headers' | 'delimiter'>, where: string, needed: readonly string[] = ORDER_COLUMNS): string | undefined {
  const missing = needed.filter((c) => !scan.headers.includes(c));
  if (missing.length === 0) return undefined;
  const shown = scan.headers.map((h) => JSON.stringify(h)).join(', ');
  const text = `the header (line 1 of ${where}) has ${scan.headers.length} column${scan.headers.length === 1 ? '' : 's'} [${shown}] split by CSVDelimiter ${scan.delimiter}: missing ${missing.join(', ')}`;
  const other = (Object.keys(DELIMITER_BYTES) as CsvDelimiter[]).find(
    (d) => d !== scan.delimiter && d !== 'SPACE' && scan.headers.some((h) => h.includes(String.fromCharCode(DELIMITER_BYTES[d]))),
  );
  return other ? `${text}. The header contains '${String.fromCharCode(DELIMITER_BYTES[other])}': is the file ${other}-separated?` : text;
}
