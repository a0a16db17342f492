// The response headers DynamoDB and Step Functions send, in the order they send them. Step Functions'
// optimized integrations copy them into SdkHttpMetadata (AllHttpHeaders keeps wire order), so a Task
// calling this endpoint in-process must see the same set an HTTP client does: Server, Connection and Date
// are written here, not left to node:http (which also adds a Keep-Alive header AWS does not send).
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
import { Readable } from 'node:stream';
import type { EndpointService } from '../config/config';
import type { EdgeRequest, EdgeResponse } from './edge';

interface WireLayout {
  /** Header names in wire order, spelled as the service spells them. */
  readonly order: readonly string[];
  /** Values the service always sends. */
  readonly fixed?: Readonly<Record<string, string>>;
}

/** A layout's names lower-cased once (this runs for every DynamoDB and Step Functions response). */
interface PreparedLayout {
  /** [wire spelling, lower-case name] in wire order. */
  readonly order: readonly (readonly [string, string])[];
  readonly placed: ReadonlySet<string>;
  readonly fixed: Readonly<Record<string, string>>;
}

function prepare(layout: WireLayout): PreparedLayout {
  const order = layout.order.map((name) => [name, name.toLowerCase()] as const);
  return { order, placed: new Set(order.map(([, lower]) => lower)), fixed: layout.fixed ?? {} };
}

// Recorded optimized-integration results: DynamoDB `Server, Connection, x-amzn-RequestId, x-amz-crc32,
// Content-Length, Date, Content-Type` (Server: "Server"); Step Functions `x-amzn-RequestId, connection,
// Content-Length, Date, Content-Type`.
const LAYOUTS: Partial<Record<EndpointService, PreparedLayout>> = {
  dynamodb: prepare({
    order: ['Server', 'Connection', 'x-amzn-RequestId', 'x-amz-crc32', 'Content-Length', 'Date', 'Content-Type'],
    fixed: { server: 'Server' },
  }),
  stepfunctions: prepare({ order: ['x-amzn-RequestId', 'connection', 'Content-Length', 'Date', 'Content-Type'] }),
};

/** `response` with the service's header set in its order; other headers (e.g. x-amzn-ErrorType) follow. */
export function withWireHeaders(service: EndpointService | undefined, request: EdgeRequest, response: EdgeResponse, now?: Date): EdgeResponse {
  const layout = service && LAYOUTS[service];
  const { body } = response;
  if (!layout || body instanceof Readable) return response;
  const given: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) given[name.toLowerCase()] = response.headers[name];
  const headers: Record<string, string> = {};
  for (const [name, lower] of layout.order) {
    const value = given[lower] ?? computedHeader(lower, layout, request, body, now);
    if (value !== undefined) headers[name] = value;
  }
  for (const name of Object.keys(response.headers)) if (!layout.placed.has(name.toLowerCase())) headers[name] = response.headers[name];
  return { ...response, headers };
}

/** The value written when the service's response lacks the header; undefined when there is none. */
function computedHeader(lower: string, layout: PreparedLayout, request: EdgeRequest, body: Buffer | string | undefined, now = new Date()): string | undefined {
  if (lower in layout.fixed) return layout.fixed[lower];
  switch (lower) {
    case 'connection':
      // Keep the client's wish to close: an explicit keep-alive would make node:http hold the socket open.
      return request.headers.connection?.toLowerCase() === 'close' ? 'close' : 'keep-alive';
    case 'content-length':
      return String(body === undefined ? 0 : Buffer.byteLength(body));
    case 'date':
      return now.toUTCString();
    default:
      return undefined;
  }
}
