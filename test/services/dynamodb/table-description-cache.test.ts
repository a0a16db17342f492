// dynalite keeps each table's description in LevelDB and reads it before every item request; the host keeps
// the last description read per table and forgets it at every write. A table's whole life cycle must still
// be seen at once (UpdateTable, DeleteTable, a new table under the same name), and a read that overlaps a
// write must not keep what it read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type dynaliteDb from 'dynalite/db';
import { openDynaliteHost, type DynaliteHost } from '../../../src/services/dynamodb/dynalite-host';
import { cacheTableDescriptions } from '../../../src/services/dynamodb/table-description-cache';
import { dynamoRequestHead } from './support/dynamo-request';

async function call(host: DynaliteHost, operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await host.serve(dynamoRequestHead(operation), Buffer.from(JSON.stringify(body)));
  return { status: answer.status, body: JSON.parse(answer.body.toString('utf8') || '{}') as Record<string, unknown> };
}

const keyed = (name: string) => ({
  KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: name, AttributeType: 'S' }],
});
const errorType = (body: Record<string, unknown>) => String(body.__type).split('#')[1];

describe.each([
  ['in memory', false],
  ['on disk', true],
])('table descriptions %s', (_, onDisk) => {
  let dir: string | undefined;
  let host: DynaliteHost;

  beforeEach(async () => {
    dir = onDisk ? await mkdtemp(join(tmpdir(), 'table-cache-')) : undefined;
    host = await openDynaliteHost({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dir ? { path: dir } : {}) });
  });
  afterEach(async () => {
    await host.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('are ACTIVE for a write right after CreateTable: its answer waits for the status write to land', async () => {
    // On disk the status timer's write is asynchronous; before the host waited for it, about one PutItem in
    // fifteen right after CreateTable found the table still CREATING (ResourceNotFoundException).
    for (let i = 0; i < 25; i++) {
      await call(host, 'CreateTable', { TableName: `orders-${i}`, ...keyed('id'), BillingMode: 'PAY_PER_REQUEST' });
      const put = await call(host, 'PutItem', { TableName: `orders-${i}`, Item: { id: { S: 'a' } } });
      expect([put.status, put.body.__type]).toEqual([200, undefined]);
    }
  });

  it('follow UpdateTable, DeleteTable and a new table under the same name at once', async () => {
    expect((await call(host, 'CreateTable', { TableName: 'orders', ...keyed('id'), BillingMode: 'PAY_PER_REQUEST' })).status).toBe(200);
    expect((await call(host, 'PutItem', { TableName: 'orders', Item: { id: { S: 'a' } } })).status).toBe(200);

    for (const units of [5, 7]) {
      const throughput = { ReadCapacityUnits: units, WriteCapacityUnits: units };
      expect((await call(host, 'UpdateTable', { TableName: 'orders', BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput })).status).toBe(200);
      await call(host, 'PutItem', { TableName: 'orders', Item: { id: { S: `u${units}` } } });
      const table = (await call(host, 'DescribeTable', { TableName: 'orders' })).body.Table as Record<string, Record<string, unknown>>;
      expect(table.ProvisionedThroughput).toMatchObject(throughput);
    }

    expect((await call(host, 'DeleteTable', { TableName: 'orders' })).status).toBe(200);
    const afterDelete = await call(host, 'PutItem', { TableName: 'orders', Item: { id: { S: 'b' } } });
    expect([afterDelete.status, errorType(afterDelete.body)]).toEqual([400, 'ResourceNotFoundException']);

    await call(host, 'CreateTable', { TableName: 'orders', ...keyed('pk'), BillingMode: 'PAY_PER_REQUEST' });
    const oldKey = await call(host, 'PutItem', { TableName: 'orders', Item: { id: { S: 'c' } } });
    expect([oldKey.status, errorType(oldKey.body)]).toEqual([400, 'ValidationException']);
    expect((await call(host, 'PutItem', { TableName: 'orders', Item: { pk: { S: 'c' } } })).status).toBe(200);
    const count = await call(host, 'Scan', { TableName: 'orders', Select: 'COUNT' });
    expect(count.body.Count).toBe(1);
  });
});

describe('cacheTableDescriptions', () => {
  type Callback = (err: Error | null | undefined, value?: unknown) => void;

  /** A table sub-database whose reads and writes answer only when the test says so. */
  function fakeStore() {
    const stored = new Map<string, unknown>([['orders', { TableStatus: 'ACTIVE', v: 1 }]]);
    const reads: Callback[] = [];
    const pendingWrites: (() => void)[] = [];
    let readCount = 0;
    const tableDb = {
      get: (key: string, callback: Callback) => {
        readCount += 1;
        const value = stored.get(key);
        reads.push(() => callback(null, value));
      },
      put: (key: string, value: unknown, callback: Callback) => {
        pendingWrites.push(() => {
          stored.set(key, value);
          callback(null);
        });
      },
      del: (key: string, callback: Callback) => pendingWrites.push(() => (stored.delete(key), callback(null))),
      batch: (_ops: unknown[], callback: Callback) => pendingWrites.push(() => callback(null)),
    };
    const store = { tableDb, lifecycleManager: { getState: () => 'open' } } as unknown as dynaliteDb.Store;
    const writes = cacheTableDescriptions(store);
    const cached = store.tableDb as unknown as typeof tableDb;
    const get = () => new Promise<unknown>((resolve) => cached.get('orders', (_err, value) => resolve(value)));
    return { cached, get, reads, writes: pendingWrites, settled: () => writes.settled(), readCount: () => readCount };
  }

  it('answers from the last read until a write, with a fresh object each time', async () => {
    const fake = fakeStore();
    const first = fake.get();
    fake.reads.shift()?.(null);
    const a = await first;
    const b = await fake.get();
    expect(fake.readCount()).toBe(1);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    (b as { v: number }).v = 99;
    expect(await fake.get()).toEqual({ TableStatus: 'ACTIVE', v: 1 });

    fake.cached.put('orders', { TableStatus: 'UPDATING', v: 2 }, () => undefined);
    fake.writes.shift()?.();
    const after = fake.get();
    fake.reads.shift()?.(null);
    expect(await after).toEqual({ TableStatus: 'UPDATING', v: 2 });
    expect(fake.readCount()).toBe(2);
  });

  it('tells when no write is in flight', async () => {
    const fake = fakeStore();
    await fake.settled();
    let settled = false;
    fake.cached.put('orders', { TableStatus: 'ACTIVE', v: 2 }, () => undefined);
    const waiting = fake.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    fake.writes.shift()?.();
    await waiting;
    expect(settled).toBe(true);
  });

  it('does not keep what a read overlapping a write returned', async () => {
    const fake = fakeStore();
    const overlapping = fake.get();
    fake.cached.put('orders', { TableStatus: 'ACTIVE', v: 2 }, () => undefined);
    fake.reads.shift()?.(null); // the read answers with the old description while the write is in flight
    expect(await overlapping).toEqual({ TableStatus: 'ACTIVE', v: 1 });
    fake.writes.shift()?.();
    const next = fake.get();
    expect(fake.readCount()).toBe(2);
    fake.reads.shift()?.(null);
    expect(await next).toEqual({ TableStatus: 'ACTIVE', v: 2 });
  });
});
