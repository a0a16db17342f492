// ItemReader of the Distributed Map (docs/aws-behaviour.md#item-readers): streams items out of S3 through the injected S3Client.
// Every failure is States.ItemReaderFailed (reported as MapRunFailed), except an abort, which passes through.
import type { S3Client } from '@aws-sdk/client-s3';
import { readCsv } from './csv-reader';
import { DEFAULT_LIMITS, newStats, type ItemReaderIterable, type ItemReaderLimits, type ItemReaderSpec, type ItemReaderStats } from './item-reader-spec';
import { readJson } from './json-reader';
import { readJsonl } from './jsonl-reader';
import { readObjectList } from './list-objects-reader';
import { itemReaderFailed } from './reader-error';
import { s3ObjectChunks } from './s3-object-stream';

export type { CsvDelimiter, ItemReaderIterable, ItemReaderLimits, ItemReaderSpec, ItemReaderStats } from './item-reader-spec';
export { DEFAULT_LIMITS } from './item-reader-spec';
export type { ListedObjectItem } from './list-objects-reader';
export { DUPLICATE_HEADERS } from './csv-reader';
export { NON_ITERABLE } from './json-reader';

/** Recorded cause for a negative MaxItems (docs/aws-behaviour.md#item-readers). */
export const MAX_ITEMS_NEGATIVE = 'field MaxItems must be positive';

/**
 * Opens the reader lazily: nothing is fetched until iteration starts, and each iteration reads the object again
 * from the start (resetting `stats`). Leaving the loop early stops the download.
 */
export function openItemReader(s3: S3Client, spec: ItemReaderSpec, signal?: AbortSignal, limits: Partial<ItemReaderLimits> = {}): ItemReaderIterable {
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  let stats = newStats();
  return {
    get stats() {
      return stats;
    },
    [Symbol.asyncIterator]() {
      stats = newStats();
      return readItems(s3, spec, stats, resolved, signal)[Symbol.asyncIterator]();
    },
  };
}

/**
 * Counts the items a reader would produce. The Map Run needs itemCounts.total before the first child finishes to
 * evaluate ToleratedFailurePercentage, and AWS knows it up front; the sandbox gets it by reading the object twice,
 * streaming both times, instead of holding a possibly gigabyte-sized item list in memory.
 */
export async function countItems(s3: S3Client, spec: ItemReaderSpec, signal?: AbortSignal, limits: Partial<ItemReaderLimits> = {}): Promise<number> {
  let count = 0;
  for await (const _ of openItemReader(s3, spec, signal, limits)) count++;
  return count;
}

async function* readItems(s3: S3Client, spec: ItemReaderSpec, stats: ItemReaderStats, limits: ItemReaderLimits, signal?: AbortSignal): AsyncGenerator<unknown> {
  const maxItems = checkSpec(spec);
  let produced = 0;
  for await (const item of source(s3, spec, stats, limits, signal)) {
    signal?.throwIfAborted(); // one S3 chunk holds many rows: stop between rows, not only between chunks
    yield item;
    if (++produced === maxItems) return; // return() closes the source and with it the S3 body
  }
}

function source(s3: S3Client, spec: ItemReaderSpec, stats: ItemReaderStats, limits: ItemReaderLimits, signal?: AbortSignal): AsyncIterable<unknown> {
  if (spec.resource === 'listObjectsV2') return readObjectList(s3, spec, stats, signal);
  const chunks = s3ObjectChunks(s3, spec, stats, signal);
  switch (spec.inputType ?? 'JSON') {
    case 'CSV':
      return readCsv(chunks, spec, stats, limits);
    case 'JSONL':
      return readJsonl(chunks, spec, stats, limits);
    case 'JSON':
      return countRows(readJson(chunks, spec, limits), stats);
    default:
      throw itemReaderFailed(`Unsupported ReaderConfig.InputType '${String(spec.inputType)}'; the sandbox reads CSV, JSON and JSONL.`);
  }
}

async function* countRows(items: AsyncIterable<unknown>, stats: ItemReaderStats): AsyncGenerator<unknown> {
  for await (const item of items) {
    stats.rowsRead++;
    yield item;
  }
}

/** Validates the evaluated spec; returns the item limit (Infinity for "all"). */
function checkSpec(spec: ItemReaderSpec): number {
  if (typeof spec.bucket !== 'string' || spec.bucket === '') throw itemReaderFailed('The ItemReader needs a Bucket.');
  if (spec.resource === 'getObject' && (typeof spec.key !== 'string' || spec.key === '')) {
    throw itemReaderFailed(`The ItemReader needs a Key to read from bucket '${spec.bucket}'.`);
  }
  if (spec.resource !== 'getObject' && spec.resource !== 'listObjectsV2') {
    throw itemReaderFailed(`Unsupported ItemReader resource '${String(spec.resource)}'.`);
  }
  const [unsupported] = spec.unsupported ?? [];
  if (unsupported)
    throw itemReaderFailed(`ReaderConfig ${unsupported} is not supported by the sandbox; it reads CSV, JSON, JSONL and listObjectsV2 as they are.`);
  const { maxItems } = spec;
  if (typeof maxItems !== 'number' || Number.isNaN(maxItems)) throw itemReaderFailed('field MaxItems must be a number');
  if (maxItems < 0) throw itemReaderFailed(MAX_ITEMS_NEGATIVE);
  if (!Number.isInteger(maxItems)) throw itemReaderFailed('field MaxItems must be an integer');
  return maxItems === 0 ? Number.POSITIVE_INFINITY : maxItems;
}
