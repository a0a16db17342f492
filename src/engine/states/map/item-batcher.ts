// ItemBatcher (docs/aws-behaviour.md#item-batching): groups items into child inputs `{ "BatchInput"?: …, "Items": [...] }`.
// `Items` is always present; `BatchInput` only when configured (it is evaluated once per Map state).
//
// [UNCONFIRMED] byte counting: MaxInputBytesPerBatch counts the UTF-8 bytes of the whole child input JSON as
// JSON.stringify renders it (BatchInput and the envelope included), because that is what the child receives and
// what the 256 KiB input quota measures. The 256 KiB quota applies even when only MaxItemsPerBatch is set (CDK:
// "no limits on the batch size under the 256KB limit"), so a batch is cut before it would exceed it.
// [UNCONFIRMED] an item that does not fit in a batch on its own fails the Map Run with States.DataLimitExceeded
// (the name AWS uses for every input-size overflow), naming the item index and both sizes.
import { StatesError, StatesErrorName } from '../../errors/states-error';
import { integerFromPath, runtimeError } from './path-values';

export const MAX_INPUT_BYTES_PER_BATCH = 262_144;

export interface ItemBatcherConfig {
  readonly maxItemsPerBatch?: number;
  readonly maxInputBytesPerBatch?: number;
  readonly batchInput?: unknown;
}

export interface IndexedItem {
  readonly index: number;
  readonly value: unknown;
}

export interface Batch {
  /** Indices of the items in this batch, in reading order. */
  readonly indices: number[];
  readonly input: { BatchInput?: unknown; Items: unknown[] };
}

/** Validates literal or JSONata-evaluated values (States.Runtime causes modeled on docs/aws-behaviour.md#jsonpath-runtime-errors). */
export function resolveBatcherConfig(config: {
  readonly maxItemsPerBatch?: unknown;
  readonly maxInputBytesPerBatch?: unknown;
  readonly batchInput?: unknown;
}): ItemBatcherConfig {
  const { maxItemsPerBatch, maxInputBytesPerBatch } = config;
  if (maxItemsPerBatch !== undefined && !isPositiveInteger(maxItemsPerBatch)) {
    throw runtimeError('MaxItemsPerBatch must be a positive integer.');
  }
  if (maxInputBytesPerBatch !== undefined && !(isPositiveInteger(maxInputBytesPerBatch) && maxInputBytesPerBatch <= MAX_INPUT_BYTES_PER_BATCH)) {
    throw runtimeError(`MaxInputBytesPerBatch must be between 1 and ${MAX_INPUT_BYTES_PER_BATCH}.`);
  }
  return {
    maxItemsPerBatch: maxItemsPerBatch,
    maxInputBytesPerBatch: maxInputBytesPerBatch,
    batchInput: config.batchInput,
  };
}

/** MaxItemsPerBatchPath: `The MaxItemsPerBatchPath field refers to value "x" which is not a valid integer: $.p`. */
export function maxItemsPerBatchFromPath(value: unknown, path: string): number {
  return resolveBatcherConfig({ maxItemsPerBatch: integerFromPath('MaxItemsPerBatchPath', value, path) }).maxItemsPerBatch!;
}

export function maxInputBytesPerBatchFromPath(value: unknown, path: string): number {
  return resolveBatcherConfig({ maxInputBytesPerBatch: integerFromPath('MaxInputBytesPerBatchPath', value, path) }).maxInputBytesPerBatch!;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Streams batches; holds at most one batch (≤ 256 KiB of JSON) in memory. */
export async function* batchItems(items: AsyncIterable<IndexedItem>, config: ItemBatcherConfig): AsyncGenerator<Batch> {
  const resolved = resolveBatcherConfig(config);
  const maxItems = resolved.maxItemsPerBatch ?? Number.POSITIVE_INFINITY;
  const maxBytes = resolved.maxInputBytesPerBatch ?? MAX_INPUT_BYTES_PER_BATCH;
  const envelopeBytes = jsonBytes(envelope(resolved.batchInput, []));
  let current = emptyBatch(resolved.batchInput);
  let currentBytes = envelopeBytes;
  for await (const { index, value } of items) {
    const itemBytes = jsonBytes(value ?? null);
    const alone = envelopeBytes + itemBytes;
    if (alone > maxBytes) throw itemTooLarge(index, alone, maxBytes);
    const added = currentBytes + itemBytes + (current.indices.length > 0 ? 1 : 0); // +1 for the comma
    if (current.indices.length > 0 && (current.indices.length >= maxItems || added > maxBytes)) {
      yield current;
      current = emptyBatch(resolved.batchInput);
      currentBytes = envelopeBytes;
    }
    currentBytes += itemBytes + (current.indices.length > 0 ? 1 : 0);
    current.indices.push(index);
    current.input.Items.push(value ?? null);
  }
  if (current.indices.length > 0) yield current;
}

function envelope(batchInput: unknown, items: unknown[]): Batch['input'] {
  return batchInput === undefined ? { Items: items } : { BatchInput: batchInput, Items: items };
}

function emptyBatch(batchInput: unknown): Batch {
  return { indices: [], input: envelope(batchInput, []) };
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

function itemTooLarge(index: number, bytes: number, limit: number): StatesError {
  return new StatesError(
    StatesErrorName.DataLimitExceeded,
    `The item at index ${index} makes a batch input of ${bytes} bytes on its own, which exceeds MaxInputBytesPerBatch (${limit} bytes).`,
  );
}
