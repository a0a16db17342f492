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

// Recorded optimized-integration results: DynamoDB `Server, Connection, x-amzn-RequestId, x-amz-crc32,
// Content-Length, Date, Content-Type` (Server: "Server"); Step Functions `x-amzn-RequestId, connection,
// Content-Length, Date, Content-Type`.
const LAYOUTS: Partial<Record<EndpointService, WireLayout>> = {
  dynamodb: {
    order: ['Server', 'Connection', 'x-amzn-RequestId', 'x-amz-crc32', 'Content-Length', 'Date', 'Content-Type'],
    fixed: { server: 'Server' },
  },
  stepfunctions: { order: ['x-amzn-RequestId', 'connection', 'Content-Length', 'Date', 'Content-Type'] },
};

/** `response` with the service's header set in its order; other headers (e.g. x-amzn-ErrorType) follow. */
export function withWireHeaders(service: EndpointService | undefined, request: EdgeRequest, response: EdgeResponse, now = new Date()): EdgeResponse {
  const layout = service && LAYOUTS[service];
  const { body } = response;
  if (!layout || body instanceof Readable) return response;
  const given = new Map(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const computed: Record<string, string> = {
    // Keep the client's wish to close: an explicit keep-alive would make node:http hold the socket open.
    connection: request.headers.connection?.toLowerCase() === 'close' ? 'close' : 'keep-alive',
    'content-length': String(body === undefined ? 0 : Buffer.byteLength(body)),
    date: now.toUTCString(),
    ...layout.fixed,
  };
  const headers: Record<string, string> = {};
  for (const name of layout.order) {
    const value = given.get(name.toLowerCase()) ?? computed[name.toLowerCase()];
    if (value !== undefined) headers[name] = value;
  }
  const placed = new Set(layout.order.map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(response.headers)) if (!placed.has(name.toLowerCase())) headers[name] = value;
  return { ...response, headers };
}
