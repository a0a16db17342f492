import { StatesError } from '../../../../src/engine/errors/states-error';
import {
  batchItems,
  MAX_INPUT_BYTES_PER_BATCH,
  maxInputBytesPerBatchFromPath,
  maxItemsPerBatchFromPath,
  resolveBatcherConfig,
  type ItemBatcherConfig,
} from '../../../../src/engine/states/map/item-batcher';

async function* indexed(values: unknown[]): AsyncGenerator<{ index: number; value: unknown }> {
  for (const [index, value] of values.entries()) yield { index, value };
}

async function batches(values: unknown[], config: ItemBatcherConfig) {
  const out = [];
  for await (const batch of batchItems(indexed(values), config)) out.push(batch);
  return out;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('batchItems', () => {
  it('cuts batches by MaxItemsPerBatch, Items always present, BatchInput only when configured', async () => {
    const result = await batches([1, 2, 3, 4, 5], { maxItemsPerBatch: 2 });
    expect(result.map((b) => b.indices)).toEqual([[0, 1], [2, 3], [4]]);
    expect(result[0].input).toEqual({ Items: [1, 2] });
    expect(Object.keys(result[0].input)).toEqual(['Items']);
    const withInput = await batches(['a'], { maxItemsPerBatch: 5, batchInput: { BatchTimestamp: 't' } });
    expect(withInput[0].input).toEqual({ BatchInput: { BatchTimestamp: 't' }, Items: ['a'] });
    expect(Object.keys(withInput[0].input)).toEqual(['BatchInput', 'Items']);
  });

  it('counts the UTF-8 bytes of the whole child input: a batch exactly at the limit is kept [UNCONFIRMED rule]', async () => {
    const items = ['é'.repeat(10), 'x'.repeat(10), 'y'];
    const limit = bytes({ BatchInput: { k: 1 }, Items: items.slice(0, 2) });
    const result = await batches(items, { maxInputBytesPerBatch: limit, batchInput: { k: 1 } });
    expect(result.map((b) => b.indices)).toEqual([[0, 1], [2]]);
    for (const batch of result) expect(bytes(batch.input)).toBeLessThanOrEqual(limit);
    const oneLess = await batches(items, { maxInputBytesPerBatch: limit - 1, batchInput: { k: 1 } });
    expect(oneLess.map((b) => b.indices)).toEqual([[0], [1, 2]]);
  });

  it('reduces the count to respect the byte limit when both are set', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: i, pad: 'p'.repeat(20) }));
    const limit = bytes({ Items: items.slice(0, 3) });
    const result = await batches(items, { maxItemsPerBatch: 5, maxInputBytesPerBatch: limit });
    expect(result.map((b) => b.indices.length)).toEqual([3, 3, 3, 1]);
  });

  it('keeps every batch under 256 KiB even when only MaxItemsPerBatch is set', async () => {
    const items = Array.from({ length: 6 }, () => 'z'.repeat(100 * 1024));
    const result = await batches(items, { maxItemsPerBatch: 100 });
    expect(result.map((b) => b.indices.length)).toEqual([2, 2, 2]);
    for (const batch of result) expect(bytes(batch.input)).toBeLessThanOrEqual(MAX_INPUT_BYTES_PER_BATCH);
  });

  it('fails with States.DataLimitExceeded on an item that cannot fit alone [UNCONFIRMED]', async () => {
    const error = await batches(['ok', 'x'.repeat(100)], { maxInputBytesPerBatch: 50 }).catch((e: StatesError) => e);
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).error).toBe('States.DataLimitExceeded');
    expect((error as StatesError).cause).toBe(
      'The item at index 1 makes a batch input of 114 bytes on its own, which exceeds MaxInputBytesPerBatch (50 bytes).',
    );
  });

  it('yields nothing for no items', async () => {
    expect(await batches([], { maxItemsPerBatch: 3 })).toEqual([]);
  });
});

describe('ItemBatcher validation (States.Runtime)', () => {
  it.each([0, -1, 1.5, '3', Number.NaN])('rejects MaxItemsPerBatch %p', (value) => {
    expect(() => resolveBatcherConfig({ maxItemsPerBatch: value })).toThrow(new StatesError('States.Runtime', 'MaxItemsPerBatch must be a positive integer.'));
  });

  it.each([0, MAX_INPUT_BYTES_PER_BATCH + 1, 2.5])('rejects MaxInputBytesPerBatch %p', (value) => {
    expect(() => resolveBatcherConfig({ maxInputBytesPerBatch: value })).toThrow('MaxInputBytesPerBatch must be between 1 and 262144.');
  });

  it('accepts the limits themselves', () => {
    expect(resolveBatcherConfig({ maxItemsPerBatch: 1, maxInputBytesPerBatch: MAX_INPUT_BYTES_PER_BATCH })).toEqual({
      maxItemsPerBatch: 1,
      maxInputBytesPerBatch: MAX_INPUT_BYTES_PER_BATCH,
      batchInput: undefined,
    });
  });

  it('validates Path values with the States.Runtime message shape of the Map *Path fields', () => {
    expect(maxItemsPerBatchFromPath(7, '$.n')).toBe(7);
    expect(maxItemsPerBatchFromPath('7', '$.n')).toBe(7);
    expect(() => maxItemsPerBatchFromPath('NoNumber', '$.n')).toThrow(
      'The MaxItemsPerBatchPath field refers to value "NoNumber" which is not a valid integer: $.n',
    );
    expect(() => maxItemsPerBatchFromPath(0, '$.n')).toThrow('MaxItemsPerBatch must be a positive integer.');
    expect(() => maxInputBytesPerBatchFromPath({}, '$.b')).toThrow(
      'The MaxInputBytesPerBatchPath field refers to value "{}" which is not a valid integer: $.b',
    );
    expect(maxInputBytesPerBatchFromPath(1024, '$.b')).toBe(1024);
  });
});
