// An SDK v3 request handler that calls the edge router directly: the SDK builds, signs and parses
// requests exactly as over HTTP, but no socket is involved. createClients(config, { requestHandler })
// uses it when the engine shares a process with the services.
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions, QueryParameterBag } from '@smithy/types';
import { Readable } from 'node:stream';
import { abortError, type SdkRequestHandler } from '../config/clients';
import type { EdgeRequest, EdgeResponse } from './edge';
import { readableOf } from './read-body';

export interface Dispatcher {
  dispatch(request: EdgeRequest): Promise<EdgeResponse>;
}

export class InProcessHandler implements SdkRequestHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly router: Dispatcher) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const signal = options.abortSignal;
    if (signal?.aborted) throw abortError();
    const dispatched = this.router.dispatch(toEdgeRequest(request));
    if (signal) dropBodyWhenAborted(dispatched, signal as AbortSignal);
    const response = await (signal ? raceAbort(dispatched, signal as AbortSignal) : dispatched);
    return { response: toHttpResponse(response) };
  }

  /** Called by SDK clients' destroy(): there is no connection pool, and the endpoint outlives its clients. */
  destroy(): void {}

  /** The HttpHandler extension hooks; socket settings mean nothing here. */
  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

export function toEdgeRequest(request: HttpRequest): EdgeRequest {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) headers[name.toLowerCase()] = request.headers[name];
  if (headers.host === undefined && request.hostname) headers.host = request.port ? `${request.hostname}:${request.port}` : request.hostname;
  const query = request.query ? queryString(request.query) : '';
  return { method: request.method, url: `${request.path || '/'}${query ? `?${query}` : ''}`, headers, body: toReadable(request.body) };
}

function toHttpResponse(response: EdgeResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) headers[name.toLowerCase()] = String(response.headers[name]);
  const { body } = response;
  if (body instanceof Readable) return new HttpResponse({ statusCode: response.status, headers, body });
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  headers['content-length'] ??= String(bytes.length);
  // awsJson responses (DynamoDB, Step Functions) are always read whole: the SDK's collectBody takes bytes as they
  // are, which spares a stream per call on the engine's hot path. Other protocols may hand the body to the caller
  // as a stream (S3 GetObject's sdkStreamMixin requires a Readable), so they keep one.
  const jsonProtocol = (headers['content-type'] ?? '').startsWith('application/x-amz-json-');
  return new HttpResponse({ statusCode: response.status, headers, body: jsonProtocol ? bytes : Readable.from([bytes]) });
}

/** Request bodies arrive as whatever the SDK serialized: nothing, a string, bytes, or a Node stream. */
function toReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (body === undefined || body === null) return Readable.from([]);
  if (typeof body === 'string') return readableOf(Buffer.from(body));
  if (body instanceof ArrayBuffer) return readableOf(Buffer.from(body));
  // A view of the same bytes: Buffer.from(typedArray) would call valueOf(), which the SDK's JSON body
  // (a Uint8Array subclass) answers with a string and a deprecation warning.
  if (ArrayBuffer.isView(body)) return readableOf(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return Readable.from(body as AsyncIterable<unknown>);
  throw new TypeError(`In-process handler: unsupported request body type ${Object.prototype.toString.call(body)}`);
}

/** Same escaping as the SDK's own query builder (RFC 3986: encodeURIComponent plus !'()*). */
function queryString(query: QueryParameterBag): string {
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === null || value === undefined) parts.push(escape(key));
    else for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escape(key)}=${escape(v)}`);
  }
  return parts.join('&');
}

const escape = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A streamed body (e.g. an S3 object file) is released when the caller gives up: at once if it already has, or
 * when its signal aborts before the body has been read to the end. A caller that stops (a stopped execution) may
 * never read nor close the body, and an open file would otherwise be closed only by the garbage collector (DEP0137).
 */
function dropBodyWhenAborted(work: Promise<EdgeResponse>, signal: AbortSignal): void {
  void work.then(
    (response) => {
      const { body } = response;
      if (!(body instanceof Readable)) return;
      if (signal.aborted) return void body.destroy();
      const drop = () => body.destroy();
      signal.addEventListener('abort', drop, { once: true });
      body.once('close', () => signal.removeEventListener('abort', drop));
    },
    () => undefined,
  );
}
