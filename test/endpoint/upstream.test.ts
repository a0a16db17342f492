// Forwarding mode (SANDBOX_UPSTREAM_URL): the endpoint as the one front door of the compose flow. The upstream here
// is the embedded endpoint serving S3 and DynamoDB (standing in for LocalStack); the front door serves Step
// Functions and passes everything else on, so a client needs AWS_ENDPOINT_URL and nothing else.
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { createClients, type AwsClients } from '../../src/config/clients';
import { configFromEnv, type Env } from '../../src/config/config';
import { runDemo } from '../../src/pipeline/demo-run';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { startEndpoint } from '../../src/server/sandbox-server';
import { sandboxVersion } from '../../src/server/version';
import { rawRequest, SIGV4 } from './support/endpoint';

const PASS_DEFINITION = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

interface Pair {
  readonly upstream: Sandbox;
  readonly frontDoor: Sandbox;
  /** What a user has: AWS_ENDPOINT_URL=<front door>, nothing per service. */
  readonly clients: AwsClients;
  readonly env: Env;
  close(): Promise<void>;
}

async function startPair(env: Env = {}): Promise<Pair> {
  const base = { SANDBOX_HOST: '127.0.0.1', SFN_TIME_SCALE: '0', ...env };
  const upstream = await startSandbox({ config: configFromEnv({ ...base, SANDBOX_SERVICES: 's3,dynamodb' }), port: 0 });
  // As in docker-compose.yml: the engine's own S3 and DynamoDB calls go straight to the upstream.
  const frontDoor = await startSandbox({
    config: configFromEnv({ ...base, SANDBOX_SERVICES: 'stepfunctions', SANDBOX_UPSTREAM_URL: upstream.url, AWS_ENDPOINT_URL: upstream.url }),
    port: 0,
  });
  const userEnv = { ...env, AWS_ENDPOINT_URL: frontDoor.url };
  const clients = createClients(configFromEnv(userEnv), { maxAttempts: 1 });
  return {
    upstream,
    frontDoor,
    clients,
    env: userEnv,
    async close() {
      clients.destroy();
      await frontDoor.close();
      await upstream.close();
    },
  };
}

describe('the front door with a running upstream', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair();
  });
  afterAll(() => pair.close());

  it('reports the upstream services and its own Step Functions as running', async () => {
    const { status, text } = await rawRequest(pair.frontDoor.url, { path: '/_localstack/health' });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      services: { s3: 'running', dynamodb: 'running', stepfunctions: 'running' },
      edition: 'community',
      version: sandboxVersion(),
    });
    const upstream = JSON.parse((await rawRequest(pair.upstream.url, { path: '/_localstack/health' })).text);
    expect(upstream.services.stepfunctions).toBe('disabled');
  });

  it('passes S3 requests on, bodies streamed both ways', async () => {
    const Bucket = 'front-door-bucket';
    const Body = Buffer.alloc(3 * 1024 * 1024, 'x');
    await pair.clients.s3.send(new CreateBucketCommand({ Bucket }));
    await pair.clients.s3.send(new PutObjectCommand({ Bucket, Key: 'big.bin', Body }));
    const got = await pair.clients.s3.send(new GetObjectCommand({ Bucket, Key: 'big.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Body)).toBe(true);
  });

  it('passes S3 errors on as the upstream wrote them', async () => {
    const error = await pair.clients.s3.send(new GetObjectCommand({ Bucket: 'front-door-missing', Key: 'k' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
  });

  it('passes DynamoDB requests on', async () => {
    const TableName = 'front-door-table';
    await pair.clients.dynamodb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const Item = { pk: { S: 'a' }, n: { N: '1' } };
    await pair.clients.dynamodb.send(new PutItemCommand({ TableName, Item }));
    const got = await pair.clients.dynamodb.send(new GetItemCommand({ TableName, Key: { pk: Item.pk } }));
    expect(got.Item).toEqual(Item);
  });

  it('serves Step Functions itself: the upstream never sees the state machine', async () => {
    const roleArn = 'arn:aws:iam::000000000000:role/r';
    await pair.clients.sfn.send(new CreateStateMachineCommand({ name: 'front-door-sm', definition: PASS_DEFINITION, roleArn }));
    const listed = await pair.clients.sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toContain('front-door-sm');
    const upstreamClients = createClients(configFromEnv({ AWS_ENDPOINT_URL: pair.upstream.url }), { maxAttempts: 1 });
    try {
      const direct = await upstreamClients.sfn.send(new ListStateMachinesCommand({})).catch((e: unknown) => e);
      expect(direct).toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 501 } });
    } finally {
      upstreamClients.destroy();
    }
  });

  it('passes any other service on, whatever the upstream answers (here: the upstream does not emulate SQS)', async () => {
    const { status, text } = await rawRequest(pair.frontDoor.url, {
      method: 'POST',
      headers: { authorization: SIGV4('sqs'), 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ListQueues' },
      body: '{}',
    });
    expect(status).toBe(501);
    expect(JSON.parse(text).message).toContain("Service 'sqs' is not emulated");
  });

  it('passes LocalStack init routes on (the upstream runs the hooks)', async () => {
    const { status, text } = await rawRequest(pair.frontDoor.url, { path: '/_localstack/init/ready' });
    expect([status, JSON.parse(text)]).toEqual([200, { completed: true, scripts: [] }]);
  });

  it('runs the whole pipeline with AWS_ENDPOINT_URL alone: bootstrap, seed, run, verify', async () => {
    const config = configFromEnv({ ...pair.env, SANDBOX_BUCKET: 'front-door-orders', SANDBOX_TABLE: 'front-door-orders' });
    const { summary, verify } = await runDemo(pair.clients, config, { rows: 60, seed: 3, malformed: 0, pollMs: 20 });
    expect(summary.status).toBe('SUCCEEDED');
    expect(verify).toMatchObject({ ok: true, validRows: 60, present: 60, lost: [], duplicateKeys: 0 });
  });
});

describe('the front door when the upstream does not answer', () => {
  it('answers 502 naming SANDBOX_UPSTREAM_URL, and health says 503 with the cause', async () => {
    // A port that was free a moment ago: nothing listens there.
    const gone = await startEndpoint({ config: configFromEnv({ SANDBOX_SERVICES: 's3' }), services: {}, host: '127.0.0.1', port: 0 });
    const deadUrl = gone.url;
    await gone.close();
    const frontDoor = await startSandbox({
      config: configFromEnv({ SANDBOX_HOST: '127.0.0.1', SANDBOX_SERVICES: 'stepfunctions', SANDBOX_UPSTREAM_URL: deadUrl }),
      port: 0,
    });
    const clients = createClients(configFromEnv({ AWS_ENDPOINT_URL: frontDoor.url }), { maxAttempts: 1 });
    try {
      const error = await clients.s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 502 } });
      expect((error as Error).message).toContain(`The upstream endpoint ${deadUrl} (SANDBOX_UPSTREAM_URL) did not answer`);

      const health = await rawRequest(frontDoor.url, { path: '/_localstack/health' });
      expect(health.status).toBe(503);
      expect(JSON.parse(health.text)).toMatchObject({
        services: { s3: 'disabled', dynamodb: 'disabled', stepfunctions: 'running' },
        upstream: { url: deadUrl, error: expect.stringMatching(/ECONNREFUSED/) },
      });
    } finally {
      clients.destroy();
      await frontDoor.close();
    }
  });
});
