// The evaluated ItemReader of a Distributed Map (docs/aws-behaviour.md#item-readers): Parameters/Arguments and ReaderConfig after the
// runtime resolved every Path and JSONata expression. The readers validate it lazily, on the first read, so
// problems surface as MapRunFailed States.ItemReaderFailed as on AWS.

export type CsvDelimiter = 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';

export interface ItemReaderSpec {
  readonly resource: 'getObject' | 'listObjectsV2';
  readonly bucket: string;
  readonly key?: string;
  readonly prefix?: string;
  readonly versionId?: string;
  /** Defaults to JSON for getObject (the only type before ReaderConfig.InputType existed). */
  readonly inputType?: 'CSV' | 'JSON' | 'JSONL';
  /** [UNCONFIRMED] whether AWS requires it; defaults to FIRST_ROW, as CDK emits. */
  readonly csvHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  readonly csvHeaders?: readonly string[];
  readonly csvDelimiter?: CsvDelimiter;
  /** First N items; 0 = all. */
  readonly maxItems: number;
  /** ReaderConfig fields AWS accepts but the sandbox does not implement, as set: they fail the read, never ignored. */
  readonly unsupported?: readonly string[];
}

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
