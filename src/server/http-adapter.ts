// Adapts node:http to the EdgeRequest/EdgeResponse pair, both ways.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EdgeRequest, EdgeResponse } from './edge';

export function toEdgeRequest(req: IncomingMessage): EdgeRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: req };
}

export async function writeEdgeResponse(res: ServerResponse, response: EdgeResponse): Promise<void> {
  const { body } = response;
  const headers = { ...response.headers };
  if (body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
  } else if (body instanceof Readable) {
    res.writeHead(response.status, headers);
    await pipeline(body, res);
  } else {
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    if (!hasHeader(headers, 'content-length')) headers['content-length'] = String(buf.length);
    res.writeHead(response.status, headers);
    res.end(buf);
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}
