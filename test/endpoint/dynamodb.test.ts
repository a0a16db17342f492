// DynamoDB through the edge's socket with the real SDK v3 client (dynalite behind the router).
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

describe('DynamoDB on the embedded endpoint', () => {
  let sandbox: TestEndpoint;

  beforeAll(async () => {
    sandbox = await startTestEndpoint({ AWS_REGION: 'eu-west-1', SANDBOX_ACCOUNT_ID: '123456789012' });
  });
  afterAll(() => sandbox.close());

  const ddb = () => sandbox.clients.dynamodb;

  it('creates a table that is ACTIVE at once, with the configured region and account in its ARN', async () => {
    const created = await ddb().send(
      new CreateTableCommand({
        TableName: 'orders',
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'orderId', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'customer', AttributeType: 'S' },
          { AttributeName: 'orderId', AttributeType: 'N' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect(created.TableDescription?.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/orders');
    const described = await ddb().send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
  });

  it('puts and gets an item', async () => {
    const item = { customer: { S: 'c-1' }, orderId: { N: '1' }, total: { N: '12.5' }, tags: { SS: ['a', 'b'] } };
    await ddb().send(new PutItemCommand({ TableName: 'orders', Item: item }));
    const got = await ddb().send(new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'c-1' }, orderId: { N: '1' } } }));
    expect(got.Item).toEqual(item);
  });

  it('writes 25 items in one BatchWriteItem, then queries and scans them', async () => {
    const requests = Array.from({ length: 25 }, (_, i) => ({
      PutRequest: { Item: { customer: { S: i % 2 === 0 ? 'even' : 'odd' }, orderId: { N: String(i) }, total: { N: String(i * 10) } } },
    }));
    const written = await ddb().send(new BatchWriteItemCommand({ RequestItems: { orders: requests } }));
    expect(written.UnprocessedItems).toEqual({});

    const even = await ddb().send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'customer = :c AND orderId >= :min',
        ExpressionAttributeValues: { ':c': { S: 'even' }, ':min': { N: '10' } },
      }),
    );
    expect(even.Items?.map((item) => Number(item.orderId.N))).toEqual([10, 12, 14, 16, 18, 20, 22, 24]);

    const scanned = await ddb().send(new ScanCommand({ TableName: 'orders' }));
    expect(scanned.Count).toBe(26);
  });

  it('reports a missing table as the modeled ResourceNotFoundException', async () => {
    const error = await ddb()
      .send(new GetItemCommand({ TableName: 'missing', Key: { id: { S: 'x' } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
  });
});
