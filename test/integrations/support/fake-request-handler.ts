// A scripted HTTP endpoint behind the SDK's requestHandler seam: no socket, every request recorded,
// answers produced by the test's responder. `hang()` answers never, until the call is aborted.
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { Readable } from 'node:stream';
import { abortError, createClients, type AwsClients } from '../../../src/config/clients';
import { configFromEnv } from '../../../src/config/config';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The JSON-protocol operation, from `x-amz-target` (e.g. "StartExecution"). */
  readonly operation: string | undefined;
}

export interface CannedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

const HANG = Symbol('hang');
export type Responder = (request: RecordedRequest) => CannedResponse | typeof HANG | Promise<CannedResponse | typeof HANG>;

export class FakeRequestHandler {
  readonly requests: RecordedRequest[] = [];
  private seq = 0;

  constructor(private readonly responder: Responder) {}

  static hang(): typeof HANG {
    return HANG;
  }

  /** AwsClients whose every call lands here (the endpoint URL is never dialled). */
  clients(): AwsClients {
    return createClients(configFromEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }), { requestHandler: this, maxAttempts: 1 });
  }

  operations(): Array<string | undefined> {
    return this.requests.map((r) => r.operation);
  }

  nextRequestId(): string {
    this.seq += 1;
    return `req-${this.seq}`;
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const recorded = await record(request);
    this.requests.push(recorded);
    const answer = await this.responder(recorded);
    if (answer === HANG) return new Promise((_, reject) => onAbort(options?.abortSignal, reject));
    const body = Buffer.from(answer.body ?? '');
    const headers = { 'content-length': String(body.length), ...answer.headers };
    return { response: new HttpResponse({ statusCode: answer.status, headers, body: Readable.from([body]) }) };
  }
}

/** An awsJson1.0 answer with the headers the Step Functions / DynamoDB APIs send. */
export function jsonResponse(status: number, body: unknown, requestId: string, extraHeaders: Record<string, string> = {}): CannedResponse {
  const headers: Record<string, string> = {
    'x-amzn-requestid': requestId,
    'content-type': 'application/x-amz-json-1.0',
    date: 'Mon, 06 May 2024 07:08:09 GMT',
    connection: 'keep-alive',
    ...extraHeaders,
  };
  return { status, headers, body: JSON.stringify(body) };
}

async function record(request: HttpRequest): Promise<RecordedRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return {
    method: request.method,
    path: request.path,
    query: request.query ?? {},
    headers,
    body: await bodyText(request.body),
    operation: headers['x-amz-target']?.split('.').pop(),
  };
}

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // A view, not a copy: the SDK's JSON body is a Uint8Array subclass that warns when its string methods are called.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function onAbort(signal: { aborted: boolean; addEventListener?: unknown } | undefined, reject: (error: Error) => void): void {
  if (!signal) return;
  if (signal.aborted) return reject(abortError());
  (signal as AbortSignal).addEventListener('abort', () => reject(abortError()), { once: true });
}

/** Clients for a runner whose tasks must not call AWS: any call they make fails with `reason`. */
export function unreachableClients(reason: string): AwsClients {
  return new FakeRequestHandler(() => {
    throw new Error(reason);
  }).clients();
}
