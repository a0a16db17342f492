// One request/response exchange with dynalite's HTTP request listener, without a socket. dynalite's
// handler (node_modules/dynalite/index.js, httpHandler) uses only these members:
//   req: method, url, headers, on('data' | 'end' | 'error'), removeAllListeners()
//   res: statusCode (set), setHeader(), end(body), and an ad-hoc `contentType` property it sets and reads.
// writeHead/write are collected too, in case a later dynalite version uses them.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { EdgeRequest, EdgeResponse } from '../../server/edge';

/** The part of an EdgeRequest dynalite reads besides the body (and what crosses to a worker thread). */
export type DynaliteRequestHead = Pick<EdgeRequest, 'method' | 'url' | 'headers'>;

/** dynalite's answer: always a complete body (empty when it wrote none). */
export interface DynaliteAnswer extends EdgeResponse {
  readonly body: Buffer;
}

class DynaliteRequest extends EventEmitter {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super();
  }
}

class DynaliteResponse {
  statusCode = 200;
  contentType: string | undefined;
  private readonly headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];

  constructor(private readonly done: (response: DynaliteAnswer) => void) {}

  setHeader(name: string, value: number | string | readonly string[]): this {
    this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  writeHead(status: number, headers?: Record<string, number | string>): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) this.setHeader(name, value);
    return this;
  }

  write(chunk: string | Buffer): boolean {
    this.chunks.push(Buffer.from(chunk));
    return true;
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.write(chunk);
    // dynalite's 413 path sets Transfer-Encoding: chunked; our body is complete, so let the edge frame it.
    delete this.headers['transfer-encoding'];
    const body = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.done({ status: this.statusCode, headers: this.headers, body });
    return this;
  }
}

/**
 * Runs `listener` on an already-buffered request body. The body is emitted synchronously (not through a
 * stream) so that anything dynalite throws while handling 'end' lands in our try/catch, not in the event loop.
 */
export function exchange(listener: RequestListener, request: DynaliteRequestHead, body: Buffer): Promise<DynaliteAnswer> {
  return new Promise<DynaliteAnswer>((resolve, reject) => {
    const req = new DynaliteRequest(request.method.toUpperCase(), request.url, request.headers);
    const res = new DynaliteResponse(resolve);
    try {
      listener(req as unknown as IncomingMessage, res as unknown as ServerResponse);
      if (body.length > 0) req.emit('data', body);
      req.emit('end');
    } catch (err) {
      reject(err);
    }
  });
}
