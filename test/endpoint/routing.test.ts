// The edge's routing (LocalStack's ordered rules), its internal routes, and the errors it answers itself.
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { Readable } from 'node:stream';
import { createClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { createOwnServices } from '../../src/sandbox/own-services';
import type { EdgeRequest, ServiceHandler } from '../../src/server/edge';
import { awsJsonResponse } from '../../src/server/protocols/aws-json';
import { resolveService } from '../../src/server/resolve-service';
import { startEndpoint } from '../../src/server/sandbox-server';
import { sandboxVersion } from '../../src/server/version';
import { rawRequest, SIGV4, startTestEndpoint, type TestEndpoint } from './support/endpoint';

const request = (headers: Record<string, string>, url = '/', method = 'POST'): EdgeRequest => ({ method, url, headers, body: Readable.from([]) });

describe('resolveService', () => {
  it.each([
    ['DynamoDB target', request({ 'x-amz-target': 'DynamoDB_20120810.PutItem', authorization: SIGV4('s3') }), { kind: 'service', service: 'dynamodb' }],
    ['Step Functions target', request({ 'x-amz-target': 'AWSStepFunctions.StartExecution' }), { kind: 'service', service: 'stepfunctions' }],
    ['SigV4 scope states', request({ authorization: SIGV4('states') }), { kind: 'service', service: 'stepfunctions' }],
    ['SigV4 scope dynamodb', request({ authorization: SIGV4('dynamodb') }), { kind: 'service', service: 'dynamodb' }],
    ['SigV4 scope s3', request({ authorization: SIGV4('s3') }, '/health', 'GET'), { kind: 'service', service: 's3' }],
    ['presigned URL scope', request({}, '/b/k?X-Amz-Credential=test%2F20250101%2Fus-east-1%2Fs3%2Faws4_request', 'GET'), { kind: 'service', service: 's3' }],
    ['other AWS service', request({ authorization: SIGV4('sqs') }), { kind: 'unsupported', signingName: 'sqs' }],
    ['LocalStack health', request({ authorization: SIGV4('s3') }, '/_localstack/health', 'GET'), { kind: 'localstack', path: '/_localstack/health' }],
    ['unsigned /health', request({}, '/health?x=1', 'GET'), { kind: 'localstack', path: '/health' }],
    ['anything else', request({}, '/bucket/key', 'PUT'), { kind: 'service', service: 's3' }],
  ])('%s', (_name, edgeRequest, route) => {
    expect(resolveService(edgeRequest)).toEqual(route);
  });
});

describe('the edge without a Step Functions engine', () => {
  let sandbox: TestEndpoint;
  beforeAll(async () => {
    sandbox = await startTestEndpoint();
  });
  afterAll(() => sandbox.close());

  it.each(['/_localstack/health', '/health'])("answers %s in LocalStack's shape", async (path) => {
    const { status, text } = await rawRequest(sandbox.endpoint.url, { path });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      services: { s3: 'running', dynamodb: 'running', stepfunctions: 'disabled' },
      edition: 'community',
      version: sandboxVersion(),
    });
    expect(sandboxVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers HEAD on health with headers only', async () => {
    const { status, text } = await rawRequest(sandbox.endpoint.url, { method: 'HEAD', path: '/_localstack/health' });
    expect([status, text]).toEqual([200, '']);
  });

  it('reports init stages like LocalStack (no hooks, so nothing pending)', async () => {
    const all = await rawRequest(sandbox.endpoint.url, { path: '/_localstack/init' });
    expect(JSON.parse(all.text)).toEqual({ completed: { BOOT: true, START: true, READY: true, SHUTDOWN: false }, scripts: [] });
    const ready = await rawRequest(sandbox.endpoint.url, { path: '/_localstack/init/ready' });
    expect(JSON.parse(ready.text)).toEqual({ completed: true, scripts: [] });
    const unknown = await rawRequest(sandbox.endpoint.url, { path: '/_localstack/nope' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error).toContain('/_localstack/nope');
  });

  it('answers Step Functions calls with an awsJson1_0 UnknownOperationException', async () => {
    const error = await sandbox.clients.sfn.send(new ListStateMachinesCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain('AWSStepFunctions.ListStateMachines');

    const raw = await rawRequest(sandbox.endpoint.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSStepFunctions.StartExecution', 'content-type': 'application/x-amz-json-1.0' },
      body: '{}',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(raw.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(raw.text)).toEqual({ __type: 'UnknownOperationException', message: expect.stringContaining('StartExecution') });
  });

  it('names the service when a request is signed for one it does not emulate', async () => {
    const raw = await rawRequest(sandbox.endpoint.url, { method: 'POST', headers: { authorization: SIGV4('sqs') }, body: 'Action=ListQueues' });
    expect(raw.status).toBe(501);
    expect(JSON.parse(raw.text)).toEqual({ __type: 'InternalFailure', message: expect.stringContaining("'sqs'") });
  });
});

describe('the edge with SANDBOX_SERVICES and an attached Step Functions handler', () => {
  let sandbox: TestEndpoint;
  const seen: string[] = [];
  const stepFunctions: ServiceHandler = {
    name: 'stepfunctions',
    handle: async (req) => {
      seen.push(req.headers['x-amz-target'] ?? '');
      return awsJsonResponse({ stateMachines: [] }, 'req-1');
    },
  };

  beforeAll(async () => {
    sandbox = await startTestEndpoint({ SANDBOX_SERVICES: 'stepfunctions,dynamodb' }, { stepfunctions: stepFunctions });
  });
  afterAll(() => sandbox.close());

  it('serves the Step Functions handler it was handed', () => {
    expect(sandbox.endpoint.services.stepfunctions).toBe(stepFunctions);
  });

  it('routes Step Functions calls to that handler, and reports it running', async () => {
    const listed = await sandbox.clients.sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines).toEqual([]);
    expect(seen).toEqual(['AWSStepFunctions.ListStateMachines']);
    const health = JSON.parse((await rawRequest(sandbox.endpoint.url, { path: '/_localstack/health' })).text);
    expect(health.services).toEqual({ s3: 'disabled', dynamodb: 'running', stepfunctions: 'running' });
  });

  it("answers a service left out of SANDBOX_SERVICES as LocalStack does (501, in the service's protocol)", async () => {
    const error = await sandbox.clients.s3.send(new ListBucketsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 501 } });
    expect((error as Error).message).toBe("Service 's3' is not enabled. Please check your 'SANDBOX_SERVICES' configuration variable.");
  });
});

