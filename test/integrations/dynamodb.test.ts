import { ScaledClock } from '../../src/engine/runtime/clock';
import type { TaskRunner } from '../../src/engine/integrations/types';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { startDynalite, type StartedDynalite } from './support/dynalite';
import { failureOf, invocation } from './support/invocation';

const PUT = 'arn:aws:states:::dynamodb:putItem';
const GET = 'arn:aws:states:::dynamodb:getItem';
const UPDATE = 'arn:aws:states:::dynamodb:updateItem';
const DELETE = 'arn:aws:states:::dynamodb:deleteItem';
const REQUEST_ID = /^[A-Z0-9]{52}$/;

describe('optimized DynamoDB integration (dynalite)', () => {
  let ddb: StartedDynalite;
  let runner: TaskRunner;
  const run = (arn: string, args: unknown) => runner.invoke(invocation(runner, arn, args));

  beforeAll(async () => {
    ddb = await startDynalite();
    runner = createTaskRunner({ clients: ddb.clients, region: 'us-east-1', accountId: '000000000000', clock: new ScaledClock(0) });
    await ddb.createTable('orders');
  });
  afterAll(() => ddb.close());

  it('resolves the four actions with the history resource names', () => {
    expect(runner.resolve(PUT)).toEqual({ arn: PUT, resourceType: 'dynamodb', resource: 'putItem', pattern: 'REQUEST_RESPONSE' });
    expect(runner.resolve(DELETE)).toMatchObject({ resourceType: 'dynamodb', resource: 'deleteItem' });
  });

  it('putItem returns only the SDK metadata, built from the real response headers', async () => {
    const result = (await run(PUT, { TableName: 'orders', Item: { id: { S: 'o-1' }, total: { N: '12.5' } } })) as Record<string, any>;
    expect(Object.keys(result)).toEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
    const { AllHttpHeaders, HttpHeaders, HttpStatusCode } = result.SdkHttpMetadata;
    expect(HttpStatusCode).toBe(200);
    expect(result.SdkResponseMetadata.RequestId).toMatch(REQUEST_ID);
    expect(HttpHeaders['x-amzn-RequestId']).toBe(result.SdkResponseMetadata.RequestId);
    expect(AllHttpHeaders['x-amzn-RequestId']).toEqual([result.SdkResponseMetadata.RequestId]);
    expect(HttpHeaders).toMatchObject({ 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': '2', Connection: 'keep-alive' });
    expect(HttpHeaders['x-amz-crc32']).toMatch(/^\d+$/);
    expect(HttpHeaders.Date).toMatch(/GMT$/);
    // SDK v1 keeps HttpHeaders sorted case-insensitively.
    const names = Object.keys(HttpHeaders);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('getItem returns Item in DynamoDB JSON; a missing key has no Item member', async () => {
    await run(PUT, { TableName: 'orders', Item: { id: { S: 'o-2' }, blob: { B: 'aGVsbG8=' }, tags: { SS: ['a'] } } });
    const found = (await run(GET, { TableName: 'orders', Key: { id: { S: 'o-2' } } })) as Record<string, unknown>;
    expect(found.Item).toEqual({ id: { S: 'o-2' }, blob: { B: 'aGVsbG8=' }, tags: { SS: ['a'] } });
    expect(Object.keys(found)).toEqual(['Item', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    const missing = (await run(GET, { TableName: 'orders', Key: { id: { S: 'nope' } } })) as Record<string, unknown>;
    expect(missing).not.toHaveProperty('Item');
    expect(missing).toHaveProperty('SdkHttpMetadata.HttpStatusCode', 200);
  });

  it('updateItem with ReturnValues returns Attributes', async () => {
    await run(PUT, { TableName: 'orders', Item: { id: { S: 'o-3' }, S: { S: 'HelloWorld' } } });
    const result = await run(UPDATE, {
      TableName: 'orders',
      Key: { id: { S: 'o-3' } },
      UpdateExpression: 'set S=:r',
      ExpressionAttributeValues: { ':r': { S: 'HelloWorldUpdated' } },
      ReturnValues: 'UPDATED_NEW',
    });
    expect(result).toMatchObject({ Attributes: { S: { S: 'HelloWorldUpdated' } } });
  });

  it('deleteItem removes the item and returns only metadata', async () => {
    await run(PUT, { TableName: 'orders', Item: { id: { S: 'o-4' } } });
    const result = (await run(DELETE, { TableName: 'orders', Key: { id: { S: 'o-4' } } })) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(await run(GET, { TableName: 'orders', Key: { id: { S: 'o-4' } } })).not.toHaveProperty('Item');
  });

  it('a missing table fails with DynamoDB.ResourceNotFoundException and the SDK-v1 cause', async () => {
    const failure = await failureOf(run(PUT, { TableName: 'missing-table', Item: { id: { S: 'x' } } }));
    expect(failure.error).toBe('DynamoDB.ResourceNotFoundException');
    expect(failure.cause).toMatch(
      /^Requested resource not found \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: [A-Z0-9]{52}; Proxy: null\)$/,
    );
  });

  it('a failed condition fails with DynamoDB.ConditionalCheckFailedException', async () => {
    await run(PUT, { TableName: 'orders', Item: { id: { S: 'o-5' } } });
    const failure = await failureOf(run(PUT, { TableName: 'orders', Item: { id: { S: 'o-5' } }, ConditionExpression: 'attribute_not_exists(id)' }));
    expect(failure.error).toBe('DynamoDB.ConditionalCheckFailedException');
    expect(failure.cause).toMatch(
      /^The conditional request failed \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: \S+; Proxy: null\)$/,
    );
  });

  it('a validation error is DynamoDB.AmazonDynamoDBException with Error Code ValidationException', async () => {
    const failure = await failureOf(run(PUT, { TableName: 'orders', Item: { other: { S: 'no key' } } }));
    expect(failure.error).toBe('DynamoDB.AmazonDynamoDBException');
    expect(failure.cause).toMatch(/\(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: \S+; Proxy: null\)$/);
    expect(failure.cause).toMatch(/^One or more parameter values were invalid: Missing the key id in the item \(/);
  });

  it('rejects non-object arguments with a message naming the state and resource', async () => {
    const failure = await failureOf(run(PUT, ['not', 'an', 'object']));
    expect(failure).toEqual({
      error: 'States.Runtime',
      cause: "The parameters of state 'Task' for resource 'arn:aws:states:::dynamodb:putItem' must be a JSON object, got array",
    });
  });
});
