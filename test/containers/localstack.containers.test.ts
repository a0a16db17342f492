// Smoke test of the containers target: S3 and DynamoDB through the LocalStack container (or the
// sandbox image standing in for it on registry-less machines, LOCALSTACK_IMAGE=sfn-csv-sandbox:dev).
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTableCommand, GetItemCommand, PutItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { createClients, type AwsClients } from '../../src/config/clients';
import { endpointFor } from '../../src/config/config';
import { startContainersTarget, type ContainersTarget } from './containers-target';

let target: ContainersTarget;
let clients: AwsClients;
const suffix = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  target = await startContainersTarget();
  clients = createClients(target.config);
});

afterAll(async () => {
  clients?.destroy();
  await target?.stop();
});

test('the config sends S3 and DynamoDB to the container, on loopback', () => {
  expect(endpointFor(target.config, 's3')).toBe(target.localstackUrl);
  expect(endpointFor(target.config, 'dynamodb')).toBe(target.localstackUrl);
  expect(new URL(target.localstackUrl).hostname).toMatch(/^(127\.0\.0\.1|localhost)$/);
});

test('S3: put then get an object', async () => {
  const Bucket = `containers-smoke-${suffix}`;
  await clients.s3.send(new CreateBucketCommand({ Bucket }));
  await clients.s3.send(new PutObjectCommand({ Bucket, Key: 'in/orders.csv', Body: 'orderId,price\nA-1,9.99\n' }));
  const got = await clients.s3.send(new GetObjectCommand({ Bucket, Key: 'in/orders.csv' }));
  expect(await got.Body!.transformToString()).toBe('orderId,price\nA-1,9.99\n');
});

test('DynamoDB: create a table, put then get an item', async () => {
  const TableName = `containers-smoke-${suffix}`;
  await clients.dynamodb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
  await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 60, minDelay: 1 }, { TableName });
  const Item = { pk: { S: 'order#A-1' }, price: { N: '9.99' }, tags: { L: [{ S: 'x' }] } };
  await clients.dynamodb.send(new PutItemCommand({ TableName, Item }));
  const got = await clients.dynamodb.send(new GetItemCommand({ TableName, Key: { pk: Item.pk }, ConsistentRead: true }));
  expect(got.Item).toEqual(Item);
});
