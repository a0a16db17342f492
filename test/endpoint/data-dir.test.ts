// --data-dir: S3 objects and DynamoDB tables survive a restart; a directory in use is refused clearly;
// a closed endpoint refuses in-process calls instead of crashing.
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { startSandbox } from '../../src/sandbox/start-sandbox';
import { startTestEndpoint } from './support/endpoint';

describe('an endpoint with a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-endpoint-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps buckets, objects, tables and items across a restart', async () => {
    const first = await startTestEndpoint({ SANDBOX_DATA_DIR: dataDir });
    await first.clients.s3.send(new CreateBucketCommand({ Bucket: 'kept' }));
    await first.clients.s3.send(new PutObjectCommand({ Bucket: 'kept', Key: 'k.csv', Body: 'id,total\n1,2\n' }));
    await first.clients.dynamodb.send(
      new CreateTableCommand({
        TableName: 'kept',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await first.clients.dynamodb.send(new PutItemCommand({ TableName: 'kept', Item: { id: { S: '1' } } }));
    await first.close();

    const second = await startTestEndpoint({ SANDBOX_DATA_DIR: dataDir });
    try {
      const object = await second.clients.s3.send(new GetObjectCommand({ Bucket: 'kept', Key: 'k.csv' }));
      expect(await object.Body!.transformToString()).toBe('id,total\n1,2\n');
      const item = await second.clients.dynamodb.send(new GetItemCommand({ TableName: 'kept', Key: { id: { S: '1' } } }));
      expect(item.Item).toEqual({ id: { S: '1' } });
    } finally {
      await second.close();
    }
  });

  it('refuses a data directory another endpoint holds, naming it, and leaves no port open', async () => {
    const holder = await startTestEndpoint({ SANDBOX_DATA_DIR: dataDir });
    try {
      const config = configFromEnv({ SANDBOX_PORT: '0', SANDBOX_DATA_DIR: dataDir });
      await expect(startSandbox({ config })).rejects.toThrow(`Cannot open the DynamoDB data directory ${join(dataDir, 'dynamodb')}`);
    } finally {
      await holder.close();
    }
  });
});

describe('a closed endpoint', () => {
  it('answers in-process calls with 503 ServiceUnavailable', async () => {
    const sandbox = await startTestEndpoint();
    await sandbox.close();
    const clients = createClients(configFromEnv({}), { requestHandler: sandbox.endpoint.requestHandler, maxAttempts: 1 });
    const error = await clients.dynamodb.send(new GetItemCommand({ TableName: 't', Key: { id: { S: '1' } } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    await expect(sandbox.endpoint.close()).resolves.toBeUndefined();
  });
});
