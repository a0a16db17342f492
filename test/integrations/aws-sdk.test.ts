import { ScaledClock } from '../../src/engine/runtime/clock';
import type { TaskRunner } from '../../src/engine/integrations/types';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { startDynalite, type StartedDynalite } from './support/dynalite';
import { FakeRequestHandler, unreachableClients, type RecordedRequest } from './support/fake-request-handler';
import { failureOf, invocation } from './support/invocation';

const options = { region: 'us-east-1', accountId: '000000000000', clock: new ScaledClock(0) };

describe('aws-sdk:dynamodb (dynalite)', () => {
  let ddb: StartedDynalite;
  let runner: TaskRunner;
  const run = (action: string, args: unknown) => runner.invoke(invocation(runner, `arn:aws:states:::aws-sdk:dynamodb:${action}`, args));

  beforeAll(async () => {
    ddb = await startDynalite();
    runner = createTaskRunner({ ...options, clients: ddb.clients });
    await ddb.createTable('items');
  });
  afterAll(() => ddb.close());

  it('resolves any action of the SDK client with the aws-sdk history names', () => {
    expect(runner.resolve('arn:aws:states:::aws-sdk:dynamodb:batchWriteItem')).toEqual({
      arn: 'arn:aws:states:::aws-sdk:dynamodb:batchWriteItem',
      resourceType: 'aws-sdk:dynamodb',
      resource: 'batchWriteItem',
      pattern: 'REQUEST_RESPONSE',
    });
    expect(runner.resolve('arn:aws:states:::aws-sdk:dynamodb:describeTable')).toMatchObject({ resource: 'describeTable' });
  });

  it('putItem returns {} and getItem {Item}: no SDK metadata', async () => {
    expect(await run('putItem', { TableName: 'items', Item: { id: { S: 'a' }, n: { N: '1' } } })).toEqual({});
    expect(await run('getItem', { TableName: 'items', Key: { id: { S: 'a' } } })).toEqual({ Item: { id: { S: 'a' }, n: { N: '1' } } });
  });

  it('batchWriteItem returns an empty UnprocessedItems map when everything was written', async () => {
    const requests = ['b1', 'b2', 'b3'].map((id) => ({ PutRequest: { Item: { id: { S: id } } } }));
    expect(await run('batchWriteItem', { RequestItems: { items: requests } })).toEqual({ UnprocessedItems: {} });
    const scanned = (await run('scan', {
      TableName: 'items',
      FilterExpression: 'begins_with(id, :p)',
      ExpressionAttributeValues: { ':p': { S: 'b' } },
    })) as Record<string, unknown>;
    expect(scanned).toMatchObject({ Count: 3, ScannedCount: expect.any(Number) });
  });

  it('query returns Count/Items/ScannedCount', async () => {
    await run('putItem', { TableName: 'items', Item: { id: { S: 'q' } } });
    const result = await run('query', { TableName: 'items', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'q' } } });
    expect(result).toEqual({ Count: 1, Items: [{ id: { S: 'q' } }], ScannedCount: 1 });
  });

  it('renders timestamps as ISO-8601 strings (describeTable)', async () => {
    const result = (await run('describeTable', { TableName: 'items' })) as { Table: { CreationDateTime: unknown; TableName: string } };
    expect(result.Table.TableName).toBe('items');
    expect(result.Table.CreationDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
  });

  it('names errors with SDK-v2 casing and cause format', async () => {
    const missing = await failureOf(run('getItem', { TableName: 'missing', Key: { id: { S: 'a' } } }));
    expect(missing.error).toBe('DynamoDb.ResourceNotFoundException');
    expect(missing.cause).toMatch(/^Requested resource not found \(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\)$/);
    await run('putItem', { TableName: 'items', Item: { id: { S: 'c' } } });
    const conditional = await failureOf(run('putItem', { TableName: 'items', Item: { id: { S: 'c' } }, ConditionExpression: 'attribute_not_exists(id)' }));
    expect(conditional.error).toBe('DynamoDb.ConditionalCheckFailedException');
    expect(conditional.cause).toMatch(/^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\)$/);
    // Unmodeled codes (ValidationException) take the service's base exception name.
    const invalid = await failureOf(run('putItem', { TableName: 'items', Item: {} }));
    expect(invalid.error).toBe('DynamoDb.DynamoDbException');
    expect(invalid.cause).toMatch(/\(Service: DynamoDb, Status Code: 400, Request ID: \S+\)$/);
  });
});

