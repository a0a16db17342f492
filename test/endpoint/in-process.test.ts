// The in-process request handler: real SDK clients, the same router, and no socket at all (the clients'
// endpoint 127.0.0.1:4566 is never dialled; nothing listens in this file).
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { createClients, type AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { EdgeRouter } from '../../src/server/edge-router';
import { createOwnServices } from '../../src/sandbox/own-services';
import { closeServices } from '../../src/server/close-services';
import { InProcessHandler } from '../../src/server/in-process-handler';

describe('InProcessHandler', () => {
  const config = configFromEnv({});
  let router: EdgeRouter;
  let clients: AwsClients;

  beforeAll(async () => {
    router = new EdgeRouter(await createOwnServices(config, undefined), config.server.services, '0.0.0');
    clients = createClients(config, { requestHandler: new InProcessHandler(router), maxAttempts: 1 });
  });
  afterAll(async () => {
    clients.destroy();
    await closeServices(router.services);
  });

  it('serves S3: bucket, upload, listing with an escaped prefix, download', async () => {
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'in-process' }));
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'in-process', Key: 'a b/(c)+ü.bin', Body: bytes }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'in-process', Key: 'other.txt', Body: 'text' }));
    const listed = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'in-process', Prefix: 'a b/(c)+' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['a b/(c)+ü.bin']);
    const got = await clients.s3.send(new GetObjectCommand({ Bucket: 'in-process', Key: 'a b/(c)+ü.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it('serves DynamoDB', async () => {
    await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: 'in-process',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await clients.dynamodb.send(new PutItemCommand({ TableName: 'in-process', Item: { id: { S: '1' }, n: { N: '7' } } }));
    const got = await clients.dynamodb.send(new GetItemCommand({ TableName: 'in-process', Key: { id: { S: '1' } } }));
    expect(got.Item).toEqual({ id: { S: '1' }, n: { N: '7' } });
  });

  it('answers Step Functions with UnknownOperationException while no engine is attached', async () => {
    const error = await clients.sfn.send(new ListStateMachinesCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  });

  it('honours an abort signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await clients.sfn.send(new ListStateMachinesCommand({}), { abortSignal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