describe('closing the endpoint', () => {
  it('closes the services it was handed, Step Functions first, while S3 and DynamoDB still answer its last calls', async () => {
    const config = configFromEnv({ SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: '0' });
    const { s3, dynamodb } = await createOwnServices(config, undefined);
    const closed: string[] = [];
    const closing = (service: ServiceHandler): ServiceHandler => ({
      name: service.name,
      handle: (req) => service.handle(req),
      close: async () => (closed.push(service.name), service.close?.()),
    });
    let lastCall: unknown;
    const stepFunctions: ServiceHandler = {
      name: 'stepfunctions',
      handle: async () => awsJsonResponse({ stateMachines: [] }, 'req-1'),
      close: async () => {
        closed.push('stepfunctions');
        // A stopping execution's last calls still reach DynamoDB in-process.
        lastCall = await clients.dynamodb.send(new ListTablesCommand({})).then(
          (out) => out.TableNames,
          (err: unknown) => err,
        );
      },
    };
    const endpoint = await startEndpoint({ config, services: { s3: closing(s3!), dynamodb: closing(dynamodb!), stepfunctions: stepFunctions } });
    const clients = createClients(config, { requestHandler: endpoint.requestHandler, maxAttempts: 1 });
    await endpoint.close();
    clients.destroy();
    expect(closed).toEqual(['stepfunctions', 's3', 'dynamodb']);
    expect(lastCall).toEqual([]);
    // Closed for real: DynamoDB now refuses work.
    await expect(dynamodb!.handle(request({ 'x-amz-target': 'DynamoDB_20120810.ListTables' }))).rejects.toMatchObject({ code: 'ServiceUnavailable' });
  });
});
