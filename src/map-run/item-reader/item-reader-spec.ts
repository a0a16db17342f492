// What every reader shares: the evaluated ItemReader the engine hands over (its spec is declared with the
// port, docs/aws-behaviour.md#item-readers), the counters, the size limits and the CSV delimiter bytes.
import type { CsvDelimiter, ItemReaderSpec } from '../../engine';

export type { CsvDelimiter, ItemReaderSpec };

/** Counters for reporting; anything a reader skips is counted here, never dropped silently. */
export interface ItemReaderStats {
  /** Items produced (CSV data rows, JSON elements, JSONL lines, listed objects); headers excluded. */
  rowsRead: number;
  /** Fully empty CSV lines and blank JSONL lines that made no item. */
  blankLinesSkipped: number;
  /** Object bytes received from GetObject. */
  bytesRead: number;
}

export interface ItemReaderIterable extends AsyncIterable<unknown> {
  /** Updated as items are read; reset when a new iteration starts. */
  readonly stats: Readonly<ItemReaderStats>;
}

/** Size limits; the defaults are what the runtime uses, tests shrink them. */
export interface ItemReaderLimits {
  /** CSV header record (FIRST_ROW) or the GIVEN headers joined by the delimiter; AWS documents 10 KiB. */
  readonly maxHeaderBytes: number;
  /** One CSV record or JSONL line. [UNCONFIRMED] 256 KiB, the child input quota an item must fit in anyway. */
  readonly maxRowBytes: number;
  /** A JSON (array) object is parsed whole, so it is buffered up to this size. */
  readonly maxJsonBytes: number;
}

export const DEFAULT_LIMITS: ItemReaderLimits = {
  maxHeaderBytes: 10 * 1024,
  maxRowBytes: 256 * 1024,
  maxJsonBytes: 256 * 1024 * 1024,
};

export const DELIMITER_BYTES: Readonly<Record<CsvDelimiter, number>> = {
  COMMA: 0x2c,
  PIPE: 0x7c,
  SEMICOLON: 0x3b,
  SPACE: 0x20,
  TAB: 0x09,
};

export function newStats(): ItemReaderStats {
  return { rowsRead: 0, blankLinesSkipped: 0, bytesRead: 0 };
}

/** "s3://bucket/key" for causes. */
export function objectLocation(spec: Pick<ItemReaderSpec, 'bucket' | 'key'>): string {
  return spec.key === undefined ? `s3://${spec.bucket}` : `s3://${spec.bucket}/${spec.key}`;
}
