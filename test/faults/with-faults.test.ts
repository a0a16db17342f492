import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../src/server/edge';
import { createDynamoDbService } from '../../src/services/dynamodb';
import { parseFaultPlan, type FaultPlan } from '../../src/faults/fault-plan';
import { FaultSchedule } from '../../src/faults/fault-schedule';
import { withFaults } from '../../src/faults/with-faults';
import { serveHandler } from '../support/serve';

const plan = (rules: unknown[], seed = 42): FaultPlan => parseFaultPlan({ seed, rules }, 'test');

function dynamoRequest(operation: string, body: unknown = { TableName: 'orders' }): EdgeRequest {
  return {
    method: 'POST',
    url: '/',
    headers: { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
    body: Readable.from([Buffer.from(JSON.stringify(body))]),
  };
}

class FakeDynamoDb implements ServiceHandler {
  readonly name = 'dynamodb';
  readonly seen: string[] = [];
  closed = false;
  async handle(request: EdgeRequest): Promise<EdgeResponse> {
    this.seen.push(request.headers['x-amz-target'] ?? '(none)');
    return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('withFaults (fake inner handler)', () => {
  it('answers a selected call with DynamoDB’s error shape and reads the request body to the end', async () => {
    const inner = new FakeDynamoDb();
    const handler = withFaults(inner, plan([{ service: 'dynamodb', operations: ['PutItem'], calls: [1], error: 'ProvisionedThroughputExceededException' }]));
    const request = dynamoRequest('PutItem');
    const response = await handler.handle(request);
    const body = response.body as Buffer;
    expect(response.status).toBe(400);
    expect(JSON.parse(body.toString())).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    });
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(response.headers['x-amz-crc32']).toBe(String(zlib.crc32(body)));
    expect(response.headers['x-amzn-RequestId']).toMatch(/^[0-9A-F]{52}$/);
    expect(request.body.readableEnded).toBe(true);
    expect(inner.seen).toEqual([]);
    expect(handler.faultReport()).toEqual({
      injected: 1,
      byOperation: { PutItem: 1 },
      byError: { ProvisionedThroughputExceededException: 1 },
      calls: { PutItem: 1 },
      faultedCalls: { PutItem: [1] },
    });
  });

  it('uses Coral’s namespace for throttling, 500 for InternalServerError, and a plan’s own message', async () => {
    const handler = withFaults(
      new FakeDynamoDb(),
      plan([
        { service: 'dynamodb', operations: ['PutItem'], calls: [1], error: 'ThrottlingException' },
        { service: 'dynamodb', operations: ['PutItem'], calls: [2], error: 'InternalServerError' },
        { service: 'dynamodb', operations: ['PutItem'], calls: [3], error: 'ConditionalCheckFailedException', message: 'custom text' },
      ]),
    );
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await handler.handle(dynamoRequest('PutItem')));
    expect(responses.map((r) => [r.status, JSON.parse(String(r.body))])).toEqual([
      [400, { __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' }],
      [500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' }],
      [400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'custom text' }],
    ]);
  });

  it('forwards unselected calls, other operations and non-DynamoDB requests; keeps name and close()', async () => {
    const inner = new FakeDynamoDb();
    const handler = withFaults(inner, plan([{ service: 'dynamodb', operations: ['PutItem'], calls: [2], error: 'ThrottlingException' }]));
    expect((await handler.handle(dynamoRequest('PutItem'))).status).toBe(200);
    expect((await handler.handle(dynamoRequest('GetItem'))).status).toBe(200);
    expect((await handler.handle(dynamoRequest('NoSuchOperation'))).status).toBe(200);
    expect((await handler.handle({ method: 'GET', url: '/', headers: {}, body: Readable.from([]) })).status).toBe(200);
    expect((await handler.handle(dynamoRequest('PutItem'))).status).toBe(400);
    expect(inner.seen).toEqual(['DynamoDB_20120810.PutItem', 'DynamoDB_20120810.GetItem', 'DynamoDB_20120810.NoSuchOperation', '(none)']);
    expect(handler.name).toBe('dynamodb');
    await handler.close?.();
    expect(inner.closed).toBe(true);
  });
});

interface Endpoint {
  readonly client: DynamoDBClient;
  readonly handler: ReturnType<typeof withFaults>;
  close(): Promise<void>;
}

/** dynalite behind withFaults behind node:http on an ephemeral 127.0.0.1 port, with a non-retrying SDK client. */
async function startEndpoint(faults: FaultPlan): Promise<Endpoint> {
  const service = await createDynamoDbService();
  const handler = withFaults(service, faults);
  const served = await serveHandler(handler);
  const client = new DynamoDBClient({
    endpoint: served.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  await client.send(
    new CreateTableCommand({
      TableName: 'orders',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return {
    client,
    handler,
    async close() {
      client.destroy();
      await served.close();
      await handler.close?.();
    },
  };
}

/** Sends `count` PutItems in sequence; returns the 1-based numbers of those that failed, with their error names. */
async function putOrders(client: DynamoDBClient, count: number): Promise<Array<[number, string]>> {
  const failures: Array<[number, string]> = [];
  for (let n = 1; n <= count; n++) {
    try {
      await client.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: `order-${n}` } } }));
    } catch (error) {
      failures.push([n, (error as Error).name]);
    }
  }
  return failures;
}

describe('withFaults around the dynalite service, through a real DynamoDBClient', () => {
  it('the SDK sees ProvisionedThroughputExceededException by name, and the faulted item is not written', async () => {
    const endpoint = await startEndpoint(plan([{ service: 'dynamodb', operations: ['PutItem'], calls: [2], error: 'ProvisionedThroughputExceededException' }]));
    try {
      const put = (id: string) => endpoint.client.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: id } } }));
      await put('a');
      await expect(put('b')).rejects.toMatchObject({
        name: 'ProvisionedThroughputExceededException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
      await put('c');
      const exists = async (id: string) => (await endpoint.client.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: id } } }))).Item !== undefined;
      expect([await exists('a'), await exists('b'), await exists('c')]).toEqual([true, false, true]);
    } finally {
      await endpoint.close();
    }
  });

  it('the SDK sees ThrottlingException and a 500 InternalServerError', async () => {
    const endpoint = await startEndpoint(
      plan([
        { service: 'dynamodb', operations: ['PutItem'], calls: [1], error: 'ThrottlingException' },
        { service: 'dynamodb', operations: ['PutItem'], calls: [2], error: 'InternalServerError' },
      ]),
    );
    try {
      const put = () => endpoint.client.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'x' } } }));
      await expect(put()).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
      await expect(put()).rejects.toMatchObject({ name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } });
    } finally {
      await endpoint.close();
    }
  });

  it('the same seed fails the same calls on every run', async () => {
    const faults = plan([{ service: 'dynamodb', operations: ['PutItem'], rate: 0.25, error: 'ProvisionedThroughputExceededException' }], 42);
    const runs: Array<Array<[number, string]>> = [];
    for (let run = 0; run < 2; run++) {
      const endpoint = await startEndpoint(faults);
      try {
        runs.push(await putOrders(endpoint.client, 40));
        expect(endpoint.handler.faultReport().injected).toBe(runs[run].length);
        expect(endpoint.handler.faultReport().faultedCalls.PutItem).toEqual(runs[run].map(([n]) => n));
      } finally {
        await endpoint.close();
      }
    }
    const schedule = new FaultSchedule(faults);
    const predicted = Array.from({ length: 40 }, (_, i) => (schedule.next('PutItem') ? i + 1 : 0)).filter((n) => n > 0);
    expect(runs[0].length).toBeGreaterThan(0);
    expect(runs[0].map(([n]) => n)).toEqual(predicted);
    expect(runs[1]).toEqual(runs[0]);
    expect(new Set(runs[0].map(([, name]) => name))).toEqual(new Set(['ProvisionedThroughputExceededException']));
  });
});
