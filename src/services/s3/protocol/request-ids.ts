// S3 tags every response with x-amz-request-id (16 upper-case hex chars) and x-amz-id-2 (the "extended request id",
// base64); SDK errors carry both as $metadata.requestId / extendedRequestId.
import { randomBytes } from 'node:crypto';

export interface RequestIds {
  readonly requestId: string;
  readonly hostId: string;
}

export function newRequestIds(): RequestIds {
  return { requestId: randomBytes(8).toString('hex').toUpperCase(), hostId: randomBytes(48).toString('base64') };
}

export function requestIdHeaders(ids: RequestIds): Record<string, string> {
  return { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId };
}