describe('aws-sdk:s3 (scripted endpoint)', () => {
  const objects = new Map<string, string>();
  const fake = new FakeRequestHandler((request) => s3Answer(request, objects));
  const clients = fake.clients();
  const runner = createTaskRunner({ ...options, clients: clients });
  const run = (action: string, args: unknown) => runner.invoke(invocation(runner, `arn:aws:states:::aws-sdk:s3:${action}`, args));
  afterAll(() => clients.destroy());

  it('putObject stores any Body as its JSON text, a string Body JSON-encoded too', async () => {
    const put = await run('putObject', { Bucket: 'b', Key: 'text.txt', Body: 'text data' });
    expect(put).toEqual({ ETag: '"etag-text.txt"', ServerSideEncryption: 'AES256' });
    expect(objects.get('/b/text.txt')).toBe('"text data"');
    await run('putObject', { Bucket: 'b', Key: 'doc.json', Body: { a: [1, true] } });
    expect(objects.get('/b/doc.json')).toBe('{"a":[1,true]}');
    await run('putObject', { Bucket: 'b', Key: 'n.json', Body: 42 });
    expect(objects.get('/b/n.json')).toBe('42');
  });

  it('getObject returns the body as a string and dates as ISO strings', async () => {
    objects.set('/b/hello.txt', 'text data');
    expect(await run('getObject', { Bucket: 'b', Key: 'hello.txt' })).toEqual({
      AcceptRanges: 'bytes',
      ContentLength: 9,
      ContentType: 'binary/octet-stream',
      ETag: '"etag-hello.txt"',
      LastModified: '2024-05-06T07:08:09Z',
      Metadata: {},
      ServerSideEncryption: 'AES256',
      Body: 'text data',
    });
  });

  it('a missing key fails with S3.NoSuchKeyException and the extended request id', async () => {
    const failure = await failureOf(run('getObject', { Bucket: 'b', Key: 'absent.txt' }));
    expect(failure).toEqual({
      error: 'S3.NoSuchKeyException',
      cause: 'The specified key does not exist. (Service: S3, Status Code: 404, Request ID: s3-req-1, Extended Request ID: s3-ext-1)',
    });
  });

  it('an unmodeled S3 error code becomes S3.S3Exception', async () => {
    const failure = await failureOf(run('getObject', { Bucket: 'invalid', Key: 'x' }));
    expect(failure.error).toBe('S3.S3Exception');
    expect(failure.cause).toBe('Invalid Argument (Service: S3, Status Code: 400, Request ID: s3-req-1, Extended Request ID: s3-ext-1)');
  });

  it('converts string timestamps for S3 timestamp members and rejects invalid ones', async () => {
    objects.set('/b/t.txt', 'x');
    await run('getObject', { Bucket: 'b', Key: 't.txt', IfModifiedSince: '2020-01-02T03:04:05Z' });
    expect(fake.requests.at(-1)?.headers['if-modified-since']).toBe('Thu, 02 Jan 2020 03:04:05 GMT');
    const failure = await failureOf(run('getObject', { Bucket: 'b', Key: 't.txt', IfModifiedSince: 'yesterday' }));
    expect(failure).toEqual({ error: 'States.Runtime', cause: 'aws-sdk:s3:getObject: \'IfModifiedSince\' is not a valid timestamp: "yesterday"' });
  });
});

describe('aws-sdk abort', () => {
  it('aborting an in-flight call rejects with the abort reason, not the SDK AbortError', async () => {
    const controller = new AbortController();
    const reason = new Error('execution stopped');
    const fake = new FakeRequestHandler(() => {
      setImmediate(() => controller.abort(reason));
      return FakeRequestHandler.hang();
    });
    const clients = fake.clients();
    const runner = createTaskRunner({ ...options, clients: clients });
    const task = runner.invoke(invocation(runner, 'arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'b', Key: 'k' }, { signal: controller.signal }));
    await expect(task).rejects.toBe(reason);
    expect(fake.requests).toHaveLength(1);
    clients.destroy();
  });
});

describe('aws-sdk resource resolution', () => {
  const runner = createTaskRunner({ ...options, clients: unreachableClients('not called') });
  it('resolves .waitForTaskToken: the call is the API action, the history resource keeps the suffix', () => {
    const arn = 'arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken';
    expect(runner.resolve(arn)).toEqual({
      arn,
      resourceType: 'aws-sdk:dynamodb',
      resource: 'putItem.waitForTaskToken',
      pattern: 'WAIT_FOR_TASK_TOKEN',
      action: 'putItem',
    });
  });
  it.each([
    'arn:aws:states:::aws-sdk:dynamodb:noSuchAction',
    'arn:aws:states:::aws-sdk:dynamodb:PutItem',
    'arn:aws:states:::aws-sdk:dynamodb:putItem.sync',
    'arn:aws:states:::aws-sdk:sqs:sendMessage',
  ])('%s is unrecognized', (arn) => {
    expect(runner.resolve(arn)).toEqual({
      unrecognized: `The resource provided ${arn} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
    });
  });
});

function s3Answer(request: RecordedRequest, objects: Map<string, string>) {
  const ids = { 'x-amz-request-id': 's3-req-1', 'x-amz-id-2': 's3-ext-1' };
  if (request.path.startsWith('/invalid/')) {
    return { status: 400, headers: { ...ids, 'content-type': 'application/xml' }, body: errorXml('InvalidArgument', 'Invalid Argument') };
  }
  const key = request.path.split('/').pop();
  if (request.method === 'PUT') {
    objects.set(request.path, request.body);
    return { status: 200, headers: { ...ids, etag: `"etag-${key}"`, 'x-amz-server-side-encryption': 'AES256' } };
  }
  const body = objects.get(request.path);
  if (body === undefined) {
    return { status: 404, headers: { ...ids, 'content-type': 'application/xml' }, body: errorXml('NoSuchKey', 'The specified key does not exist.') };
  }
  const headers = {
    ...ids,
    'accept-ranges': 'bytes',
    'content-type': 'binary/octet-stream',
    etag: `"etag-${key}"`,
    'last-modified': 'Mon, 06 May 2024 07:08:09 GMT',
    'x-amz-server-side-encryption': 'AES256',
  };
  return { status: 200, headers, body };
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>s3-req-1</RequestId><HostId>s3-ext-1</HostId></Error>`;
}
