// Bad input never takes the endpoint down: oversized bodies, malformed requests, aborted uploads,
// handlers that throw, and clients that leave mid-download all get an answer (or a closed socket) and
// the next request is served normally.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import type { EdgeRequest, ServiceHandler } from '../../src/server/edge';
import { EdgeRouter } from '../../src/server/edge-router';
import { rawRequest, SIGV4, startTestEndpoint, type TestEndpoint } from './support/endpoint';

const MIB = 1024 * 1024;

/** A Step Functions stand-in whose behaviour each test chooses. */
let sfnBehaviour: (req: EdgeRequest) => ReturnType<ServiceHandler['handle']>;
const stepFunctions: ServiceHandler = { name: 'stepfunctions', handle: (req) => sfnBehaviour(req) };

let sandbox: TestEndpoint;
beforeAll(async () => {
  sandbox = await startTestEndpoint({}, { stepfunctions: stepFunctions });
});
afterAll(() => sandbox.close());

async function expectHealthy(): Promise<void> {
  const { status } = await rawRequest(sandbox.endpoint.url, { path: '/_localstack/health' });
  expect(status).toBe(200);
}

function send(options: { method: string; path?: string; headers: Record<string, string | number> }, write: (req: ReturnType<typeof httpRequest>) => void) {
  const { port } = sandbox.endpoint;
  const req = httpRequest({ host: '127.0.0.1', port, path: options.path ?? '/', method: options.method, headers: options.headers, agent: false });
  const response = new Promise<IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject));
  write(req);
  return { req, response };
}

/** Unlike events.once, not rejected by an 'error' on the way (expected here: the peer went away). */
const closed = (emitter: { once(event: 'close', fn: () => void): unknown }) => new Promise<void>((resolve) => emitter.once('close', resolve));

const readText = async (res: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

describe('bounded JSON bodies', () => {
  it('rejects a DynamoDB request over 16 MiB with a clear awsJson error', async () => {
    const big = 'x'.repeat(16 * MIB + 1);
    const error = await sandbox.clients.dynamodb
      .send(new PutItemCommand({ TableName: 't', Item: { id: { S: 'a' }, blob: { S: big } } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RequestEntityTooLarge', $metadata: { httpStatusCode: 413 } });
    expect((error as Error).message).toBe(`Request body exceeds the endpoint limit of ${16 * MIB} bytes`);
    await expectHealthy();
  });

  it('bounds a chunked DynamoDB body (no Content-Length) while reading it', async () => {
    const headers = { 'x-amz-target': 'DynamoDB_20120810.PutItem', 'content-type': 'application/x-amz-json-1.0', authorization: SIGV4('dynamodb') };
    const { response } = send({ method: 'POST', headers }, (req) => {
      const chunk = Buffer.alloc(MIB, 0x20);
      for (let i = 0; i < 17; i++) req.write(chunk);
      req.end();
    });
    const res = await response;
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(await readText(res))).toMatchObject({ __type: 'RequestEntityTooLarge' });
  });

  it('stops a Step Functions request clearly over 1 MiB before the service sees it', async () => {
    const calls: string[] = [];
    sfnBehaviour = async (req) => (calls.push(req.url), { status: 200, headers: {} });
    const raw = await rawRequest(sandbox.endpoint.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSStepFunctions.StartExecution', 'content-type': 'application/x-amz-json-1.0' },
      body: Buffer.alloc(2 * MIB, 0x20),
    });
    expect(raw.status).toBe(413);
    expect(raw.headers.get('x-amzn-errortype')).toBe('RequestEntityTooLarge');
    expect(calls).toEqual([]);
  });
});

describe('malformed and aborted requests', () => {
  it('answers a request with malformed headers with 400 and keeps serving', async () => {
    const socket = connect(sandbox.endpoint.port, '127.0.0.1');
    socket.end('GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    await once(socket, 'close');
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1\.1 400 /);
    await expectHealthy();
  });

  it.each([
    ['an S3 upload', { method: 'PUT', path: '/some-bucket/key', headers: { 'content-length': MIB, authorization: SIGV4('s3') } }],
    [
      'a DynamoDB request',
      { method: 'POST', headers: { 'content-length': MIB, 'x-amz-target': 'DynamoDB_20120810.PutItem', authorization: SIGV4('dynamodb') } },
    ],
  ])('survives %s aborted half-way', async (_name, options) => {
    const { req, response } = send(options, (r) => r.write(Buffer.alloc(MIB / 2)));
    response.catch(() => undefined);
    req.on('error', () => undefined);
    // The first half has left the client once it is flushed; then the client goes away.
    await new Promise<void>((resolve) => req.write(Buffer.alloc(1), () => resolve()));
    const done = closed(req);
    req.destroy();
    await done;
    await expectHealthy();
  });
});

describe('failing handlers and departing clients', () => {
  it('turns a handler that throws into a 500 InternalFailure in awsJson shape', async () => {
    sfnBehaviour = () => {
      throw new TypeError('boom');
    };
    const raw = await rawRequest(sandbox.endpoint.url, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines' }, body: '{}' });
    expect(raw.status).toBe(500);
    expect(raw.headers.get('x-amzn-errortype')).toBe('InternalFailure');
    expect(JSON.parse(raw.text)).toEqual({ __type: 'InternalFailure', message: 'Internal error in the sandbox endpoint: boom' });
  });

  it('turns a rejected S3 handler into a 500 InternalError XML document', async () => {
    const s3: ServiceHandler = { name: 's3', handle: () => Promise.reject(new Error('disk on fire')) };
    const router = new EdgeRouter({ s3 }, ['s3'], '0.0.0');
    const response = await router.dispatch({ method: 'GET', url: '/bucket/key', headers: {}, body: Readable.from([]) });
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/xml');
    // S3's own ids and HostId, as the S3 service writes them: one REST-XML error writer for both.
    expect(response.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    const hostId = response.headers['x-amz-id-2'];
    expect(String(response.body)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>Internal error in the sandbox endpoint: disk on fire</Message>' +
        `<RequestId>${response.headers['x-amz-request-id']}</RequestId><HostId>${hostId}</HostId></Error>`,
    );
  });

  it('releases a streamed response body when the client disconnects mid-stream', async () => {
    let served = 0;
    const body = new Readable({
      read() {
        served += 1;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    body.on('error', () => undefined);
    const released = closed(body);
    sfnBehaviour = async () => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body });
    const { req, response } = send({ method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.GetExecutionHistory' } }, (r) => r.end('{}'));
    const res = await response;
    await once(res, 'data');
    req.destroy();
    await released;
    expect(served).toBeGreaterThan(0);
    await expectHealthy();
  });
});
