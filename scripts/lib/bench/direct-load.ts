// The practical limit the pipeline is measured against: the same CSV read with the engine's own streaming CSV
// reader and written with BatchWriteItem (25 items per call, the API maximum) by a fixed number of concurrent
// writers, into the same embedded DynamoDB, with the same item shape the parent's ItemSelector produces.
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../../src/config/clients';
import { openItemReader } from '../../../src/map-run';
import type { OrderRow } from '../../../src/pipeline/orders-csv';
import { orderItem } from '../../../src/pipeline/order-item';

export interface DirectLoadOptions {
  readonly bucket: string;
  readonly key: string;
  readonly table: string;
  readonly concurrency: number;
}

const BATCH_SIZE = 25;
/** BatchWriteItem may hand back UnprocessedItems; a load that keeps getting them back is stuck, not slow. */
const MAX_UNPROCESSED_ROUNDS = 50;

/** Loads every row; returns how many were written. */
export async function directLoad(clients: AwsClients, options: DirectLoadOptions): Promise<number> {
  const batches = writeBatches(clients, options)[Symbol.asyncIterator]();
  let written = 0;
  // Async generators queue concurrent next() calls, so the writers share one reader without locking.
  const writer = async () => {
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      await writeAll(clients.dynamodb, options.table, next.value);
      written += next.value.length;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, writer));
  return written;
}

async function* writeBatches(clients: AwsClients, options: DirectLoadOptions): AsyncGenerator<WriteRequest[]> {
  const reader = openItemReader(clients.s3, {
    resource: 'getObject',
    bucket: options.bucket,
    key: options.key,
    inputType: 'CSV',
    csvHeaderLocation: 'FIRST_ROW',
    maxItems: 0,
  });
  let batch: WriteRequest[] = [];
  let index = 0;
  for await (const row of reader) {
    batch.push({ PutRequest: { Item: orderItem(row as OrderRow, ++index) } });
    if (batch.length === BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function writeAll(dynamodb: DynamoDBClient, table: string, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_UNPROCESSED_ROUNDS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${round} rounds`);
    const out = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    pending = out.UnprocessedItems?.[table] ?? [];
  }
}
