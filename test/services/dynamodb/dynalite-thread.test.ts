// dynalite in a worker thread (the default) against dynalite on the main thread: the same bytes for the same
// requests, the same data directory, a clean close, and a clear error when the worker stops.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { configFromEnv } from '../../../src/config/config';
import type { EdgeRequest } from '../../../src/server/edge';
import { createDynamoDbService, DEFAULT_DYNAMODB_THREAD, type DynamoDbService, type DynamoDbThread } from '../../../src/services/dynamodb';
import { DynamoDbWorkerError, startDynaliteWorker, workerYoungGenerationMb } from '../../../src/services/dynamodb/dynalite-thread';
import { comparableAnswer, type ComparableAnswer } from './support/comparable-answer';
import { dynamoRequestHead } from './support/dynamo-request';

const HOST_OPTIONS = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };

function dynamoRequest(operation: string, body: unknown): EdgeRequest {
  return {
    ...dynamoRequestHead(operation, 'eu-west-1'),
    body: Readable.from([Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))]),
  };
}

const KEY_SCHEMA = { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] };

/** Every kind of answer the pipeline meets: table life cycle, writes, reads, modeled errors, a malformed body. */
const SCRIPT: readonly (readonly [string, unknown])[] = [
  ['CreateTable', { TableName: 'orders', ...KEY_SCHEMA, BillingMode: 'PAY_PER_REQUEST' }],
  ['DescribeTable', { TableName: 'orders' }],
  [
    'PutItem',
    { TableName: 'orders', Item: { id: { S: 'a' }, n: { N: '1.50' }, tags: { SS: ['x', 'y'] }, m: { M: { l: { L: [{ BOOL: true }, { NULL: true }] } } } } },
  ],
  ['PutItem', { TableName: 'orders', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)' }],
  [
    'UpdateItem',
    {
      TableName: 'orders',
      Key: { id: { S: 'a' } },
      UpdateExpression: 'SET n = n + :one',
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    },
  ],
  [
    'BatchWriteItem',
    {
      RequestItems: {
        orders: [1, 2, 3].map((i) => ({ PutRequest: { Item: { id: { S: `b${i}` }, body: { B: Buffer.from(`bytes ${i}`).toString('base64') } } } })),
      },
    },
  ],
  ['GetItem', { TableName: 'orders', Key: { id: { S: 'b2' } }, ReturnConsumedCapacity: 'TOTAL' }],
  ['Scan', { TableName: 'orders', Select: 'COUNT' }],
  ['GetItem', { TableName: 'missing', Key: { id: { S: 'a' } } }],
  ['PutItem', { TableName: 'orders', Item: { id: { N: '1' } } }],
  ['PutItem', '{"TableName": "orders", "Item": '],
];

async function runScript(thread: DynamoDbThread): Promise<ComparableAnswer[]> {
  const service = await createDynamoDbService({ thread, region: 'eu-west-1', accountId: '123456789012' });
  try {
    const answers = [];
    for (const [operation, body] of SCRIPT) answers.push(comparableAnswer(await service.handle(dynamoRequest(operation, body))));
    return answers;
  } finally {
    await service.close();
  }
}

describe('DynamoDB service with dynalite in a worker thread', () => {
  it('gives the worker a larger young generation when the store is in memory than when it is on disk', () => {
    // In memory the table dominates RSS and the larger young generation is faster; on disk RSS at 1M rows stays < 1 GB.
    expect(workerYoungGenerationMb({})).toBe(48);
    expect(workerYoungGenerationMb({ path: '/data/dynamodb' })).toBe(16);
  });

  it('is the default with a second core, as for SANDBOX_DYNAMODB_THREAD', () => {
    expect(DEFAULT_DYNAMODB_THREAD).toBe(availableParallelism() > 1 ? 'worker' : 'main');
    expect(DEFAULT_DYNAMODB_THREAD).toBe(configFromEnv({}).server.dynamoDbThread);
  });

  it('answers every request with the bytes dynalite answers on the main thread', async () => {
    const [worker, main] = [await runScript('worker'), await runScript('main')];
    expect(worker).toEqual(main);
    // The script covers successes, modeled errors and a malformed body, and the TableArn carries the options.
    expect(main.map((a) => a.status)).toEqual([200, 200, 200, 400, 200, 200, 200, 200, 400, 400, 400]);
    expect(main[1].body).toContain('"TableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/orders"');
    expect(main[3].body).toContain('ConditionalCheckFailedException');
    expect(JSON.parse(main[7].body)).toEqual({ Count: 4, ScannedCount: 4 });
  });

  it('serves concurrent requests and lets those in flight finish when it closes', async () => {
    const host = await startDynaliteWorker(HOST_OPTIONS);
    const send = async (operation: string, body: unknown) => {
      const request = dynamoRequest(operation, body);
      const answer = await host.serve(request, Buffer.from(JSON.stringify(body)));
      return answer.status;
    };
    expect(await send('CreateTable', { TableName: 'orders', ...KEY_SCHEMA, BillingMode: 'PAY_PER_REQUEST' })).toBe(200);
    const puts = Array.from({ length: 200 }, (_, i) => send('PutItem', { TableName: 'orders', Item: { id: { S: `k${i}` } } }));
    const closed = host.close();
    expect(await Promise.all(puts)).toEqual(Array(200).fill(200));
    await closed;
    await expect(host.serve(dynamoRequest('Scan', {}), Buffer.from('{}'))).rejects.toThrow('The DynamoDB worker thread stopped: closed');
  });

  it('refuses requests once the service is closing', async () => {
    const service = await createDynamoDbService();
    await service.close();
    await expect(service.handle(dynamoRequest('ListTables', {}))).rejects.toMatchObject({ code: 'ServiceUnavailable', statusCode: 503 });
  });

  describe('with a data directory', () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'dynalite-thread-'));
    });
    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    const count = async (service: DynamoDbService) =>
      JSON.parse(String((await service.handle(dynamoRequest('Scan', { TableName: 'orders', Select: 'COUNT' }))).body)) as { Count: number };

    it('keeps tables in the same LevelDB directory as the main-thread store', async () => {
      const writer = await createDynamoDbService({ dataDir, thread: 'worker' });
      await writer.handle(dynamoRequest('CreateTable', { TableName: 'orders', ...KEY_SCHEMA, BillingMode: 'PAY_PER_REQUEST' }));
      await writer.handle(dynamoRequest('PutItem', { TableName: 'orders', Item: { id: { S: 'kept' } } }));
      await writer.close();
      const reader = await createDynamoDbService({ dataDir, thread: 'main' });
      try {
        expect(reader.path).toBe(writer.path);
        expect(await count(reader)).toMatchObject({ Count: 1 });
      } finally {
        await reader.close();
      }
    });

    it('fails to start, naming the directory, while another service holds it', async () => {
      const first = await createDynamoDbService({ dataDir });
      try {
        await expect(createDynamoDbService({ dataDir })).rejects.toThrow(`Cannot open the DynamoDB data directory ${first.path}`);
      } finally {
        await first.close();
      }
    });
  });

  describe('when the worker stops', () => {
    const standIn = (name: string) => join(__dirname, 'support', name);

    it('fails the requests in flight and every later one with the reason, and still closes', async () => {
      const host = await startDynaliteWorker(HOST_OPTIONS, standIn('worker-throws-on-request.ts'));
      const failure = host.serve({ method: 'POST', url: '/', headers: {} }, Buffer.from('{}'));
      await expect(failure).rejects.toThrow(DynamoDbWorkerError);
      await expect(failure).rejects.toMatchObject({
        code: 'InternalFailure',
        statusCode: 500,
        message: 'The DynamoDB worker thread stopped: dynalite blew up',
      });
      await expect(host.serve({ method: 'POST', url: '/', headers: {} }, Buffer.alloc(0))).rejects.toThrow('dynalite blew up');
      await host.close();
    });

    it('fails the start when the worker exits before its store is open', async () => {
      await expect(startDynaliteWorker(HOST_OPTIONS, standIn('worker-exits-at-start.ts'))).rejects.toThrow(
        'The DynamoDB worker thread stopped: exit code 7 before its store opened',
      );
    });
  });
});
